"""The results of one sentence: scan its numbers, judge each group, tie the results to entities."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from extractors.results.cues import Cues
from extractors.results.judge import ResultJudge, evidence
from extractors.results.scan import NumberScanner
from extractors.results.tie import Tie, Tying, respectively_end
from extractors.results.types import NO_PAPER_CONTEXT, Entity, Group, PaperContext

_NEAR = 200  # characters around a group where the judge looks for the entities that decide it


class MetricPhrase(NamedTuple):
    """A metric phrase a result is tied to, with its canonical name."""

    start: int
    end: int
    name: str


class ResultReader:
    """Reads result records off sentences: dicts with value, unit, kind, metric, dataset, subject,
    and start/end (the evidence span, sentence-local)."""

    def __init__(self, cues: Cues):
        self.scanner = NumberScanner(cues)
        self.judge = ResultJudge(cues)
        self.tying = Tying(cues)
        self.bare_measures = frozenset(word.lower() for word in cues.lists["bare_measures"])

    def read(self, text: str, entities: Sequence[Entity], paper: PaperContext = NO_PAPER_CONTEXT) -> list[dict]:
        """All results of the sentence `text`; `entities` are its mentions (sentence offsets),
        `paper` what the rest of the paper says (its proposed systems and datasets)."""
        return self.read_sentence(text, entities, paper)[0]

    def read_sentence(self, text: str, entities: Sequence[Entity], paper: PaperContext = NO_PAPER_CONTEXT,
                      ) -> tuple[list[dict], list[MetricPhrase]]:
        """`read`, and the metric phrases its results are tied to that no mention covers ("reduces
        attack success rates by 22%", "92.5% sensitivity"), only a shorter Metric mention does
        ("attack success") or a Method or Task mention of its words ("87.1 DS"): the entity layer
        missed those metrics, their ends or their type."""
        groups, numbers = self.scanner.scan(text)
        if not groups:
            return [], []
        sentence = self.tying.read(text, entities, paper, numbers)
        ordered = sorted(entities, key=lambda e: e.start)
        starts = [e.start for e in ordered]
        results: list[dict] = []
        previous: tuple[Group, list[Tie]] | None = None
        for group in groups:
            near = ordered[bisect_left(starts, group.start - _NEAR): bisect_left(starts, group.end + _NEAR)]
            named = group.unit is None and group.link != "wins" and any(
                e.start < n.end and n.start < e.end for n in group.members for e in near)
            if named:
                continue  # "SQuAD 2.0": part of a name (a number with a unit is a measurement)
            if group.link != "wins" and not self.judge.judge(text, group, near, previous and previous[0]):
                continue
            start, end = evidence(text, group)
            paired_end = respectively_end(text, group)
            if paired_end is not None:
                end = max(end, paired_end)
            ties = sentence.tie(group, previous)
            results.extend(
                {"value": member.value, "unit": member.unit, "kind": group.kind, "metric": tie.metric,
                 "dataset": tie.dataset, "subject": tie.subject, "start": start, "end": end}
                for member, tie in zip(group.members, ties, strict=True))
            previous = (group, ties)
        tied = {found["metric"] for found in results if found["metric"]}
        phrases = [MetricPhrase(name.start, self._name_end(text, name.start, name.end), name.name)
                   for name in sentence.metrics
                   if name.name in tied and text[name.start: name.end].lower() not in self.bare_measures
                   and not any(e.start < name.end and name.start < e.end and not _inside_metric(e, name.start, name.end)
                               and not _mistyped_metric(e, name.start, name.end) for e in entities)]
        return results, phrases

    def _name_end(self, text: str, start: int, end: int) -> int:
        """Where the name of the metric phrase text[start:end] ends: "IoU scores" names IoU (a known
        metric and a score word); "harmful score" is the name whole."""
        trailing = _TRAILING_SCORE_WORD.search(text, start, end)
        if trailing and self.tying.known_metric_name(text[start: trailing.start()]):
            return trailing.start()
        return end

    def read_paper(self, text: str, sentences: Sequence[tuple[int, int]], entities: Sequence[Entity],
                   proposed: Sequence[str]) -> tuple[list[dict], list[MetricPhrase]]:
        """The results of a whole text and their untagged metric phrases (`read_sentence`):
        `sentences` are (start, end) offsets, `entities` the named mentions with text offsets,
        `proposed` the paper's proposed names; records and phrases carry text offsets."""
        paper = paper_context(text, entities, proposed)
        ordered = sorted(entities, key=lambda e: e.start)
        results: list[dict] = []
        phrases: list[MetricPhrase] = []
        first = 0
        for start, end in sentences:
            while first < len(ordered) and ordered[first].start < start:
                first += 1
            local = []
            for entity in ordered[first:]:
                if entity.start >= end:
                    break
                if entity.end <= end:
                    local.append(Entity(entity.start - start, entity.end - start, entity.label, entity.name))
            found_results, found_phrases = self.read_sentence(text[start:end], local, paper)
            for found in found_results:
                found["start"] += start
                found["end"] += start
                results.append(found)
            phrases.extend(MetricPhrase(p.start + start, p.end + start, p.name) for p in found_phrases)
        return results, phrases


_TRAILING_SCORE_WORD = re.compile(r"(?<=\S)[\s-]+(?:scores?|values?)$", re.IGNORECASE)


def _inside_metric(entity: Entity, start: int, end: int) -> bool:
    """A Metric mention the phrase text[start:end] holds and goes beyond ("attack success" in
    "attack success rates")."""
    return entity.label == "Metric" and start <= entity.start and entity.end <= end \
        and entity.end - entity.start < end - start


def _mistyped_metric(entity: Entity, start: int, end: int) -> bool:
    """A Method or Task mention of just the metric's words that a result is tied to ("87.1 DS",
    "71.4 SR"): the metric's mention replaces it where the NER made it (`add_metric_mentions`)."""
    return entity.label in ("Method", "Task") and (entity.start, entity.end) == (start, end)


_DATASET_USE = re.compile(r"\b(?:on|across|using)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE)
_DATASET_HEAD = re.compile(r"\s+(?:data\s*sets?|benchmarks?|test\s+sets?|corpus|corpora|suites?)\b", re.IGNORECASE)


def paper_context(text: str, entities: Sequence[Entity], proposed: Sequence[str]) -> PaperContext:
    """The paper's proposed systems (proposals named as a Model or Method, or only as a Task:
    a framework the NER typed as a task; not benchmarks) and its datasets: Dataset mentions that
    the paper uses as one somewhere ("on D", "the D benchmark") or proposes, in order."""
    labels: dict[str, set[str]] = {}
    for entity in entities:
        labels.setdefault(entity.name, set()).add(entity.label)
    systems = tuple(name for name in proposed
                    if labels.get(name, set()) & {"Model", "Method"} or labels.get(name) == {"Task"})
    datasets = tuple(dict.fromkeys(
        e.name for e in entities if e.label == "Dataset" and (
            e.name in proposed or _DATASET_HEAD.match(text, e.end)
            or _DATASET_USE.search(text, max(0, e.start - 40), e.start))))
    return PaperContext(systems, datasets)
