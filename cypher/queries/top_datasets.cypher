// Top datasets: which datasets do the most papers evaluate on?
// Returns one row per dataset with the number of papers that evaluate on it.
// Parameters (run the :param line in Neo4j Browser first):
// :param limit => 20
MATCH (p:Paper)-[:EVALUATES_ON]->(d:Dataset)
RETURN d.name AS dataset, count(DISTINCT p) AS papers
ORDER BY papers DESC, dataset
LIMIT $limit;
