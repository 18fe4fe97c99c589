"""The shared attribute helpers read the same values as spaCy's own accessors."""

from __future__ import annotations

import spacy

from extractors.attributes import once_per_doc, sentence_bounds, span_text, span_value, text_of

TEXT = "We propose LoRA-X for tuning. It beats LoRA by 2.1 points on the benchmark.  Code is public."


def _doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(TEXT)


def test_text_of_is_the_doc_text_and_what_doc_underscore_text_holds():
    doc = _doc()
    assert doc._.text is None
    assert text_of(doc) == doc.text == TEXT
    assert doc._.text == TEXT  # stored where the extension attribute reads it


def test_text_of_returns_a_text_set_through_the_extension():
    doc = _doc()
    doc._.text = TEXT  # as make_doc sets it from the cleaned paper text
    assert text_of(doc) is doc._.text


def test_span_text_and_sentence_bounds_match_spacy():
    doc = _doc()
    assert [span_text(doc[i:j]) for i, j in [(0, 1), (2, 5), (6, 12)]] == \
        [doc[i:j].text for i, j in [(0, 1), (2, 5), (6, 12)]]
    assert sentence_bounds(doc) == [(s.start_char, s.end_char) for s in doc.sents]
    assert len(sentence_bounds(doc)) == 3


def test_span_value_reads_what_the_underscore_attribute_holds():
    doc = spacy.blank("en")("LoRA beats full fine-tuning on GLUE")
    lora = doc[0:1]
    lora._.role, lora._.score, lora._.generic = "proposes", 0.75, True
    lora._.model = {"family": "LoRA"}
    for name in ("role", "score", "generic", "model"):
        assert span_value(doc, lora, name) == getattr(lora._, name)
    assert span_value(doc, doc[0:1], "role") == "proposes"  # another Span object over the same characters


def test_span_value_is_none_where_the_attribute_was_never_set_and_the_default_is_falsy():
    doc = spacy.blank("en")("LoRA beats full fine-tuning on GLUE")
    glue = doc[6:7]
    for name in ("source", "score", "role", "generic", "model"):
        assert span_value(doc, glue, name) is None
        assert not getattr(glue._, name)


def test_once_per_doc_computes_a_value_once_for_each_doc():
    """Two components share a reading of the text (the dataset lists): the second gets the first's."""
    calls = []

    def compute() -> list[int]:
        calls.append(1)
        return [len(calls)]

    doc, other = _doc(), _doc()
    assert once_per_doc(doc, "lists", compute) is once_per_doc(doc, "lists", compute)
    assert once_per_doc(other, "lists", compute) == [2]
    assert len(calls) == 2 and doc._.text is None  # no attribute of the doc's is touched
