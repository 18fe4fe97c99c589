"""`paperkg_numbers`: the numbers a title or abstract reports, into `doc._.results`.

The rules are extractors/results/ (scan, judge, tie; cue words in data/numbers_cues.jsonl); this
component reads each sentence with its non-generic Metric / Dataset / Model|Method spans of
`doc.spans["entities"]` and writes dicts with value, unit, kind, metric, dataset, subject and the
evidence's start/end in the doc.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from extractors.attributes import ENTITIES_KEY
from extractors.results.cues import Cues
from extractors.results.reader import ResultReader
from extractors.results.types import Entity
from extractors.rules.data import data_path
from kg.core.errors import PipelineError
from kg.core.iteration import read_jsonl


@Language.factory("paperkg_numbers", default_config={"cues_path": "numbers_cues.jsonl"})
def make_numbers(nlp: Language, name: str, cues_path: str) -> NumberExtractor:
    return NumberExtractor(cues_path)


class NumberExtractor:
    """Writes `doc._.results`: dicts with value, unit, kind, metric, dataset, subject, start, end."""

    def __init__(self, cues_path: str):
        self.cues_path = data_path(cues_path)
        self.reader: ResultReader | None = None

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the cue words (config: cues_path)."""
        self.reader = ResultReader(Cues.from_records(read_jsonl(self.cues_path)))

    def __call__(self, doc: Doc) -> Doc:
        if self.reader is None:
            raise PipelineError("paperkg_numbers has no cue words: call nlp.initialize() first")
        entities = [
            Entity(s.start_char, s.end_char, s.label_, s.id_ or s.text)
            for s in doc.spans[ENTITIES_KEY] if not s._.generic
        ] if ENTITIES_KEY in doc.spans else []
        systems = {e.name for e in entities if e.label in ("Model", "Method")}
        proposed = list(doc._.proposed or ())[:1]
        proposed = [name for name in proposed if name in systems]  # the paper's main system, if named
        results: list[dict] = []
        entities.sort(key=lambda e: e.start)  # each sentence takes its slice (bisect, not a scan)
        starts = [e.start for e in entities]
        for sent in doc.sents:
            base = sent.start_char
            local = [
                Entity(e.start - base, e.end - base, e.label, e.name)
                for e in entities[bisect_left(starts, base):bisect_left(starts, sent.end_char)]
                if e.end <= sent.end_char
            ]
            for found in self.reader.read(sent.text, local, proposed):
                found["start"] += base
                found["end"] += base
                results.append(found)
        doc._.results = results
        return doc
