"""Every saved query of cypher/queries/ run as Neo4j Browser runs it (its `:param` header evaluated by
the server, then the statement with those parameters) on real Neo4j and FalkorDB servers: the
answers equal what NetworkX computes from the graph, and Neo4j's equal FalkorDB's."""

from __future__ import annotations

import re
import uuid
from collections import Counter

import networkx as nx
import pytest
from falkordb import Edge, Node, Path

from kg.core.errors import BadDataFile
from kg.exports.node_link import read_graph
from kg.stores.falkordb_store import FalkorDBStore
from kg.stores.saved_queries import SavedQuery, declared_parameters, parameter_values, saved_queries
from tests.kg.stores.conftest import connect_neo4j

QUERIES = {query.name: query for query in saved_queries()}
NEO4J_ONLY = {"search_papers"}  # Neo4j's full-text index procedure


def test_every_header_declares_exactly_the_parameters_the_query_uses():
    assert len(QUERIES) >= 17
    for query in QUERIES.values():
        assert set(query.parameters) == set(query.used_parameters()), query.name
        assert len(query.description) > 20 and query.statement, query.name


def test_a_malformed_param_line_names_its_line():
    assert declared_parameters("// :param limit => 20\n// :param a => 'x';\nRETURN $limit") == {
        "limit": "20", "a": "'x'"}
    with pytest.raises(BadDataFile, match=r"q.cypher:2: not a `// :param"):
        declared_parameters("// About\n// :param limit = 20\nRETURN $limit", "q.cypher")


def run(server, query: SavedQuery) -> list[tuple]:
    """The rows Browser shows: parameters evaluated on the server, then the query."""
    parameters = parameter_values(query, server.query)
    return [tuple(plain(value) for value in record.values())
            for record in server.query(query.statement, parameters)]


def plain(value):
    """Graph values of either server as ids and types: a node is its id, a path its node ids and
    relationship types in order (the Neo4j driver gives nodes as property dicts, FalkorDB as Nodes)."""
    if isinstance(value, Node):
        return value.properties["id"]
    if isinstance(value, Edge):
        return value.relation
    if isinstance(value, Path):
        items = [value.get_node(0).properties["id"]]
        for index in range(value.edge_count()):
            items += [value.get_edge(index).relation, value.get_node(index + 1).properties["id"]]
        return tuple(items)
    if isinstance(value, dict) and "id" in value:
        return value["id"]
    if isinstance(value, (list, tuple)):
        return tuple(plain(item) for item in value)
    return value


class LoadedGraphs:
    """Loads a built graph into Neo4j (its one user database, emptied first) and into a FalkorDB
    graph of its own, once: Neo4j is reloaded only when another graph is asked for."""

    def __init__(self, neo4j_server, falkordb_server, directories: dict):
        self.neo4j = connect_neo4j(neo4j_server)
        self.falkordb_url = falkordb_server.url
        self.directories = directories
        self.graphs: dict[str, nx.MultiDiGraph] = {}
        self.falkordb: dict[str, FalkorDBStore] = {}
        self.in_neo4j: str | None = None

    def __call__(self, name: str):
        if name not in self.graphs:
            self.graphs[name] = read_graph(self.directories[name])
            self.falkordb[name] = FalkorDBStore(self.falkordb_url, graph=f"queries-{uuid.uuid4().hex[:12]}")
            self.falkordb[name].write(self.graphs[name])
        if self.in_neo4j != name:
            self.neo4j.wipe()
            self.neo4j.write(self.graphs[name])
            self.in_neo4j = name
        return self.graphs[name], {"neo4j": self.neo4j, "falkordb": self.falkordb[name]}

    def close(self) -> None:
        self.neo4j.close()
        for store in self.falkordb.values():
            store.close()


@pytest.fixture(scope="module")
def loaded(neo4j_server, falkordb_server, original_dir, seeds_dir):
    graphs = LoadedGraphs(neo4j_server, falkordb_server, {"original": original_dir, "seeds": seeds_dir})
    yield graphs
    graphs.close()


def _named(graph, node):
    return graph.nodes[node].get("name")


def _edges(graph, rel_type):
    return [(u, v) for u, v, key in graph.edges(keys=True) if key == rel_type]


@pytest.fixture(params=["neo4j", "falkordb"])
def server(request, loaded):
    """(graph, server) for the hand-made graph: the NetworkX answers below are written for it."""
    graph, servers = loaded("original")
    return graph, servers[request.param]


def test_top_datasets(server):
    original, store = server
    papers = Counter(_named(original, d) for _, d in _edges(original, "EVALUATES_ON"))
    expected = sorted(papers.items(), key=lambda item: (-item[1], item[0]))
    assert run(store, QUERIES["top_datasets"]) == expected
    assert expected[0] == ("GSM8K", 3)


def test_leaderboard(server):
    original, store = server
    expected = []
    for result, dataset in _edges(original, "ON_DATASET"):
        if _named(original, dataset) != "GSM8K":
            continue
        ties = {key: v for _, v, key in original.out_edges(result, keys=True)}
        paper = next(u for u, _ in _edges(original, "REPORTS") if _ == result)
        props = original.nodes[result]
        expected.append((_named(original, ties["OF"]), _named(original, ties["MEASURED_BY"]),
                         props["value"], props["unit"], props["kind"],
                         original.nodes[paper]["title"], props["evidence"]))
    expected.sort(key=lambda row: (row[1], -row[2], row[0]))
    assert len(expected) == 2
    assert run(store, QUERIES["leaderboard"]) == expected


def test_co_used_methods(server):
    original, store = server
    pairs = Counter()
    for paper in (n for n, a in original.nodes(data=True) if a["type"] == "Paper"):
        used = sorted({v for _, v, key in original.out_edges(paper, keys=True)
                       if key == "USES" and original.nodes[v]["type"] == "Method"})
        pairs.update((a, b) for i, a in enumerate(used) for b in used[i + 1:])
    expected = sorted(((_named(original, a), _named(original, b), n) for (a, b), n in pairs.items()),
                      key=lambda row: (-row[2], row[0], row[1]))
    assert run(store, QUERIES["co_used_methods"]) == expected
    assert ("DPO", "LoRA", 2) in expected


def test_papers_of_a_method_on_a_dataset(server):
    original, store = server
    lora_users = {u for u, v in _edges(original, "USES") + _edges(original, "PROPOSES") if v == "method:lora"}
    on_gsm8k = {u for u, v in _edges(original, "EVALUATES_ON") if v == "dataset:gsm8k"}
    expected = sorted(((p, original.nodes[p]["title"], original.nodes[p]["year"])
                       for p in lora_users & on_gsm8k), key=lambda row: (-row[2], row[1]))
    assert run(store, QUERIES["papers_method_on_dataset"]) == expected


def test_new_benchmarks_and_author_methods(server):
    original, store = server
    assert run(store, QUERIES["new_benchmarks"]) == [
        ("NewBench", "NewBench: A Benchmark for Math Reasoning", 2023, 0)]
    ada = [p for a, p in _edges(original, "AUTHORED") if a == "author:ada-lovelace"]
    expected = Counter((_named(original, v), key) for p in ada
                       for _, v, key in original.out_edges(p, keys=True)
                       if key in ("PROPOSES", "USES") and original.nodes[v]["type"] == "Method")
    assert sorted(run(store, QUERIES["author_methods"])) == sorted(
        (method, relation, n) for (method, relation), n in expected.items())


def test_entity_neighbourhood(server):
    """The graph view's query: the node and a path to each neighbour, either direction."""
    original, store = server
    graph = nx.MultiGraph(original)
    expected = Counter(("dataset:gsm8k", key, other) for _, other, key in graph.edges("dataset:gsm8k", keys=True))
    rows = run(store, QUERIES["entity_neighbourhood"])
    assert {row[0] for row in rows} == {"dataset:gsm8k"}
    assert Counter(row[1] for row in rows) == expected


def test_the_saved_queries_find_something(loaded):
    """On the hand-made graph every query's example parameters match rows (so the comparisons
    above compare answers, not two empty lists)."""
    _, servers = loaded("original")
    empty = [name for name, query in QUERIES.items() if not run(servers["neo4j"], query)]
    assert empty == []


# Queries whose ORDER BY leaves ties (or has none): rows compared as multisets, and lists built by
# collect() compared as sets.
UNORDERED = {"entity_neighbourhood", "methods_proposed_per_task", "paper_card", "builds_on_method"}


def comparable(name: str, rows: list[tuple]):
    if name not in UNORDERED:
        return rows
    return Counter(tuple(tuple(sorted(v)) if isinstance(v, tuple) and name != "entity_neighbourhood"
                         else v for v in row) for row in rows)


@pytest.mark.parametrize("name", sorted(set(QUERIES) - NEO4J_ONLY))
@pytest.mark.parametrize("graph", ["original", "seeds"])
def test_neo4j_answers_as_falkordb(loaded, graph, name):
    _, servers = loaded(graph)
    neo4j, falkordb = (run(servers[server], QUERIES[name]) for server in ("neo4j", "falkordb"))
    assert comparable(name, neo4j) == comparable(name, falkordb)


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


@pytest.mark.parametrize("graph_name", ["seeds", "original"])
def test_full_text_search(loaded, graph_name):
    """search_papers: Lucene's standard analyser, terms OR-ed: the papers with any query term in
    their title or abstract, best first, at most $limit."""
    graph, servers = loaded(graph_name)
    query = QUERIES["search_papers"]
    parameters = parameter_values(query, servers["neo4j"].query)
    terms = _tokens(parameters["text"])
    matching = {node for node, attrs in graph.nodes(data=True) if attrs["type"] == "Paper"
                and terms & _tokens(f"{attrs.get('title', '')} {attrs.get('abstract', '')}")}
    rows = run(servers["neo4j"], query)
    assert {row[0] for row in rows} <= matching
    assert len(rows) == min(parameters["limit"], len(matching)) > 0
    assert [row[3] for row in rows] == sorted((row[3] for row in rows), reverse=True)
