"""The load plan as Cypher: what Neo4j and FalkorDB share. Subclasses only say how a statement
runs (`_run`, `_run_schema`) and how server errors map to `StoreUnavailable`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from typing import Any

import networkx as nx

from kg.stores import cypher
from kg.stores.base import Changes, PlanWriter, Row

WIPE_BATCH_SIZE = 10_000


class CypherStore(PlanWriter, ABC):
    schema: tuple[str, ...] = ()

    @abstractmethod
    def _run(self, statement: str, parameters: dict[str, Any]) -> tuple[list[Row], Changes]:
        """Run one statement in its own (retried) transaction: (records, changes)."""

    @abstractmethod
    def _run_schema(self, statement: str) -> None:
        """Run one DDL statement; an index that already exists is not an error."""

    def wipe(self) -> Changes:
        changes: Changes = Counter()
        while True:
            records, batch = self._run(cypher.WIPE_BATCH, {"limit": WIPE_BATCH_SIZE})
            changes.update(batch)
            if not records or not records[0]["deleted"]:
                return changes

    def create_schema(self) -> Changes:
        for statement in self.schema:
            self._run_schema(statement)
        return Counter()

    def merge_nodes(self, label: str, rows: list[Row]) -> Changes:
        return self._run(cypher.merge_nodes(label), {"rows": rows})[1]

    def merge_relationships(self, source: str, rel_type: str, target: str, rows: list[Row]) -> Changes:
        return self._run(cypher.merge_relationships(source, rel_type, target), {"rows": rows})[1]

    def prune_owned(self, label: str, rows: list[Row]) -> Changes:
        return self._run(cypher.prune_owned(label), {"rows": rows})[1]

    def delete_orphans(self, label: str, keep: list[str]) -> Changes:
        return self._run(cypher.delete_orphans(label), {"keep": keep})[1]

    def query(self, statement: str, parameters: dict[str, Any] | None = None) -> list[Row]:
        """The records of one statement (saved queries, checks): column name -> value."""
        return self._run(statement, parameters or {})[0]

    def read(self) -> nx.MultiDiGraph[str]:
        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        for record in self.query(cypher.READ_NODES):
            props = dict(record["props"])
            graph.add_node(props["id"], **props, type=record["label"])
        for record in self.query(cypher.READ_RELATIONSHIPS):
            graph.add_edge(record["source"], record["target"], key=record["type"],
                           **dict(record["props"]), type=record["type"])
        return graph
