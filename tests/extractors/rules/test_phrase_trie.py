"""The phrase trie the gazetteer matches with: token-hash sequences, overlaps kept, no Doc needed."""

from __future__ import annotations

from extractors.rules.phrase_trie import PhraseTrie


def test_phrase_trie_finds_overlapping_phrases_once_each():
    trie = PhraseTrie()
    trie.add([1, 2], ("Method", "CoT"))
    trie.add([1, 2, 3], ("Method", "CoT prompting"))
    trie.add([1, 2], ("Method", "CoT"))  # the same pattern again
    trie.add([2], ("Task", "two"))
    assert trie.size == 3
    assert list(trie.matches([9, 1, 2, 3, 1])) == [
        (1, 3, ("Method", "CoT")), (1, 4, ("Method", "CoT prompting")), (2, 3, ("Task", "two"))]
