"""Graph files: GraphML for Gephi/Cytoscape, node-link JSON for `kg load`/`kg stats`, read back.

Files are written to a temporary name and renamed, so a killed run never leaves a partial graph.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

from kg.errors import GraphNotFound

GRAPH_JSON = "graph.json"
GRAPH_GRAPHML = "graph.graphml"
LIST_SEPARATOR = ";"
# Edge attribute `source` (the extractor) would collide with node-link's default endpoint names.
_NODE_LINK = {"edges": "edges", "source": "from", "target": "to", "key": "key"}
# Control characters (other than tab, newline, carriage return), surrogates and U+FFFE/U+FFFF are
# not allowed in XML 1.0 documents; inputs do carry them (form feeds, stray NULs).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` that replaces it only when the block completes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp's 0600 would hide the graph from other users
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> Path:
    """GraphML with lists flattened (`;`-joined): GraphML attributes are scalars."""
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, _flatten(d)) for n, d in graph.nodes(data=True))
    flat.add_edges_from((u, v, k, _flatten(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    with atomic_path(path) as tmp:
        nx.write_graphml_lxml(flat, tmp, named_key_ids=True)
    return path


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


def _flatten(data: dict) -> dict:
    """GraphML-ready attributes: lists joined, and characters XML cannot hold replaced."""
    out = {}
    for key, value in data.items():
        if isinstance(value, list):
            value = LIST_SEPARATOR.join(map(str, value))
        if isinstance(value, str):
            value = _XML_ILLEGAL.sub("\ufffd", value)
        out[key] = value
    return out
