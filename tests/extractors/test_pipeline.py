"""The pipeline glue: one extraction per paper, in order, even when a component fails on one."""

import pytest
from spacy.language import Language

from extractors.pipeline import annotate, load_pipeline
from kg.core.records import Paper


@Language.component("fails_on_marker")
def fails_on_marker(doc):
    if "EXPLODE" in doc.text:
        raise ValueError("boom")
    return doc


@pytest.fixture(scope="module")
def fragile_nlp():
    nlp = load_pipeline()
    nlp.add_pipe("fails_on_marker", before="paperkg_numbers")
    return nlp


def test_a_failing_paper_gets_an_error_and_the_others_go_through(fragile_nlp):
    papers = [Paper(id="a", title="LoRA for GSM8K", abstract="We fine-tune with LoRA."),
              Paper(id="b", title="EXPLODE", abstract="We fine-tune with LoRA."),
              Paper(id="c", title="", abstract="Accuracy on MMLU improves by 3%.")]
    out = [extraction for _, extraction in annotate(papers, fragile_nlp, batch_size=8)]
    assert [e.id for e in out] == ["a", "b", "c"]
    assert out[1].error == "extraction failed in fails_on_marker: ValueError: boom"
    assert out[1].entities == [] and out[1].to_dict()["error"].startswith("extraction failed")
    assert out[0].error is None and "LoRA" in {m.canonical for m in out[0].entities}
    assert [r.value for r in out[2].results] == [3.0]
    assert "error" not in out[0].to_dict()
