"""Greedy decoding of the trained transition-based NER, one step for a whole batch of docs at once.

spaCy's own decoder (`Parser.greedy_parse`) walks each doc's tokens in C, but the spaCy 3.8 wheels
(built with Cython 3) take and drop the GIL inside every validity check, 34 actions per token: that
was two thirds of the NER's time here (perf: take_gil/drop_gil/mutex under `Unit.is_valid`). This
module runs the same computation with NumPy across the batch: every doc's state advances one token
per step, so a step is a handful of array operations for all docs. bench/ner_decoding.py: tok2vec +
decoding 6.8 ms per abstract with spaCy's parser, 2.5 with this, the same entities in every doc.

It is the same model and the same decisions, not an approximation:
- the state features of spaCy's NER (`StateC.set_context_tokens`, 3 tokens): the next token, the
  first token of the open entity and the token before the next one (the last two only while an
  entity is open), read from the lower layer's precomputed table, padding row for "none";
- the hidden layer (sum of the three features plus bias, maxout over pieces) and the output layer;
- the BILUO moves' validity of `spacy/pipeline/_parser_internals/ner.pyx` for docs without preset
  entities: no entity across a sentence start, none starting on whitespace, I/L keep the label;
- the first best valid action, as `arg_max_if_valid` picks it.
tests/extractors/components/test_greedy_ner.py checks the spans against spaCy's decoder on real text.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.pipeline import EntityRecognizer, Tok2Vec
from spacy.tokens import Doc

# The transition system's move names (spacy/pipeline/_parser_internals/ner.pyx MOVE_NAMES).
BEGIN, IN, LAST, UNIT, OUT = "B", "I", "L", "U", "O"
FEATURES = 3  # the NER state's context tokens: next, entity start, previous


class BatchNERDecoder:
    """The trained tok2vec + ner pair, run over a batch: `decode(docs)` gives each doc's entities
    as (start, end, label) token spans, which is what the ner pipe would have set as `doc.ents`."""

    def __init__(self, tok2vec: Tok2Vec, ner: EntityRecognizer):
        self.tok2vec = tok2vec.model
        model = ner.model
        self.project = model.get_ref("tok2vec").layers[-1]  # the listener's Linear to the hidden width
        self.lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        if not model.attrs["has_upper"] or self.lower.get_dim("nF") != FEATURES:
            raise ValueError("the batch decoder reads NER models with an output layer and 3 state features")
        self.upper_w = upper.get_param("W").T.copy()  # (hidden, classes)
        self.upper_b = upper.get_param("b")
        self.lower_b = self.lower.get_param("b")  # (hidden, pieces)
        n_classes = upper.get_dim("nO")
        self.unseen = np.array(sorted(model.attrs["unseen_classes"]), dtype=int)
        moves = ner.moves
        names = [moves.get_class_name(i) for i in range(n_classes)]
        self.labels = sorted({name[2:] for name in names if name[:2] in ("B-", "U-") and len(name) > 2})
        label_index = {label: i for i, label in enumerate(self.labels)}
        self.move = np.array([name[0] for name in names])
        # each class's label index (-1: none, as "O" and the blocked-unit "U-")
        self.label_of = np.array([label_index.get(name[2:], -1) for name in names])
        n_labels = len(self.labels)
        self.begin = self._classes(BEGIN, n_labels)
        self.inside = self._classes(IN, n_labels)
        self.last = self._classes(LAST, n_labels)
        self.unit = self._classes(UNIT, n_labels)
        self.out = int(np.flatnonzero(self.move == OUT)[0])

    def _classes(self, move: str, n_labels: int) -> np.ndarray:
        """Class index of `move` for each label, in label order."""
        index = np.full(n_labels, -1)
        for cls in np.flatnonzero((self.move == move) & (self.label_of >= 0)):
            index[self.label_of[cls]] = cls
        if (index < 0).any():
            raise ValueError(f"the NER model lacks some {move}- moves")
        return index

    def decode(self, docs: Sequence[Doc]) -> list[list[tuple[int, int, str]]]:
        spans: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        live = [i for i, doc in enumerate(docs) if len(doc)]
        if not live:
            return spans
        batch = [docs[i] for i in live]
        # precomputed lower layer: row 0 is the padding, token k of the batch is row k + 1
        table = self.lower.predict(self.project.predict(self.tok2vec.ops.flatten(self.tok2vec.predict(batch))))
        lengths = np.array([len(doc) for doc in batch])
        rows = np.concatenate(([1], np.cumsum(lengths)[:-1] + 1))  # each doc's first token's row
        # States advance longest doc first, so the docs still going at step t are a prefix.
        order = np.argsort(-lengths, kind="stable")
        lengths, rows = lengths[order], rows[order]
        owner = [live[i] for i in order]
        n_docs, width = len(batch), int(lengths[0])
        sent_start = np.zeros((n_docs, width + 1), dtype=bool)  # a sentence starts at token t
        space = np.zeros((n_docs, width), dtype=bool)
        for row, i in enumerate(order):
            doc = batch[i]
            attrs = doc.to_array([SENT_START, IS_SPACE])
            sent_start[row, :len(doc)] = attrs[:, 0] == 1
            space[row, :len(doc)] = attrs[:, 1] != 0
        going = np.searchsorted(-lengths, -np.arange(width + 1), side="left")  # docs longer than t
        open_label = np.full(n_docs, -1)  # label index of the open entity, -1 when none is open
        open_start = np.zeros(n_docs, dtype=int)
        for t in range(width):
            n = going[t]
            label = open_label[:n]
            is_open = label >= 0
            token = rows[:n] + t
            first = np.where(is_open, rows[:n] + open_start[:n], 0)
            previous = np.where(is_open, token - 1, 0)
            pieces = table[token, 0] + table[first, 1] + table[previous, 2] + self.lower_b
            scores = self._maxout(pieces) @ self.upper_w + self.upper_b
            if self.unseen.size:
                scores[:, self.unseen] = scores.min()
            continues = (np.arange(n) < going[t + 1]) & ~sent_start[:n, t + 1]  # an entity may go on
            scores[~self._valid(label, is_open, continues, ~is_open & ~space[:n, t])] = -np.inf
            best = scores.argmax(axis=1)
            self._advance(t, best, open_label, open_start, spans, owner)
        return spans

    @staticmethod
    def _maxout(pieces: np.ndarray) -> np.ndarray:
        """The largest piece of each hidden unit: (states, hidden, pieces) -> (states, hidden).
        Pairwise maxima over the few pieces, which NumPy does 10x faster than a reduction over a
        short last axis."""
        hidden = pieces[..., 0]
        for piece in range(1, pieces.shape[-1]):
            hidden = np.maximum(hidden, pieces[..., piece])
        return hidden

    def _valid(self, label: np.ndarray, is_open: np.ndarray, continues: np.ndarray,
               starts: np.ndarray) -> np.ndarray:
        """(docs, classes) mask of the moves ner.pyx allows: `continues`, an entity may go on past
        this token; `starts`, one may start on it."""
        valid = np.zeros((len(label), len(self.move)), dtype=bool)
        valid[:, self.begin] = (starts & continues)[:, None]
        valid[:, self.unit] = starts[:, None]
        valid[:, self.out] = ~is_open
        opened = np.flatnonzero(is_open)
        valid[opened, self.last[label[opened]]] = True
        going_on = opened[continues[opened]]
        valid[going_on, self.inside[label[going_on]]] = True
        return valid

    def _advance(self, t: int, best: np.ndarray, open_label: np.ndarray, open_start: np.ndarray,
                 spans: list[list[tuple[int, int, str]]], owner: list[int]) -> None:
        moves = self.move[best]
        labels = self.label_of[best]
        for row in np.flatnonzero(moves != OUT).tolist():
            move = moves[row]
            if move == BEGIN:
                open_label[row], open_start[row] = labels[row], t
            elif move == LAST:
                spans[owner[row]].append((int(open_start[row]), t + 1, self.labels[labels[row]]))
                open_label[row] = -1
            elif move == UNIT:
                spans[owner[row]].append((t, t + 1, self.labels[labels[row]]))
