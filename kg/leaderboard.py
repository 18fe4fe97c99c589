"""`kg leaderboard`: every reported result on one dataset, rebuilt from the graph's Result nodes.

Walks (Paper)-[:REPORTS]->(Result)-[:ON_DATASET]->(Dataset), with the result's metric
(MEASURED_BY) and subject (OF). The dataset is found by any of its names (id, name, aliases) under
`kg.core.names.name_key`, so "GSM8K", "GSM-8K" and "gsm8k" are one; an unknown name gets suggestions,
and so does a metric (`--metric`) that measures no result on the dataset.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import sys
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

from rich.table import Table

from kg.core.errors import UnknownDataset, UnknownMetric
from kg.core.names import name_key
from kg.core.schema import RESULT_KINDS
from kg.evidence import sentence_at
from kg.progress import stdout

if TYPE_CHECKING:
    import networkx as nx

COLUMNS = ("dataset", "metric", "value", "unit", "kind", "subject", "paper", "year", "evidence", "paper_id")
_SUGGESTIONS = 5
_KIND_ORDER = {kind: rank for rank, kind in enumerate(RESULT_KINDS)}  # scores before changes


def node_names(attrs: dict) -> list[str]:
    """Every name a node answers to: its name, its aliases and the name part of its id."""
    aliases = attrs.get("aliases") or []
    if isinstance(aliases, str):  # GraphML flattens lists
        aliases = aliases.split(";")
    return [n for n in (attrs.get("name"), attrs.get("id", "").split(":", 1)[-1], *aliases) if n]


def find_dataset(graph: nx.MultiDiGraph, dataset: str) -> str:
    """The Dataset node that `dataset` names; `UnknownDataset` with close matches otherwise."""
    wanted = name_key(dataset)
    by_key: dict[str, str] = {}
    display: dict[str, str] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("type") != "Dataset":
            continue
        display[node] = attrs.get("name") or node
        for name in node_names(attrs):
            by_key.setdefault(name_key(name), node)
    if wanted and wanted in by_key:
        return by_key[wanted]
    hint = _did_you_mean(wanted, by_key, display)
    raise UnknownDataset(f"no dataset named {dataset!r} in the graph{hint}")


def _did_you_mean(wanted: str, by_key: dict[str, str], display: dict[str, str]) -> str:
    """"; did you mean A, B?" for the nodes whose names are close to the name key `wanted`."""
    close_keys = difflib.get_close_matches(wanted, list(by_key), n=_SUGGESTIONS * 3, cutoff=0.6)
    suggestions = list(dict.fromkeys(display[by_key[k]] for k in close_keys))[:_SUGGESTIONS]
    return f"; did you mean {', '.join(suggestions)}?" if suggestions else ""


def _unknown_metric(graph: nx.MultiDiGraph, metric: str, dataset: str, metric_nodes: set[str]) -> UnknownMetric:
    """Why `--metric` matched nothing on the dataset, with the metrics that do measure its results."""
    by_key = {name_key(name): node for node in metric_nodes for name in node_names(graph.nodes[node])}
    display = {node: _display(graph, node) for node in metric_nodes}
    measured = sorted(set(display.values()), key=str.lower)
    listed = f" (its metrics: {', '.join(measured[:10])}{', ...' if len(measured) > 10 else ''})" if measured else ""
    return UnknownMetric(f"no result on {dataset} is measured by {metric!r}"
                         f"{_did_you_mean(name_key(metric), by_key, display)}{listed}")


def _target(graph: nx.MultiDiGraph, node: str, rel: str) -> str | None:
    """The node at the end of `node`'s `rel` relationship, or None."""
    return next((target for _, target, key in graph.out_edges(node, keys=True) if key == rel), None)


def _display(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node].get("name") or node


def _evidence(paper: dict, result: dict) -> str:
    """The sentence around the result, from the paper's text; the result's own span otherwise."""
    text = paper.get(result.get("field") or "abstract") or ""
    start, end = result.get("start"), result.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return sentence_at(text, start, end)
    return result.get("evidence", "")


def leaderboard(graph: nx.MultiDiGraph, dataset: str, metric: str | None = None,
                kinds: Collection[str] = ()) -> list[dict]:
    """Rows for every result on `dataset` (optionally one metric, and only `kinds` when given),
    by metric then value, best first."""
    return results_on(graph, find_dataset(graph, dataset), metric, kinds)


def results_on(graph: nx.MultiDiGraph, dataset_node: str, metric: str | None = None,
               kinds: Collection[str] = ()) -> list[dict]:
    """`leaderboard` rows of the Dataset node `dataset_node` (`kg report` writes one per dataset)."""
    dataset_name = _display(graph, dataset_node)
    wanted_metric = name_key(metric) if metric else None
    rows = []
    metric_nodes: set[str] = set()  # of the results on the dataset, for suggestions
    for result_node, _, key in graph.in_edges(dataset_node, keys=True):
        if key != "ON_DATASET":
            continue
        result = graph.nodes[result_node]
        if kinds and result.get("kind") not in kinds:
            continue
        metric_node = _target(graph, result_node, "MEASURED_BY")
        if metric_node is not None:
            metric_nodes.add(metric_node)
        if wanted_metric and (metric_node is None or wanted_metric not in
                              {name_key(n) for n in node_names(graph.nodes[metric_node])}):
            continue
        subject_node = _target(graph, result_node, "OF")
        for paper_node, _, rel in graph.in_edges(result_node, keys=True):
            if rel != "REPORTS":
                continue
            paper = graph.nodes[paper_node]
            rows.append({
                "dataset": dataset_name, "metric": None if metric_node is None else _display(graph, metric_node),
                "value": float(result["value"]), "unit": result.get("unit"), "kind": result.get("kind"),
                "subject": None if subject_node is None else _display(graph, subject_node),
                "paper": paper.get("title") or paper_node, "year": paper.get("year"),
                "evidence": _evidence(paper, result), "paper_id": paper_node,
                "metric_id": metric_node, "subject_id": subject_node,
            })
    if metric and not rows:
        raise _unknown_metric(graph, metric, dataset_name, metric_nodes)
    rows.sort(key=lambda r: (r["metric"] is None, (r["metric"] or "").lower(), _KIND_ORDER.get(r["kind"], 9),
                             -r["value"], r["paper_id"]))
    return rows


def rows_to_json(rows: Iterable[dict]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2)


def rows_to_csv(rows: Iterable[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in COLUMNS})
    return buffer.getvalue()


def rows_table(rows: list[dict], dataset: str) -> Table:
    table = Table(title=f"Leaderboard: {dataset} ({len(rows)} results)", header_style="bold", show_lines=True)
    for column in ("metric", "value", "kind", "subject", "paper", "year", "evidence"):
        table.add_column(column, justify="right" if column in ("value", "year") else "left",
                         overflow="fold", max_width=60 if column == "evidence" else None)
    for row in rows:
        unit = {"points": " pts", None: ""}.get(row["unit"], row["unit"])
        table.add_row(row["metric"] or "-", f"{row['value']:g}{unit}", row["kind"] or "-",
                      row["subject"] or "-", row["paper"], str(row["year"] or "-"), row["evidence"])
    return table


def _print_table(rows: list[dict], dataset: str) -> None:
    stdout.print(rows_table(rows, dataset))


def _print_csv(rows: list[dict], dataset: str) -> None:
    sys.stdout.write(rows_to_csv(rows))


def _print_json(rows: list[dict], dataset: str) -> None:
    sys.stdout.write(rows_to_json(rows) + "\n")


# `kg leaderboard --format`: how the rows are printed.
BOARD_FORMATS: dict[str, Callable[[list[dict], str], None]] = {
    "table": _print_table, "csv": _print_csv, "json": _print_json,
}
