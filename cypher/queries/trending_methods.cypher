// Trending methods: for each year, the methods the most papers use or propose.
// Parameters (run the :param line in Neo4j Browser first):
// :param limit => 50
MATCH (p:Paper)-[:USES|PROPOSES]->(m:Method)
WHERE p.year IS NOT NULL
RETURN p.year AS year, m.name AS method, count(DISTINCT p) AS papers
ORDER BY year DESC, papers DESC, method
LIMIT $limit;
