// Co-used methods: pairs of methods that the same papers use together, most frequent first.
// Parameters (run the :param line in Neo4j Browser first):
// :param limit => 25
MATCH (a:Method)<-[:USES]-(p:Paper)-[:USES]->(b:Method)
WHERE a.id < b.id
RETURN a.name AS method, b.name AS used_with, count(DISTINCT p) AS papers
ORDER BY papers DESC, method, used_with
LIMIT $limit;
