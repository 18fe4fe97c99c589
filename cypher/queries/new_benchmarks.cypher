// Papers proposing new benchmarks: datasets introduced by a paper, and how many other papers
// evaluate on them since.
// Parameters: none.
MATCH (p:Paper)-[:PROPOSES]->(d:Dataset)
OPTIONAL MATCH (other:Paper)-[:EVALUATES_ON]->(d)
WHERE other <> p
RETURN d.name AS dataset, p.title AS introduced_by, p.year AS year,
       count(DISTINCT other) AS evaluated_by
ORDER BY evaluated_by DESC, dataset;
