"""One writer suite, run against every store: the graph read back from the store must be the
graph written, re-loading changes nothing, a rebuilt graph replaces what its papers said."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from kg.core.errors import GraphNotFound
from kg.exports.node_link import read_graph
from kg.stores.networkx_store import NetworkXStore
from tests.kg.stores.conftest import snapshot

CREATED_OR_DELETED = ("nodes_created", "relationships_created", "nodes_deleted",
                      "relationships_deleted")


def counts(graph: nx.MultiDiGraph) -> tuple[Counter, Counter]:
    return (Counter(attrs["type"] for _, attrs in graph.nodes(data=True)),
            Counter(key for _, _, key in graph.edges(keys=True)))


def test_load_reads_back_as_the_graph(store, original):
    report = store.write(original)
    assert counts(store.read()) == counts(original)
    assert snapshot(store.read()) == snapshot(original)
    assert report.changes["nodes_created"] == original.number_of_nodes()
    assert report.changes["relationships_created"] == original.number_of_edges()


def test_reload_changes_nothing(store, original):
    store.write(original)
    before = snapshot(store.read())
    report = store.write(original)
    assert {name: report.changes[name] for name in CREATED_OR_DELETED} == dict.fromkeys(CREATED_OR_DELETED, 0)
    assert snapshot(store.read()) == before


def test_rebuilt_graph_replaces_what_its_papers_said(store, original, rebuilt):
    store.write(original)
    report = store.write(rebuilt)
    loaded = store.read()
    assert snapshot(loaded) == snapshot(rebuilt)
    # What the rebuild dropped: a paper's relationships, the entities left with none, a result.
    assert "model:mistral-7b" not in loaded and "modelfamily:mistral" not in loaded
    assert "modelfamily:gpt" not in loaded and "result:aaaa000000000003" not in loaded
    assert not loaded.has_edge("paper:arxiv:2401.00002", "method:ppo")
    assert "url" not in loaded.nodes["paper:arxiv:2401.00002"]
    assert loaded.edges["paper:arxiv:2401.00001", "method:lora", "USES"]["count"] == 3
    assert report.changes["nodes_deleted"] == 3 + 1  # model, 2 families, result
    assert report.changes["nodes_created"] == 5


def test_loading_some_papers_keeps_the_others(store, original, rebuilt):
    """A graph of one new paper adds it and leaves the papers it does not hold alone."""
    new_paper = "paper:arxiv:2502.00005"
    partial = rebuilt.subgraph([new_paper, *rebuilt.predecessors(new_paper),
                                *rebuilt.successors(new_paper)]).copy()
    store.write(original)
    store.write(partial)
    assert snapshot(store.read()) == snapshot(nx.compose(original, partial))


@pytest.mark.parametrize("batch_size", [1, 7])
def test_batch_size_does_not_change_the_result(store, original, batch_size):
    store.write(original, batch_size=batch_size)
    assert snapshot(store.read()) == snapshot(original)


def test_interrupted_load_completes_when_rerun(store, original, rebuilt):
    store.write(original)

    class Interrupted(Exception):
        pass

    batches = 0

    def interrupt(step, rows, total):
        nonlocal batches
        batches += 1
        if batches == 12:
            raise Interrupted(step)

    with pytest.raises(Interrupted):
        store.write(rebuilt, batch_size=2, on_progress=interrupt)
    assert snapshot(store.read()) != snapshot(rebuilt)
    store.write(rebuilt, batch_size=2)
    assert snapshot(store.read()) == snapshot(rebuilt)


def test_wipe_leaves_only_the_graph(store, original, rebuilt):
    store.write(original)
    unrelated = nx.MultiDiGraph()
    unrelated.add_node("paper:other", id="paper:other", type="Paper", title="Other", label="Other")
    store.write(unrelated)
    assert "paper:other" in store.read()
    store.write(rebuilt, wipe=True)
    assert snapshot(store.read()) == snapshot(rebuilt)


def test_networkx_store_keeps_a_graph_directory(tmp_path, original, rebuilt):
    NetworkXStore(directory=tmp_path).write(original)
    assert snapshot(read_graph(tmp_path)) == snapshot(original)
    NetworkXStore(directory=tmp_path).write(rebuilt)  # merges into what the directory holds
    assert snapshot(read_graph(tmp_path)) == snapshot(rebuilt)
    assert (tmp_path / "graph.graphml").is_file()


def test_a_map_property_is_refused(store):
    graph = nx.MultiDiGraph()
    graph.add_node("paper:x", id="paper:x", type="Paper", title="X", extra={"a": 1})
    with pytest.raises(GraphNotFound, match="'extra' is a map"):
        store.write(graph)


CONTROL_TEXT = "NUL\x00 bell\x07 escape\x1b tab\t form\x0c feed \x7f del \u2028 sep \ufffe \\u0000 end\\"


def test_control_characters_load_intact_or_by_the_documented_rule(store, original):
    """FalkorDB's client inlines parameters into the query text, which ends at a NUL (`kg load
    falkordb` died on a title with U+0000): there a NUL is stored as U+FFFD, one character for one;
    every other store, and every other character, keeps the text as it is."""
    from kg.stores.falkordb_store import FalkorDBStore, storable

    graph = original.copy()
    paper = next(node for node, attrs in graph.nodes(data=True) if attrs["type"] == "Paper")
    graph.nodes[paper]["title"] = CONTROL_TEXT
    graph.nodes[paper]["authors"] = ["A\x00B", "C\x01D"]
    store.write(graph)
    loaded = store.read().nodes[paper]
    expected = storable if isinstance(store, FalkorDBStore) else (lambda value: value)
    assert (loaded["title"], loaded["authors"]) == (expected(CONTROL_TEXT), expected(["A\x00B", "C\x01D"]))
    assert len(loaded["title"]) == len(CONTROL_TEXT)
