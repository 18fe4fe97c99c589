"""The evidence shown on a relationship or a leaderboard row: the sentence around a span."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")
MAX_EVIDENCE_CHARS = 1000


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of `text` around [start, end): the evidence shown on a relationship."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end)
    sentence = text[begin:stop.start() if stop else len(text)].strip()
    if len(sentence) > MAX_EVIDENCE_CHARS:  # pathological inputs: keep the mention in view
        lo = max(begin, start - MAX_EVIDENCE_CHARS // 2)
        sentence = text[lo:lo + MAX_EVIDENCE_CHARS].strip()
    return sentence
