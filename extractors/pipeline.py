"""Assemble the extraction pipeline from config.cfg and turn papers into `PaperExtraction` records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractors.components
import extractors.tokenizer  # noqa: F401  (registers the tokenizer)
from extractors.attributes import ENTITIES_KEY, span_text, span_value
from extractors.cleaning import PaperText
from extractors.rules.model_names import family_of_name
from kg.core.errors import PipelineError
from kg.core.iteration import batched
from kg.core.records import Mention, Paper, PaperExtraction, Result

CONFIG_PATH = Path(__file__).with_name("config.cfg")


def load_pipeline(config_path: Path = CONFIG_PATH, overrides: dict | None = None) -> Language:
    """Build the spaCy pipeline described by `config_path` (the shipped config by default) and
    initialize it: each rule component reads its data files there. The trained NER's weights are
    loaded when its component is built; initializing reads its generic words, not its weights."""
    try:
        config = spacy.util.load_config(config_path, overrides=overrides or {}, interpolate=False)
        nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
        nlp.initialize()
        return nlp
    except (OSError, ValueError) as exc:
        raise PipelineError(f"cannot load the extraction pipeline from {config_path}: {exc}") from exc


@lru_cache(maxsize=1)
def default_pipeline() -> Language:
    """The shipped pipeline, loaded once per process."""
    return load_pipeline()


def make_doc(nlp: Language, paper_text: PaperText) -> Doc:
    doc = nlp.make_doc(paper_text.text)
    doc._.title_end = paper_text.title_end
    doc._.text = paper_text.text
    return doc


def annotate(
    papers: Iterable[Paper], nlp: Language | None = None, batch_size: int = 64
) -> Iterator[tuple[Paper, PaperExtraction]]:
    """Run the pipeline over `papers` (streamed, in order), yielding each paper with its extraction.

    A paper on which a component fails gets an empty extraction with `error` set, and the run goes on.
    """
    nlp = nlp or default_pipeline()
    for chunk in batched(papers, batch_size):
        texts = [PaperText.of(paper.title, paper.abstract) for paper in chunk]
        try:
            docs: list[Doc | str] = list(nlp.pipe((make_doc(nlp, text) for text in texts), batch_size=batch_size))
        except Exception:  # noqa: BLE001 - isolate the paper that fails, one at a time
            docs = [_run_one(nlp, text) for text in texts]
        for paper, text, doc in zip(chunk, texts, docs, strict=True):
            if isinstance(doc, Doc):
                yield paper, doc_to_extraction(doc, paper.id, text)
            else:
                yield paper, PaperExtraction(id=paper.id, error=doc)


def _run_one(nlp: Language, text: PaperText) -> Doc | str:
    """The processed doc, or a one-line reason when a component fails on it."""
    doc = make_doc(nlp, text)
    for name, component in nlp.pipeline:
        try:
            doc = component(doc)
        except Exception as exc:  # noqa: BLE001 - reported as this paper's extraction error
            return f"extraction failed in {name}: {type(exc).__name__}: {exc}"[:300]
    return doc


def extract_papers(
    papers: Iterable[Paper], nlp: Language | None = None, batch_size: int = 64
) -> Iterator[PaperExtraction]:
    """The extractions of `papers`, in order (see `annotate`)."""
    for _, extraction in annotate(papers, nlp, batch_size):
        yield extraction


def share_families(mentions: list[Mention]) -> None:
    """The mentions of one Model share a family: the one any of them has, else the one its name
    gives. An acronym's mentions had none of their own ("DA3" for Depth Anything 3, "Receptance
    Weighted Key Value (RWKV)")."""
    families: dict[str, str] = {}
    for mention in mentions:
        if mention.type == "Model" and mention.family:
            families.setdefault(mention.canonical, mention.family)
    for mention in mentions:
        if mention.type == "Model" and not mention.family:
            mention.family = families.get(mention.canonical) or family_of_name(mention.canonical)


def doc_to_extraction(doc: Doc, paper_id: str, paper_text: PaperText) -> PaperExtraction:
    """Read the components' spans and attributes off `doc`, with offsets mapped to the input strings."""
    mentions: list[Mention] = []
    for span in doc.spans.get(ENTITIES_KEY, []):
        where = paper_text.locate(span.start_char, span.end_char)
        if where is None:
            continue
        field, start, end = where
        model = span_value(doc, span, "model") or {}
        mentions.append(Mention(
            text=paper_text.original(field)[start:end], type=span.label_, field=field,
            start=start, end=end, canonical=span.id_ or span_text(span),
            role=span_value(doc, span, "role") or "mentions", source=span_value(doc, span, "source") or "pattern",
            score=round(float(span_value(doc, span, "score") or 1.0), 4),
            family=model.get("family"), generic=bool(span_value(doc, span, "generic")),
            params=model.get("params"), version=model.get("version"), variant=model.get("variant"),
            aliases=list(model.get("aliases", ())),
        ))
    share_families(mentions)
    results: list[Result] = []
    for found in doc._.results or ():
        where = paper_text.locate(found["start"], found["end"])
        if where is None:
            continue
        field, start, end = where
        results.append(Result(
            value=float(found["value"]), unit=found.get("unit"), kind=found.get("kind", "other"),
            evidence=paper_text.original(field)[start:end], field=field, start=start, end=end,
            metric=found.get("metric"), dataset=found.get("dataset"), subject=found.get("subject"),
        ))
    return PaperExtraction(
        id=paper_id, entities=mentions, proposed=list(doc._.proposed or ()), results=results
    )
