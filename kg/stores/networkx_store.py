"""The embedded store: the load plan applied to an in-memory NetworkX graph, optionally kept in a
graph directory (graph.json + graph.graphml, as `kg build` writes them).

It gives the same merge semantics as the servers without one, and is the reference the server
stores are tested against.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from kg.stores.base import ORPHAN_RULES, OWNED_RELATIONSHIPS, Changes, LoadReport, PlanWriter, Row, edge_key


class NetworkXStore(PlanWriter):
    name = "networkx"

    def __init__(self, graph: nx.MultiDiGraph[str] | None = None, directory: Path | None = None):
        from kg.exports.node_link import GRAPH_JSON, read_graph

        self.directory = Path(directory) if directory else None
        if graph is None and self.directory and (self.directory / GRAPH_JSON).is_file():
            graph = read_graph(self.directory)
        self.graph = graph if graph is not None else nx.MultiDiGraph()

    def write(self, graph: nx.MultiDiGraph[str], **options: Any) -> LoadReport:
        report = super().write(graph, **options)
        if self.directory:
            from kg.exports.graphml import GRAPH_GRAPHML, write_graphml
            from kg.exports.node_link import GRAPH_JSON, write_json

            write_json(self.graph, self.directory / GRAPH_JSON)
            write_graphml(self.graph, self.directory / GRAPH_GRAPHML)
        return report

    def read(self) -> nx.MultiDiGraph[str]:
        return self.graph.copy()

    def wipe(self) -> Changes:
        changes = Counter(nodes_deleted=self.graph.number_of_nodes(),
                          relationships_deleted=self.graph.number_of_edges())
        self.graph.clear()
        return +changes

    def create_schema(self) -> Changes:
        return Counter()

    def merge_nodes(self, label: str, rows: list[Row]) -> Changes:
        changes: Changes = Counter()
        for row in rows:
            if row["id"] in self.graph:
                self.graph.nodes[row["id"]].clear()  # SET n = props: replace, not update
            else:
                changes["nodes_created"] += 1
            self.graph.add_node(row["id"], **row["props"], type=label)
        return changes

    def merge_relationships(self, source: str, rel_type: str, target: str, rows: list[Row]) -> Changes:
        changes: Changes = Counter()
        for row in rows:
            if row["source"] not in self.graph or row["target"] not in self.graph:
                continue  # as MATCH does: no endpoint, no relationship
            if self.graph.has_edge(row["source"], row["target"], key=rel_type):
                self.graph.edges[row["source"], row["target"], rel_type].clear()
            else:
                changes["relationships_created"] += 1
            self.graph.add_edge(row["source"], row["target"], key=rel_type, **row["props"],
                                type=rel_type)
        return changes

    def prune_owned(self, label: str, rows: list[Row]) -> Changes:
        direction, only_type = OWNED_RELATIONSHIPS[label]
        stale = []
        for row in rows:
            keep = set(row["keep"])
            edges = [(u, v, k, v) for u, v, k in self.graph.out_edges(row["id"], keys=True)]
            if direction == "both":
                edges += [(u, v, k, u) for u, v, k in self.graph.in_edges(row["id"], keys=True)]
            stale += [(u, v, k) for u, v, k, other in edges
                      if (only_type is None or k == only_type) and edge_key(k, other) not in keep]
        self.graph.remove_edges_from(stale)
        return +Counter(relationships_deleted=len(stale))

    def delete_orphans(self, label: str, keep: list[str]) -> Changes:
        direction = dict(ORPHAN_RULES)[label]
        degree = self.graph.in_degree if direction == "in" else self.graph.out_degree
        kept = set(keep)
        orphans = [node for node, attrs in self.graph.nodes(data=True)
                   if attrs.get("type") == label and not degree(node) and node not in kept]
        relationships = sum(self.graph.degree(node) for node in orphans)
        self.graph.remove_nodes_from(orphans)
        return +Counter(nodes_deleted=len(orphans), relationships_deleted=relationships)
