"""`paperkg_numbers`: the numbers a title or abstract reports, into `doc._.results`.

The rules are extractors/results/ (scan, judge, tie; cue words in data/numbers_cues.jsonl, metric
names canonical as in the gazetteer's data/metrics.jsonl); this component hands them the doc's
sentences, its non-generic entity spans of `doc.spans["entities"]` and its proposals, and writes
dicts with value, unit, kind, metric, dataset, subject and the evidence's start/end in the doc.

A metric phrase a result is tied to and no mention covers ("reduces attack success rates by 22%")
becomes a Metric mention too (source "pattern", score `TIED_METRIC_SCORE`): on the arXiv train
papers about half of these phrases were gold Metrics the other components had missed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from extractors.attributes import ENTITIES_KEY, sentence_bounds, span_text, span_value, text_of
from extractors.results.cues import Cues
from extractors.results.reader import MetricPhrase, ResultReader
from extractors.results.types import Entity
from extractors.rules.data import data_path
from kg.core.errors import PipelineError
from kg.core.iteration import read_jsonl

TIED_METRIC_SCORE = 0.5  # the share of such phrases that were gold Metrics on the arXiv train papers


@Language.factory("paperkg_numbers",
                  default_config={"cues_path": "numbers_cues.jsonl", "metrics_path": "metrics.jsonl"})
def make_numbers(nlp: Language, name: str, cues_path: str, metrics_path: str) -> NumberExtractor:
    return NumberExtractor(cues_path, metrics_path)


class NumberExtractor:
    """Writes `doc._.results`: dicts with value, unit, kind, metric, dataset, subject, start, end."""

    def __init__(self, cues_path: str, metrics_path: str):
        self.cues_path = data_path(cues_path)
        self.metrics_path = data_path(metrics_path)
        self.reader: ResultReader | None = None

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the cue words and the gazetteer's metric names (config: cues_path, metrics_path)."""
        self.reader = ResultReader(Cues.from_records(read_jsonl(self.cues_path), read_jsonl(self.metrics_path)))

    def __call__(self, doc: Doc) -> Doc:
        if self.reader is None:
            raise PipelineError("paperkg_numbers has no cue words: call nlp.initialize() first")
        entities = [
            Entity(s.start_char, s.end_char, s.label_, s.id_ or span_text(s))
            for s in doc.spans[ENTITIES_KEY] if not span_value(doc, s, "generic")
        ] if ENTITIES_KEY in doc.spans else []
        sentences = sentence_bounds(doc)
        doc._.results, phrases = self.reader.read_paper(text_of(doc), sentences, entities,
                                                        list(doc._.proposed or ()))
        if phrases:
            add_metric_mentions(doc, phrases)
        return doc


def add_metric_mentions(doc: Doc, phrases: list[MetricPhrase]) -> None:
    """Metric spans for `phrases` among the doc's entities, replacing the shorter Metric mentions
    of other metrics they hold; a phrase that overlaps any other span is left out."""
    spans = list(doc.spans[ENTITIES_KEY]) if ENTITIES_KEY in doc.spans else []
    for phrase in phrases:
        span = doc.char_span(phrase.start, phrase.end, label="Metric", alignment_mode="contract")
        if span is None:
            continue
        overlapped = [s for s in spans if s.start_char < span.end_char and span.start_char < s.end_char]
        if any(s.label_ != "Metric" or s.start_char < span.start_char or s.end_char > span.end_char
               or len(s) >= len(span) or s.id_ == phrase.name for s in overlapped):
            continue  # another entity there, or the same metric named already ("mAP" of "mAP scores")
        span.id_ = phrase.name
        span._.source = "pattern"
        span._.score = TIED_METRIC_SCORE
        spans = [s for s in spans if s not in overlapped] + [span]
    doc.spans[ENTITIES_KEY] = sorted(spans, key=lambda span: span.start_char)
