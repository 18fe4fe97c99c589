// Papers that evaluate a method (or model) on a dataset: they use or propose the method and
// evaluate on the dataset. Names match case-insensitively, on the name or any alias.
// Parameters (run the :param lines in Neo4j Browser first):
// :param method => 'LoRA'
// :param dataset => 'GSM8K'
MATCH (p:Paper)-[:USES|PROPOSES]->(m)
WHERE (m:Method OR m:Model)
  AND (toLower(m.name) = toLower($method) OR toLower($method) IN [a IN m.aliases | toLower(a)])
MATCH (p)-[:EVALUATES_ON]->(d:Dataset)
WHERE toLower(d.name) = toLower($dataset) OR toLower($dataset) IN [a IN d.aliases | toLower(a)]
RETURN p.id AS id, p.title AS title, p.year AS year
ORDER BY year DESC, title;
