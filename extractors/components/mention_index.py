"""An index of a doc's entity spans for rules that look spans up many times per doc."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable
from itertools import count

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from extractors.attributes import span_text
from kg.core.names import name_key


class MentionIndex:
    """The doc's entity spans, with the lookups the proposal finder makes for each candidate in
    time that does not grow with the abstract: spans over a token range (each span is filed under
    its tokens), whether a canonical is mentioned in the abstract before a point, the first span
    of a name key. A scan of every entity for every candidate made a 100k-character abstract
    repeating its proposal take 57 s. `lookups` counts the spans looked at, for the linear-time
    test and bench/proposal_scaling.py."""

    def __init__(self, doc: Doc, spans: Iterable[Span]):
        self.doc = doc
        self.title_end = doc._.title_end  # read once: each `doc._` access builds an object
        self.token_starts: list[int] = doc.to_array(IDX).tolist()  # no Token object per token
        self.lookups = 0
        self._order = count()
        self._seq: dict[int, int] = {}  # id(span) -> insertion number: the order of a plain list
        self._spans: dict[int, Span] = {}  # insertion number -> span
        self._by_token: dict[int, list[int]] = defaultdict(list)  # token -> insertion numbers
        self._body_starts: dict[str, list[int]] = defaultdict(list)  # canonical -> starts after the title
        self._by_key: dict[str, dict[int, Span]] = defaultdict(dict)  # name_key(text) -> spans
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        seq = next(self._order)
        self._seq[id(span)], self._spans[seq] = seq, span
        for token in range(span.start, span.end):
            self._by_token[token].append(seq)
        if span.start_char > self.title_end:
            insort(self._body_starts[span.id_], span.start_char)
        self._by_key[name_key(span_text(span))][seq] = span

    def remove(self, span: Span) -> None:
        seq = self._seq.pop(id(span))
        del self._spans[seq]
        for token in range(span.start, span.end):
            self._by_token[token].remove(seq)
        if span.start_char > self.title_end:
            starts = self._body_starts[span.id_]
            del starts[bisect_left(starts, span.start_char)]
        del self._by_key[name_key(span_text(span))][seq]

    def token_at(self, char: int) -> int:
        """The index of the token holding character `char` (or the last token before it)."""
        return max(bisect_left(self.token_starts, char + 1) - 1, 0)

    def token_from(self, char: int) -> int:
        """The index of the first token starting at or after `char` (len(doc) when none)."""
        return bisect_left(self.token_starts, char)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans with start_char < end and start < end_char, in list order."""
        found = {seq for token in range(self.token_at(start), self.token_at(end - 1) + 1)
                 for seq in self._by_token.get(token, ())}
        self.lookups += len(found) + 1
        spans = [self._spans[seq] for seq in sorted(found)]
        return [span for span in spans if span.start_char < end and start < span.end_char]

    def mentioned_before(self, canonical: str, start: int) -> bool:
        """Whether a mention of `canonical` starts in the abstract before `start`."""
        starts = self._body_starts.get(canonical)
        self.lookups += 1
        return bool(starts and starts[0] < start)

    def starts_before(self, canonical: str, start: int) -> list[int]:
        """The starts of the abstract's mentions of `canonical` before `start`."""
        starts = self._body_starts.get(canonical, [])
        self.lookups += 1
        return starts[:bisect_left(starts, start)]

    def first_with_key(self, key: str) -> Span | None:
        spans = self._by_key.get(key)
        self.lookups += 1
        return next(iter(spans.values())) if spans else None

    def spans(self) -> list[Span]:
        return list(self._spans.values())
