"""The pipeline glue: built from config.cfg and initialized once, one extraction per paper, in order,
even when a component fails on one."""

import json

import pytest
import spacy
from spacy.language import Language

from extractors.components.ner import load_ner_model
from extractors.pipeline import annotate, extract_papers, load_pipeline
from kg.core.errors import PipelineError
from kg.core.records import Paper

PAPER = Paper(id="p", title="Llama 2 for GSM8K", abstract="We fine-tune the SciBERT encoder with LoRA on "
              "SciERC and reach 71.2 F1, improving by 3.1 points.")


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


def test_initializing_reads_the_rule_data_but_keeps_the_trained_ner_weights():
    """nlp.initialize() (called by load_pipeline) must not re-initialize the NER's trained layers:
    they live in a pipeline of their own, loaded with the component."""
    nlp = load_pipeline()
    shipped = [pipe.model.to_bytes() for _, pipe in load_ner_model(nlp).pipeline]
    ner = nlp.get_pipe("paperkg_ner")
    assert [pipe.model.to_bytes() for _, pipe in ner.trained.pipeline] == shipped
    nlp.initialize()  # again: idempotent, and still the trained weights
    assert [pipe.model.to_bytes() for _, pipe in ner.trained.pipeline] == shipped
    [extraction] = extract_papers([PAPER], nlp)
    assert extraction.to_dict() == next(extract_papers([PAPER])).to_dict()


def test_data_paths_come_from_the_config(tmp_path):
    cues = tmp_path / "roles.jsonl"
    cues.write_text(json.dumps({"id": "uses", "before": ["thanks to"]}) + "\n")
    nlp = load_pipeline(overrides={"components.paperkg_roles.cues_path": str(cues)})
    [extraction] = extract_papers([Paper(id="x", title="", abstract="We win thanks to LoRA.")], nlp)
    assert [(m.text, m.role) for m in extraction.entities] == [("LoRA", "uses")]
    [default] = extract_papers([Paper(id="x", title="", abstract="We win thanks to LoRA.")])
    assert [(m.text, m.role) for m in default.entities] == [("LoRA", "mentions")]


def test_a_component_used_before_initialize_says_so():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("paperkg_numbers")
    with pytest.raises(PipelineError, match="initialize"):
        nlp("Accuracy improves by 3%.")
    nlp.initialize()
    assert [r["value"] for r in nlp("Accuracy improves by 3%.")._.results] == [3.0]


def test_a_missing_data_file_is_a_pipeline_error(tmp_path):
    with pytest.raises(PipelineError, match="absent.jsonl"):
        load_pipeline(overrides={"components.paperkg_numbers.cues_path": str(tmp_path / "absent.jsonl")})


def test_a_run_on_text_is_cut_into_sentences_of_bounded_length():
    """A 100k-character text without full stops was one sentence, and the per-sentence rules took
    minutes; runs are cut at MAX_SENTENCE_TOKENS, after a comma when there is one."""
    from extractors.components.sections import MAX_SENTENCE_TOKENS
    from tests.extractors.pipeline_cases import annotate

    doc = annotate("we use LoRA on GSM8K, and we propose FooBar with 10% gains " * 400)
    lengths = [len(sentence) for sentence in doc.sents]
    assert max(lengths) <= MAX_SENTENCE_TOKENS and sum(lengths) == len(doc)
    assert all(sentence[0].nbor(-1).text == "," for sentence in list(doc.sents)[1:])
    short = annotate("We use LoRA, then QLoRA. We use it on SQuAD, MMLU. We stop.")
    assert [sentence.text for sentence in short.sents] == [  # real sentences stay whole
        "We use LoRA, then QLoRA.", "We use it on SQuAD, MMLU.", "We stop."]


def test_the_mentions_of_one_model_share_its_family():
    """arXiv 2512.16841 (corpus): the acronym's long form had no family, while the short form had
    DINO's; a model only an acronym names takes the family its own name gives."""
    text = ("The model combines a frozen Self-Distillation with No Labels v3 (DINOv3) Vision Transformer "
            "encoder with a decoder.")
    [extraction] = extract_papers([Paper(id="d", title="", abstract=text)], load_pipeline())
    families = {m.text: m.family for m in extraction.entities if m.type == "Model"}
    assert families == {"Self-Distillation with No Labels v3": "DINO", "DINOv3": "DINO"}
