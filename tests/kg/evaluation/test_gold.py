"""Gold scoring rules on hand-written papers and extraction records whose offsets hold
(`text == abstract[start:end]`); every expected count is worked out by hand in the comments."""

from __future__ import annotations

import json

import pytest

from kg.core.errors import BadDataFile, DataNotFound
from kg.core.records import Mention, PaperExtraction, Result
from kg.core.schema import EntityType, ResultKind, Unit
from kg.evaluation.gold import GoldScores, gold_papers, load_gold, score_gold

ABSTRACT = ("We propose TinyTune (TT), a low-rank adaptation method. Fine-tuning LLaMA-2 7B with TT "
            "reaches 61.2% accuracy on the GSM8K benchmark, outperforming LoRA by 3.4 points, and "
            "Mistral-7B reaches 55.0%. Math word problem solving remains hard for GPT-4 too.")


def paper(**extra) -> dict:
    return {"id": "p1", "title": "", "abstract": ABSTRACT, "entities": [], "proposed": [],
            "results": []} | extra


def mention(text: str, type_: EntityType, canonical: str | None = None, occurrence: int = 0, **fields) -> Mention:
    """A mention of the `occurrence`-th `text` in ABSTRACT, offsets included."""
    start = -1
    for _ in range(occurrence + 1):
        start = ABSTRACT.index(text, start + 1)
    return Mention(text=text, type=type_, field="abstract", start=start, end=start + len(text),
                   canonical=canonical or text, **fields)


def result(evidence: str, value: float, unit: Unit | None, kind: ResultKind, **ties) -> Result:
    start = ABSTRACT.index(evidence)
    return Result(value=value, unit=unit, kind=kind, evidence=evidence, field="abstract",
                  start=start, end=start + len(evidence), **ties)


def scored(gold: dict, extraction: PaperExtraction) -> GoldScores:
    return score_gold([gold], [extraction])


def test_entities_match_one_to_one_on_type_and_any_shared_name():
    gold = paper(entities=[
        {"text": "TinyTune", "type": "Method", "canonical": "TinyTune", "aliases": ["TT"]},
        {"text": "GSM8K", "type": "Dataset", "canonical": "GSM8K"},
        {"text": "Math word problem solving", "type": "Task", "canonical": "math word problem solving"},
        {"text": "accuracy", "type": "Metric", "canonical": "accuracy"},
    ])
    extraction = PaperExtraction(id="p1", entities=[
        mention("TT", "Method", "Tt"),                    # the gold alias: TinyTune matched
        mention("TT", "Method", "Tt", occurrence=1),      # same entity again: no second count
        mention("GSM8K", "Method"),                       # type confusion: a Method fp, Dataset fn
        mention("Math word problem solving", "Task", "Math Word Problem Solving"),  # up to case
        mention("accuracy", "Metric", generic=True),      # generic: ignored, so accuracy is missed
        mention("LoRA", "Method"),                        # not in the gold: fp
    ])
    scores = scored(gold, extraction)
    counts = {t: (prf.tp, prf.fp, prf.fn) for t, prf in scores.entities.items()}
    assert counts == {"Dataset": (0, 0, 1), "Method": (1, 2, 0), "Metric": (0, 0, 1),
                      "Model": (0, 0, 0), "Task": (1, 0, 0), "all": (2, 2, 2)}
    details = sorted((f.kind, f.detail) for f in scores.findings)
    assert details == [("missed", "Dataset: GSM8K (predicted as Method)"),
                       ("missed", "Metric: accuracy"),
                       ("spurious", "Method: GSM8K"), ("spurious", "Method: LoRA")]


def test_model_family_is_judged_on_matched_gold_models_that_have_a_family():
    gold = paper(entities=[
        {"text": "LLaMA-2 7B", "type": "Model", "canonical": "Llama-2-7B", "family": "Llama"},
        {"text": "Mistral-7B", "type": "Model", "canonical": "Mistral-7B", "family": "Mistral"},
        {"text": "GPT-4", "type": "Model", "canonical": "GPT-4", "family": "GPT"},
        {"text": "TinyTune", "type": "Model", "canonical": "TinyTune"},  # no family: not judged
    ])
    extraction = PaperExtraction(id="p1", entities=[
        mention("LLaMA-2 7B", "Model", "Llama-2-7B", family="LLaMA"),  # same name_key as "Llama"
        mention("Mistral-7B", "Model", family="Mixtral"),              # wrong family
        mention("TinyTune", "Model", family="Tiny"),                   # gold has none: not judged
    ])                                                                 # GPT-4 missed
    scores = scored(gold, extraction)
    assert (scores.family.correct, scores.family.total) == (1, 2)
    assert (scores.family_of_gold.correct, scores.family_of_gold.total) == (1, 3)
    assert [f.detail for f in scores.findings if f.kind == "wrong family"] == [
        "Mixtral (gold: Mistral) for Mistral-7B"]


def test_a_missing_predicted_family_is_wrong():
    gold = paper(entities=[{"text": "GPT-4", "type": "Model", "canonical": "GPT-4", "family": "GPT"}])
    scores = scored(gold, PaperExtraction(id="p1", entities=[mention("GPT-4", "Model")]))
    assert (scores.family.correct, scores.family.total) == (0, 1)


def test_proposed_names_match_through_either_side_s_aliases():
    gold = paper(entities=[{"text": "TinyTune", "type": "Method", "canonical": "TinyTune",
                            "aliases": ["TT"]}],
                 proposed=["TinyTune", "GSM8K-Hard"])
    extraction = PaperExtraction(
        id="p1", entities=[mention("TT", "Method", "TT-Method", aliases=["TT"])],
        proposed=["TT-Method", "LoRA"])  # TT-Method is known as "TT" in this paper: TinyTune
    scores = scored(gold, extraction)
    assert (scores.proposed.tp, scores.proposed.fp, scores.proposed.fn) == (1, 1, 1)
    assert sorted((f.kind, f.detail) for f in scores.findings) == [
        ("missed proposed", "GSM8K-Hard"), ("spurious proposed", "LoRA")]


GOLD_RESULTS = paper(
    entities=[
        {"text": "TinyTune", "type": "Method", "canonical": "TinyTune", "aliases": ["TT"]},
        {"text": "GSM8K benchmark", "type": "Dataset", "canonical": "GSM8K"},
        {"text": "accuracy", "type": "Metric", "canonical": "accuracy"},
        {"text": "LoRA", "type": "Method", "canonical": "LoRA"},
        {"text": "Mistral-7B", "type": "Model", "canonical": "Mistral-7B", "family": "Mistral"},
    ],
    results=[
        {"value": 61.2, "unit": "%", "kind": "absolute", "metric": "accuracy", "dataset": "GSM8K",
         "subject": "TinyTune", "evidence": "reaches 61.2% accuracy on the GSM8K benchmark"},
        {"value": 3.4, "unit": "points", "kind": "improvement", "metric": None, "dataset": None,
         "subject": "TinyTune", "evidence": "outperforming LoRA by 3.4 points"},
        {"value": 55.0, "unit": "%", "kind": "absolute", "metric": "accuracy", "dataset": "GSM8K",
         "subject": "Mistral-7B", "evidence": "Mistral-7B reaches 55.0%"},
        {"value": 7.0, "unit": None, "kind": "other", "metric": None, "dataset": None,
         "subject": None, "evidence": "7B"},
    ])


def test_results_match_on_value_once_and_ties_count_only_where_the_gold_has_one():
    extraction = PaperExtraction(
        id="p1",
        entities=[mention("TT", "Method", "TinyTune-Method"), mention("GSM8K", "Dataset"),
                  mention("accuracy", "Metric", "Accuracy"), mention("LoRA", "Method")],
        results=[
            # -> gold 1: metric and dataset by name up to case; subject through the paper's
            # surface form "TT" of TinyTune-Method, a gold alias of TinyTune: all three right
            result("reaches 61.2% accuracy", 61.2, "%", "absolute", metric="Accuracy",
                   dataset="GSM8K", subject="TinyTune-Method"),
            # -> gold 2: unit wrong; subject wrong (LoRA is the baseline); metric and dataset
            # predicted but null in the gold: not judged
            result("by 3.4 points", 3.4, "%", "improvement", metric="Accuracy", dataset="GSM8K",
                   subject="LoRA"),
            # -> gold 3: every tie missing (null): wrong, and counted
            result("reaches 55.0%", 55.0, "%", "absolute"),
            # same value as gold 3, which is taken: spurious
            result("55.0%", 55.0, "%", "absolute"),
        ])  # gold 4 (7.0) missed
    scores = scored(GOLD_RESULTS, extraction)
    assert (scores.results.tp, scores.results.fp, scores.results.fn) == (3, 1, 1)
    fields = {name: (acc.correct, acc.total) for name, acc in scores.result_fields.items()}
    assert fields == {"unit": (2, 3), "kind": (3, 3), "metric": (1, 2), "dataset": (1, 2),
                      "subject": (1, 3)}
    kinds = sorted(f.kind for f in scores.findings if f.kind != "missed" and f.kind != "spurious")
    assert kinds == ["missed result", "missing dataset", "missing metric", "missing subject",
                     "spurious result", "wrong subject", "wrong unit"]
    [wrong] = [f.detail for f in scores.findings if f.kind == "wrong subject"]
    assert wrong == "LoRA (gold: TinyTune) for 3.4: outperforming LoRA by 3.4 points"


def test_value_matching_prefers_equal_unit_then_kind():
    gold = paper(results=[
        {"value": 61.2, "unit": "%", "kind": "absolute", "evidence": "61.2%"},
        {"value": 61.2, "unit": "%", "kind": "improvement", "evidence": "61.2%"}])
    extraction = PaperExtraction(id="p1", results=[
        result("61.2%", 61.2, "%", "improvement"), result("61.2% accuracy", 61.2, None, "absolute"),
        result("reaches 61.2%", 61.2, "%", "absolute")])
    scores = scored(gold, extraction)
    # gold 1 takes the third (unit and kind equal), gold 2 the first (unit and kind equal)
    assert {name: scores.result_fields[name].correct for name in ("unit", "kind")} == {"unit": 2, "kind": 2}
    assert [f.detail for f in scores.findings if f.kind == "spurious result"] == [
        "61.2  absolute: 61.2% accuracy"]


def test_an_empty_extraction_misses_everything_and_judges_nothing():
    scores = scored(GOLD_RESULTS, PaperExtraction(id="p1"))
    assert (scores.results.tp, scores.results.fp, scores.results.fn) == (0, 0, 4)
    assert all(acc.total == 0 and acc.value is None for acc in scores.result_fields.values())
    assert scores.family.total == 0 and scores.family_of_gold.total == 1
    assert scores.entities["all"].fn == 5


# --- reading gold files -------------------------------------------------------------------------

GOOD_PAPER = {"id": "g1", "title": "T", "abstract": "A.", "entities": [], "proposed": [], "results": []}


@pytest.mark.parametrize("content, message", [
    ('[{"id": "g1", "entities": [}]', "not JSON"),
    ('{"papers": []}', "expected a JSON list of papers, found dict"),
    ('["g1"]', "paper 1: expected an object, found str"),
    (json.dumps([GOOD_PAPER, {"id": "g2", "entities": [], "proposed": []}]), "paper 2 (g2): missing 'results'"),
    (json.dumps([GOOD_PAPER, GOOD_PAPER]), "paper 2 (g1): its id is not unique"),
    (json.dumps([GOOD_PAPER | {"id": 7}]), "paper 1: 'id' is not a string"),
    (json.dumps([GOOD_PAPER | {"entities": [{"text": "LoRA"}]}]), "paper 1 (g1): entity 1: missing 'type'"),
    (json.dumps([GOOD_PAPER | {"entities": [{"text": "LoRA", "type": "Algorithm"}]}]),
     "entity 1: type 'Algorithm' is not one of Method, Dataset, Task, Metric, Model"),
    (json.dumps([GOOD_PAPER | {"entities": [{"text": "LoRA", "type": "Method", "aliases": "L"}]}]),
     "entity 1: 'aliases' is not a list of strings"),
    (json.dumps([GOOD_PAPER | {"proposed": [{"name": "X"}]}]), "'proposed' holds a name that is not a string"),
    (json.dumps([GOOD_PAPER | {"results": [{"value": "61.2%", "unit": "%", "kind": "absolute"}]}]),
     "result 1: 'value' '61.2%' is not a number"),
    (json.dumps([GOOD_PAPER | {"results": [{"value": 61.2, "kind": "absolute"}]}]), "result 1: missing 'unit'"),
    (json.dumps([GOOD_PAPER | {"results": [{"value": 1, "unit": None, "kind": "other", "dataset": ["D"]}]}]),
     "result 1: 'dataset' is not a string or null"),
])
def test_a_malformed_gold_file_is_a_one_line_bad_data_error(tmp_path, content, message):
    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadDataFile) as error:
        load_gold(path)
    text = str(error.value)
    assert text.startswith(f"error[KG010]: {path}: ") and message in text and "\n" not in text


def test_splitting_needs_the_arxiv_fields(fixtures):
    with pytest.raises(BadDataFile, match=r"paper 1 \(g1\): no 'arxiv_id' string, needed to split"):
        load_gold(fixtures / "evaluation" / "gold.json", "train")


def test_a_missing_gold_file_is_data_not_found(tmp_path):
    with pytest.raises(DataNotFound, match="absent.json not found"):
        load_gold(tmp_path / "absent.json")


def test_the_fixture_gold_through_the_real_pipeline(fixtures):
    """Gold-side totals do not depend on what the pipeline finds: each gold item is a tp or a fn."""
    from extractors.pipeline import default_pipeline, extract_papers

    papers = load_gold(fixtures / "evaluation" / "gold.json")
    scores = score_gold(papers, list(extract_papers(gold_papers(papers), default_pipeline())))
    assert scores.papers == 3
    assert {t: prf.tp + prf.fn for t, prf in scores.entities.items()} == {
        "Dataset": 2, "Method": 4, "Metric": 2, "Model": 2, "Task": 2, "all": 12}
    assert scores.proposed.tp + scores.proposed.fn == 1
    assert scores.results.tp + scores.results.fn == 4
    matched = scores.results.tp
    assert scores.result_fields["unit"].total == scores.result_fields["kind"].total == matched
    assert scores.result_fields["metric"].total <= 3 and scores.result_fields["dataset"].total <= 4
    assert scores.family.total <= scores.family_of_gold.total == 2
