"""`kg load` as a user runs it: the real command line, credentials from the environment, real
FalkorDB and Neo4j servers."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from falkordb import FalkorDB

from kg.exports.node_link import read_graph
from kg.stores.falkordb_local import free_port
from kg.stores.falkordb_store import FalkorDBStore
from tests.conftest import ROOT
from tests.kg.stores.conftest import connect_neo4j, snapshot


def kg(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("FALKORDB_", "NEO4J_"))}
    return subprocess.run([str(Path(sys.executable).parent / "kg"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=900, env={**environment, **env})


def server_counts(url: str, graph: str) -> tuple[Counter, Counter]:
    db = FalkorDB.from_url(url).select_graph(graph)
    nodes = db.query("MATCH (n) RETURN labels(n)[0], count(n)").result_set
    edges = db.query("MATCH ()-[r]->() RETURN type(r), count(r)").result_set
    return Counter(dict(nodes)), Counter(dict(edges))


def graph_counts(graph) -> tuple[Counter, Counter]:
    return (Counter(attrs["type"] for _, attrs in graph.nodes(data=True)),
            Counter(key for _, _, key in graph.edges(keys=True)))


def test_load_twice_gives_the_graph_counts(falkordb_server, original_dir, original):
    for _ in range(2):
        run = kg("load", "falkordb", "--from", str(original_dir), "--database", "cli", "--quiet",
                 FALKORDB_URL=falkordb_server.url)
        assert run.returncode == 0, run.stderr
        assert server_counts(falkordb_server.url, "cli") == graph_counts(original)
    assert "rows/s" in run.stdout and "PROPOSES" in run.stdout
    assert falkordb_server.password not in run.stdout + run.stderr


def test_load_errors_are_one_line_and_exit_1(original_dir):
    missing = kg("load", "falkordb", "--from", str(original_dir))
    down = kg("load", "falkordb", "--from", str(original_dir),
              FALKORDB_URL=f"redis://:sekrit@127.0.0.1:{free_port()}")
    for run, code in ((missing, "KG008"), (down, "KG007")):
        assert run.returncode == 1
        assert run.stderr.startswith(f"error[{code}]") and run.stderr.count("\n") == 1
    assert "sekrit" not in down.stderr
    neo4j = kg("load", "neo4j", "--from", str(original_dir), NEO4J_URI="bolt://127.0.0.1:1")
    assert neo4j.returncode == 1 and "NEO4J_USER, NEO4J_PASSWORD" in neo4j.stderr


def graphml_counts(directory: Path) -> tuple[Counter, Counter]:
    """Nodes by label and relationships by type as the GraphML export says (read by networkx)."""
    graphml = nx.read_graphml(directory / "graph.graphml", force_multigraph=True)
    return (Counter(attrs["type"] for _, attrs in graphml.nodes(data=True)),
            Counter(attrs["type"] for _, _, attrs in graphml.edges(data=True)))


@pytest.fixture(params=["falkordb", "neo4j"])
def server(request):
    """(kg load arguments, environment, connected store) for a server with an empty graph."""
    if request.param == "falkordb":
        falkordb = request.getfixturevalue("falkordb_server")
        name = f"cli-{uuid.uuid4().hex[:12]}"
        store = FalkorDBStore(falkordb.url, graph=name)
        yield ["falkordb", "--database", name], {"FALKORDB_URL": falkordb.url}, store
    else:
        neo4j = request.getfixturevalue("neo4j_server")
        store = connect_neo4j(neo4j)
        store.wipe()
        yield ["neo4j"], neo4j.environment(), store
    store.close()


COUNTS = ("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n",
          "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n")


def test_seeds_graph_loads_twice_with_the_graphml_counts(server, seeds_dir):
    """The acceptance path: the example corpus built by `kg build`, loaded twice, counted on the
    server as the GraphML counts it; the second load changes nothing."""
    arguments, environment, store = server
    expected = graphml_counts(seeds_dir)
    assert sum(expected[1].values()) > 1000
    for _ in range(2):
        run = kg("load", *arguments, "--from", str(seeds_dir), "--quiet", **environment)
        assert run.returncode == 0, run.stderr
        nodes, edges = (Counter({row[0]: row[1] for row in map(tuple, (r.values() for r in store.query(q)))})
                        for q in COUNTS)
        assert (nodes, edges) == expected
    total = run.stdout.splitlines()[-2]
    assert "total" in total and total.split("│")[-3].strip() == "0" == total.split("│")[-2].strip()
    assert snapshot(store.read()) == snapshot(read_graph(seeds_dir))


def test_a_title_with_nul_loads_into_falkordb(falkordb_server, tmp_path):
    """`kg load falkordb` once died on a title holding U+0000; it is stored as U+FFFD."""
    source = tmp_path / "nul.jsonl"
    source.write_text('{"id": "n1", "title": "Nul\\u0000 and bell\\u0007 in a title", '
                      '"abstract": "We fine-tune BERT\\u0000 on SQuAD."}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert kg("build", str(source), "-o", str(out), "--quiet").returncode == 0
    run = kg("load", "falkordb", "--from", str(out), "--database", "nul", "--quiet",
             FALKORDB_URL=falkordb_server.url)
    assert run.returncode == 0, run.stderr
    db = FalkorDB.from_url(falkordb_server.url).select_graph("nul")
    (title, abstract), = db.query("MATCH (p:Paper) RETURN p.title, p.abstract").result_set
    assert title == "Nul\ufffd and bell\x07 in a title" and abstract == "We fine-tune BERT\ufffd on SQuAD."
    assert read_graph(out).nodes["paper:n1"]["title"] == "Nul\x00 and bell\x07 in a title"  # the graph keeps it
