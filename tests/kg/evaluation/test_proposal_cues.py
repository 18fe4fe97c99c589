"""The proposal-cue miner: its counts on hand-made gold papers, and the counts the cue file ships."""

from __future__ import annotations

import json
import shutil

import pytest

from extractors.rules.data import data_path
from kg.evaluation.gold import load_gold
from kg.evaluation.proposal_cues import (
    CUES_FILE,
    GOLD_FILE,
    CueCount,
    context_counts,
    cue_counts,
    gold_proposal_names,
    write_counts,
)
from tests.conftest import shared_data_path

PAPERS = [
    {"id": "p1", "title": "FooNet: Fast Retrieval", "proposed": ["FooNet"],
     "abstract": "We propose FooNet, a novel retriever. FooNet beats BM25 on MS MARCO.",
     "entities": [{"text": "FooNet", "type": "Method", "canonical": "FooNet"},
                  {"text": "BM25", "type": "Method", "canonical": "BM25"},
                  {"text": "MS MARCO", "type": "Dataset", "canonical": "MS MARCO"}]},
    {"id": "p2", "title": "Sparse Anchors for Long Contexts", "proposed": ["SAA"],
     "abstract": "We introduce Sparse Anchor Attention (SAA) and compare it with our Llama-Adapter baseline.",
     "entities": [{"text": "Sparse Anchor Attention", "type": "Method", "canonical": "SAA", "aliases": ["SAA"]}]},
]


def test_gold_proposal_names_include_the_aliases():
    assert gold_proposal_names(PAPERS[1]) == {"sparseanchorattention", "saa"}


def test_context_counts_tell_proposals_from_other_entities():
    counts = context_counts(PAPERS)
    assert (counts["before: we propose"].right, counts["before: we propose"].wrong) == (1, 0)
    assert counts["title: X:"].right == 1 and counts["after: , a novel"].right == 1
    assert (counts["before: beats"].right, counts["before: beats"].wrong) == (0, 1)  # BM25
    assert counts["before: on"].wrong == 1  # MS MARCO


def test_cue_counts_score_each_cue_on_the_papers():
    counts = cue_counts(PAPERS)
    assert counts["title head"].right == 1
    assert counts["we + proposal verb: we propose"].right == 1
    assert counts["we + proposal verb: we introduce"].right == 1
    assert counts["the paper's own"].wrong == 1  # "our Llama-Adapter baseline" is not in the gold
    assert sum(count.right for key, count in counts.items() if ": " not in key) >= 4


def test_write_counts_stores_them_per_record(tmp_path):
    path = tmp_path / CUES_FILE
    shutil.copy(data_path(CUES_FILE), path)
    write_counts(path, {"title head": CueCount(right=7, wrong=2, lost=1)})
    records = {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    assert records["title head"]["train"] == {"right": 7, "wrong": 2}
    assert all("train" not in r for key, r in records.items() if key != "title head")


@pytest.mark.shared_data
def test_the_shipped_counts_are_the_train_split_counts():
    """The counts in the cue file are what the cues do on train now (re-mine with --in-place
    after changing a cue or the pipeline before it)."""
    papers = load_gold(shared_data_path(*GOLD_FILE), "train")
    mined = cue_counts(papers)
    shipped = {r["id"]: r.get("train") for r in map(json.loads, data_path(CUES_FILE).read_text().splitlines())}
    assert {key: train for key, train in shipped.items() if train} == {
        key: {"right": c.right, "wrong": c.wrong} for key, c in mined.items() if ": " not in key}
