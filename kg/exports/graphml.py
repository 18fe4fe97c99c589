"""GraphML for Gephi and Cytoscape (`kg build` writes DIR/graph.graphml; `kg export --format
graphml`), streamed; written to a temporary name and renamed (kg.outputs.atomic_path), so a killed run never leaves a
partial file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from kg.outputs import atomic_path

GRAPH_GRAPHML = "graph.graphml"
LIST_SEPARATOR = ";"
# Control characters (other than tab, newline, carriage return), surrogates and U+FFFE/U+FFFF are
# not allowed in XML 1.0 documents; inputs do carry them (form feeds, stray NULs).
_ILLEGAL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_XML_ILLEGAL = re.compile(f"[{_ILLEGAL_CHARS}]")
# Values with none of these are written as they are: most names and numbers (the escaping functions
# were half of the writer's time on a 3,000-paper graph).
_TEXT_AS_IS = re.compile(f"[^&<>\r{_ILLEGAL_CHARS}]*")
_ATTR_AS_IS = re.compile(f"[^&<>\"\t\n\r{_ILLEGAL_CHARS}]*")


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> Path:
    """GraphML, streamed node by node and edge by edge (networkx's writer first builds the whole
    document in memory, and took 3x as long). Lists are `;`-joined (GraphML attributes are
    scalars); each attribute key gets the GraphML type of its values (long, double, boolean or
    string). A node's `id` is its element's id only. Edge ids are e0, e1, ... in edge order:
    GraphML wants them unique (Gephi drops an edge whose id it has seen); the relationship type is
    the edge's `type` attribute (networkx reads the ids back as edge keys)."""
    node_types = _graphml_types(attrs for _, attrs in graph.nodes(data=True))
    node_types.pop("id", None)  # the <node id> already; igraph and Gephi would show it twice
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
        for i, (u, v, attrs) in enumerate(graph.edges(data=True)):
            out.write(f'<edge id="e{i}" source={_attr(u)} target={_attr(v)}>'
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
                   for name, value in attrs.items() if value is not None and name in ids)


def _graphml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(map(str, value))
    return str(value)


def _text(value: str) -> str:
    """Element text: XML-escaped, with characters XML cannot hold replaced by U+FFFD."""
    if _TEXT_AS_IS.fullmatch(value):
        return value
    return escape(_XML_ILLEGAL.sub("\ufffd", value), {"\r": "&#13;"})


def _attr(value) -> str:
    """A quoted XML attribute value."""
    value = str(value)
    if _ATTR_AS_IS.fullmatch(value):
        return f'"{value}"'
    return quoteattr(_XML_ILLEGAL.sub("\ufffd", value), _XML_ENTITIES)
