"""Exports of a built graph (`kg export --format NAME`): one writer per format in `EXPORTS`.

A writer takes the graph and the output path (a file, or a directory for neo4j-admin) and returns
the files it wrote, writing only where kg.outputs allows: a file replaces nothing but an earlier
export of its kind (never a device, FIFO, link or foreign file); a directory must be PaperKG's.
A new format is a module here with such a function, named in `EXPORTS`; the CLI offers every name it
holds. Writers are imported when used, so `kg` starts without networkx.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kg.core.errors import BadOption
from kg.outputs import GRAPH_JSON_FILE, GRAPHML_FILE, check_output_file, output_directory

if TYPE_CHECKING:
    import networkx as nx

Writer = Callable[["nx.MultiDiGraph", Path], list[Path]]


def _graphml(graph: nx.MultiDiGraph, output: Path) -> list[Path]:
    """GraphML for Gephi and Cytoscape (kg.exports.graphml)."""
    from kg.exports.graphml import write_graphml

    check_output_file(output, GRAPHML_FILE)
    return [write_graphml(graph, output)]


def _json(graph: nx.MultiDiGraph, output: Path) -> list[Path]:
    """Node-link JSON, as `kg build` writes graph.json (kg.exports.node_link)."""
    from kg.exports.node_link import write_json

    check_output_file(output, GRAPH_JSON_FILE)
    return [write_json(graph, output)]


def _neo4j_admin(graph: nx.MultiDiGraph, output: Path) -> list[Path]:
    """CSVs and the import script for `neo4j-admin database import` (kg.exports.neo4j_admin)."""
    from kg.exports.neo4j_admin import write_neo4j_admin

    with output_directory(output):
        return write_neo4j_admin(graph, output)


EXPORTS: dict[str, Writer] = {"graphml": _graphml, "json": _json, "neo4j-admin": _neo4j_admin}


def export_graph(source: Path, fmt: str, output: Path) -> list[Path]:
    """`kg export`: write the graph built in `source` to `output` in `fmt`; returns the files."""
    from kg.exports.node_link import read_graph

    writer = EXPORTS.get(fmt)
    if writer is None:
        raise BadOption(f"unknown export format {fmt!r} (use {', '.join(EXPORTS)})")
    return writer(read_graph(source), output)
