"""FalkorDB specifics against the real server: saved queries answer what NetworkX computes,
and an unreachable server, a wrong password or a dropped connection is a one-line error."""

from __future__ import annotations

import ast
import re
from collections import Counter

import pytest

from kg.core.errors import MissingCredentials, StoreUnavailable
from kg.stores.falkordb_local import LocalFalkorDB, free_port
from kg.stores.falkordb_store import FalkorDBStore
from tests.conftest import ROOT

QUERIES = ROOT / "cypher" / "queries"
PARAM_LINE = re.compile(r"^//\s*:param\s+(\w+)\s*=>\s*(.+)$", re.MULTILINE)


def run_saved_query(store: FalkorDBStore, name: str) -> list[tuple]:
    """Run cypher/queries/<name>.cypher as a Browser user would: with its header's :param values."""
    text = (QUERIES / f"{name}.cypher").read_text(encoding="utf-8")
    parameters = {key: ast.literal_eval(value) for key, value in PARAM_LINE.findall(text)}
    records, _ = store._run(text.strip().rstrip(";"), parameters)
    return [tuple(record.values()) for record in records]


def _named(graph, node):
    return graph.nodes[node].get("name")


def _edges(graph, rel_type):
    return [(u, v) for u, v, key in graph.edges(keys=True) if key == rel_type]


@pytest.fixture
def loaded(falkordb_store, original):
    falkordb_store.write(original)
    return falkordb_store


def test_top_datasets(loaded, original):
    papers = Counter(_named(original, d) for _, d in _edges(original, "EVALUATES_ON"))
    expected = sorted(papers.items(), key=lambda item: (-item[1], item[0]))
    assert run_saved_query(loaded, "top_datasets") == expected
    assert expected[0] == ("GSM8K", 3)


def test_leaderboard(loaded, original):
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
    assert run_saved_query(loaded, "leaderboard") == expected


def test_co_used_methods(loaded, original):
    pairs = Counter()
    for paper in (n for n, a in original.nodes(data=True) if a["type"] == "Paper"):
        used = sorted({v for _, v, key in original.out_edges(paper, keys=True)
                       if key == "USES" and original.nodes[v]["type"] == "Method"})
        pairs.update((a, b) for i, a in enumerate(used) for b in used[i + 1:])
    expected = sorted(((_named(original, a), _named(original, b), n) for (a, b), n in pairs.items()),
                      key=lambda row: (-row[2], row[0], row[1]))
    assert run_saved_query(loaded, "co_used_methods") == expected
    assert ("DPO", "LoRA", 2) in expected


def test_papers_of_a_method_on_a_dataset(loaded, original):
    lora_users = {u for u, v in _edges(original, "USES") + _edges(original, "PROPOSES") if v == "method:lora"}
    on_gsm8k = {u for u, v in _edges(original, "EVALUATES_ON") if v == "dataset:gsm8k"}
    expected = sorted(((p, original.nodes[p]["title"], original.nodes[p]["year"])
                       for p in lora_users & on_gsm8k), key=lambda row: (-row[2], row[1]))
    assert run_saved_query(loaded, "papers_method_on_dataset") == expected


def test_new_benchmarks_and_author_methods(loaded, original):
    assert run_saved_query(loaded, "new_benchmarks") == [
        ("NewBench", "NewBench: A Benchmark for Math Reasoning", 2023, 0)]
    ada = [p for a, p in _edges(original, "AUTHORED") if a == "author:ada-lovelace"]
    expected = Counter((_named(original, v), key) for p in ada
                       for _, v, key in original.out_edges(p, keys=True)
                       if key in ("PROPOSES", "USES") and original.nodes[v]["type"] == "Method")
    assert sorted(run_saved_query(loaded, "author_methods")) == sorted(
        (method, relation, n) for (method, relation), n in expected.items())


def test_missing_url(monkeypatch):
    monkeypatch.delenv("FALKORDB_URL", raising=False)
    with pytest.raises(MissingCredentials, match="FALKORDB_URL"):
        FalkorDBStore.from_env()


def test_server_down():
    with pytest.raises(StoreUnavailable, match=r"^error\[KG007\]: FalkorDB at 127\.0\.0\.1:\d+ is unavailable"):
        FalkorDBStore(f"redis://127.0.0.1:{free_port()}")


def test_wrong_password_is_not_printed(falkordb_server):
    with pytest.raises(StoreUnavailable) as caught:
        FalkorDBStore(f"redis://:not-the-password@127.0.0.1:{falkordb_server.port}")
    assert "not-the-password" not in str(caught.value) and "\n" not in str(caught.value)


def test_dropped_connection_mid_load(original):
    with LocalFalkorDB() as server:
        store = FalkorDBStore(server.url, graph="dropped")

        def stop_server(step, rows, total):
            server.stop()

        with pytest.raises(StoreUnavailable, match="unavailable"):
            store.write(original, batch_size=5, on_progress=stop_server)
