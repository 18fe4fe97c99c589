"""Neo4j load rates: `kg load neo4j` against a raw batched UNWIND loop, on the same server and data.

    python bench/load_neo4j.py --from DIR [--from DIR ...] [--batch-size 2000] [--heap 2g] [--rounds 2]

For each graph built in DIR, starts a throw-away Neo4j 5.26 from tools/neo4j-server (`make
neo4j-server`; full JIT, not the tests' fast start) and times, on the emptied database:
  - `kg load neo4j`: `kg.stores.load.load_graph`, the function the command runs (schema, MERGE of
    nodes and relationships, pruning, orphans), then the same again (the idempotent re-load);
  - raw UNWIND CREATE: the fastest hand-written loop: the same batches, one managed write
    transaction each, `UNWIND $rows AS row CREATE ... SET n = row.props` (relationships MATCH their
    endpoints by id under the same uniqueness constraints), nothing else;
  - raw UNWIND MERGE: the same with MERGE, what an idempotent hand-written loader sends.
The three run in turn `--rounds` times (the server keeps getting faster as the JVM compiles:
compare within a round; the last is the figure), then `kg load neo4j` once more on the loaded graph.
Rates are rows per second of the node and relationship statements alone (server time as the
client sees it); "wall" is the whole run. It also checks what an outside benchmark checks: the
server's counts equal the GraphML's, the re-load creates and deletes nothing, every saved query runs.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_falkordb import sample, step_kind
from kg.core.iteration import batched
from kg.exports.graphml import GRAPH_GRAPHML
from kg.exports.node_link import read_graph
from kg.stores import DEFAULT_BATCH_SIZE
from kg.stores.base import LoadPlan, LoadReport, Row
from kg.stores.load import load_graph
from kg.stores.neo4j_store import Neo4jStore
from kg.stores.saved_queries import parameter_values, saved_queries
from tests.kg.stores.neo4j_local import USER, LocalNeo4j

if TYPE_CHECKING:
    from neo4j import Driver

WARM_UP_ROWS = 1000  # per label and per relationship type


def raw_statements(create: str) -> tuple[Callable[[str], str], Callable[[str, str, str], str]]:
    """The node and relationship statements of the hand-written loop, with CREATE or MERGE."""
    def nodes(label: str) -> str:
        return (f"UNWIND $rows AS row CREATE (n:{label}) SET n = row.props" if create == "CREATE" else
                f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n = row.props")

    def relationships(source: str, rel_type: str, target: str) -> str:
        return (f"UNWIND $rows AS row MATCH (a:{source} {{id: row.source}}) MATCH (b:{target} {{id: row.target}}) "
                f"{create} (a)-[r:{rel_type}]->(b) SET r = row.props")
    return nodes, relationships


Rates = tuple[Counter[str], defaultdict[str, float]]  # (rows, seconds) by kind of step


def raw_load(driver: Driver, plan: LoadPlan, batch_size: int, create: str) -> Rates:
    """(rows, seconds) by kind for the hand-written loop."""
    nodes, relationships = raw_statements(create)
    rows: Counter[str] = Counter()
    seconds: defaultdict[str, float] = defaultdict(float)

    def write(kind: str, statement: str, batch: list[Row]) -> None:
        started = time.perf_counter()
        with driver.session() as session:
            session.execute_write(lambda tx: tx.run(statement, rows=batch).consume())
        seconds[kind] += time.perf_counter() - started
        rows[kind] += len(batch)

    for label, label_rows in plan.nodes.items():
        for batch in batched(label_rows, batch_size):
            write("nodes", nodes(label), batch)
    for (source, rel_type, target), rel_rows in plan.relationships.items():
        for batch in batched(rel_rows, batch_size):
            write("relationships", relationships(source, rel_type, target), batch)
    return rows, seconds


def report_rates(report: LoadReport) -> Rates:
    rows: Counter[str] = Counter()
    seconds: defaultdict[str, float] = defaultdict(float)
    for step in report.steps:
        rows[step_kind(step.name)] += step.rows
        seconds[step_kind(step.name)] += step.seconds
    return rows, seconds


def graphml_counts(directory: Path) -> tuple[Counter, Counter]:
    graphml = nx.read_graphml(directory / GRAPH_GRAPHML, force_multigraph=True)
    return (Counter(attrs["type"] for _, attrs in graphml.nodes(data=True)),
            Counter(attrs["type"] for _, _, attrs in graphml.edges(data=True)))


def server_counts(store: Neo4jStore) -> tuple[Counter, Counter]:
    nodes = store.query("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n")
    edges = store.query("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n")
    return (Counter({row["label"]: row["n"] for row in nodes}), Counter({row["type"]: row["n"] for row in edges}))


def bench_graph(source: Path, batch_size: int, heap: str, rounds: int, console: Console) -> list[list[str]]:
    graph = read_graph(source)
    plan = LoadPlan.of(graph)
    results: list[list[str]] = []
    with LocalNeo4j(heap=heap, pagecache="1g") as server:
        os.environ.update(server.environment())
        store = Neo4jStore.connect(server.uri, USER, server.password)
        store.create_schema()
        driver = server.driver()
        # Warm-up: plans and JIT for every statement shape (CREATE and MERGE, every label and
        # relationship type) on a slice of the graph, wiped after each.
        warm_up = LoadPlan.of(sample(graph, WARM_UP_ROWS))
        for create in ("CREATE", "MERGE"):
            raw_load(driver, warm_up, batch_size, create)
            store.wipe()

        def row(name: str, rows: Counter[str], seconds: defaultdict[str, float], wall: float,
                raw_create: dict[str, float] | None = None) -> dict[str, float]:
            rate = {kind: rows[kind] / seconds[kind] for kind in ("nodes", "relationships") if seconds[kind]}
            ratio = ("" if raw_create is None else " / ".join(
                f"{rate[kind] / raw_create[kind]:.2f}" for kind in ("nodes", "relationships")))
            results.append([source.name, name, f"{rows['nodes']:,}", f"{rate['nodes']:,.0f}",
                            f"{rows['relationships']:,}", f"{rate['relationships']:,.0f}", f"{wall:.1f}", ratio])
            return rate

        for round_number in range(1, rounds + 1):
            # The JVM keeps compiling for minutes: later rounds are faster, so each round's kg
            # load is compared with that round's raw loop, and the last round is the figure.
            suffix = f" #{round_number}"
            started = time.perf_counter()
            rows, seconds = raw_load(driver, plan, batch_size, "CREATE")
            raw_create = row("raw UNWIND CREATE" + suffix, rows, seconds, time.perf_counter() - started)
            store.wipe()
            started = time.perf_counter()
            rows, seconds = raw_load(driver, plan, batch_size, "MERGE")
            row("raw UNWIND MERGE" + suffix, rows, seconds, time.perf_counter() - started, raw_create)
            store.wipe()
            started = time.perf_counter()
            report = load_graph("neo4j", source, batch_size=batch_size, show_progress=False)
            row("kg load neo4j" + suffix, *report_rates(report), time.perf_counter() - started, raw_create)
            if round_number < rounds:
                store.wipe()
        started = time.perf_counter()
        report = load_graph("neo4j", source, batch_size=batch_size, show_progress=False)
        row("kg load neo4j (re-load)", *report_rates(report), time.perf_counter() - started, raw_create)

        changes = report.changes
        counts_equal = server_counts(store) == graphml_counts(source)
        answered = {}
        for query in saved_queries():
            answered[query.name] = len(store.query(query.statement, parameter_values(query, store.query)))
        console.print(f"{source}: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} relationships; "
                      f"server counts == GraphML counts: {'yes' if counts_equal else 'NO'}; re-load created "
                      f"{changes['nodes_created'] + changes['relationships_created']} and deleted "
                      f"{changes['nodes_deleted'] + changes['relationships_deleted']}; saved queries run: "
                      f"{len(answered)} ({sum(1 for n in answered.values() if n)} with rows)")
        driver.close()
        store.close()
        if not counts_equal:
            raise SystemExit(f"{source}: the server's counts differ from the GraphML's")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="sources", type=Path, action="append", required=True)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--heap", default="2g", help="JVM heap of the server")
    parser.add_argument("--rounds", type=int, default=2, help="raw CREATE, raw MERGE, kg load: how many times")
    args = parser.parse_args()
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)  # e.g. "type does not exist yet"
    console = Console(width=140)
    table = Table(title=f"Neo4j 5.26 load rates (batch {args.batch_size:,})", header_style="bold")
    for column in ("graph", "run", "nodes", "nodes/s", "rels", "rels/s", "wall s", "÷ raw CREATE (nodes / rels)"):
        table.add_column(column, justify="left" if column in ("graph", "run") else "right")
    for source in args.sources:
        for result in bench_graph(source, args.batch_size, args.heap, args.rounds, console):
            table.add_row(*result)
    console.print(table)


if __name__ == "__main__":
    main()
