// An author's methods: the methods an author's papers propose or use, with how many papers.
// Parameters (run the :param line in Neo4j Browser first):
// :param author => 'Ada Lovelace'
MATCH (a:Author)-[:AUTHORED]->(p:Paper)-[rel:PROPOSES|USES]->(m:Method)
WHERE toLower(a.name) = toLower($author)
RETURN m.name AS method, type(rel) AS relation, count(DISTINCT p) AS papers
ORDER BY papers DESC, method, relation;
