"""Phrase helpers the rule components share: cue-phrase regexes, generic words, head-noun types."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from kg.core.names import name_key


def phrase_regex(phrases: Iterable[str], not_after: str = r"\w") -> str:
    """An alternation of phrases, longest first, each bounded by non-word characters: a space inside
    a phrase matches any run of whitespace, and a final `*` any word ending ("improv*"). A phrase
    may not follow a character matching `not_after` (a word character by default)."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        stem = phrase[:-1] if phrase.endswith("*") else phrase
        body = re.escape(stem).replace(r"\ ", r"\s+")
        parts.append(body + (r"[\w-]*" if phrase.endswith("*") else ""))
    return rf"(?<!{not_after})(?:{'|'.join(parts)})(?!\w)"


def generic_word_keys(records: Iterable[dict]) -> set[str]:
    """The name keys of generic-word records ({"id": word}, generic_words.jsonl)."""
    return {name_key(record["id"]) for record in records}


def is_generic_phrase(text: str, generic_words: set[str]) -> bool:
    """True when every word of `text` is a generic word ("large language models", "in-distribution");
    `generic_words` holds name keys (kg.core.names.name_key)."""
    words = [name_key(w) for w in re.split(r"[\s\-/]+", text) if name_key(w)]
    return all(w in generic_words for w in words)


class HeadTypes:
    """Entity type from a head noun ("... benchmark" -> Dataset), from entity_heads.jsonl records."""

    def __init__(self, records: Iterable[dict]):
        self.by_head: dict[str, str] = {}
        for record in records:
            for head in record["heads"]:
                self.by_head[head.lower()] = record["id"]
        self.pattern = re.compile(phrase_regex(self.by_head), re.IGNORECASE)

    def of_name(self, name: str) -> str | None:
        """The type named by the last word(s) of `name` ("Political Compass Test" -> Dataset)."""
        lowered = name.lower()
        # The longest head is the longest suffix that starts a word: try those, longest first (a
        # dict lookup each, where a scan of every head per name cost 1 s per 300 papers).
        for start in range(len(lowered)):
            if start == 0 or not lowered[start - 1].isalnum():
                label = self.by_head.get(lowered[start:])
                if label is not None:
                    return label
        return None

    def first_in(self, text: str, allowed: Iterable[str] | None = None) -> str | None:
        """The type of the first head noun in `text` (a few words of context) among `allowed`."""
        for found in self.pattern.finditer(text):
            label = self.by_head[" ".join(found.group(0).lower().split())]
            if allowed is None or label in allowed:
                return label
        return None


def word_lists(records: Iterable[dict]) -> dict[str, frozenset[str]]:
    """Named word lists ({"id": name, "words": [...]}, task_words.jsonl), lower-cased."""
    return {record["id"]: frozenset(word.lower() for word in record["words"]) for record in records}


def ends_in_head(text: str, heads: Collection[str]) -> bool:
    """Whether the last word of `text`, or its last hyphenated part, is one of `heads` (lower case):
    "3D object generation", "Polyp Re-Identification"."""
    last = text.rsplit(None, 1)[-1].lower() if text.strip() else ""
    return last in heads or last.rsplit("-", 1)[-1] in heads
