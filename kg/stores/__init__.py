"""Graph stores: the embedded NetworkX store, Neo4j and FalkorDB, behind one writer contract
(`kg.stores.base`), with every Cypher statement in `kg.stores.cypher`."""

DEFAULT_BATCH_SIZE = 2000  # rows per write transaction: thousands amortise round trips
