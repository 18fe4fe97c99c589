"""The evidence of a relationship is the sentence around the mention, bounded in length."""

from kg.evidence import MAX_EVIDENCE_CHARS, Sentences, sentence_at
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


def test_a_span_that_starts_its_sentence_gets_that_sentence_alone():
    text = "We study adapters. LoRA is cheap. It works."
    start = text.index("LoRA")
    assert sentence_at(text, start, start + 4) == "LoRA is cheap."
    assert sentence_at(text, 0, 2) == "We study adapters."
    assert sentence_at(text, len(text) - 3, len(text) - 1) == "It works."


def test_sentences_of_a_text_answer_for_every_span():
    sentences = Sentences(ABSTRACT)
    for word in ("GSM8K", "Pause-Tuning", "accuracy"):
        start = ABSTRACT.index(word)
        assert sentences.around(start, start + len(word)) == sentence_at(ABSTRACT, start, start + len(word))
        assert word in sentences.around(start, start + len(word))
