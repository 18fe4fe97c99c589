"""Tying a reported number to its sentence's entities: which metric measured it, on which dataset,
and which model or method (the subject) achieved it.

The interface is one call, `Tying.tie(text, group, entities, proposed, numbers)`: the sentence, a
judged group of numbers, the sentence's (non-generic) entities, the paper's main proposed system
(for "our method achieves ..."), and the sentence's other numbers (an entity beyond another number
belongs to that one). It returns one `Tie` per number of the group, in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.results.cues import Cues
from extractors.results.scan import clause_end, clause_start
from extractors.results.types import Entity, Group, Number

_ON_DATASET = re.compile(r"^[^\d;,()]{0,50}?\b(?:on|in|for|across)\s+(?:the\s+)?$", re.IGNORECASE)
_ON_UNKNOWN = re.compile(r"^\s*(?:on|in)\s+(?:the\s+)?[A-Z][\w-]*")
_SCOPE = re.compile(r"^\s*(?:On|In|For|Across|Evaluated\s+on)\s+(?:the\s+)?$")
_SCOPE_END = re.compile(r"^(?:\s+(?:benchmark|dataset|test\s+set))?\s*,")
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)(?:the\s+)?$")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_TIE_REACH = {"Metric": 60, "Dataset": 100}


@dataclass(frozen=True, slots=True)
class Tie:
    """The canonical names a number is tied to (None: the sentence does not say)."""

    metric: str | None
    dataset: str | None
    subject: str | None


def respectively_end(text: str, group: Group) -> int | None:
    """The end of "respectively" after a list of numbers ("60% and 75%, respectively"), whose
    numbers then pair in order with the entities listed; None for a single number or no such word."""
    if len(group.members) < 2:
        return None
    found = _RESPECTIVELY.search(text[group.end:])
    return group.end + found.end() if found else None


class Tying:
    """The tying rules; metric names, baseline markers and "our" phrases come from the cues."""

    def __init__(self, cues: Cues):
        self.cues = cues

    def tie(self, text: str, group: Group, entities: Sequence[Entity], proposed: Sequence[str],
            numbers: Sequence[Number] = ()) -> list[Tie]:
        """One tie per member of `group`, with metric / dataset / subject when the sentence ties them."""
        size = len(group.members)
        paired = respectively_end(text, group) is not None
        clause = (clause_start(text, group.start), clause_end(text, group.end))
        others = [n for n in numbers if n not in group.members]
        metrics = self.pick(group, [e for e in entities if e.label == "Metric" and e.start >= clause[0]
                                    and e.end <= clause[1] and not _apart(e, group, others)],
                            paired, _TIE_REACH["Metric"])
        on_datasets = [e for e in entities if e.label == "Dataset"]
        named = self.named_after(text, group, on_datasets)  # "85.3% on GSM8K", "+9.8%, +5.7% on A and B"
        scope = [e for e in on_datasets if _SCOPE.match(text[: e.start]) and _SCOPE_END.match(text[e.end:])]
        datasets: list[str | None]
        if named and not paired:
            names: list[str | None] = [e.name for e in named]
            datasets = names * size if len(names) == 1 else names if len(names) == size else [None] * size
        elif not paired and _ON_UNKNOWN.match(text[group.end:]):
            datasets = [None] * size  # "76.28% on AQuA" with AQuA unrecognised: not the dataset before it
        elif scope and not paired:
            datasets = [scope[0].name] * size  # "On GSM8K, ... 85.3% ..., ... by 4.1%"
        else:
            datasets = self.pick(group, [e for e in on_datasets if paired or not _apart(e, group, others)],
                                 paired, _TIE_REACH["Dataset"])
        subjects = self.subjects(text, group, entities, paired, proposed)
        return [Tie(metrics[i], datasets[i], subjects[i]) for i in range(size)]

    @staticmethod
    def named_after(text: str, group: Group, datasets: Sequence[Entity]) -> list[Entity]:
        """The dataset list introduced right after the numbers: 'on A, B, and C'."""
        after = sorted((e for e in datasets if e.start >= group.end), key=lambda e: e.start)
        if not after or not _ON_DATASET.match(text[group.end: after[0].start]):
            return []
        chain = [after[0]]
        for entity in after[1:]:
            if not _COORDINATION.match(text[chain[-1].end: entity.start]):
                break
            chain.append(entity)
        return chain

    @staticmethod
    def pick(group: Group, candidates: Sequence[Entity], paired: bool, reach: int) -> list[str | None]:
        """Pair a 'respectively' list in order; otherwise the nearest unambiguous candidate."""
        size = len(group.members)
        names: list[str | None] = list(dict.fromkeys(e.name for e in candidates))
        if paired and len(names) == size:
            return names
        if not candidates:
            return [None] * size

        def distance(e: Entity) -> int:
            return group.start - e.end if e.end <= group.start else max(0, e.start - group.end)

        nearest = min(candidates, key=distance)
        if distance(nearest) > reach:
            return [None] * size
        close = [e for e in candidates if e.name != nearest.name and abs(distance(e) - distance(nearest)) < 30]
        return [None if close else nearest.name] * size

    def subjects(self, text: str, group: Group, entities: Sequence[Entity], paired: bool,
                 proposed: Sequence[str]) -> list[str | None]:
        """The model or method that achieved the number: left of it, not after 'than' / 'outperforms'."""
        size = len(group.members)
        candidates: list[Entity] = []
        previous_baseline: Entity | None = None
        models = (e for e in entities if e.label in ("Model", "Method")
                  and not self.cues["metric"].fullmatch(text[e.start:e.end]))  # "FID", "RMSE" tagged Method
        for entity in sorted(models, key=lambda e: e.start):
            before = text[max(clause_start(text, entity.start), entity.start - 50): entity.start]
            joined = previous_baseline and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*",
                                                        text[previous_baseline.end: entity.start])
            if self.cues["baseline_markers"].search(" ".join(before.split()[-5:])) or joined:
                previous_baseline = entity
                continue
            previous_baseline = None
            candidates.append(entity)
        names: list[str | None] = list(dict.fromkeys(e.name for e in candidates))
        if paired and len(names) == size:
            return names
        left = [e for e in candidates if e.end <= group.start]
        if left:
            return [left[-1].name] * size
        own = self.cues["own_system"].search(text[: group.start])
        if own and proposed:
            return [proposed[0]] * size  # "our method achieves ..." -> the paper's first proposed system
        return [None] * size


def _apart(entity: Entity, group: Group, others: list[Number]) -> bool:
    """True when another number stands between `entity` and `group` (it belongs to that one)."""
    lo, hi = (entity.end, group.start) if entity.end <= group.start else (group.end, entity.start)
    return any(lo <= n.start and n.end <= hi for n in others)
