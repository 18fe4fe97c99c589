// Full-text search of titles and abstracts (Neo4j only: uses the paper_text full-text index of
// cypher/schema.cypher; Lucene syntax, e.g. 'preference AND optimization').
// Parameters (run the :param lines in Neo4j Browser first):
// :param text => 'low-rank adaptation'
// :param limit => 20
CALL db.index.fulltext.queryNodes('paper_text', $text) YIELD node, score
RETURN node.id AS id, node.title AS title, node.year AS year, score
ORDER BY score DESC
LIMIT $limit;
