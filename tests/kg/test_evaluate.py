"""`kg eval` results scoring: value matching (each gold result at most once) and accuracies on matches.

Gold and predictions are small hand-written records; the expected counts are worked out by hand below.
"""

from __future__ import annotations

from kg.evaluate import EvalReport, score_results
from kg.core.records import Mention, PaperExtraction, Result

GOLD = [{
    "id": "p1",
    "entities": [{"text": "Llama 2-Chat", "type": "Model", "canonical": "Llama-2-Chat"},
                 {"text": "GSM8K", "type": "Dataset", "canonical": "GSM8K"}],
    "results": [
        {"value": 60.0, "unit": "%", "kind": "absolute", "metric": None, "dataset": "GSM8K",
         "subject": "Llama-2-Chat", "evidence": "60%"},
        {"value": 60.0, "unit": "%", "kind": "improvement", "metric": None, "dataset": None,
         "subject": None, "evidence": "by 60%"},
        {"value": 3.2, "unit": "points", "kind": "improvement", "metric": None, "dataset": None,
         "subject": None, "evidence": "3.2 points"},
    ],
}]


def result(value, unit, kind, dataset=None, subject=None) -> Result:
    return Result(value=value, unit=unit, kind=kind, evidence="x", field="abstract", start=0, end=1,
                  dataset=dataset, subject=subject)


def test_value_matching_is_one_to_one_and_accuracies_count_matched_pairs():
    extraction = PaperExtraction(
        id="p1",
        entities=[Mention(text="Llama 2-Chat", type="Model", field="abstract", start=0, end=12,
                          canonical="Llama-2-Chat")],
        results=[
            result(60.0, "%", "improvement"),                                  # -> gold #2 (same kind)
            result(60.0, "%", "absolute", dataset="gsm8k", subject="Llama-2-Chat"),  # -> gold #1
            result(60.0, "%", "absolute"),                                     # no gold left: spurious
            result(3.2, "%", "improvement", dataset="MATH"),                   # -> gold #3, unit and dataset wrong
        ],
    )
    report = EvalReport()
    prf = score_results(GOLD, {"p1": extraction}, report)
    assert (prf.tp, prf.fp, prf.fn) == (3, 1, 0)
    accuracy = report.accuracies["Seed gold: results, accuracy on matched pairs"]
    assert accuracy["unit"] == (2, 3)
    assert accuracy["kind"] == (3, 3)
    assert accuracy["dataset"] == (2, 3)  # "gsm8k" names GSM8K; MATH is not null
    assert accuracy["subject"] == (3, 3)
    assert sorted(e[1] for e in report.errors) == ["spurious result", "wrong dataset"]
    [wrong] = [e[2] for e in report.errors if e[1] == "wrong dataset"]
    assert wrong.startswith("MATH (gold: None) for 3.2")


def test_missed_results_count_against_recall():
    report = EvalReport()
    prf = score_results(GOLD, {"p1": PaperExtraction(id="p1")}, report)
    assert (prf.tp, prf.fp, prf.fn) == (0, 0, 3)
    assert report.accuracies["Seed gold: results, accuracy on matched pairs"]["unit"] == (0, 0)


def test_scier_scoring_compares_typed_mention_sets_per_sentence(fixtures):
    from extractors.pipeline import default_pipeline
    from kg.evaluate import evaluate_scier

    scores = evaluate_scier(fixtures / "scier_sample.jsonl", default_pipeline())
    # Gold of the fixture: ResNet-5 0, BERT, BERT large, encoder/decoder (Method); ImageNet, SQuAD
    # (Dataset); image classification, question answering (Task); the Metric is not scored.
    assert {label: scores[label].tp + scores[label].fn for label in ("Method", "Dataset", "Task")} == {
        "Method": 4, "Dataset": 2, "Task": 2}
    assert scores["Dataset"].tp == 2 and scores["Task"].tp == 2
    total = scores["all"]
    assert (total.tp, total.fp, total.fn) == tuple(
        sum(getattr(scores[label], field) for label in ("Method", "Dataset", "Task"))
        for field in ("tp", "fp", "fn"))
