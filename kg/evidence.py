"""The evidence shown on a relationship or a leaderboard row: the sentence around a span."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")
MAX_EVIDENCE_CHARS = 1000


class Sentences:
    """A text's sentence boundaries, found once: a paper's mentions all take their evidence from
    the same title and abstract (one scan per text instead of one per mention)."""

    def __init__(self, text: str):
        self.text = text
        breaks = list(_SENTENCE_END.finditer(text))
        self._starts = [match.end() for match in breaks]  # where each sentence after the first begins
        self._ends = [match.start() for match in breaks]  # where each sentence before the last ends

    def around(self, start: int, end: int) -> str:
        """The sentence around [start, end), the span's own sentence even where it starts one."""
        i = bisect_right(self._starts, start)
        begin = self._starts[i - 1] if i else 0
        j = bisect_left(self._ends, end)
        sentence = self.text[begin:self._ends[j] if j < len(self._ends) else len(self.text)].strip()
        if len(sentence) > MAX_EVIDENCE_CHARS:  # pathological inputs: keep the mention in view
            lo = max(begin, start - MAX_EVIDENCE_CHARS // 2)
            sentence = self.text[lo:lo + MAX_EVIDENCE_CHARS].strip()
        return sentence


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of `text` around [start, end): the evidence shown on a relationship."""
    return Sentences(text).around(start, end)
