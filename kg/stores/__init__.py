"""Graph stores: the embedded NetworkX store, Neo4j and FalkorDB, behind one writer contract
(`kg.stores.base`), with every Cypher statement in `kg.stores.cypher`. The servers `kg load` writes
to are named in `kg.stores.load.STORES`."""

DEFAULT_BATCH_SIZE = 2000  # rows per write transaction: thousands amortise round trips
