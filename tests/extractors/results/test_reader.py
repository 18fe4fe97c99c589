"""The results of one sentence, scan -> judge -> tie, as the records the component writes."""

from __future__ import annotations

import pytest

from extractors.results.reader import ResultReader
from extractors.results.types import Entity


@pytest.fixture(scope="module")
def reader(cues) -> ResultReader:
    return ResultReader(cues)


def test_records_carry_value_unit_kind_ties_and_evidence(reader):
    # the gain "outperforming GPT-3.5 by 4.1%" continues the 85.3% accuracy: its metric too
    text = "On GSM8K, Llama-3-8B reaches 85.3% accuracy, outperforming GPT-3.5 by 4.1%."
    found = [Entity(3, 8, "Dataset", "GSM8K"), Entity(10, 20, "Model", "Llama-3-8B"),
             Entity(35, 43, "Metric", "Accuracy"), Entity(59, 66, "Model", "GPT-3.5")]
    assert [text[e.start:e.end] for e in found] == ["GSM8K", "Llama-3-8B", "accuracy", "GPT-3.5"]
    records = reader.read(text, found)
    assert records == [
        {"value": 85.3, "unit": "%", "kind": "absolute", "metric": "Accuracy", "dataset": "GSM8K",
         "subject": "Llama-3-8B", "start": 10, "end": 43},
        {"value": 4.1, "unit": "%", "kind": "improvement", "metric": "Accuracy", "dataset": "GSM8K",
         "subject": "Llama-3-8B", "start": 45, "end": 74},
    ]
    assert [text[r["start"]:r["end"]] for r in records] == ["Llama-3-8B reaches 85.3% accuracy",
                                                           "outperforming GPT-3.5 by 4.1%"]


def test_a_unitless_number_inside_a_name_is_no_result(reader):
    text = "Our reader reaches 88.1 on the SQuAD 2.0 F1 leaderboard."
    assert [r["value"] for r in reader.read(text, [])] == [2.0]  # "2.0 F1" reads as a score
    squad = Entity(text.index("SQuAD"), text.index("SQuAD") + len("SQuAD 2.0"), "Dataset", "SQuAD-2.0")
    assert [(r["value"], r["dataset"]) for r in reader.read(text, [squad])] == [(88.1, "SQuAD-2.0")]


def test_a_respectively_list_extends_its_evidence(reader):
    # seed s051
    text = ("Our analysis reveals that ChatGPT and Llama 2-Chat exhibit hallucinations in 60% and 75% of "
            "their outputs, respectively, and a majority of these fall into new categories.")
    records = reader.read(text, [])
    assert [(r["value"], r["unit"], r["kind"]) for r in records] == [(60.0, "%", "absolute"), (75.0, "%", "absolute")]
    assert {text[r["start"]:r["end"]] for r in records} == {
        "exhibit hallucinations in 60% and 75% of their outputs, respectively"}  # 3 words of context before


def test_a_score_that_goes_on_changing_keeps_its_metric(reader):
    # arXiv 2508.08591
    text = "DepressLLM achieves an AUC of 0.789, which rises to 0.904 on samples with high confidence."
    found = [Entity(0, 10, "Method", "DepressLLM"), Entity(23, 26, "Metric", "AUC")]
    assert [text[e.start:e.end] for e in found] == ["DepressLLM", "AUC"]
    assert [(r["value"], r["metric"], r["subject"]) for r in reader.read(text, found)] == [
        (0.789, "AUC", "DepressLLM"), (0.904, "AUC", "DepressLLM")]


@pytest.mark.parametrize(("text", "read"), [
    # corpus 2512.20088 (shortened): each extent after "and" is the same change of the same measure
    ("IRSN improved classification accuracy by an average of 6.9% and a maximum of 14.5% on FashionStyle14 and by "
     "an average of 7.6% and a maximum of 15.1% on ShowniqV3.",
     [(6.9, "improvement", "Classification Accuracy"), (14.5, "improvement", "Classification Accuracy"),
      (7.6, "improvement", "Classification Accuracy"), (15.1, "improvement", "Classification Accuracy")]),
    # corpus 2510.08603 and 2511.10391
    ("It increases the accuracy of general LLMs by 9.0% on average and up to 15.6%.",
     [(9.0, "improvement", "Accuracy"), (15.6, "improvement", "Accuracy")]),
    ("GrounDiff reduces RMSE by up to 93% on ALS2DTM and up to 47% on USGS benchmarks.",
     [(93.0, "reduction", "RMSE"), (47.0, "reduction", "RMSE")]),
])
def test_a_change_and_its_extent_share_kind_and_metric(reader, text, read):
    assert [(r["value"], r["kind"], r["metric"]) for r in reader.read(text, [])] == read


def test_the_baselines_score_in_brackets_keeps_the_metric(reader):
    # arXiv 2509.06995
    text = "Our method achieves AUROC 0.901 (vs 0.847 baseline) and ECE 0.036 (vs 0.058) on held-out data."
    found = [Entity(20, 25, "Metric", "AUROC"), Entity(56, 59, "Metric", "ECE")]
    assert [text[e.start:e.end] for e in found] == ["AUROC", "ECE"]
    assert [(r["value"], r["metric"]) for r in reader.read(text, found)] == [
        (0.901, "AUROC"), (0.847, "AUROC"), (0.036, "ECE"), (0.058, "ECE")]


def test_scores_per_task_each_beside_the_baselines_keep_the_metric(reader):
    # corpus paper 2511.21101: the scores after a bracketed baseline's go on, and all are BERTScores
    text = ("Our model achieved a BERTScore of 0.77 for summarization (vs. 0.74), 0.68 for Q&A (vs. 0.58), and "
            "0.75 for classification (vs. 0.73).")
    found = [Entity(text.index("BERTScore"), text.index("BERTScore") + 9, "Metric", "BERTScore")]
    assert [(r["value"], r["metric"]) for r in reader.read(text, found)] == [
        (0.77, "BERTScore"), (0.74, "BERTScore"), (0.68, "BERTScore"), (0.58, "BERTScore"), (0.75, "BERTScore"),
        (0.73, "BERTScore")]


def test_scores_of_systems_listed_in_brackets_keep_the_metric(reader):
    # arXiv 2509.21239: "Mamba-only" names no entity, and its score is still one of the list
    text = ("SlideMamba achieves a PRAUC of 0.751, outperforming MIL (0.491), Trans-MIL (0.39), "
            "Mamba-only (0.664) and others.")
    found = [Entity(0, 10, "Method", "SlideMamba"), Entity(22, 27, "Metric", "AUPRC"),
             Entity(52, 55, "Method", "MIL"), Entity(65, 74, "Method", "Trans-MIL")]
    assert [text[e.start:e.end] for e in found] == ["SlideMamba", "PRAUC", "MIL", "Trans-MIL"]
    assert [(r["value"], r["metric"]) for r in reader.read(text, found)] == [
        (0.751, "AUPRC"), (0.491, "AUPRC"), (0.39, "AUPRC"), (0.664, "AUPRC")]


def test_a_metric_of_named_systems_changing_from_a_to_b(reader):
    # arXiv 2511.21088
    text = "The proposed AEC model reduced the average WER of ASR models from 51.56 to 39.82."
    found = [Entity(13, 16, "Method", "AEC"), Entity(43, 46, "Metric", "WER")]
    assert [text[e.start:e.end] for e in found] == ["AEC", "WER"]
    assert [(r["value"], r["metric"]) for r in reader.read(text, found)] == [(51.56, "WER"), (39.82, "WER")]
