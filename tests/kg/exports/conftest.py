"""The graph both export tests write: markup, quotes, CR/LF and tabs in values, lists, mixed
number types, two relationships between one pair, a None value, the extractor's `source`."""

import networkx as nx


def tricky_graph() -> nx.MultiDiGraph:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.add_node("paper:1", type="Paper", title='A <b> & "quoted"\r\ntitle\twith tab',
                   authors=["Ada", "Alan"], year=2024, open_access=True)
    graph.add_node("method:x y", type="Method", name="x y", score=1)
    graph.add_node("result:1", type="Result", value=0.5, score=0.75)
    graph.add_edge("paper:1", "method:x y", key="PROPOSES", type="PROPOSES", count=2,
                   evidence="x < y & z", source="pattern")
    graph.add_edge("paper:1", "method:x y", key="USES", type="USES", count=1, evidence="",
                   source="ner")
    graph.add_edge("paper:1", "result:1", key="REPORTS", type="REPORTS", count=1, evidence=None)
    return graph
