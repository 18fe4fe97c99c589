"""Data helpers shared by the rule components: JSONL rule files and cue-phrase matching."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.core.names import name_key

COMPONENTS_DIR = Path(__file__).resolve().parent
DATA_DIR = COMPONENTS_DIR.parent / "data"
# Words that make a phrase generic when it has only them ("large language models", "LLMs", "NLP").
GENERIC_WORDS_PATH = COMPONENTS_DIR / "generic_words.jsonl"


def read_jsonl(path: Path) -> Iterator[dict]:
    """The records of a JSONL rule file (blank lines skipped)."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def phrase_regex(phrases: Iterable[str]) -> str:
    """An alternation of phrases, longest first; a space inside a phrase matches any run of
    whitespace, and each phrase is bounded by non-word characters."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return rf"(?<!\w)(?:{body})(?!\w)"


def generic_word_keys(records: Iterable[dict]) -> set[str]:
    """The name keys of generic-word records ({"id": word})."""
    return {name_key(record["id"]) for record in records}


def is_generic_phrase(text: str, generic_words: set[str]) -> bool:
    """True when every word of `text` is a generic word ("large language models", "in-distribution");
    `generic_words` holds name keys (kg.resolve.name_key)."""
    words = [name_key(w) for w in re.split(r"[\s\-/]+", text) if name_key(w)]
    return all(w in generic_words for w in words)


class HeadTypes:
    """Entity type from a head noun ("... benchmark" -> Dataset), read from entity_heads.jsonl."""

    def __init__(self, records: Iterable[dict]):
        self.by_head: dict[str, str] = {}
        for record in records:
            for head in record["heads"]:
                self.by_head[head.lower()] = record["id"]
        self.pattern = re.compile(phrase_regex(self.by_head), re.IGNORECASE)

    @classmethod
    def load(cls) -> HeadTypes:
        return cls(read_jsonl(COMPONENTS_DIR / "entity_heads.jsonl"))

    def of_name(self, name: str) -> str | None:
        """The type named by the last word(s) of `name` ("Political Compass Test" -> Dataset)."""
        lowered = name.lower()
        for head, label in sorted(self.by_head.items(), key=lambda item: -len(item[0])):
            before = lowered[:-len(head)]
            if lowered.endswith(head) and (not before or not before[-1].isalnum()):
                return label
        return None

    def first_in(self, text: str, allowed: Iterable[str] | None = None) -> str | None:
        """The type of the first head noun in `text` (a few words of context) among `allowed`."""
        for found in self.pattern.finditer(text):
            label = self.by_head[" ".join(found.group(0).lower().split())]
            if allowed is None or label in allowed:
                return label
        return None
