"""Graph files: the streamed GraphML reads back, through networkx and lxml, as the graph written."""

import networkx as nx
from lxml import etree

from kg.exports.graphml import write_graphml
from tests.kg.exports.conftest import tricky_graph

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"


def test_graphml_reads_back_values_and_types(tmp_path):
    back = nx.read_graphml(write_graphml(tricky_graph(), tmp_path / "g.graphml"),
                           force_multigraph=True)
    paper = back.nodes["paper:1"]
    assert paper["title"] == 'A <b> & "quoted"\r\ntitle\twith tab'
    assert paper["authors"] == "Ada;Alan"
    assert paper["year"] == 2024 and paper["open_access"] is True
    # `score` is 1 on one node and 0.75 on another: one key, typed double.
    assert back.nodes["method:x y"]["score"] == 1.0 and back.nodes["result:1"]["score"] == 0.75
    # networkx keys the edges by their GraphML ids; the relationship type is the `type` attribute.
    by_type = {attrs["type"]: attrs for attrs in back["paper:1"]["method:x y"].values()}
    assert sorted(by_type) == ["PROPOSES", "USES"]
    assert by_type["PROPOSES"]["evidence"] == "x < y & z" and by_type["USES"]["evidence"] == ""
    assert by_type["PROPOSES"]["source"] == "pattern"
    (reports,) = back["paper:1"]["result:1"].values()
    assert "evidence" not in reports  # None is no value


def test_graphml_edge_ids_are_unique_even_for_one_relationship_type(tmp_path):
    graph = tricky_graph()
    graph.add_edge("paper:1", "result:1", key="USES", type="USES")
    root = etree.parse(str(write_graphml(graph, tmp_path / "g.graphml"))).getroot()
    ids = [edge.get("id") for edge in root.iter(f"{GRAPHML_NS}edge")]
    assert len(ids) == graph.number_of_edges() == len(set(ids)) == 4
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert sorted(t for _, _, t in back.edges(data="type")) == ["PROPOSES", "REPORTS", "USES",
                                                                "USES"]


def test_graphml_keys_have_unique_ids_and_one_type(tmp_path):
    root = etree.parse(str(write_graphml(tricky_graph(), tmp_path / "g.graphml"))).getroot()
    keys = root.findall(f"{GRAPHML_NS}key")
    assert len({key.get("id") for key in keys}) == len(keys)  # node and edge keys do not collide
    types = {(key.get("for"), key.get("attr.name")): key.get("attr.type") for key in keys}
    assert types[("node", "score")] == "double" and types[("node", "year")] == "long"
    assert types[("node", "open_access")] == "boolean" and types[("edge", "count")] == "long"
    assert types[("node", "authors")] == "string"
