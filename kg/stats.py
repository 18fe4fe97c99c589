"""`kg stats`: the node and relationship counts of a built graph."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kg.exports.node_link import read_graph


def graph_counts(source: Path) -> tuple[Counter, Counter]:
    """Nodes by label and relationships by type of the graph built in `source`."""
    graph = read_graph(source)
    nodes = Counter(data["type"] for _, data in graph.nodes(data=True))
    edges = Counter(key for _, _, key in graph.edges(keys=True))
    return nodes, edges
