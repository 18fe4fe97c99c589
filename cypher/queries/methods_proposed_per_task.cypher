// Methods proposed per task: for each task, the methods proposed by papers that address it.
// Returns one row per task: the proposed methods and how many papers propose them.
// Parameters: none.
MATCH (p:Paper)-[:ADDRESSES]->(t:Task)
MATCH (p)-[:PROPOSES]->(m:Method)
RETURN t.name AS task, collect(DISTINCT m.name) AS methods, count(DISTINCT p) AS papers
ORDER BY papers DESC, task;
