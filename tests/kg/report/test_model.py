"""What the report shows, computed from the hand-made store graph (tests/fixtures/stores/original)."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.exports.node_link import read_graph
from kg.report.model import (
    NEIGHBOURHOOD_ENTITIES,
    NEIGHBOURHOOD_PAPERS,
    ReportModel,
    best_over_time,
    months_between,
    page_path,
    paper_link,
    paper_month,
)
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def model() -> ReportModel:
    return ReportModel(read_graph(FIXTURES / "stores" / "original"))


@pytest.mark.parametrize("attrs, month", [
    ({"date": "2025-05-18"}, "2025-05"),
    ({"date": "2025-05", "arxiv_id": "2401.00001"}, "2025-05"),
    ({"arxiv_id": "2401.00001"}, "2024-01"),
    ({"arxiv_id": "2312.12345v2"}, "2023-12"),
    ({"arxiv_id": "cs/9912001"}, "1999-12"),
    ({"arxiv_id": "hep-th/0701001"}, "2007-01"),
    ({"date": "May 2025", "year": 2025}, None),
    ({"arxiv_id": "2413.00001"}, None),
    ({}, None),
])
def test_month_of_a_paper(attrs, month):
    assert paper_month(attrs) == month


def test_paper_links_prefer_arxiv_then_doi_then_a_web_url():
    assert paper_link({"arxiv_id": "2401.00001", "doi": "10.1/x"}) == "https://arxiv.org/abs/2401.00001"
    assert paper_link({"doi": "10.1234/kg.5"}) == "https://doi.org/10.1234/kg.5"
    assert paper_link({"url": "https://example.org/p"}) == "https://example.org/p"
    assert paper_link({"url": "javascript:alert(1)"}) is None


def test_page_paths_are_safe_file_names():
    assert page_path("method:lora") == "method/lora.html"
    assert page_path("dataset:gsm8k", "leaderboard") == "leaderboard/gsm8k.html"
    odd = page_path("method:" + "x" * 300)
    assert len(odd) < 100 and odd.startswith("method/x")
    assert page_path("method:-") != page_path("method:--") and page_path("method:-").endswith(".html")


def test_months_between_fills_empty_months():
    assert months_between(Counter({"2024-11": 2, "2025-02": 1})) == [
        ["2024-11", 2], ["2024-12", 0], ["2025-01", 0], ["2025-02", 1]]
    assert months_between(Counter()) == []


def test_entity_pages_list_papers_with_evidence_strongest_first(model):
    lora = model.entities["method:lora"]
    assert lora.paper_count == 3 and {link.relation for link in lora.links} == {"USES"}
    gsm8k = model.entities["dataset:gsm8k"]
    assert [link.relation for link in gsm8k.links] == ["EVALUATES_ON"] * 3 + ["MENTIONS"]
    # latest first within a relation (2401.x before 2312.x; the same month by title)
    assert [link.paper for link in gsm8k.links[:3]] == [
        "paper:arxiv:2401.00001", "paper:arxiv:2401.00002", "paper:arxiv:2312.00003"]
    assert gsm8k.links[-1].evidence == "GSM8K is mentioned"
    assert model.months_of(gsm8k) == [["2023-12", 1], ["2024-01", 2]]


def test_a_family_page_gathers_the_papers_of_its_models(model):
    llama = model.entities["modelfamily:llama"]
    assert llama.models == ["model:llama-2-7b"]
    assert {link.paper for link in llama.links} == {"paper:arxiv:2401.00001", "paper:arxiv:2312.00003"}
    assert model.entities["model:llama-2-7b"].family == "modelfamily:llama"


def test_co_used_entities_count_shared_papers(model):
    co_used = dict(model.co_used(model.entities["method:lora"]))
    assert co_used["dataset:gsm8k"] == 3 and co_used["method:dpo"] == 2
    assert "method:lora" not in co_used


def test_neighbourhood_is_bounded_and_connected(model):
    graph = model.neighbourhood(model.entities["dataset:gsm8k"])
    papers, near, edges = graph["papers"], graph["with"], graph["edges"]
    assert len(papers) == 4 <= NEIGHBOURHOOD_PAPERS and len(near) <= NEIGHBOURHOOD_ENTITIES
    assert papers[0] == ["LoRA-Plus: Faster Low-Rank Adaptation", "https://arxiv.org/abs/2401.00001"]
    # LoRA and GPT-4 are each in 3 of GSM8K's 4 papers, and have 3 papers in all: by name
    assert near[:2] == [["GPT-4", "Model", "gpt-4", 3], ["LoRA", "Method", "lora", 3]]
    assert [w[3] for w in near] == sorted((w[3] for w in near), reverse=True)
    assert all(0 <= p < len(papers) and 0 <= w < len(near) for p, w in edges)
    assert sum(1 for _, w in edges if w == 1) == 3


def test_new_in_the_latest_month(model):
    assert model.latest_month == "2024-01"
    new = model.new_in_latest_month()
    assert [(e.id, p) for e, p in new["Method"]] == [("method:lora-plus", "paper:arxiv:2401.00001")]
    assert new["Dataset"] == []  # NewBench was proposed in 2023-12


def test_leaderboard_best_score_over_time(model):
    board = model.leaderboard(model.entities["dataset:gsm8k"])
    assert [r["value"] for r in board["absolute"]] == [56.3, 48.1]
    (accuracy,) = board["metrics"]
    assert accuracy["metric"] == "accuracy" and not accuracy["lower_is_better"]
    over_time = accuracy["over_time"]
    # the same month: by paper id, so 56.3 (2401.00001) comes first and 48.1 does not beat it
    assert [(p["date"], p["value"]) for p in over_time["scores"]] == [("2024-01", 56.3), ("2024-01", 48.1)]
    assert [p["value"] for p in over_time["best"]] == [56.3]
    assert over_time["best"][0]["link"] == "https://arxiv.org/abs/2401.00001"
    assert over_time["until"] == "2024-01"
    assert [d.id for d, _ in model.leaderboard_datasets] == ["dataset:gsm8k", "dataset:math"]


def test_lower_is_better_metrics(model):
    assert model.lower_is_better("Perplexity") and model.lower_is_better("word error rate")
    assert model.lower_is_better("FID") and not model.lower_is_better("F1") and not model.lower_is_better(None)


def test_search_entries_carry_every_spelling_key(model):
    entries = {entry[2]: entry for entry in model.search_entries()}
    lora = entries["method/lora.html"]
    assert lora[:4] == ["LoRA", "Method", "method/lora.html", 3]
    assert set(lora[4]) == {"lora", "lowrankadaptation"}
    assert "gsm8k" in entries["dataset/gsm8k.html"][4]


def _score(date, value, paper):
    return {"date": date, "value": value, "paper_id": paper, "subject": "S", "paper": paper,
            "link": f"https://arxiv.org/abs/{paper}", "unit": "%"}


def test_the_state_of_the_art_line_steps_at_each_new_best():
    scores = [_score("2025-03", 50.0, "c"), _score("2025-01", 40.0, "a"), _score(None, 99.0, "x"),
              _score("2025-02", 30.0, "b"), _score("2025-04", 60.0, "d")]
    higher = best_over_time(scores, lower=False)
    assert [p["paper"] for p in higher["scores"]] == ["a", "b", "c", "d"]  # undated left out
    assert [p["paper"] for p in higher["best"]] == ["a", "c", "d"] and higher["until"] == "2025-04"
    lower = best_over_time(scores, lower=True)
    assert [p["paper"] for p in lower["best"]] == ["a", "b"]
