"""Token sequences matched in a trie of string hashes, as spaCy's PhraseMatcher does, without a Doc."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


class PhraseTrie:
    """Token sequences (as string hashes) -> the (label, id) entries of the patterns spelling them."""

    _END = -1  # no string hash is negative

    def __init__(self) -> None:
        self.root: dict = {}
        self.size = 0

    def add(self, keys: Iterable[int], entry: tuple[str, str]) -> None:
        node = self.root
        for key in keys:
            node = node.setdefault(key, {})
        entries = node.setdefault(self._END, {})
        if entry not in entries:
            entries[entry] = None  # an ordered set: the same pattern twice matches once
            self.size += 1

    def matches(self, keys: list[int]) -> Iterator[tuple[int, int, tuple[str, str]]]:
        """Every (start, end, entry) whose pattern spells keys[start:end], overlaps included."""
        root, end_key, length = self.root, self._END, len(keys)
        for start in range(length):
            node = root.get(keys[start])
            end = start + 1
            while node is not None:
                for entry in node.get(end_key, ()):
                    yield start, end, entry
                if end == length:
                    break
                node = node.get(keys[end])
                end += 1
