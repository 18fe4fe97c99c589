"""The cue patterns: AnyCase runs a lower-case pattern case-sensitively on lower-cased ASCII text."""

from __future__ import annotations

import re

import pytest

from extractors.results.cues import AnyCase


def spans(pattern: re.Pattern | AnyCase, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "Wins on 4 of 5 Tasks, and on FOUR OF FIVE BENCHMARKS.",  # ASCII: the case-sensitive twin runs
    "Wins on 4 of 5 Taſks — and on four of five benchmarks.",  # IGNORECASE matches "ſ" as "s"
])
def test_any_case_finds_what_ignorecase_finds(text):
    pattern = r"(?<![\w.-])(?P<n>\d+|four)\s+of\s+(?:\d+|five)\s+(?:tasks?|benchmarks?)\b"
    any_case = AnyCase(pattern)
    assert any_case.lowered is not None  # lower-case letters only: the twin is used
    assert spans(any_case, text) == spans(re.compile(pattern, re.IGNORECASE), text)
    assert len(spans(any_case, text)) == 2


@pytest.mark.parametrize("pattern", [r"F1\b", r"(?-i:acc)uracy", r"\x41UC"])
def test_any_case_keeps_ignorecase_where_the_pattern_has_cased_letters(pattern):
    any_case = AnyCase(pattern)
    assert any_case.lowered is None
    text = "an F1 of 0.9, accuracy of 91%, AUC 0.8; f1, ACCURACY, auc"
    assert spans(any_case, text) == spans(re.compile(pattern, re.IGNORECASE), text)
