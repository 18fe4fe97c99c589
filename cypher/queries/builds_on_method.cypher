// What builds on a method: papers that use the method and propose something of their own,
// with what they propose (a method, dataset, model, metric or task).
// Parameters (run the :param line in Neo4j Browser first):
// :param method => 'LoRA'
MATCH (m:Method)
WHERE toLower(m.name) = toLower($method) OR toLower($method) IN [a IN m.aliases | toLower(a)]
MATCH (p:Paper)-[:USES]->(m)
MATCH (p)-[:PROPOSES]->(new)
RETURN new.name AS proposed, labels(new)[0] AS kind, p.title AS paper, p.year AS year
ORDER BY year DESC, proposed;
