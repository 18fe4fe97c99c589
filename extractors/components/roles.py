"""The paper's relation to each mention (span._.role) from cue phrases before it in its sentence.

data/role_cues.jsonl lists cues per role ("evaluate on" -> evaluates_on, "outperforms" -> compares),
each with the distance (chars) it may stand before the mention and optionally the entity types it
applies to ("on" marks evaluates_on for datasets only, "trained on" uses). The closest applicable
cue wins, and of two ending together the longer ("compared with" over "with"); a mention with none
is "mentions", or shares the role of the mention of its type listed right before it.
paperkg_proposed later marks the entities the paper introduces "proposes".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.attributes import ENTITIES_KEY, text_of
from extractors.rules.data import data_path
from extractors.rules.phrases import phrase_regex
from kg.core.iteration import read_jsonl

DEFAULT_ROLE = "mentions"
# A clause boundary between a cue and a mention ends the cue's reach; a colon after a class noun
# opens the list of what it names ("on three datasets: A, B and C").
_CLAUSE_BREAK = re.compile(r";|(?<!\bdatasets)(?<!\bbenchmarks)(?<!\bmetrics)(?<!\btasks):"
                           r"|,\s+(?:while|whereas|but|and we|which)\b|\bthat\b|\.\s")


_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


@dataclass(frozen=True, slots=True)
class RoleCue:
    role: str
    pattern: re.Pattern
    window: int
    types: frozenset[str] | None


@Language.factory("paperkg_roles", default_config={"cues_path": "role_cues.jsonl"})
def make_roles(nlp: Language, name: str, cues_path: str) -> RoleTagger:
    return RoleTagger(cues_path)


class RoleTagger:
    def __init__(self, cues_path: str) -> None:
        self.cues_path = data_path(cues_path)
        self.cues: list[RoleCue] = []

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the role cues (config: cues_path)."""
        self.cues = []
        self.add_patterns(read_jsonl(self.cues_path))

    def add_patterns(self, records: Iterable[dict]) -> None:
        for record in records:
            types = record.get("types")
            self.cues.append(RoleCue(
                role=record["id"], pattern=re.compile(phrase_regex(record["before"]), re.IGNORECASE),
                window=record.get("window", 60), types=frozenset(types) if types else None,
            ))

    def role_of(self, span: Span, text: str) -> str:
        """The role of `span` (text: the doc's text, read once per doc)."""
        sentence = span.sent
        before = text[sentence.start_char:span.start_char]
        best_role, best = DEFAULT_ROLE, (-1, 0)
        for cue in self.cues:
            if cue.types is not None and span.label_ not in cue.types:
                continue
            start = max(0, len(before) - cue.window)
            for match in cue.pattern.finditer(before, start):
                # the closest cue, and of two ending together the longer ("trained on", not "on")
                if (match.end(), -match.start()) > best and not _CLAUSE_BREAK.search(before, match.end()):
                    best_role, best = cue.role, (match.end(), -match.start())
        return best_role

    def __call__(self, doc: Doc) -> Doc:
        """Each mention's role; a mention listed right after one of its type shares that one's role
        ("methods including ProtoNet, MAML, and Reptile": the cue's reach ends before the last)."""
        text = text_of(doc)
        previous: Span | None = None
        for span in doc.spans.get(ENTITIES_KEY, []):
            role = self.role_of(span, text)
            if role == DEFAULT_ROLE and previous is not None and previous.label_ == span.label_ \
                    and _LIST_SEPARATOR.fullmatch(text, previous.end_char, span.start_char):
                role = previous._.role
            span._.role = role
            previous = span
        return doc
