"""`kg load neo4j|falkordb`: read a built graph, write it to a server with a progress bar per
label/type, and summarise the rows written per step and their rate.

`STORES` names every server `kg load` writes to, with the function that opens it (credentials from
the environment only); a new store is a `GraphWriter` (kg.stores.base) named there. Stores are
imported when opened: their drivers are optional extras, and `kg` starts without them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.core.errors import BadOption
from kg.progress import RateColumn, stderr
from kg.stores import DEFAULT_BATCH_SIZE

if TYPE_CHECKING:
    from kg.stores.base import GraphWriter, LoadReport


def _open_neo4j(database: str | None) -> GraphWriter:
    from kg.stores.neo4j_store import Neo4jStore

    return Neo4jStore.from_env(database)


def _open_falkordb(database: str | None) -> GraphWriter:
    from kg.stores.falkordb_store import FalkorDBStore

    return FalkorDBStore.from_env(database)


STORES: dict[str, Callable[[str | None], GraphWriter]] = {
    "neo4j": _open_neo4j,  # NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD
    "falkordb": _open_falkordb,  # FALKORDB_URL
}


def open_store(server: str, database: str | None = None) -> GraphWriter:
    """A connected writer for `server`, credentials from the environment only."""
    opener = STORES.get(server)
    if opener is None:
        raise BadOption(f"unknown store {server!r} (use {' or '.join(STORES)})")
    return opener(database)


def load_graph(server: str, source: Path, *, database: str | None = None,
               batch_size: int = DEFAULT_BATCH_SIZE, wipe: bool = False,
               show_progress: bool = True) -> LoadReport:
    """Write the graph built in `source` to `server`; returns what each step wrote."""
    from kg.exports.node_link import read_graph

    if batch_size < 1:
        raise BadOption(f"--batch-size must be at least 1, not {batch_size}")
    graph = read_graph(source)
    store = open_store(server, database)
    try:
        if not show_progress:
            return store.write(graph, batch_size=batch_size, wipe=wipe)
        columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   RateColumn(), TimeElapsedColumn()]
        with Progress(*columns, console=stderr) as progress:
            tasks: dict[str, TaskID] = {}

            def advance(step: str, rows: int, total: int) -> None:
                if step not in tasks:
                    tasks[step] = progress.add_task(step, total=total)
                progress.advance(tasks[step], rows)

            return store.write(graph, batch_size=batch_size, wipe=wipe, on_progress=advance)
    finally:
        store.close()


def report_table(report: LoadReport) -> Table:
    """Rows and rows/s per label/type, and what the server created and deleted."""
    table = Table(title=f"kg load {report.store}", header_style="bold")
    for column in ("step", "rows", "seconds", "rows/s", "created", "deleted"):
        table.add_column(column, justify="left" if column == "step" else "right")
    for step in report.steps:
        created = step.changes["nodes_created"] + step.changes["relationships_created"]
        deleted = step.changes["nodes_deleted"] + step.changes["relationships_deleted"]
        if step.rows or created or deleted:
            table.add_row(step.name, f"{step.rows:,}", f"{step.seconds:.2f}",
                          f"{step.rate:,.0f}" if step.rows else "", f"{created:,}", f"{deleted:,}")
    changes = report.changes
    rate = report.rows / report.seconds if report.seconds else 0.0
    table.add_row("[bold]total", f"[bold]{report.rows:,}", f"{report.seconds:.2f}", f"{rate:,.0f}",
                  f"{changes['nodes_created'] + changes['relationships_created']:,}",
                  f"{changes['nodes_deleted'] + changes['relationships_deleted']:,}")
    return table
