// Models of a family: every model of the family, with how many papers use or compare with it.
// Parameters (run the :param line in Neo4j Browser first):
// :param family => 'Llama'
MATCH (m:Model)-[:IN_FAMILY]->(f:ModelFamily)
WHERE toLower(f.name) = toLower($family)
OPTIONAL MATCH (p:Paper)-[:USES|COMPARES_WITH]->(m)
RETURN m.name AS model, m.params AS params, count(DISTINCT p) AS papers
ORDER BY papers DESC, model;
