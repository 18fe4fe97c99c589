"""`kg query`: every saved query, run by the CLI on FalkorDB from the wheel, answers what the graph
says, computed here independently from the NetworkX graph; on the hand-made store fixture and on
the graph of the example corpus. Usage errors are one line."""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.exports.node_link import read_graph
from kg.query import QUERIES_DIR, bind_parameters, find_query, saved_queries
from tests.conftest import FIXTURES

runner = CliRunner()
STORE_GRAPH = FIXTURES / "stores" / "original"  # copied before use: kg query keeps a dump beside it
SAVED = sorted(path.stem for path in QUERIES_DIR.glob("*.cypher"))
NEO4J_ONLY = {"search_papers"}
BIG = 100_000  # LIMIT parameters: large enough that ties at the cut do not matter


# -- the answers, computed from the NetworkX graph as the Cypher reads ---------------------------

def _out(graph, node, *types):
    return [(v, k) for _, v, k in graph.out_edges(node, keys=True) if not types or k in types]


def _of_type(graph, kind):
    return [n for n, a in graph.nodes(data=True) if a.get("type") == kind]


def _named(graph, node, name):
    """toLower(n.name) = toLower($x) OR toLower($x) IN [a IN n.aliases | toLower(a)]"""
    attrs = graph.nodes[node]
    return name.lower() in {(attrs.get("name") or "").lower(), *(a.lower() for a in attrs.get("aliases") or [])}


def _prop(graph, node, key):
    return None if node is None else graph.nodes[node].get(key)


def _count_distinct(pairs) -> Counter:
    """count(DISTINCT p) per group, from (group, p) pairs."""
    return Counter(group for group, _ in set(pairs))


def author_methods(g, author):
    pairs = [((_prop(g, m, "name"), rel), p) for a in _of_type(g, "Author")
             if (g.nodes[a].get("name") or "").lower() == author.lower()
             for p, _ in _out(g, a, "AUTHORED")
             for m, rel in _out(g, p, "PROPOSES", "USES") if g.nodes[m]["type"] == "Method"]
    return [(m, rel, n) for (m, rel), n in _count_distinct(pairs).items()]


def builds_on_method(g, method):
    return [(_prop(g, new, "name"), g.nodes[new]["type"], _prop(g, p, "title"), _prop(g, p, "year"))
            for m in _of_type(g, "Method") if _named(g, m, method)
            for p, _, k in g.in_edges(m, keys=True) if k == "USES"
            for new, _ in _out(g, p, "PROPOSES")]


def co_used_methods(g, limit):
    pairs = []
    for p in _of_type(g, "Paper"):
        used = {m for m, _ in _out(g, p, "USES") if g.nodes[m]["type"] == "Method"}
        pairs += [((_prop(g, a, "name"), _prop(g, b, "name")), p) for a in used for b in used if a < b]
    return [(a, b, n) for (a, b), n in _count_distinct(pairs).items()]


def entity_neighbourhood(g, id, limit):
    """One row per relationship of the node, as (neighbour id, relationship type)."""
    return [(v, k) for _, v, k in g.out_edges(id, keys=True)] + \
           [(u, k) for u, _, k in g.in_edges(id, keys=True)]


def leaderboard(g, dataset):
    rows = []
    for d in _of_type(g, "Dataset"):
        if not _named(g, d, dataset):
            continue
        for r, _, k in g.in_edges(d, keys=True):
            if k != "ON_DATASET":
                continue
            subjects = [s for s, _ in _out(g, r, "OF")] or [None]
            metrics = [m for m, _ in _out(g, r, "MEASURED_BY") if g.nodes[m]["type"] == "Metric"] or [None]
            res = g.nodes[r]
            rows += [(_prop(g, s, "name"), _prop(g, m, "name"), res["value"], res.get("unit"), res.get("kind"),
                      _prop(g, p, "title"), res.get("evidence"))
                     for p, _, rel in g.in_edges(r, keys=True) if rel == "REPORTS"
                     for s in subjects for m in metrics]
    return rows


def methods_proposed_per_task(g):
    methods, papers = {}, []
    for p in _of_type(g, "Paper"):
        proposed = [m for m, _ in _out(g, p, "PROPOSES") if g.nodes[m]["type"] == "Method"]
        for t, _ in _out(g, p, "ADDRESSES"):
            if proposed:
                name = _prop(g, t, "name")
                methods.setdefault(name, set()).update(_prop(g, m, "name") for m in proposed)
                papers.append((name, p))
    return [(t, tuple(sorted(methods[t])), n) for t, n in _count_distinct(papers).items()]


def metrics_for_dataset(g, dataset):
    counts = Counter(_prop(g, m, "name") for d in _of_type(g, "Dataset") if _named(g, d, dataset)
                     for r, _, k in g.in_edges(d, keys=True) if k == "ON_DATASET"
                     for m, _ in _out(g, r, "MEASURED_BY") if g.nodes[m]["type"] == "Metric")
    return list(counts.items())


def model_families_by_year(g):
    pairs = [((_prop(g, f, "name"), g.nodes[p]["year"]), p) for p in _of_type(g, "Paper")
             if g.nodes[p].get("year") is not None
             for m, _ in _out(g, p, "USES", "COMPARES_WITH", "PROPOSES", "MENTIONS") if g.nodes[m]["type"] == "Model"
             for f, _ in _out(g, m, "IN_FAMILY")]
    return [(f, y, n) for (f, y), n in _count_distinct(pairs).items()]


def models_in_family(g, family):
    rows = Counter()
    for f in _of_type(g, "ModelFamily"):
        if (g.nodes[f].get("name") or "").lower() != family.lower():
            continue
        for m, _, k in g.in_edges(f, keys=True):
            if k == "IN_FAMILY":
                key = (_prop(g, m, "name"), _prop(g, m, "params"))
                rows[key] += len({p for p, _, rel in g.in_edges(m, keys=True) if rel in ("USES", "COMPARES_WITH")})
    return [(*key, n) for key, n in rows.items()]


def most_compared_baselines(g, limit):
    pairs = [((_prop(g, b, "name"), g.nodes[b]["type"]), p) for p in _of_type(g, "Paper")
             for b, _ in _out(g, p, "COMPARES_WITH")]
    return [(b, kind, n) for (b, kind), n in _count_distinct(pairs).items()]


def new_benchmarks(g):
    rows = Counter()
    for p in _of_type(g, "Paper"):
        for d, _ in _out(g, p, "PROPOSES"):
            if g.nodes[d]["type"] != "Dataset":
                continue
            others = {o for o, _, k in g.in_edges(d, keys=True) if k == "EVALUATES_ON" and o != p}
            key = (_prop(g, d, "name"), _prop(g, p, "title"), _prop(g, p, "year"))
            rows[key] += len(others)  # grouped: DISTINCT others of every such (d, p)
    return [(*key, n) for key, n in rows.items()]


def paper_card(g, paper):
    if paper not in g:
        return []
    attrs = g.nodes[paper]
    authors = tuple(attrs.get("authors") or [])
    rows = [(attrs.get("title"), authors, k, g.nodes[e]["type"], _prop(g, e, "name"), data.get("evidence"))
            for _, e, k, data in g.out_edges(paper, keys=True, data=True) if g.nodes[e]["type"] != "Result"]
    return rows or [(attrs.get("title"), authors, None, None, None, None)]


def papers_method_on_dataset(g, method, dataset):
    return [(p, _prop(g, p, "title"), _prop(g, p, "year")) for p in _of_type(g, "Paper")
            for m, _ in _out(g, p, "USES", "PROPOSES")
            if g.nodes[m]["type"] in ("Method", "Model") and _named(g, m, method)
            for d, _ in _out(g, p, "EVALUATES_ON") if _named(g, d, dataset)]


def tasks_for_dataset(g, dataset):
    pairs = [(_prop(g, t, "name"), p) for d in _of_type(g, "Dataset") if _named(g, d, dataset)
             for p, _, k in g.in_edges(d, keys=True) if k == "EVALUATES_ON"
             for t, _ in _out(g, p, "ADDRESSES")]
    return list(_count_distinct(pairs).items())


def top_datasets(g, limit):
    pairs = [(_prop(g, d, "name"), p) for p in _of_type(g, "Paper") for d, _ in _out(g, p, "EVALUATES_ON")]
    return list(_count_distinct(pairs).items())


def trending_methods(g, limit):
    pairs = [((g.nodes[p]["year"], _prop(g, m, "name")), p) for p in _of_type(g, "Paper")
             if g.nodes[p].get("year") is not None
             for m, _ in _out(g, p, "USES", "PROPOSES") if g.nodes[m]["type"] == "Method"]
    return [(y, m, n) for (y, m), n in _count_distinct(pairs).items()]


EXPECTED: dict[str, Callable] = {f.__name__: f for f in (
    author_methods, builds_on_method, co_used_methods, entity_neighbourhood, leaderboard,
    methods_proposed_per_task, metrics_for_dataset, model_families_by_year, models_in_family,
    most_compared_baselines, new_benchmarks, paper_card, papers_method_on_dataset,
    tasks_for_dataset, top_datasets, trending_methods)}


def _hashable(value):
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


def _answer_rows(name: str, records: list[dict]) -> list[tuple]:
    """The CLI's JSON rows as tuples, in the query's column order (collect() lists sorted)."""
    rows: list[tuple] = []
    for record in records:
        if name == "entity_neighbourhood":
            path = record["path"]
            rows.append((path["nodes"][1]["id"], path["relationships"][0]["type"]))
        elif name == "methods_proposed_per_task":
            rows.append((record["task"], tuple(sorted(record["methods"])), record["papers"]))
        else:
            rows.append(tuple(_hashable(v) for v in record.values()))
    return rows


def _params(name: str, graph: nx.MultiDiGraph) -> dict:
    """The file's defaults, with LIMITs lifted and ids that exist in `graph`."""
    values = bind_parameters(find_query(name), [])
    for key in values:
        if key == "limit":
            values[key] = BIG
    if "paper" in values and values["paper"] not in graph:
        values["paper"] = sorted(_of_type(graph, "Paper"))[0]
    if "author" in values and not _of_type(graph, "Author"):
        pytest.fail("the graph has no authors to ask about")
    return values


def _run_cli(name: str, source, params: dict) -> list[dict]:
    args = ["query", name, "--from", str(source), "--format", "json"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# ORDER BY of each query, as a sort key of its rows (checked on the store fixture, which has no
# nulls in sorted columns); entity_neighbourhood has no ORDER BY.
ORDER: dict[str, Callable] = {
    "author_methods": lambda r: (-r[2], r[0], r[1]),
    "builds_on_method": lambda r: (-r[3], r[0]),
    "co_used_methods": lambda r: (-r[2], r[0], r[1]),
    "leaderboard": lambda r: (r[1], -r[2], r[0]),
    "methods_proposed_per_task": lambda r: (-r[2], r[0]),
    "metrics_for_dataset": lambda r: (-r[1], r[0]),
    "model_families_by_year": lambda r: (r[0], r[1]),
    "models_in_family": lambda r: (-r[2], r[0]),
    "most_compared_baselines": lambda r: (-r[2], r[0]),
    "new_benchmarks": lambda r: (-r[3], r[0]),
    "paper_card": lambda r: (r[2], r[4]),
    "papers_method_on_dataset": lambda r: (-r[2], r[1]),
    "tasks_for_dataset": lambda r: (-r[1], r[0]),
    "top_datasets": lambda r: (-r[1], r[0]),
    "trending_methods": lambda r: (-r[0], -r[2], r[1]),
}


def _check(name: str, source) -> list[tuple]:
    """The CLI's rows equal the NetworkX answer (as multisets: Cypher leaves ties unordered)."""
    graph = read_graph(source)
    params = _params(name, graph)
    rows = _answer_rows(name, _run_cli(name, source, params))
    assert Counter(rows) == Counter(EXPECTED[name](graph, **params))
    return rows


@pytest.fixture(scope="module")
def store_graph(tmp_path_factory) -> Path:
    """The hand-made store graph in a folder of its own (kg query writes its dump there)."""
    target = tmp_path_factory.mktemp("store-graph")
    shutil.copy(STORE_GRAPH / "graph.json", target / "graph.json")
    return target


@pytest.mark.parametrize("name", sorted(set(SAVED) - NEO4J_ONLY))
def test_every_saved_query_answers_what_the_graph_says(name, store_graph):
    rows = _check(name, store_graph)
    assert rows, "the fixture should give every query something to answer"
    if name in ORDER:
        assert rows == sorted(rows, key=ORDER[name])


@pytest.mark.parametrize("name", sorted(set(SAVED) - NEO4J_ONLY - {"author_methods"}))
def test_every_saved_query_on_the_example_corpus(name, seeds_graph_dir):
    """The example corpus has no authors, so author_methods runs on the store fixture only."""
    _check(name, seeds_graph_dir)


def test_the_checks_cover_every_saved_query():
    assert set(SAVED) == set(EXPECTED) | NEO4J_ONLY
    assert set(ORDER) == set(EXPECTED) - {"entity_neighbourhood"}
    assert len(SAVED) == 17


def test_sorted_as_the_query_says(store_graph):
    rows = _run_cli("top_datasets", store_graph, {"limit": 2})
    assert [(r["dataset"], r["papers"]) for r in rows] == [("GSM8K", 3), ("MATH", 1)]
    rows = _run_cli("leaderboard", store_graph, {"dataset": "gsm-8k"})
    assert [r["value"] for r in rows] == [56.3, 48.1]


def test_neo4j_only_query_says_why_in_one_line(store_graph):
    result = runner.invoke(app, ["query", "search_papers", "--from", str(store_graph)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "error[KG012]" in result.output
    assert "full-text" in result.output


def test_list_shows_every_query_with_description_and_parameters():
    result = runner.invoke(app, ["query", "--list"], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    for query in saved_queries():
        assert query.name in result.output
        assert query.description[:40] in result.output
    assert "dataset='GSM8K'" in result.output and "limit=20" in result.output


def test_any_cypher_file_with_parameters(tmp_path, store_graph):
    path = tmp_path / "families.cypher"
    path.write_text("// Models of a family, by name.\n// :param family => 'Llama'\n"
                    "MATCH (m:Model)-[:IN_FAMILY]->(f:ModelFamily {name: $family}) RETURN m.name AS model;\n")
    result = runner.invoke(app, ["query", str(path), "--from", str(store_graph), "--format", "csv",
                                 "--param", "family=Mistral"])
    assert result.exit_code == 0, result.output
    assert result.output == "model\nMistral-7B\n"


@pytest.mark.parametrize("args, message", [
    (["query", "no_such_query"], "error[KG011]: no saved query or file named 'no_such_query'"),
    (["query", "top_datasets", "--param", "limit=many"], "error[KG004]: --param limit takes a number"),
    (["query", "top_datasets", "--param", "size=3"], "error[KG004]: top_datasets has no parameter 'size'"),
    (["query", "top_datasets", "--param", "limit"], "error[KG004]: --param takes name=value"),
    (["query"], "error[KG004]: name a saved query"),
])
def test_usage_errors_are_one_line(args, message, store_graph):
    result = runner.invoke(app, [*args, "--from", str(store_graph)])
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1


def test_a_query_that_writes_is_refused(tmp_path, store_graph):
    path = tmp_path / "write.cypher"
    path.write_text("CREATE (:Method {id: 'method:x', name: 'X'})")
    result = runner.invoke(app, ["query", str(path), "--from", str(store_graph)])
    assert result.exit_code == 1 and result.output.startswith("error[KG012]: FalkorDB refused the query")


def test_missing_graph(tmp_path):
    result = runner.invoke(app, ["query", "top_datasets", "--from", str(tmp_path)])
    assert result.exit_code == 1 and result.output.startswith("error[KG003]")


def test_the_loaded_graph_is_kept_for_the_next_query(tmp_path):
    """The second query starts from the FalkorDB dump: it answers even when graph.json, same size
    and time, no longer parses; a rebuilt graph.json (new time) is loaded again."""
    shutil.copy(STORE_GRAPH / "graph.json", tmp_path / "graph.json")
    first = _run_cli("top_datasets", tmp_path, {"limit": 5})
    (dump,) = (tmp_path / ".kg-query").glob("*.rdb")
    graph_file = tmp_path / "graph.json"
    stat = graph_file.stat()
    graph_file.write_bytes(b" " * stat.st_size)
    os.utime(graph_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _run_cli("top_datasets", tmp_path, {"limit": 5}) == first
    os.utime(graph_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    result = runner.invoke(app, ["query", "top_datasets", "--from", str(tmp_path)])
    assert result.exit_code == 1 and result.output.startswith("error[KG003]")  # not the stale dump
    shutil.copy(STORE_GRAPH / "graph.json", graph_file)
    assert _run_cli("top_datasets", tmp_path, {"limit": 5}) == first
    assert [p.name for p in (tmp_path / ".kg-query").glob("*.rdb")] != [dump.name]  # replaced


def test_a_damaged_dump_is_replaced(tmp_path):
    shutil.copy(STORE_GRAPH / "graph.json", tmp_path / "graph.json")
    first = _run_cli("top_datasets", tmp_path, {"limit": 5})
    (dump,) = (tmp_path / ".kg-query").glob("*.rdb")
    dump.write_bytes(b"not a dump")
    assert _run_cli("top_datasets", tmp_path, {"limit": 5}) == first
    assert dump.read_bytes().startswith(b"REDIS")


def test_a_relative_graph_folder(tmp_path, monkeypatch):
    """--from kg-out, as the README says: the dump path is absolute for the server, which runs in
    a folder of its own."""
    shutil.copytree(STORE_GRAPH, tmp_path / "kg-out")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # loads and writes the dump, then starts from it
        result = runner.invoke(app, ["query", "top_datasets", "--from", "kg-out", "--format", "csv"])
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[:2] == ["dataset,papers", "GSM8K,3"]
    assert len(list((tmp_path / "kg-out" / ".kg-query").glob("*.rdb"))) == 1
