"""The seeds GraphML (`kg build examples`) as its real consumers open it: Gephi's own importer (the
Gephi Toolkit, driven by tools/gephi-import), python-igraph and networkx each see every node and
every edge, with its label and type."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.exports.graphml import GRAPH_GRAPHML
from kg.exports.node_link import read_graph
from tests.conftest import EXAMPLES, ROOT, unavailable

GEPHI_IMPORT = ROOT / "tools" / "gephi-import" / "target" / "gephi-import.jar"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    result = CliRunner().invoke(app, ["build", str(EXAMPLES), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def graph(seeds) -> nx.MultiDiGraph:
    return read_graph(seeds)


def _nodes(graph: nx.MultiDiGraph) -> Counter:
    return Counter((node, attrs["label"], attrs["type"]) for node, attrs in graph.nodes(data=True))


def _edges(graph: nx.MultiDiGraph) -> Counter:
    return Counter(graph.edges(data="type"))


def gephi_import(path: Path) -> dict:
    """What Gephi's GraphML importer made of `path` (tools/gephi-import; `make test` builds it)."""
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).is_file():
        unavailable("Java", "no java on PATH or in JAVA_HOME")
    if not GEPHI_IMPORT.is_file():
        jar = GEPHI_IMPORT.relative_to(ROOT)
        unavailable("the Gephi importer tool", f"{jar} is not built (run `make {jar}`)")
    run = subprocess.run([java, "-Djava.awt.headless=true", "-jar", str(GEPHI_IMPORT), str(path),
                          "--list"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def test_gephi_imports_every_node_and_edge_with_label_and_type(seeds, graph):
    seen = gephi_import(seeds / GRAPH_GRAPHML)
    assert seen["importer"] == "org.gephi.io.importer.plugin.file.ImporterGraphML"
    assert seen["issues"] == []  # no duplicate ids, no parallel edges merged, no bad values
    assert (seen["nodes"], seen["edges"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert seen["edges"] > 3000  # the seeds graph, not an empty one
    assert seen["labelled_nodes"] == seen["nodes"]
    assert Counter(seen["node_types"]) == Counter(t for _, t in graph.nodes(data="type"))
    assert Counter(seen["edge_types"]) == Counter(t for _, _, t in graph.edges(data="type"))
    assert Counter(map(tuple, seen["node_list"])) == _nodes(graph)
    assert Counter(map(tuple, seen["edge_list"])) == _edges(graph)
    # Attributes arrive as columns, and the node id only once (Gephi's own Id column).
    assert {"type", "title", "evidence"} <= set(seen["node_columns"])
    assert "id" not in seen["node_columns"]
    assert {"type", "count", "evidence", "source", "score"} <= set(seen["edge_columns"])


def test_igraph_reads_every_node_and_edge(seeds, graph):
    try:
        import igraph
    except ImportError:
        unavailable("python-igraph", "igraph is not installed (it is in the dev extra)")
    read = igraph.Graph.Read_GraphML(str(seeds / GRAPH_GRAPHML))
    assert read.is_directed()
    assert Counter(zip(read.vs["id"], read.vs["label"], read.vs["type"], strict=True)) == _nodes(graph)
    ids = read.vs["id"]
    assert Counter((ids[e.source], ids[e.target], e["type"]) for e in read.es) == _edges(graph)


def test_networkx_reads_every_node_and_edge(seeds, graph):
    read = nx.read_graphml(seeds / GRAPH_GRAPHML, force_multigraph=True)
    assert _nodes(read) == _nodes(graph)
    assert _edges(read) == _edges(graph)
