"""graph.json: node-link JSON with networkx's default keys that `read_graph` gives back whole, and
older graph.json files (edges with from/to) still read."""

import json

import networkx as nx
import pytest

from kg.core.errors import GraphNotFound
from kg.exports.node_link import read_graph, write_json
from tests.conftest import FIXTURES
from tests.kg.exports.conftest import tricky_graph


def test_graph_json_is_standard_node_link(tmp_path):
    graph = tricky_graph()
    with open(write_json(graph, tmp_path / "graph.json"), encoding="utf-8") as handle:
        plain = nx.node_link_graph(json.load(handle), edges="edges")
    assert sorted(plain.edges(keys=True)) == sorted(graph.edges(keys=True))
    # The extractor is `extractor` there: node-link's `source` is the edge's start.
    assert plain.edges["paper:1", "method:x y", "PROPOSES"]["extractor"] == "pattern"
    assert plain.nodes["paper:1"]["authors"] == ["Ada", "Alan"]


def test_read_graph_gives_back_the_graph_written(tmp_path):
    graph = tricky_graph()
    write_json(graph, tmp_path / "graph.json")
    back = read_graph(tmp_path)
    for node in graph:
        graph.nodes[node]["id"] = node  # read_graph gives every node its `id`, as stores want
    assert nx.utils.graphs_equal(back, graph)
    edge = back.edges["paper:1", "method:x y", "PROPOSES"]
    assert list(edge) == list(graph.edges["paper:1", "method:x y", "PROPOSES"])  # order kept


def test_graph_json_from_before_the_standard_keys_still_reads():
    old = FIXTURES / "stores" / "original"  # hand-made graph in the earlier from/to layout
    assert '"from": ' in (old / "graph.json").read_text(encoding="utf-8")
    graph = read_graph(old)
    edge = graph.edges["paper:arxiv:2401.00001", "method:lora-plus", "PROPOSES"]
    assert edge["source"] == "pattern" and edge["type"] == "PROPOSES"


@pytest.mark.parametrize("content", ['{"nodes": []}', "[1, 2]", '{"nodes": [], "edges": [{}]}',
                                     "not json"])
def test_unreadable_graph_json_says_rebuild(tmp_path, content):
    (tmp_path / "graph.json").write_text(content, encoding="utf-8")
    with pytest.raises(GraphNotFound) as error:
        read_graph(tmp_path)
    assert "rebuild it with `kg build`" in str(error.value) and "\n" not in str(error.value)
