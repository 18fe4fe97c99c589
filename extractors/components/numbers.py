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
METRIC_LIST_REACH = 40  # characters between the metrics of a list ("precision, recall, and F1-score")


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
        self.metric_senses: frozenset[str] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the cue words and the gazetteer's metric names (config: cues_path, metrics_path)."""
        cues = Cues.from_records(read_jsonl(self.cues_path), read_jsonl(self.metrics_path))
        self.reader = ResultReader(cues)
        self.metric_senses = frozenset(cues.lists["metric_senses"])

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
        self.demote_ordinary_senses(doc)
        return doc

    def demote_ordinary_senses(self, doc: Doc) -> None:
        """A lower-case metric word that is an ordinary noun too ("high precision") is a generic
        mention unless a result is tied to it or another metric stands within `METRIC_LIST_REACH`
        characters ("precision, recall and F1")."""
        if ENTITIES_KEY not in doc.spans:
            return
        metrics = [s for s in doc.spans[ENTITIES_KEY] if s.label_ == "Metric"]
        tied = {found["metric"] for found in doc._.results}
        for span in metrics:
            if span.text not in self.metric_senses or span.id_ in tied:
                continue
            if not any(other is not span and other.start_char - METRIC_LIST_REACH < span.end_char
                       and span.start_char < other.end_char + METRIC_LIST_REACH for other in metrics):
                span._.generic = True


def add_metric_mentions(doc: Doc, phrases: list[MetricPhrase]) -> None:
    """Metric spans for `phrases` among the doc's entities, replacing the shorter Metric mentions
    of other metrics they hold, the generic Metric mentions of its own words (a number tied to
    "68.1% specificity" makes it a named metric) and the NER's mentions of other types inside them
    ("rotation", a Task to the NER, in "reduces rotation error by 23.1%"); a phrase that overlaps
    any other span is left out."""
    spans = list(doc.spans[ENTITIES_KEY]) if ENTITIES_KEY in doc.spans else []
    for phrase in phrases:
        span = doc.char_span(phrase.start, phrase.end, label="Metric", alignment_mode="contract")
        if span is None:
            continue
        overlapped = [s for s in spans if s.start_char < span.end_char and span.start_char < s.end_char]
        if any(s.start_char < span.start_char or s.end_char > span.end_char
               or s.label_ != "Metric" and s._.source != "ner"
               or s.label_ == "Metric" and (len(s) >= len(span) or s.id_ == phrase.name) and not s._.generic
               for s in overlapped):
            continue  # another entity there, or the same metric named already ("mAP" of "mAP scores")
        span.id_ = phrase.name
        span._.source = "pattern"
        span._.score = TIED_METRIC_SCORE
        span._.generic = False  # attributes live by offsets: a generic mention's flag would carry over
        spans = [s for s in spans if s not in overlapped] + [span]
    doc.spans[ENTITIES_KEY] = sorted(spans, key=lambda span: span.start_char)
