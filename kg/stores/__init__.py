"""Graph stores: the embedded NetworkX store, Neo4j and FalkorDB, behind one writer contract
(`kg.stores.base`), with every Cypher statement in `kg.stores.cypher`."""
