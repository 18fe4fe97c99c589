"""`paperkg_gazetteer`: names from the gazetteer files, matched by string, into doc.spans["gazetteer"].

Each pattern file (extractors/data/{datasets,methods,tasks,metrics}.jsonl, built by
`kg gazetteers`) holds phrase patterns with an `attr`: ORTH patterns match in exact case, LOWER
patterns in any case. Spans keep label = entity type and id_ = canonical name; `_.source` =
"gazetteer" and `_.score` says how sure a string match is. Overlapping hits all stay: the merger
picks among them with the other components' spans.

Patterns carry their `tokens` (the shipped tokenizer's split, written by `kg gazetteers`) and are
matched as token sequences in a trie of string hashes, as spaCy's PhraseMatcher does. Tokenizing
the 28k patterns at start-up instead, and building a PhraseMatcher (which makes a lexeme of every
new word), took 3 s in every process; a pattern without `tokens` (a hand-written file) is
tokenized when loaded.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

import extractors.attributes  # noqa: F401  (registers Span._.source / _.score)
from extractors.gazetteers import LABEL_FILES
from extractors.rules.acronyms import is_short_form, long_form_words
from extractors.rules.data import DATA_DIR
from extractors.rules.phrase_trie import PhraseTrie
from kg.core.errors import PipelineError
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

GAZETTEER_KEY = "gazetteer"
EXACT_CASE_SCORE = 1.0
ANY_CASE_SCORE = 0.9  # a case-insensitive hit whose case differs from the pattern's
MATCH_ATTRS = {"ORTH": ORTH, "LOWER": LOWER}


@Language.factory(
    "paperkg_gazetteer",
    default_config={"data_dir": None, "files": list(LABEL_FILES.values()),
                    "spans_key": GAZETTEER_KEY},
)
def make_gazetteer(
    nlp: Language, name: str, data_dir: str | None, files: list[str], spans_key: str
) -> Gazetteer:
    paths = catalogue_paths(data_dir, files)
    return Gazetteer(nlp, name, paths, spans_key)


def catalogue_paths(data_dir: str | None, files: list[str]) -> tuple[Path, ...]:
    """The pattern files of a component's config (data_dir null: the shipped extractors/data/)."""
    return tuple((Path(data_dir) if data_dir else DATA_DIR) / file for file in files)


@lru_cache(maxsize=8)
def read_patterns(paths: tuple[Path, ...]) -> tuple[dict, ...]:
    """The patterns of `paths`, read once per process."""
    patterns = []
    for path in paths:
        if not path.exists():
            raise PipelineError(f"gazetteer file not found: {path} (run `kg gazetteers`)")
        for number, entry in enumerate(read_jsonl(path), 1):
            try:
                if entry["attr"] not in MATCH_ATTRS:
                    raise ValueError(f"attr must be ORTH or LOWER, not {entry['attr']!r}")
                patterns.append({key: entry[key] for key in ("label", "pattern", "id", "attr")}
                                | ({"tokens": entry["tokens"]} if "tokens" in entry else {}))
            except (ValueError, KeyError, TypeError) as exc:
                raise PipelineError(f"{path}: pattern {number}: bad gazetteer pattern: {exc}") from exc
    return tuple(patterns)


@lru_cache(maxsize=8)
def catalogue_long_forms(paths: tuple[Path, ...]) -> dict[str, frozenset[str]]:
    """Acronym id (name key) -> the words of the longer names the catalogues give it: what they
    mean by "SST" (Stanford Sentiment Treebank), so that a paper defining another "SST" is told apart."""
    forms: dict[str, set[str]] = {}
    for pattern in read_patterns(paths):
        ident, surface = pattern["id"], pattern["pattern"]
        key = name_key(ident)
        if len(surface) > len(ident) + 3 and is_short_form(ident) and key not in name_key(surface):
            forms.setdefault(key, set()).update(long_form_words(surface))  # not "BLEU score"
    return {key: frozenset(found) for key, found in forms.items()}


class Gazetteer:
    """Two phrase tries over the same pattern files: one exact-case (ORTH), one any-case (LOWER)."""

    def __init__(self, nlp: Language, name: str, paths: tuple[Path, ...], spans_key: str):
        self.name = name
        self.paths = paths
        self.spans_key = spans_key
        self.tries = {attr: PhraseTrie() for attr in MATCH_ATTRS}
        self.lower_forms: set[str] = set()
        # Patterns without tokens are split by a copy of the tokenizer (same rules, own cache:
        # thousands of patterns would fill the pipeline tokenizer's chunk cache).
        self._tokenizer = copy.copy(nlp.tokenizer)

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the pattern files (config: data_dir, files)."""
        self.tries = {attr: PhraseTrie() for attr in MATCH_ATTRS}
        self.lower_forms = set()
        self.add_patterns(read_patterns(self.paths))

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Records {"label", "pattern", "id", "attr": ORTH|LOWER, "tokens" (optional)}."""
        for pattern in patterns:
            attr = pattern["attr"]
            tokens = pattern.get("tokens") or [t.text for t in self._tokenizer(pattern["pattern"])]
            if attr == "LOWER":
                self.lower_forms.add(pattern["pattern"])
                tokens = [token.lower() for token in tokens]
            self.tries[attr].add(map(get_string_id, tokens), (pattern["label"], pattern["id"]))

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int, str, str], Span] = {}
        for attr, trie in self.tries.items():
            if not trie.size:
                continue
            keys = doc.to_array(MATCH_ATTRS[attr]).tolist()
            for start, end, (label, entity_id) in trie.matches(keys):
                key = (start, end, label, entity_id)
                if key in found:
                    continue
                span = Span(doc, start, end, label=label, span_id=entity_id)
                exact = attr == "ORTH" or span.text in self.lower_forms
                span._.source = GAZETTEER_KEY
                span._.score = EXACT_CASE_SCORE if exact else ANY_CASE_SCORE
                found[key] = span
        doc.spans[self.spans_key] = sorted(found.values())
        return doc
