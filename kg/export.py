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
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from kg.core.errors import GraphNotFound

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
    """GraphML, streamed node by node and edge by edge (networkx's writer first builds the whole
    document in memory, and took 3x as long). Lists are `;`-joined (GraphML attributes are
    scalars); each attribute key gets the GraphML type of its values (long, double, boolean or
    string); an edge's id is its relationship type, which networkx reads back as the edge key."""
    node_types = _graphml_types(attrs for _, attrs in graph.nodes(data=True))
    edge_types = _graphml_types(attrs for _, _, attrs in graph.edges(data=True))
    node_ids = {name: f"d{i}" for i, name in enumerate(node_types)}
    edge_ids = {name: f"d{i}" for i, name in enumerate(edge_types, len(node_ids))}
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", buffering=1 << 20) as out:
        out.write(_GRAPHML_HEAD)
        for scope, types, ids in (("node", node_types, node_ids), ("edge", edge_types, edge_ids)):
            for name, graphml_type in types.items():
                out.write(f'<key id="{ids[name]}" for="{scope}" attr.name={_attr(name)} '
                          f'attr.type="{graphml_type}"/>\n')
        out.write('<graph edgedefault="directed">\n')
        for node, attrs in graph.nodes(data=True):
            out.write(f"<node id={_attr(node)}>{_graphml_data(attrs, node_ids)}</node>\n")
        for u, v, key, attrs in graph.edges(keys=True, data=True):
            out.write(f"<edge id={_attr(key)} source={_attr(u)} target={_attr(v)}>"
                      f"{_graphml_data(attrs, edge_ids)}</edge>\n")
        out.write("</graph>\n</graphml>\n")
    return path


_GRAPHML_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
_GRAPHML_TYPE_OF = {bool: "boolean", int: "long", float: "double"}  # anything else: string
# XML would turn a raw carriage return or tab in an attribute into a space on reading.
_XML_ENTITIES = {"\r": "&#13;", "\t": "&#9;", "\n": "&#10;"}


def _graphml_types(records: Iterator[dict]) -> dict[str, str]:
    """Attribute name -> GraphML type, in first-seen order (a long that is sometimes a double is a
    double; a key with values of other mixed types is a string)."""
    types: dict[str, str] = {}
    for attrs in records:
        for name, value in attrs.items():
            if value is None:
                continue
            seen, found = types.get(name), _GRAPHML_TYPE_OF.get(type(value), "string")
            if seen is None or seen == found:
                types[name] = found
            else:
                types[name] = "double" if {seen, found} == {"long", "double"} else "string"
    return types


def _graphml_data(attrs: dict, ids: dict[str, str]) -> str:
    return "".join(f'<data key="{ids[name]}">{_text(_graphml_value(value))}</data>'
                   for name, value in attrs.items() if value is not None)


def _graphml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(map(str, value))
    return str(value)


def _text(value: str) -> str:
    """Element text: XML-escaped, with characters XML cannot hold replaced by U+FFFD."""
    return escape(_XML_ILLEGAL.sub("\ufffd", value), {"\r": "&#13;"})


def _attr(value) -> str:
    """A quoted XML attribute value."""
    return quoteattr(_XML_ILLEGAL.sub("\ufffd", str(value)), _XML_ENTITIES)


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
