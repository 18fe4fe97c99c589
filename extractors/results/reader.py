"""The results of one sentence: scan its numbers, judge each group, tie the results to entities."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.results.cues import Cues
from extractors.results.judge import ResultJudge, evidence
from extractors.results.scan import NumberScanner
from extractors.results.tie import Tying, respectively_end
from extractors.results.types import Entity, Group


class ResultReader:
    """Reads result records off sentences: dicts with value, unit, kind, metric, dataset, subject,
    and start/end (the evidence span, sentence-local)."""

    def __init__(self, cues: Cues):
        self.scanner = NumberScanner(cues)
        self.judge = ResultJudge(cues)
        self.tying = Tying(cues)

    def read(self, text: str, entities: Sequence[Entity], proposed: Sequence[str]) -> list[dict]:
        """All results of the sentence `text`; `entities` are its mentions (sentence offsets),
        `proposed` the paper's main system (a one-item list) or nothing."""
        groups, numbers = self.scanner.scan(text)
        results: list[dict] = []
        previous: Group | None = None
        for group in groups:
            named = group.unit is None and any(e.start < n.end and n.start < e.end
                                               for n in group.members for e in entities)
            if named:
                continue  # "SQuAD 2.0": part of a name (a number with a unit is a measurement)
            if group.link != "wins" and not self.judge.judge(text, group, entities, previous):
                continue
            start, end = evidence(text, group)
            paired_end = respectively_end(text, group)
            if paired_end is not None:
                end = max(end, paired_end)
            ties = self.tying.tie(text, group, entities, proposed, numbers)
            results.extend(
                {"value": member.value, "unit": member.unit, "kind": group.kind, "metric": tie.metric,
                 "dataset": tie.dataset, "subject": tie.subject, "start": start, "end": end}
                for member, tie in zip(group.members, ties, strict=True))
            previous = group
        return results
