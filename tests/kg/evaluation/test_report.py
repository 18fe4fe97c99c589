"""`kg eval` output: the summary table and the JSON document, from scores worked out by hand."""

from __future__ import annotations

import io
import json

from rich.console import Console

from kg.evaluation.gold import Finding, GoldScores
from kg.evaluation.report import print_report, report_json, summary_table
from kg.evaluation.run import EvalReport
from kg.evaluation.scier import ScierScores
from kg.evaluation.scores import PRF, Accuracy


def report() -> EvalReport:
    train = GoldScores(papers=2, entities={"Method": PRF(3, 1, 2), "all": PRF(3, 1, 2)},
                       family=Accuracy(1, 2), family_of_gold=Accuracy(1, 3), proposed=PRF(1, 0, 1),
                       results=PRF(4, 1, 0),
                       result_fields={"unit": Accuracy(4, 4), "kind": Accuracy(3, 4),
                                      "metric": Accuracy(0, 0), "dataset": Accuracy(2, 5),
                                      "subject": Accuracy(1, 3)},
                       findings=[Finding("p1", "missed", "Method: LoRA")])
    dev = GoldScores(papers=1, entities={"all": PRF(1, 0, 0)}, findings=[Finding("d1", "missed", "x")],
                     result_fields={name: Accuracy() for name in ("unit", "kind", "metric", "dataset", "subject")})
    scier = ScierScores(sentences=5, mentions={"Task": PRF(2, 2, 0), "all": PRF(2, 2, 0)})
    return EvalReport("v1", ["paperkg_ner"], {"arxiv-train": train, "seed-dev": dev, "scier-dev": scier},
                      files={"arxiv-train": "a.json", "seed-dev": "s.json", "scier-dev": "d.jsonl"},
                      blind={"seed-dev", "scier-dev"})


def recorder() -> Console:
    return Console(record=True, width=200, file=io.StringIO())


def rendered(renderable) -> str:
    console = recorder()
    console.print(renderable)
    return console.export_text()


def test_the_summary_has_one_column_per_set_and_blank_cells_for_other_kinds():
    text = rendered(summary_table(report()))
    lines = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
             for line in text.splitlines() if line.startswith("│") and line.split("│")[1].strip()}
    assert lines["entity F1 (named, typed)"] == ["0.667", "1.000", ""]
    assert lines["model family accuracy (of matched)"] == ["0.500 (2)", "-", ""]
    assert lines["(of all gold Models with one)"] == ["0.333 (3)", "-", ""]
    assert lines["dataset tie (of gold ties)"] == ["0.400 (5)", "-", ""]
    assert lines["metric tie (of gold ties)"] == ["-", "-", ""]
    assert lines["SciER typed mention F1"] == ["", "", "0.667"]
    assert "without paperkg_ner" in text


def test_json_holds_every_figure_and_only_the_errors_of_sets_that_are_not_blind():
    data = json.loads(json.dumps(report_json(report(), details=True)))
    assert data["pipeline_version"] == "v1" and data["without"] == ["paperkg_ner"]
    train = data["sets"]["arxiv-train"]
    assert train["file"] == "a.json" and train["kind"] == "gold" and train["papers"] == 2
    assert train["entities"]["Method"] == {"precision": 0.75, "recall": 0.6, "f1": 0.6667,
                                           "tp": 3, "fp": 1, "fn": 2}
    assert train["result_fields"]["dataset"] == {"accuracy": 0.4, "correct": 2, "of": 5}
    assert train["result_fields"]["metric"] == {"accuracy": None, "correct": 0, "of": 0}
    assert train["model_family_of_gold"]["of"] == 3
    assert data["sets"]["scier-dev"]["mentions"]["Task"]["precision"] == 0.5
    assert data["errors"] == {"arxiv-train": [{"paper": "p1", "kind": "missed", "detail": "Method: LoRA"}]}
    assert "errors" not in report_json(report())


def test_details_print_train_errors_and_say_which_sets_keep_theirs():
    out, notes = recorder(), recorder()
    print_report(report(), out, notes, details=True)
    lines = [line.split() for line in out.export_text().splitlines()]
    assert ["arxiv-train", "p1", "missed", "Method:", "LoRA"] in lines
    assert not any("d1" in line for line in lines)
    assert "errors not listed for seed-dev, scier-dev" in notes.export_text()
