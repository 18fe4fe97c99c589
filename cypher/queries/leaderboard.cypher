// Leaderboard of a dataset: every number reported on it, with what it measures and who reports it.
// Returns one row per reported result, best value first within each metric.
// Parameters (run the :param line in Neo4j Browser first):
// :param dataset => 'GSM8K'
MATCH (r:Result)-[:ON_DATASET]->(d:Dataset)
WHERE toLower(d.name) = toLower($dataset) OR toLower($dataset) IN [a IN d.aliases | toLower(a)]
MATCH (p:Paper)-[:REPORTS]->(r)
OPTIONAL MATCH (r)-[:OF]->(subject)
OPTIONAL MATCH (r)-[:MEASURED_BY]->(metric:Metric)
RETURN subject.name AS subject, metric.name AS metric, r.value AS value, r.unit AS unit,
       r.kind AS kind, p.title AS paper, r.evidence AS evidence
ORDER BY metric, value DESC, subject;
