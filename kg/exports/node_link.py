"""Node-link JSON: the graph file `kg build` writes (DIR/graph.json) and every command that reads a
built graph reads back (`read_graph`), keeping lists and types.

It is networkx's node-link format with its default keys (`source`, `target`, `key`, edges under
"edges"), so `nx.node_link_graph(json.load(f), edges="edges")` reads it. One edge attribute is
renamed there: `source` (the extractor that found the mention) is written as `extractor`, because
`source` is the edge's start in node-link JSON; `read_graph` renames it back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import networkx as nx

from kg.core.errors import GraphNotFound
from kg.outputs import atomic_path

GRAPH_JSON = "graph.json"
_NODE_LINK = {"edges": "edges", "source": "source", "target": "target", "key": "key"}
# The edge attribute `source` as graph.json names it (node-link's `source` is the edge's start).
JSON_EXTRACTOR = "extractor"
# Endpoints as graph.json files from before node-link's default keys named them (still read).
_OLD_NODE_LINK = {**_NODE_LINK, "source": "from", "target": "to"}


def write_json(graph: nx.MultiDiGraph, path: Path) -> Path:
    """Node-link JSON (networkx's default keys) that keeps lists and types; read back with
    `read_graph`.

    Written item by item with `json.dumps` (C encoder; `json.dump` would use the pure-Python one)
    and without a second copy of the graph in memory.
    """
    nodes = (json.dumps({**attrs, "id": node}, ensure_ascii=False)
             for node, attrs in graph.nodes(data=True))
    edges = (json.dumps({**_renamed(attrs, "source", JSON_EXTRACTOR),
                         "source": u, "target": v, "key": key}, ensure_ascii=False)
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


def _renamed(attrs: dict, old: str, new: str) -> dict:
    """`attrs` with key `old` renamed to `new`, order kept (the same dict when `old` is absent)."""
    return {new if name == old else name: value for name, value in attrs.items()} \
        if old in attrs else attrs


def read_graph(directory: Path) -> nx.MultiDiGraph:
    """The graph that `kg build` wrote into `directory` (also as older versions wrote it)."""
    path = Path(directory) / GRAPH_JSON
    if not path.is_file():
        raise GraphNotFound(f"no graph in {directory} (expected {path}; run `kg build` first)")
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        edges = data["edges"]
        old = bool(edges) and "from" in edges[0]
        graph = cast(nx.MultiDiGraph, nx.node_link_graph(  # directed multigraph (the stubs say Graph)
            data, directed=True, multigraph=True, **(_OLD_NODE_LINK if old else _NODE_LINK)))
    except (ValueError, KeyError, TypeError) as exc:
        raise GraphNotFound(f"{path} is not a PaperKG graph ({exc!r}); "
                            "rebuild it with `kg build`") from exc
    for _, _, attrs in () if old else graph.edges(data=True):
        if JSON_EXTRACTOR in attrs:
            renamed = _renamed(attrs, JSON_EXTRACTOR, "source")
            attrs.clear()  # in place: the graph holds this dict
            attrs.update(renamed)
    for node, attrs in graph.nodes(data=True):  # node-link JSON keeps `id` only as the node key
        attrs["id"] = node
    return graph
