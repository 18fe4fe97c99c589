"""The model-name grammar on plain strings, with the shipped families and name parts, on seed sentences.

Each name is checked with its offsets, canonical spelling and parts; the pipeline tests
(tests/extractors/components/test_models.py) check the spans made from them.
"""

from __future__ import annotations

import pytest

from extractors.rules.data import DATA_DIR
from extractors.rules.model_names import ModelGrammar
from kg.core.iteration import read_jsonl


@pytest.fixture(scope="module")
def grammar() -> ModelGrammar:
    grammar = ModelGrammar()
    grammar.add_parts(read_jsonl(DATA_DIR / "model_parts.jsonl"))
    grammar.add_families(read_jsonl(DATA_DIR / "model_families.jsonl"))
    return grammar


def names(grammar: ModelGrammar, text: str) -> list[tuple[str, str, str, str | None, str | None, str | None]]:
    """(surface, canonical, family, params, version, variant) of every name found in `text`."""
    return [(text[n.start:n.end], n.canonical, n.entry.family, n.params, n.version, n.value("variant"))
            for n in grammar.find(text)]


def test_spelled_out_parts_in_a_sentence(grammar):
    text = "Results on the Llama 3.2 3B Instruct model and the LLaMA 3.1 8B Instruct model improving by 10.61%."
    assert names(grammar, text) == [
        ("Llama 3.2 3B Instruct", "Llama-3.2-3B-Instruct", "Llama", "3B", "3.2", "Instruct"),
        ("LLaMA 3.1 8B Instruct", "Llama-3.1-8B-Instruct", "Llama", "8B", "3.1", "Instruct")]


def test_a_version_glued_to_the_family_and_an_unversioned_family(grammar):
    text = ("Significant and consistent improvements are achieved by SH2 for LLaMA-7b and LLaMA2-7b on "
            "multiple hallucination tasks.")
    assert names(grammar, text) == [("LLaMA-7b", "LLaMA-7B", "Llama", "7B", None, None),
                                    ("LLaMA2-7b", "Llama-2-7B", "Llama", "7B", "2", None)]


def test_a_size_before_the_family_and_a_variant_between_version_and_size(grammar):
    text = ("Third, we reduce both the model size and the amount of data required to outperform LLMs; "
            "our finetuned 770M T5 model outperforms the few-shot prompted 540B PaLM model.")
    assert names(grammar, text)[0] == ("770M T5", "T5-770M", "T5", "770M", None, None)
    text = "Notably, our model matches or outperforms competitive models such as Qwen2.5-Math-7B."
    assert names(grammar, text) == [("Qwen2.5-Math-7B", "Qwen2.5-Math-7B", "Qwen", "7B", "2.5", "Math")]


def test_a_mixture_size(grammar):
    text = "We empirically verify this with open-source LLMs as large as LLaMA-2 70B and Mixtral-8x7B."
    assert [(surface, canonical, params) for surface, canonical, _, params, _, _ in names(grammar, text)] == [
        ("LLaMA-2 70B", "Llama-2-70B", "70B"), ("Mixtral-8x7B", "Mixtral-8x7B", "8x7B")]


def test_a_name_ends_where_the_grammar_stops_reading(grammar):
    text = "We build a Llama2-70B-based agent and compare it to GPT-4's answers."
    found = list(grammar.find(text))
    assert [(text[n.start:n.end], n.canonical) for n in found] == [("Llama2-70B", "Llama-2-70B"),
                                                                  ("GPT-4", "GPT-4")]


@pytest.mark.parametrize("text", [
    "In response to the ineffective evaluation of CLIP-T metrics, we introduce a better metric.",
    "To address this, we present DV-LLaMA, a robust video MLLM baseline.",
    "Finally we evaluate our models on GLUE, RACE, and the GPT4All evaluation suite.",
    "Large language models (LLMs) such as transformer language models are widely used.",
])
def test_names_the_grammar_cannot_read_to_their_end_are_no_models(grammar, text):
    assert names(grammar, text) == []


def test_an_empty_grammar_finds_nothing():
    assert list(ModelGrammar().find("We fine-tune Llama-2-7B.")) == []


@pytest.mark.parametrize(("name", "family"), [
    ("AgenTracer-8B", "AgenTracer"), ("Wan-2.1", "Wan"), ("ResNet50", "ResNet"), ("XTTSv2", "XTTS"),
    ("Compass-v3", "Compass"), ("DI-Star", "DI-Star"), ("Janus", "Janus"), ("Skywork-OR1-7B", "Skywork"),
    ("E5-V", None),  # one letter is no family
])
def test_a_model_no_family_lists_keeps_its_leading_word_as_family(name, family):
    from extractors.rules.model_names import family_of_unlisted

    assert family_of_unlisted(name) == family
