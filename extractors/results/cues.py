"""The cue words of the results rules (data/numbers_cues.jsonl), compiled once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from extractors.rules.phrases import phrase_regex


@dataclass(slots=True)
class Cues:
    """One pattern per cue list ("metric", "improvement", "hedges", ...) and the number words."""

    words: dict[str, re.Pattern]
    number_words: dict[str, float]

    @classmethod
    def from_records(cls, records: Iterable[dict]) -> Cues:
        """Records {"id": list name, "words": [...]} ("improv*" matches any ending), and one
        {"values": {word: number}} record for the number words ("two", "twice")."""
        words, number_words = {}, {}
        for row in records:
            if "values" in row:
                number_words = {k.lower(): float(v) for k, v in row["values"].items()}
            else:
                words[row["id"]] = re.compile(phrase_regex(row["words"], not_after=r"[\w@-]"), re.IGNORECASE)
        return cls(words, number_words)

    def __getitem__(self, name: str) -> re.Pattern:
        return self.words[name]
