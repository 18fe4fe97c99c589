"""floret vectors that remember each word's vector across batches.

spaCy's `Vectors.get_batch` in floret mode rebuilds every distinct word of a batch from its
character n-grams, hashing them in Python: 0.7 of the NER's 3.1 ms per abstract
(bench/ner_decoding.py). A word's floret vector depends on the word alone, so this table
keeps the vectors it has built, up to `capacity` words per process (word frequencies are Zipfian:
the first words seen are the common ones), and builds only the new words of each batch, with
spaCy's own code. The vectors are the same arrays, bit for bit.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.vectors import Mode, Vectors

DEFAULT_CAPACITY = 1 << 17  # 131,072 words: 32 MB of 64-float vectors


class MemoFloretVectors(Vectors):
    """A floret `Vectors` table (same data, same hashing) with a memo of built word vectors."""

    def __init__(self, source: Vectors, capacity: int = DEFAULT_CAPACITY):
        if source.mode != Mode.floret:
            raise ValueError("only floret vectors are built per word; default tables are looked up already")
        super().__init__(strings=source.strings, data=source.data, name=source.name, mode=source.mode,
                         minn=source.minn, maxn=source.maxn, hash_count=source.hash_count,
                         hash_seed=source.hash_seed, bow=source.bow, eow=source.eow, attr=source.attr)
        self.capacity = capacity
        self._memo_rows: dict[int, int] = {}
        self._memo = np.zeros((0, source.data.shape[1]), dtype=source.data.dtype)

    def get_batch(self, keys: Iterable[int]) -> np.ndarray:
        keys = np.asarray(keys, dtype=np.uint64)
        if keys.size == 0:
            return super().get_batch(keys)
        distinct, where = np.unique(keys, return_inverse=True)
        rows = np.fromiter((self._memo_rows.get(int(key), -1) for key in distinct), dtype=np.int64,
                           count=len(distinct))
        new = np.flatnonzero(rows < 0)
        if len(new):
            built = super().get_batch([int(key) for key in distinct[new]])
            rows[new] = self._remember(distinct[new], built)
            vectors = np.empty((len(distinct), built.shape[1]), dtype=built.dtype)
            cached = rows >= 0
            vectors[cached] = self._memo[rows[cached]]
            vectors[new] = built
        else:
            vectors = self._memo[rows]
        return np.ascontiguousarray(vectors[where.reshape(-1)])

    def _remember(self, keys: np.ndarray, built: np.ndarray) -> np.ndarray:
        """Rows of the memo now holding `built` (-1 for the words beyond the capacity)."""
        room = max(0, min(len(keys), self.capacity - len(self._memo_rows)))
        rows = np.full(len(keys), -1, dtype=np.int64)
        if room:
            start = len(self._memo_rows)
            if start + room > len(self._memo):
                grown = np.zeros((min(self.capacity, max(2 * len(self._memo), start + room, 4096)),
                                  built.shape[1]), dtype=built.dtype)
                grown[:start] = self._memo[:start]
                self._memo = grown
            self._memo[start:start + room] = built[:room]
            rows[:room] = np.arange(start, start + room)
            self._memo_rows.update(zip(keys[:room].tolist(), range(start, start + room), strict=True))
        return rows
