"""`paperkg_gazetteer`: names from the gazetteer files, matched by string, into doc.spans["gazetteer"].

Each pattern file (extractors/data/{datasets,methods,tasks,metrics}.jsonl, built by
`kg gazetteers`) holds SpanRuler phrase patterns with an `attr`: ORTH patterns go to an exact-case
SpanRuler, LOWER patterns to a case-insensitive one. Spans keep label = entity type and id_ =
canonical name; `_.source` = "gazetteer" and `_.score` says how sure a string match is. Overlapping
hits all stay: the merger picks among them with the other components' spans.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

import extractors.attributes  # noqa: F401  (registers Span._.source / _.score)
from extractors.gazetteers import DATA_DIR, LABEL_FILES
from kg.errors import PipelineError

GAZETTEER_KEY = "gazetteer"
EXACT_CASE_SCORE = 1.0
ANY_CASE_SCORE = 0.9  # a case-insensitive hit whose case differs from the pattern's


@Language.factory(
    "paperkg_gazetteer",
    default_config={"data_dir": None, "files": list(LABEL_FILES.values()),
                    "spans_key": GAZETTEER_KEY},
)
def make_gazetteer(
    nlp: Language, name: str, data_dir: str | None, files: list[str], spans_key: str
) -> Gazetteer:
    paths = tuple((Path(data_dir) if data_dir else DATA_DIR) / file for file in files)
    return Gazetteer(nlp, name, paths, spans_key)


@lru_cache(maxsize=8)
def read_patterns(paths: tuple[Path, ...]) -> dict[str, tuple[dict, ...]]:
    """The patterns of `paths` split by match attribute, read once per process."""
    by_attr: dict[str, list[dict]] = {"ORTH": [], "LOWER": []}
    for path in paths:
        if not path.exists():
            raise PipelineError(f"gazetteer file not found: {path} (run `kg gazetteers`)")
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                try:
                    entry = json.loads(line)
                    by_attr[entry["attr"]].append(
                        {"label": entry["label"], "pattern": entry["pattern"], "id": entry["id"]})
                except (ValueError, KeyError) as exc:
                    raise PipelineError(f"{path}:{number}: bad gazetteer pattern: {exc}") from exc
    return {attr: tuple(patterns) for attr, patterns in by_attr.items()}


class Gazetteer:
    """Two SpanRulers over the same patterns files: one exact-case, one case-insensitive."""

    def __init__(self, nlp: Language, name: str, paths: tuple[Path, ...], spans_key: str):
        self.name = name
        self.spans_key = spans_key
        # Pattern texts only need the tokenizer: a bare Language sharing the vocab tokenizes them
        # without running the components already in `nlp`. It gets a copy of the tokenizer (same
        # rules, empty cache): the 28k patterns would fill the 10,000 chunks of `nlp.tokenizer`'s
        # cache and leave none for the papers, whose tokenization then ran 2.4x slower.
        tokenizer_only = Language(nlp.vocab)
        tokenizer_only.tokenizer = copy.copy(nlp.tokenizer)
        patterns = read_patterns(paths)
        self.lower_forms = frozenset(p["pattern"] for p in patterns["LOWER"])
        self.rulers = {}
        for attr, attr_patterns in patterns.items():
            ruler = SpanRuler(tokenizer_only, f"{name}_{attr.lower()}",
                              phrase_matcher_attr=None if attr == "ORTH" else attr)
            ruler.add_patterns(list(attr_patterns))
            self.rulers[attr] = ruler

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int, str, str], Span] = {}
        for attr, ruler in self.rulers.items():
            if not len(ruler):
                continue
            for span in ruler.match(doc):
                key = (span.start, span.end, span.label_, span.id_)
                if key in found:
                    continue
                exact = attr == "ORTH" or span.text in self.lower_forms
                span._.source = GAZETTEER_KEY
                span._.score = EXACT_CASE_SCORE if exact else ANY_CASE_SCORE
                found[key] = span
        doc.spans[self.spans_key] = sorted(found.values())
        return doc
