// Metrics reported on a dataset: which metrics the numbers reported on a dataset measure.
// Parameters (run the :param line in Neo4j Browser first):
// :param dataset => 'GSM8K'
MATCH (r:Result)-[:ON_DATASET]->(d:Dataset)
WHERE toLower(d.name) = toLower($dataset) OR toLower($dataset) IN [a IN d.aliases | toLower(a)]
MATCH (r)-[:MEASURED_BY]->(m:Metric)
RETURN m.name AS metric, count(r) AS results
ORDER BY results DESC, metric;
