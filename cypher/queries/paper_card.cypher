// A paper's card: its authors, and everything it proposes, uses, evaluates on, addresses,
// compares with or mentions, with the sentence that says so.
// Parameters (run the :param line in Neo4j Browser first):
// :param paper => 'paper:arxiv:2401.00001'
MATCH (p:Paper {id: $paper})
OPTIONAL MATCH (p)-[rel]->(entity)
WHERE NOT entity:Result
RETURN p.title AS title, p.authors AS authors, type(rel) AS relation,
       labels(entity)[0] AS kind, entity.name AS name, rel.evidence AS evidence
ORDER BY relation, name;
