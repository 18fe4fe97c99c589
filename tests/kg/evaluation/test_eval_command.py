"""`kg eval` through typer's CliRunner: set choice, JSON output, details, and bad data files."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import FIXTURES, shared_data_path

runner = CliRunner()
GOLD = FIXTURES / "evaluation" / "gold.json"
SCIER = FIXTURES / "scier_sample.jsonl"


def kg_eval(*args: str):
    return runner.invoke(app, ["eval", "--quiet", *args])


@pytest.fixture(scope="module")
def fixture_json() -> dict:
    result = kg_eval("--gold", str(GOLD), "--scier", str(SCIER), "--json", "--details")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_files_given_are_the_sets_scored(fixture_json):
    sets = fixture_json["sets"]
    assert list(sets) == ["gold:gold.json", "scier:scier_sample.jsonl"]
    assert sets["gold:gold.json"]["papers"] == 3 and sets["gold:gold.json"]["file"] == str(GOLD)
    assert sets["scier:scier_sample.jsonl"]["sentences"] == 3
    assert sets["gold:gold.json"]["entities"]["all"]["tp"] + sets["gold:gold.json"]["entities"]["all"]["fn"] == 12


def test_json_errors_are_the_details_lines(fixture_json):
    result = kg_eval("--gold", str(GOLD), "--details")
    assert result.exit_code == 0, result.output
    listed = [line.split(None, 2) for line in result.stdout.splitlines() if line.startswith("gold:gold.json ")]
    errors = fixture_json["errors"]["gold:gold.json"]
    assert len(listed) == len(errors)
    assert [paper for _, paper, _ in listed] == [e["paper"] for e in errors]
    entities = fixture_json["sets"]["gold:gold.json"]["entities"]["all"]
    assert sum(e["kind"] in ("missed", "spurious") for e in errors) == entities["fp"] + entities["fn"]


def test_the_tables_show_the_same_figures(fixture_json):
    result = kg_eval("--gold", str(GOLD))
    assert result.exit_code == 0, result.output
    f1 = fixture_json["sets"]["gold:gold.json"]["entities"]["all"]["f1"]
    assert "entity F1 (named, typed)" in result.stdout and f"{f1:.3f}" in result.stdout


def test_without_a_component_is_recorded_in_the_json():
    result = kg_eval("--gold", str(GOLD), "--json", "--without", "paperkg_numbers")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["without"] == ["paperkg_numbers"]
    assert data["sets"]["gold:gold.json"]["results"]["tp"] == 0  # no number scanner, no results


def test_an_unknown_set_is_a_usage_error():
    result = kg_eval("--set", "arxiv-test")
    assert result.exit_code == 1 and "arxiv-test" in result.output


@pytest.mark.parametrize("option, name, content, code", [
    ("--gold", "bad.json", '[{"id": "g1", "entities": []', "KG010"),
    ("--gold", "shape.json", '{"id": "g1"}', "KG010"),
    ("--gold", "keys.json", '[{"id": "g1", "entities": [{"text": "LoRA"}], "proposed": [], "results": []}]', "KG010"),
    ("--scier", "bad.jsonl", '{"sentence": "A .", "ner": [["A", "Method"]]}\n{"sentence": "B ."}\n', "KG010"),
    ("--gold", "absent.json", None, "KG005"),
])
def test_bad_data_files_are_a_one_line_coded_error(tmp_path, option, name, content, code):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = kg_eval("--gold", str(GOLD), option, str(path))
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"error[{code}]: ") and str(path) in line
    assert "Traceback" not in result.output


@pytest.mark.shared_data
def test_dev_sets_are_scored_but_their_errors_never_listed():
    shared_data_path("gold", "seed_gold_dev.json")
    result = kg_eval("--set", "seed-dev", "--json", "--details")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sets"]["seed-dev"]["papers"] == 40 and data["errors"] == {}
    assert "errors not listed for seed-dev" in result.stderr


@pytest.mark.shared_data
def test_arxiv_train_lists_its_errors():
    from kg.evaluation.gold import load_gold

    path = shared_data_path("gold", "arxiv2025_gold.json")
    result = kg_eval("--set", "arxiv-train", "--json", "--details")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    train = data["sets"]["arxiv-train"]
    assert train["papers"] == 380 and train["file"] == str(path)
    entities = train["entities"]["all"]
    assert entities["tp"] + entities["fn"] == sum(len(p["entities"]) for p in load_gold(path, "train"))
    missed = [e for e in data["errors"]["arxiv-train"] if e["kind"] == "missed"]
    assert len(missed) == entities["fn"]
