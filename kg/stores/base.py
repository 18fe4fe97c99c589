"""The writer contract shared by every store, and the load plan they all execute.

A load is a fixed sequence of idempotent steps computed once from the graph (`LoadPlan`):
nodes by label, then relationships by (source label, type, target label), then pruning of the
relationships that the graph's own nodes no longer have, then deletion of entities left with
none. Each store runs the steps its own way; re-running the sequence (after a crash, or on an
unchanged graph) converges on the same server state.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import networkx as nx

from kg.core.errors import GraphNotFound
from kg.core.schema import NODE_LABELS, REL_TYPES
from kg.stores import DEFAULT_BATCH_SIZE

# Relationships a node owns: the graph is the truth about them, so the ones it no longer has are
# deleted. A paper owns all its relationships (it was re-extracted); a result its outgoing ties;
# a model its family. Direction "both" / "out", and the relationship type (None = any).
OWNED_RELATIONSHIPS: dict[str, tuple[str, str | None]] = {
    "Paper": ("both", None),
    "Result": ("out", None),
    "Model": ("out", "IN_FAMILY"),
}

# A node of these labels is deleted when nothing points at it ("in") / it points at nothing
# ("out"), in this order, so a deleted result can orphan its model and that model its family.
ORPHAN_RULES: tuple[tuple[str, str], ...] = (
    ("Result", "in"), ("Method", "in"), ("Dataset", "in"), ("Task", "in"), ("Metric", "in"),
    ("Model", "in"), ("ModelFamily", "in"), ("Author", "out"),
)

# Callback after each batch: (step name, rows just written, rows in the step).
ProgressCallback = Callable[[str, int, int], None]
# One node or relationship of a batch, as the statements take it ({"id": ..., "props": {...}}).
Row = dict[str, Any]
# What a statement changed, by the server's counter names (nodes_created, relationships_deleted, ...).
Changes = Counter[str]


@dataclass
class StepReport:
    """One step of a load: what it wrote and what the server says it changed."""

    name: str
    rows: int = 0
    seconds: float = 0.0
    changes: Changes = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0


@dataclass
class LoadReport:
    store: str
    steps: list[StepReport] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(step.rows for step in self.steps)

    @property
    def seconds(self) -> float:
        return sum(step.seconds for step in self.steps)

    @property
    def changes(self) -> Changes:
        total: Changes = Counter()
        for step in self.steps:
            total.update(step.changes)
        return total


class GraphWriter(Protocol):
    """A store the graph can be written to and read back from."""

    name: str

    def write(self, graph: nx.MultiDiGraph[str], *, batch_size: int = DEFAULT_BATCH_SIZE,
              wipe: bool = False, on_progress: ProgressCallback | None = None) -> LoadReport: ...

    def read(self) -> nx.MultiDiGraph[str]: ...

    def close(self) -> None: ...


def edge_key(rel_type: str, other_id: str) -> str:
    """How an owned relationship is named in a prune row: `USES|method:lora`."""
    return f"{rel_type}|{other_id}"


def store_properties(attrs: dict[str, Any]) -> dict[str, Any]:
    """The properties stored for a node or relationship: all attributes but `type` (the label or
    relationship type itself), without nulls, lists as lists (Neo4j-legal values)."""
    props = {}
    for name, value in attrs.items():
        if name == "type" or value is None:
            continue
        if isinstance(value, dict):
            raise GraphNotFound(f"property {name!r} is a map; stores take primitives or lists")
        if isinstance(value, (list, tuple, set)):
            value = [item for item in value if item is not None]
        props[name] = value
    return props


@dataclass
class LoadPlan:
    """The rows of every step of a load, grouped the way the statements take them."""

    nodes: dict[str, list[Row]]
    relationships: dict[tuple[str, str, str], list[Row]]
    owned: dict[str, list[Row]]
    orphans_kept: dict[str, list[str]]

    @classmethod
    def of(cls, graph: nx.MultiDiGraph[str]) -> LoadPlan:
        nodes: dict[str, list[Row]] = defaultdict(list)
        for node_id, attrs in graph.nodes(data=True):
            label = attrs.get("type")
            if label not in NODE_LABELS:
                raise GraphNotFound(f"node {node_id!r} has type {label!r}, not one of {', '.join(NODE_LABELS)}")
            nodes[label].append({"id": node_id, "props": {**store_properties(attrs), "id": node_id}})
        relationships: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
        for source, target, rel_type, attrs in graph.edges(keys=True, data=True):
            if rel_type not in REL_TYPES:
                raise GraphNotFound(f"relationship {source!r}-{rel_type!r}->{target!r} has a type "
                                    f"not in the schema")
            group = (graph.nodes[source]["type"], rel_type, graph.nodes[target]["type"])
            relationships[group].append({"source": source, "target": target,
                                         "props": store_properties(attrs)})
        owned = {label: [{"id": node_id, "keep": sorted(_owned_keys(graph, node_id, label))}
                         for node_id in (row["id"] for row in nodes.get(label, ()))]
                 for label in OWNED_RELATIONSHIPS}
        orphans_kept = {label: [row["id"] for row in nodes.get(label, ())
                                if not _degree(graph, row["id"], direction)]
                        for label, direction in ORPHAN_RULES}
        return cls(dict(nodes), dict(relationships), owned, orphans_kept)

    def steps(self, batch_size: int) -> Iterator[tuple[str, str, tuple[str, ...], list[list[Row]]]]:
        """(step name, operation, operation arguments, batches) in load order."""
        for label, rows in self.nodes.items():
            yield label, "merge_nodes", (label,), _batches(rows, batch_size)
        for (source, rel_type, target), rows in self.relationships.items():
            yield (f"{rel_type} ({source}->{target})", "merge_relationships",
                   (source, rel_type, target), _batches(rows, batch_size))
        for label, rows in self.owned.items():
            yield f"prune {label} relationships", "prune_owned", (label,), _batches(rows, batch_size)


def _owned_keys(graph: nx.MultiDiGraph[str], node_id: str, label: str) -> set[str]:
    direction, only_type = OWNED_RELATIONSHIPS[label]
    keys = {edge_key(rel_type, target)
            for _, target, rel_type in graph.out_edges(node_id, keys=True)}
    if direction == "both":
        keys |= {edge_key(rel_type, source)
                 for source, _, rel_type in graph.in_edges(node_id, keys=True)}
    return {key for key in keys if only_type is None or key.startswith(only_type + "|")}


def _degree(graph: nx.MultiDiGraph[str], node_id: str, direction: str) -> int:
    return graph.in_degree(node_id) if direction == "in" else graph.out_degree(node_id)


def _batches(rows: list[Row], size: int) -> list[list[Row]]:
    return [rows[start:start + size] for start in range(0, len(rows), size)]


class PlanWriter(ABC):
    """Runs a `LoadPlan` step by step with timing and progress; stores supply the operations
    (the abstract methods below), each returning a Counter of what it changed."""

    name = "store"

    @abstractmethod
    def wipe(self) -> Changes:
        """Delete everything."""

    @abstractmethod
    def create_schema(self) -> Changes:
        """Create the constraints and indexes (idempotent)."""

    @abstractmethod
    def merge_nodes(self, label: str, rows: list[Row]) -> Changes:
        """MERGE the nodes of `label` on their id and replace their properties."""

    @abstractmethod
    def merge_relationships(self, source: str, rel_type: str, target: str, rows: list[Row]) -> Changes:
        """MERGE one relationship per (source, type, target) row and replace its properties."""

    @abstractmethod
    def prune_owned(self, label: str, rows: list[Row]) -> Changes:
        """Delete the owned relationships (OWNED_RELATIONSHIPS) that a row's `keep` list lacks."""

    @abstractmethod
    def delete_orphans(self, label: str, keep: list[str]) -> Changes:
        """Delete the nodes of `label` left orphaned (ORPHAN_RULES), except the ids in `keep`."""

    @abstractmethod
    def read(self) -> nx.MultiDiGraph[str]:
        """The stored graph, as `kg build` assembles it."""

    def write(self, graph: nx.MultiDiGraph[str], *, batch_size: int = DEFAULT_BATCH_SIZE,
              wipe: bool = False, on_progress: ProgressCallback | None = None) -> LoadReport:
        if batch_size < 1:
            raise ValueError("batch size must be at least 1")
        plan = LoadPlan.of(graph)
        report = LoadReport(self.name)
        if wipe:
            report.steps.append(self._timed("wipe", 0, self.wipe))
        report.steps.append(self._timed("schema", 0, self.create_schema))
        for name, operation, args, batches in plan.steps(batch_size):
            step = StepReport(name)
            total = sum(len(batch) for batch in batches)
            for batch in batches:
                started = time.perf_counter()
                step.changes.update(getattr(self, operation)(*args, batch))
                step.seconds += time.perf_counter() - started
                step.rows += len(batch)
                if on_progress:
                    on_progress(name, len(batch), total)
            report.steps.append(step)
        for label, _ in ORPHAN_RULES:
            report.steps.append(self._timed(f"orphan {label} nodes", 0, self.delete_orphans,
                                            label, plan.orphans_kept[label]))
        return report

    @staticmethod
    def _timed(name: str, rows: int, operation: Callable[..., Changes], *args: object) -> StepReport:
        started = time.perf_counter()
        changes = Counter(operation(*args))
        return StepReport(name, rows, time.perf_counter() - started, changes)

    def close(self) -> None:  # noqa: B027  (deliberately not abstract: the embedded store has nothing to release)
        """Release connections; nothing to release by default."""
