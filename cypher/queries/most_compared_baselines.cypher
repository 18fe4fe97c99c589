// Most compared-with baselines: the methods and models papers compare against most often.
// Parameters (run the :param line in Neo4j Browser first):
// :param limit => 25
MATCH (p:Paper)-[:COMPARES_WITH]->(baseline)
RETURN baseline.name AS baseline, labels(baseline)[0] AS kind, count(DISTINCT p) AS papers
ORDER BY papers DESC, baseline
LIMIT $limit;
