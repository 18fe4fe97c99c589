// Tasks around a dataset: the tasks addressed by papers that evaluate on a dataset.
// Parameters (run the :param line in Neo4j Browser first):
// :param dataset => 'GSM8K'
MATCH (d:Dataset)<-[:EVALUATES_ON]-(p:Paper)-[:ADDRESSES]->(t:Task)
WHERE toLower(d.name) = toLower($dataset) OR toLower($dataset) IN [a IN d.aliases | toLower(a)]
RETURN t.name AS task, count(DISTINCT p) AS papers
ORDER BY papers DESC, task;
