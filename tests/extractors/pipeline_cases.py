"""Run the shipped pipeline on one title + abstract, checking the offset contract on every mention."""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.cleaning import PaperText
from extractors.pipeline import default_pipeline, extract_papers, make_doc
from kg.core.records import Mention, Paper, PaperExtraction


def extract(abstract: str, title: str = "") -> PaperExtraction:
    """The extraction of one paper; fails if any mention's text is not original[start:end]."""
    [extraction] = extract_papers([Paper(id="t", title=title, abstract=abstract)], default_pipeline())
    for mention in extraction.entities:
        source = title if mention.field == "title" else abstract
        assert mention.text == source[mention.start:mention.end], mention
    return extraction


def annotate(abstract: str, title: str = "") -> Doc:
    """The processed spaCy doc (for span groups and doc attributes)."""
    nlp = default_pipeline()
    return nlp(make_doc(nlp, PaperText.of(title, abstract)))


def mentions(extraction: PaperExtraction, text: str) -> list[Mention]:
    return [m for m in extraction.entities if m.text == text]


def the_mention(extraction: PaperExtraction, text: str) -> Mention:
    found = mentions(extraction, text)
    assert found, f"no mention {text!r} in {[m.text for m in extraction.entities]}"
    return found[0]
