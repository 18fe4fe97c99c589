"""Acronym definitions (Schwartz & Hearst 2003, as in scispacy's abbreviation.py) and their mentions.

"Direct Preference Optimization (DPO)" and "DPO (Direct Preference Optimization)" define a pair;
doc._.acronyms lists (long_start, long_end, short_start, short_end). doc.spans["acronym"] holds the
long form and every mention of the short form in the paper, typed like the long form (from a
models/gazetteer/NER span on it, else from its head noun, else Method), so that "DPO" alone in a
later sentence is an entity. Definitions of generic concepts ("large language models (LLMs)") are
recorded in doc._.acronyms but make no spans. A model-name match defined as the acronym of a
task, dataset or metric ("multi-person tracking (MPT)") leaves doc.spans["models"].
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.attributes import text_of  # also registers doc._.acronyms
from extractors.components.models import MODELS_KEY
from extractors.components.rules import (
    GENERIC_WORDS_PATH,
    HeadTypes,
    generic_word_keys,
    is_generic_phrase,
    read_jsonl,
)

ACRONYM_KEY = "acronym"
MAX_PAREN_TOKENS = 8
DEFAULT_TYPE = "Method"


@dataclass(frozen=True, slots=True)
class Definition:
    long_start: int
    long_end: int
    short_start: int
    short_end: int

    def offsets(self) -> tuple[int, int, int, int]:
        return self.long_start, self.long_end, self.short_start, self.short_end


def long_form_start(short: str, long: str) -> int | None:
    """Where the long form starts in `long` (a window of text before the short form), or None.

    The short form's characters are matched right to left in order; its first character must
    start a word of the long form (Schwartz & Hearst). Digits that the long form does not spell
    ("SH2", "S3FT") are then skipped, as a second try."""
    start = _matched_start(short, long)
    letters = re.sub(r"\d", "", short)
    if start is None and letters != short and len(letters) >= 2:
        start = _matched_start(letters, long)
    return start


def _matched_start(short: str, long: str) -> int | None:
    long_index = len(long) - 1
    for short_index in range(len(short) - 1, -1, -1):
        char = short[short_index].lower()
        if not char.isalnum():
            continue
        while long_index >= 0 and (
            long[long_index].lower() != char
            or (short_index == 0 and long_index > 0 and long[long_index - 1].isalnum())
        ):
            long_index -= 1
        if long_index < 0:
            return None
        long_index -= 1
    return long.rfind(" ", 0, long_index + 2) + 1


def is_short_form(text: str) -> bool:
    """An abbreviation: 2-10 characters, mostly letters, starts with a letter, has a capital."""
    return (2 <= len(text) <= 10 and text[0].isalpha() and any(c.isupper() for c in text)
            and sum(c.isalpha() for c in text) * 2 >= len(text) and " " not in text)


def _paren_tokens(doc: Doc, text: str) -> Iterator[Token]:
    """The tokens that are an opening parenthesis, found in the text (visiting every token of the
    doc costs more than the rest of this component)."""
    offset = text.find("(")
    while offset != -1:
        span = doc.char_span(offset, offset + 1)
        if span is not None:
            yield span[0]
        offset = text.find("(", offset + 1)


def find_definitions(doc: Doc) -> Iterator[Definition]:
    """Every "long (SHORT)" and "SHORT (long)" definition in `doc`."""
    text = text_of(doc)
    for open_paren in _paren_tokens(doc, text):
        close = next((t for t in doc[open_paren.i + 1: open_paren.i + MAX_PAREN_TOKENS + 2]
                      if t.text in "()"), None)
        if close is None or close.text != ")" or close.i == open_paren.i + 1:
            continue
        inner = doc[open_paren.i + 1: close.i]
        sentence_start = open_paren.sent.start_char
        if sum(not t.is_punct for t in inner) > 2:
            found = _reverse_definition(doc, open_paren.i, inner, sentence_start)
        else:
            found = _definition(text, inner, open_paren, sentence_start)
        if found is not None:
            yield found


def _definition(text: str, inner: Span, open_paren: Token, sentence_start: int) -> Definition | None:
    short, open_at = inner.text, open_paren.idx
    if not is_short_form(short):
        return None
    max_words = min(len(short) + 5, len(short) * 2)
    window_start = max(sentence_start, _words_before(open_paren, max_words))
    window = text[window_start:open_at].rstrip()
    start = long_form_start(short, window)
    if start is None:
        return None
    long_start = window_start + start
    while long_start < open_at and not text[long_start].isalnum():
        long_start += 1
    long_end = window_start + len(window)
    long_text = text[long_start:long_end]
    if len(long_text) <= len(short) or short in long_text.split():
        return None
    return Definition(long_start, long_end, inner.start_char, inner.end_char)


def _words_before(token: Token, count: int) -> int:
    """Offset of the start of the `count`-th whitespace-separated word before `token`."""
    doc, words, start = token.doc, 0, token.idx
    for previous in reversed(doc[:token.i]):
        if previous.whitespace_:
            words += 1
            if words > count:
                break
        start = previous.idx
    return start


def _reverse_definition(doc: Doc, open_i: int, inner: Span, sentence_start: int) -> Definition | None:
    if open_i == 0 or doc[open_i - 1].idx < sentence_start:
        return None
    short = doc[open_i - 1]
    if not is_short_form(short.text) or long_form_start(short.text, inner.text) != 0:
        return None
    return Definition(inner.start_char, inner.end_char, short.idx, short.idx + len(short.text))


@Language.factory("paperkg_acronyms",
                  default_config={"typed_groups": ["models", "gazetteer"], "guessed_groups": ["ner"]})
def make_acronyms(nlp: Language, name: str, typed_groups: list[str],
                  guessed_groups: list[str]) -> AcronymSpans:
    component = AcronymSpans(typed_groups, guessed_groups)
    component.add_patterns(read_jsonl(GENERIC_WORDS_PATH))
    return component


class AcronymSpans:
    """Sets doc._.acronyms and writes doc.spans["acronym"] (source "acronym", id_ = short form)."""

    def __init__(self, typed_groups: Iterable[str], guessed_groups: Iterable[str]):
        self.typed_groups = list(typed_groups)  # catalogue/grammar types, trusted
        self.guessed_groups = list(guessed_groups)  # statistical types, after the head noun
        self.generic_words: set[str] = set()
        self.heads = HeadTypes.load()

    def add_patterns(self, records: Iterable[dict]) -> None:
        """Records {"id": word, ...}: words that make a long form generic when it has only them."""
        self.generic_words |= generic_word_keys(records)

    def __call__(self, doc: Doc) -> Doc:
        definitions = list(find_definitions(doc))
        doc._.acronyms = [d.offsets() for d in definitions]
        typed = [s for key in self.typed_groups if key in doc.spans for s in doc.spans[key]]
        guessed = [s for key in self.guessed_groups if key in doc.spans for s in doc.spans[key]]
        spans: list[Span] = []
        text = text_of(doc)
        for definition in definitions:
            long_text = text[definition.long_start:definition.long_end]
            short_text = text[definition.short_start:definition.short_end]
            if is_generic_phrase(long_text, self.generic_words):
                continue
            label = self._type_of(typed, guessed, definition, long_text)
            if label not in ("Model", "Method"):
                self._drop_models_named(doc, short_text)
            for start, end in self._mentions(text, long_text, short_text):
                span = doc.char_span(start, end, label=label, alignment_mode="contract")
                if span is not None and span.text:
                    span.id_ = short_text
                    span._.source = ACRONYM_KEY
                    spans.append(span)
        doc.spans[ACRONYM_KEY] = spans
        return doc

    @staticmethod
    def _drop_models_named(doc: Doc, short_text: str) -> None:
        """A model-name match the paper defines as the acronym of a task, dataset or metric
        ("multi-person tracking (MPT)") is that acronym, not the model."""
        if MODELS_KEY in doc.spans:
            doc.spans[MODELS_KEY] = [s for s in doc.spans[MODELS_KEY] if s.text != short_text]

    def _type_of(self, typed: list[Span], guessed: list[Span], definition: Definition,
                 long_text: str) -> str:
        """The first of: a trusted type on the long form (a span ending with it), its head noun,
        a guessed (NER) type on it, a type on the short form (a bare acronym is ambiguous), Method."""
        def on_long_form(spans: list[Span]) -> str | None:
            return next((s.label_ for s in spans if s.end_char == definition.long_end
                         and s.start_char >= definition.long_start), None)

        on_short_form = next((s.label_ for s in typed + guessed if (s.start_char, s.end_char) == (
            definition.short_start, definition.short_end)), None)
        return (on_long_form(typed) or self.heads.of_name(long_text) or on_long_form(guessed)
                or on_short_form or DEFAULT_TYPE)

    @staticmethod
    def _mentions(text: str, long_text: str, short_text: str) -> Iterator[tuple[int, int]]:
        """Every occurrence of the long form (any case) and of the short form (exact, or plural):
        found with str.find rather than a regex compiled for each definition."""
        lowered = text.lower()
        if len(lowered) == len(text):  # str.lower() keeps offsets but for a few letters ("İ")
            yield from _occurrences(lowered, long_text.lower(), lambda c: not _is_word(c),
                                    lambda rest: not _is_word(rest[:1]))
        else:
            for match in re.finditer(rf"(?<!\w){re.escape(long_text)}(?!\w)", text, re.IGNORECASE):
                yield match.span()
        yield from _occurrences(text, short_text, lambda c: not (_is_word(c) or c == "-"),
                                _ends_short_form)


def _is_word(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")


def _ends_short_form(rest: str) -> bool:
    """What follows a short form ends it: not a word character or hyphen, after an optional plural s."""
    if rest[:1] == "s" and not (_is_word(rest[1:2]) or rest[1:2] == "-"):
        return True
    return not (_is_word(rest[:1]) or rest[:1] == "-")


def _occurrences(text: str, needle: str, starts_ok, ends_ok) -> Iterator[tuple[int, int]]:
    """Non-overlapping occurrences of `needle`, left to right, whose preceding character passes
    `starts_ok` and whose following text passes `ends_ok` (re.finditer's semantics)."""
    at = text.find(needle) if needle else -1
    while at != -1:
        end = at + len(needle)
        if starts_ok(text[at - 1] if at else "") and ends_ok(text[end:end + 2]):
            yield at, end
            at = text.find(needle, end)
        else:
            at = text.find(needle, at + 1)
