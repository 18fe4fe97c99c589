// Model families by usage over time: how many papers each year use, compare with, propose or
// mention a model of each family.
// Parameters: none.
MATCH (p:Paper)-[:USES|COMPARES_WITH|PROPOSES|MENTIONS]->(:Model)-[:IN_FAMILY]->(f:ModelFamily)
WHERE p.year IS NOT NULL
RETURN f.name AS family, p.year AS year, count(DISTINCT p) AS papers
ORDER BY family, year;
