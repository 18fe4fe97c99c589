"""`paperkg_numbers`: the numbers a title or abstract reports, into `doc._.results`.

The rules are extractors/results/ (scan, judge, tie; cue words in data/numbers_cues.jsonl, metric
names canonical as in the gazetteer's data/metrics.jsonl); this component hands them the doc's
sentences, its non-generic entity spans of `doc.spans["entities"]` and its proposals, and writes
dicts with value, unit, kind, metric, dataset, subject and the evidence's start/end in the doc.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from extractors.attributes import ENTITIES_KEY, sentence_bounds, span_text, span_value, text_of
from extractors.results.cues import Cues
from extractors.results.reader import ResultReader
from extractors.results.types import Entity
from extractors.rules.data import data_path
from kg.core.errors import PipelineError
from kg.core.iteration import read_jsonl


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
        doc._.results = self.reader.read_paper(text_of(doc), sentences, entities, list(doc._.proposed or ()))
        return doc
