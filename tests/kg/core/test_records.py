"""Records: the extraction line's exact shape (DESIGN.md), and lines checked when read back."""

import json

import pytest
from typer.testing import CliRunner

from extractors.version import pipeline_version
from kg.cache import ExtractionCache, content_key
from kg.cli import app
from kg.core.errors import BadRecord
from kg.core.records import Mention, Paper, PaperExtraction, Reject, Result

MENTION = Mention(text="LLaMA 3.1 8B Instruct", type="Model", field="abstract", start=412, end=433,
                  canonical="Llama-3.1-8B-Instruct", family="Llama", role="uses", source="ner",
                  score=0.93, params="8B", aliases=["L3"])
RESULT = Result(value=10.61, unit="%", kind="improvement",
                evidence="improving by 10.61% and 3.57% respectively", field="abstract",
                start=900, end=944, dataset="Needle-in-a-Haystack", subject="Llama-3.2-3B-Instruct")
EXTRACTION = PaperExtraction(id="2406.01234", entities=[MENTION], proposed=["Pause-Tuning"],
                             results=[RESULT])


def _line(extraction: PaperExtraction) -> str:
    return json.dumps(extraction.to_dict(), ensure_ascii=False)  # as `kg extract` writes it


def test_the_line_keeps_the_design_key_order_and_leaves_out_empty_mention_keys():
    line = json.loads(_line(EXTRACTION))
    assert list(line) == ["id", "entities", "proposed", "results"]
    assert list(line["entities"][0]) == ["text", "type", "field", "start", "end", "canonical",
                                         "role", "source", "score", "family", "params", "aliases"]
    plain = Mention(text="LoRA", type="Method", field="title", start=0, end=4, canonical="LoRA")
    assert list(plain.to_dict()) == ["text", "type", "field", "start", "end", "canonical", "role",
                                     "source", "score"]
    assert Mention(**{**plain.to_dict(), "generic": True}).to_dict()["generic"] is True
    # A result keeps its null keys.
    assert list(line["results"][0]) == ["value", "unit", "kind", "evidence", "field", "start",
                                        "end", "metric", "dataset", "subject"]
    assert line["results"][0]["metric"] is None
    assert "error" not in line and PaperExtraction(id="x", error="boom").to_dict()["error"] == "boom"


def test_a_line_reads_back_as_the_extraction_written():
    assert PaperExtraction.from_json(_line(EXTRACTION), "test") == EXTRACTION
    assert PaperExtraction.from_json(_line(EXTRACTION).encode(), "test") == EXTRACTION
    surrogate = PaperExtraction(id="s\ud83d", proposed=["x\udc80"])  # lone surrogates survive
    assert PaperExtraction.from_json(_line(surrogate), "test") == surrogate


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["entities"][0].update(type="Person"), "Invalid enum value 'Person' - at `$.entities[0].type`"),
    (lambda d: d["entities"][0].update(role="cites"), "at `$.entities[0].role`"),
    (lambda d: d["entities"][0].update(start="412"), "Expected `int`, got `str` - at `$.entities[0].start`"),
    (lambda d: d["entities"][0].pop("canonical"), "missing required field `canonical` - at `$.entities[0]`"),
    (lambda d: d["entities"][0].update(cannonical="x"), "unknown field `cannonical`"),
    (lambda d: d["results"][0].update(unit="pts"), "Invalid enum value 'pts' - at `$.results[0].unit`"),
    (lambda d: d["results"][0].update(kind=None), "at `$.results[0].kind`"),
    (lambda d: d.pop("id"), "missing required field `id`"),
])
def test_a_bad_line_is_a_coded_error_naming_where_and_which_field(change, expected):
    data = EXTRACTION.to_dict()
    change(data)
    with pytest.raises(BadRecord, match=r"^error\[KG020\]: x.jsonl:7: not a valid extraction: ") as raised:
        PaperExtraction.from_json(json.dumps(data), "x.jsonl:7")
    assert expected in str(raised.value)


def test_a_line_that_is_not_json_is_a_coded_error():
    for line in ('{"id": "1", "entities": [', "", "[]"):
        with pytest.raises(BadRecord, match="x.jsonl:1"):
            PaperExtraction.from_json(line, "x.jsonl:1")


def test_a_bad_line_in_the_cache_stops_the_build_with_one_line(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "p1", "title": "LoRA", "abstract": "We use LoRA."}) + "\n")
    paper = Paper(id="p1", title="LoRA", abstract="We use LoRA.")
    bad = _line(EXTRACTION).replace('"type": "Model"', '"type": "Modle"')
    with ExtractionCache(tmp_path / "out" / "cache.sqlite", pipeline_version()) as cache:
        cache.put_many([(content_key(paper), bad)])
    result = CliRunner().invoke(app, ["build", str(source), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert result.output.startswith(f"error[KG020]: the extraction of {source}:1: not a valid "
                                    "extraction: Invalid enum value 'Modle' - at `$.entities[0].type`")


def test_a_reject_leaves_out_a_missing_id():
    assert Reject("f:1", "why").to_dict() == {"origin": "f:1", "reason": "why"}
    assert Reject("f:1", "why", "p").to_dict() == {"origin": "f:1", "reason": "why", "id": "p"}
