"""Graph files: the streamed GraphML reads back, through networkx and lxml, as the graph written."""

import networkx as nx
from lxml import etree

from kg.exports.graphml import write_graphml

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"


def _tricky_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("paper:1", type="Paper", title='A <b> & "quoted"\r\ntitle\twith tab',
                   authors=["Ada", "Alan"], year=2024, open_access=True)
    graph.add_node("method:x y", type="Method", name="x y", score=1)
    graph.add_node("result:1", type="Result", value=0.5, score=0.75)
    graph.add_edge("paper:1", "method:x y", key="PROPOSES", count=2, evidence="x < y & z")
    graph.add_edge("paper:1", "method:x y", key="USES", count=1, evidence="")
    graph.add_edge("paper:1", "result:1", key="REPORTS", count=1, evidence=None)
    return graph


def test_graphml_reads_back_values_and_types(tmp_path):
    back = nx.read_graphml(write_graphml(_tricky_graph(), tmp_path / "g.graphml"),
                           force_multigraph=True)
    paper = back.nodes["paper:1"]
    assert paper["title"] == 'A <b> & "quoted"\r\ntitle\twith tab'
    assert paper["authors"] == "Ada;Alan"
    assert paper["year"] == 2024 and paper["open_access"] is True
    # `score` is 1 on one node and 0.75 on another: one key, typed double.
    assert back.nodes["method:x y"]["score"] == 1.0 and back.nodes["result:1"]["score"] == 0.75
    assert sorted(back["paper:1"]["method:x y"]) == ["PROPOSES", "USES"]
    assert back["paper:1"]["method:x y"]["PROPOSES"]["evidence"] == "x < y & z"
    assert back["paper:1"]["method:x y"]["USES"]["evidence"] == ""
    assert "evidence" not in back["paper:1"]["result:1"]["REPORTS"]  # None is no value


def test_graphml_keys_have_unique_ids_and_one_type(tmp_path):
    root = etree.parse(str(write_graphml(_tricky_graph(), tmp_path / "g.graphml"))).getroot()
    keys = root.findall(f"{GRAPHML_NS}key")
    assert len({key.get("id") for key in keys}) == len(keys)  # node and edge keys do not collide
    types = {(key.get("for"), key.get("attr.name")): key.get("attr.type") for key in keys}
    assert types[("node", "score")] == "double" and types[("node", "year")] == "long"
    assert types[("node", "open_access")] == "boolean" and types[("edge", "count")] == "long"
    assert types[("node", "authors")] == "string"
