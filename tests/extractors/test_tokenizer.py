"""The product's tokenizer splits the full stop off a name ending in a digit and a capital."""

from __future__ import annotations

import spacy

from extractors.pipeline import default_pipeline
from extractors.tokenizer import blank
from tests.extractors.pipeline_cases import extract


def words(nlp, text: str) -> list[str]:
    return [token.text for token in nlp(text)]


def test_a_name_ending_in_digit_and_capital_ends_its_sentence():
    nlp = blank()
    assert words(nlp, "We evaluate on ImageNet-1K. It") == ["We", "evaluate", "on", "ImageNet-1", "K", ".", "It"]
    assert words(spacy.blank("en"), "on ImageNet-1K. It") == ["on", "ImageNet-1K.", "It"]  # why it exists
    assert words(nlp, "the U.S. army, e.g. this") == ["the", "U.S.", "army", ",", "e.g.", "this"]


def test_the_pipeline_uses_it():
    assert default_pipeline().config["nlp"]["tokenizer"] == {"@tokenizers": "paperkg.Tokenizer.v1"}
    found = extract("We evaluate on GSM8K. It improves accuracy by 3.2% on MATH.")
    gsm8k = next(m for m in found.entities if m.canonical == "GSM8K")
    assert (gsm8k.text, gsm8k.source) == ("GSM8K", "gazetteer")
    assert [(r.value, r.dataset) for r in found.results] == [(3.2, "MATH")]
