"""Read-side operations on a built graph: counts and exports (`kg stats`, `kg export`)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kg.core.errors import BadOption
from kg.export import read_graph, write_graphml, write_json


def graph_counts(source: Path) -> tuple[Counter, Counter]:
    """Nodes by label and relationships by type of the graph built in `source`."""
    graph = read_graph(source)
    nodes = Counter(data["type"] for _, data in graph.nodes(data=True))
    edges = Counter(key for _, _, key in graph.edges(keys=True))
    return nodes, edges


def export_graph(source: Path, fmt: str, output: Path) -> list[Path]:
    """Write the graph built in `source` to `output` in `fmt`; returns the files written."""
    graph = read_graph(source)
    if fmt == "graphml":
        return [write_graphml(graph, output)]
    if fmt == "json":
        return [write_json(graph, output)]
    if fmt == "neo4j-admin":
        from kg.stores.neo4j_admin import write_neo4j_admin

        return write_neo4j_admin(graph, output)
    raise BadOption(f"unknown export format {fmt!r} (use graphml, json or neo4j-admin)")
