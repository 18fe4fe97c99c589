// Neighbourhood of an entity, for the Browser's graph view: the node with the given id and the
// nodes one relationship away (ids look like dataset:gsm8k, method:lora, model:llama-2-7b).
// Parameters (run the :param lines in Neo4j Browser first):
// :param id => 'dataset:gsm8k'
// :param limit => 100
MATCH (n {id: $id})
OPTIONAL MATCH path = (n)-[]-(neighbour)
RETURN n, path
LIMIT $limit;
