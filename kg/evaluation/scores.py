"""The two kinds of figure `kg eval` reports: micro precision/recall/F1 counts and accuracies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class PRF:
    """True positive, false positive and false negative counts, with P/R/F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    """How many of `total` judged cases were right; `total` says what the accuracy is over."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def count(self, right: bool) -> None:
        self.correct += right
        self.total += 1

    def to_dict(self) -> dict[str, Any]:
        value = self.value
        return {"accuracy": None if value is None else round(value, 4), "correct": self.correct,
                "of": self.total}


def total_of(by_label: dict[str, PRF]) -> PRF:
    """The micro total of per-label counts."""
    total = PRF()
    for prf in by_label.values():
        total.add(prf)
    return total
