"""The evidence of a relationship is the sentence around the mention, bounded in length."""

from kg.evidence import MAX_EVIDENCE_CHARS, sentence_at
from tests.kg.test_graph import ABSTRACT


def test_sentence_at_finds_the_sentence_of_a_span():
    start = ABSTRACT.index("GSM8K")
    assert sentence_at(ABSTRACT, start, start + 5) == \
        "On GSM8K, Pause-Tuning improves accuracy by 10.61%."


def test_a_sentence_without_ends_is_cut_around_the_span():
    text = "word " * 1000 + "LoRA " + "word " * 1000
    start = text.index("LoRA")
    evidence = sentence_at(text, start, start + 4)
    assert len(evidence) <= MAX_EVIDENCE_CHARS and "LoRA" in evidence
