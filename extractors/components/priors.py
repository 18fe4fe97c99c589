"""`paperkg_type_priors`: the catalogues' and head nouns' types for what the NER found.

The NER types a name by its context, and where the context says little it guesses: "DressCode
benchmarks" typed Method, "CHRF scores" and "MAUVE" typed Dataset. A name the gazetteer's
catalogues list under one type only (any case, any spelling that shares its `name_key`: "NewsRoom"
for Newsroom, "IU X-ray" for IU X-Ray) takes that type; else a name ending in a head noun takes the
head's type ("Exaggerated Safety Benchmark": Dataset, "Fairness Discrepancy Rate": Metric, from
entity_heads.jsonl); else the NER's type stays. A Model the NER found stays a Model (the
catalogues list many models as methods), and "model" as a head makes no Model ("a diffusion
model" is a method). The spans of `groups` are re-typed in place, before the
acronym component reads their types and the merger picks among them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.components.gazetteer import read_patterns
from extractors.gazetteers import LABEL_FILES
from extractors.rules.data import DATA_DIR, data_path
from extractors.rules.phrases import HeadTypes
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

KEPT_LABELS = frozenset({"Model"})  # a type the NER knows better than the catalogues


@Language.factory(
    "paperkg_type_priors",
    default_config={"data_dir": None, "files": list(LABEL_FILES.values()), "groups": ["ner"],
                    "heads_path": "entity_heads.jsonl"},
)
def make_type_priors(nlp: Language, name: str, data_dir: str | None, files: list[str],
                     groups: list[str], heads_path: str) -> TypePriors:
    paths = tuple((Path(data_dir) if data_dir else DATA_DIR) / file for file in files)
    return TypePriors(paths, groups, heads_path)


@lru_cache(maxsize=8)
def catalogue_types(paths: tuple[Path, ...]) -> dict[str, str]:
    """Name key -> type, for every name the pattern files give a single type."""
    types: dict[str, set[str]] = {}
    for pattern in read_patterns(paths):
        key = name_key(pattern["pattern"])
        if key:
            types.setdefault(key, set()).add(pattern["label"])
    return {key: next(iter(found)) for key, found in types.items() if len(found) == 1}


class TypePriors:
    """Re-types the spans of `groups` by catalogue, then head noun."""

    def __init__(self, paths: tuple[Path, ...], groups: Iterable[str], heads_path: str):
        self.paths = paths
        self.groups = list(groups)
        self.heads_path = data_path(heads_path)
        self.types: dict[str, str] = {}
        self.heads = HeadTypes(())

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the gazetteer's pattern files (shared with paperkg_gazetteer) and the head nouns."""
        self.types = catalogue_types(self.paths)
        self.heads = HeadTypes(read_jsonl(self.heads_path))

    def type_of(self, name: str, found: str) -> str:
        """The type a name takes: its catalogue's, else its head noun's, else `found`."""
        if found in KEPT_LABELS:
            return found
        head = self.heads.of_name(name)
        return self.types.get(name_key(name)) or (head if head not in KEPT_LABELS else None) or found

    def __call__(self, doc: Doc) -> Doc:
        for key in self.groups:
            if key not in doc.spans:
                continue
            spans = []
            for span in doc.spans[key]:
                label = self.type_of(span.text, span.label_)
                if label != span.label_:  # attributes are keyed by offsets: they stay
                    span = Span(doc, span.start, span.end, label=label, kb_id=span.kb_id,
                                span_id=span.id)
                spans.append(span)
            doc.spans[key] = spans
        return doc
