"""Acronym definitions on plain text (Schwartz & Hearst 2003, as in scispacy's abbreviation.py).

"Direct Preference Optimization (DPO)": the short form in brackets, its long form in the words
before them; "DPO (Direct Preference Optimization)": the other way round. The functions take
strings and offsets; extractors/components/acronyms.py finds the brackets in the Doc.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Definition:
    """Character offsets of a long form and of its short form in one text."""

    long_start: int
    long_end: int
    short_start: int
    short_end: int

    def offsets(self) -> tuple[int, int, int, int]:
        return self.long_start, self.long_end, self.short_start, self.short_end


def is_short_form(text: str) -> bool:
    """An abbreviation: 2-10 characters, mostly letters, starts with a letter, has a capital."""
    return (2 <= len(text) <= 10 and text[0].isalpha() and any(c.isupper() for c in text)
            and sum(c.isalpha() for c in text) * 2 >= len(text) and " " not in text)


def long_form_words(text: str) -> set[str]:
    """The words of a long form that can tell it apart: lower-cased, three letters or more."""
    return {word for word in re.split(r"[\s\-/]+", text.lower()) if len(word) > 2}


def long_form_start(short: str, long: str) -> int | None:
    """Where the long form starts in `long` (a window of text before the short form), or None.

    The short form's characters are matched right to left in order; its first character must
    start a word of the long form (Schwartz & Hearst). Digits that the long form does not spell
    ("SH2", "S3FT") are then skipped, as a second try."""
    start = _matched_start(short, long)
    letters = re.sub(r"\d", "", short)
    if start is None and letters != short and len(letters) >= 2:
        start = _matched_start(letters, long)
    by_initials = _initials_start(short, long)
    if by_initials is not None and (start is None or by_initials < start):
        return by_initials
    return start


_PART = re.compile(r"[^\s\-]+")


def _initials_start(short: str, long: str) -> int | None:
    """Where the long form starts when each capital of an all-capitals short form is the initial
    of a word or hyphenated part, right to left, with only function words and the later parts of
    hyphenated words between ("Probability-Consistent Preference Optimization (PCPO)", where
    Schwartz & Hearst stop at "Preference Optimization": c and p are inside its words)."""
    letters = [c for c in short if c.isalpha()]
    if len(letters) < 3 or not all(c.isupper() for c in letters):
        return None
    parts = list(_PART.finditer(long))
    index = len(parts) - 1
    for letter in reversed(letters):
        while index >= 0 and parts[index].group()[0].upper() != letter:
            part = parts[index]
            continuation = part.start() > 0 and long[part.start() - 1] == "-"
            if not continuation and part.group().lower() not in _FUNCTION_WORDS:
                return None
            index -= 1
        if index < 0:
            return None
        index -= 1
    return _word_start(long, parts[index + 1].start())


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
    return _word_start(long, long_index + 1)


def _word_start(text: str, at: int) -> int:
    """Back to the whitespace before the word holding `at` (a hyphenated word is whole)."""
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


def window_words(short: str) -> int:
    """How many words before "(SHORT)" may hold its long form (Schwartz & Hearst: min(|A| + 5, 2|A|))."""
    return min(len(short) + 5, len(short) * 2)


def long_form_before(text: str, short: str, window_start: int, open_at: int) -> tuple[int, int] | None:
    """The (start, end) of the long form of `short` in text[window_start:open_at] (the words before
    the bracket that opens "(SHORT)"), or None when they do not spell it or the letters reach into
    the words around the name (`runs_past_the_name`)."""
    if "/" in short:  # "AR/VR": two acronyms, each spelled somewhere else
        return None
    window = text[window_start:open_at].rstrip()
    start = long_form_start(short, window)
    if start is None:
        return None
    long_start = window_start + start
    while long_start < open_at and not text[long_start].isalnum():
        long_start += 1
    long_end = window_start + len(window)
    long_text = text[long_start:long_end]
    if len(long_text) <= len(short) or short in long_text.split() or runs_past_the_name(short, long_text):
        return None
    return long_start, long_end


# A clause boundary inside a long form: the letters were found across a bracket, a colon or into
# the next clause ("M^2D-LIF, which consists of the Mono-Modality Distillation (M^2D)").
_CLAUSE = re.compile(r"[():;]|,\s+(?:which|that|where|while|who|whose|we|our|an?|the|i\.e\.|e\.g\.)\b",
                     re.IGNORECASE)
_VERB_FORM = re.compile(r"[a-z]{3,}(?:ing|ed)")
# "results with a 23.7% success rate (Pass@64)": a reported score, no name (a whole percentage may
# be the name's threshold: "mean Average Precision at 50% IoU (mAP@50)")
_SCORE = re.compile(r"\d\.\d")
# Words that start no name: articles, possessives, prepositions, conjunctions.
_FUNCTION_WORDS = frozenset(
    "a an the this that these those its their our his her my your and or but nor of in on for "
    "with to from by as at into onto via than then we which who is are was were be".split())


def runs_past_the_name(short: str, long: str) -> bool:
    """True when the long form Schwartz & Hearst found takes in words that are not the name's: a
    clause boundary, a score, or a leading function word or verb whose letter the capitalised name needs
    ("leveraging Vision-Language Large Models (LVLMs)", "the knowledge from a hub of Vision Experts
    (ToVE)"); a lower-case short form may start with a lower-case word ("mean Average Precision")."""
    if _CLAUSE.search(long) or _SCORE.search(long):
        return True
    words = long.split()
    first, rest = words[0], [w for w in words[1:] if w.lower() not in _FUNCTION_WORDS]
    if len(words) < 2 or not short[0].isupper() or not first.islower():
        return False
    if first in _FUNCTION_WORDS:
        return True
    # "leveraging" before a capitalised name; not "extended Kalman filter", "binarized Mamba"
    return (bool(_VERB_FORM.fullmatch(first)) and len(rest) >= 2
            and all(w[:1].isupper() for w in rest))


def spells_from_start(short: str, long: str) -> bool:
    """True when `long` (bracketed after `short`: "DPO (Direct Preference Optimization)") is the
    long form of `short` from its first word on."""
    return is_short_form(short) and long_form_start(short, long) == 0


def mentions(text: str, long_text: str, short_text: str) -> Iterator[tuple[int, int]]:
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


def _occurrences(text: str, needle: str, starts_ok: Callable[[str], bool],
                 ends_ok: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
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
