"""Node-link JSON: the graph file `kg build` writes (DIR/graph.json) and every command that reads a
built graph reads back (`read_graph`), keeping lists and types."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from kg.core.errors import GraphNotFound
from kg.exports.files import atomic_path

GRAPH_JSON = "graph.json"
# Edge attribute `source` (the extractor) would collide with node-link's default endpoint names.
_NODE_LINK = {"edges": "edges", "source": "from", "target": "to", "key": "key"}


def write_json(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Node-link JSON that keeps lists and types; read back with `read_graph`.

    Written item by item with `json.dumps` (C encoder; `json.dump` would use the pure-Python one)
    and without a second copy of the graph in memory.
    """
    nodes = (json.dumps({**attrs, "id": node}, ensure_ascii=False)
             for node, attrs in graph.nodes(data=True))
    edges = (json.dumps({**attrs, "from": u, "to": v, "key": key}, ensure_ascii=False)
             for u, v, key, attrs in graph.edges(keys=True, data=True))
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as handle:
        handle.write('{"directed": true, "multigraph": true, "graph": '
                     + json.dumps(graph.graph, ensure_ascii=False) + ', "nodes": [')
        _write_joined(handle, nodes)
        handle.write('], "edges": [')
        _write_joined(handle, edges)
        handle.write("]}\n")
    return path


def _write_joined(handle, items: Iterator[str]) -> None:
    for i, item in enumerate(items):
        if i:
            handle.write(",\n")
        handle.write(item)


def read_graph(directory: Path) -> nx.MultiDiGraph:
    """The graph that `kg build` wrote into `directory`."""
    path = Path(directory) / GRAPH_JSON
    if not path.is_file():
        raise GraphNotFound(f"no graph in {directory} (expected {path}; run `kg build` first)")
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        graph = nx.node_link_graph(data, directed=True, multigraph=True, **_NODE_LINK)
    except (ValueError, KeyError) as exc:
        raise GraphNotFound(f"{path} is not a PaperKG graph: {exc}") from exc
    for node, attrs in graph.nodes(data=True):  # node-link JSON keeps `id` only as the node key
        attrs["id"] = node
    return graph
