"""Judging a group of numbers: is it a reported outcome, in which unit, of which kind.

Precision first: a number becomes a result only when its unit (%, x, points) or its context (a
metric right before or after it, a "+" gain, "N of M tasks") says it measures something, and no
rejection applies (sizes, counts of things, years, hyper-parameters, fractions of parameters as a
design property). The kind is absolute, improvement, reduction or other (GUIDE.md "results"). The
context words that decided go to `group.hits`, from which `evidence` makes the evidence span.
"""

from __future__ import annotations

import re

from extractors.results.cues import Cues
from extractors.results.scan import FROM_BEFORE, clause_end, clause_start
from extractors.results.types import Entity, Group

_WORD = re.compile(r"[\w@.+-]+|[^\w\s]")
_FACTOR = re.compile(r"\bfactor\s+of\s+(?:about\s+|up\s+to\s+|over\s+|nearly\s+|~\s*)?$", re.IGNORECASE)
_TO = re.compile(r"(?<!\bup\s)\bto\s+(?:about\s+|around\s+|only\s+|just\s+|nearly\s+|~\s*)?$", re.IGNORECASE)
_RIGHT_STOP = re.compile(
    r"^(?:with|while|and|or|on|in|for|at|using|when|compared|across|which|that|of|to|from|by|under|"
    r"as|but|whereas|respectively|vs\.?|than|over|after|before|within|without|per)$",
    re.IGNORECASE,
)
_CONTINUATION = re.compile(
    r"^\s*(?:(?:on|in|for|with|over|than|against)\s+[^,;()]{1,80}?(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"|[\w@.-]+\s*(?:,\s*(?:and\s+)?|\s+and\s+)"  # "by 12 BLEU and 12 COMET"
    r"|\)\s*,?\s*(?:and\s+)?[\w-]+\s*\()$")
_SETTING = re.compile(r"(?:\bat|@|\bthreshold(?:\s+of)?)\s+(?:[\w@.-]+\s+)?$", re.IGNORECASE)


class ResultJudge:
    """The judging rules, with their patterns compiled from the cue lists."""

    def __init__(self, cues: Cues):
        self.cues = cues
        hedges = cues["hedges"].pattern
        by_or_of = r"(?:by|of)\s+(?:" + hedges + r"\s+)*$"
        self.ends_by = re.compile(r"\bby\s+(?:a\s+factor\s+of\s+|(?:a\s+)?(?:\w+\s+)?margin\s+of\s+)?(?:"
                                  + hedges + r"\s*)*$", re.IGNORECASE)
        self.ends_cue_of = {
            kind: re.compile(
                "(?:" + cues[kind].pattern + r")\s+(?:(?:in|on|for|of)\s+(?:\S+\s+){0,3})?(?:"
                + by_or_of + "|(?:" + hedges + r"\s*)*$)", re.IGNORECASE)
            for kind in ("improvement", "reduction")
        }
        metric = cues["metric"].pattern
        score_filler = (r"\s*(?:scores?|values?|rates?)?\s*(?:of|=|:|is|was|reaching|reached|at|by|between)?"
                        r"\s*\(?\s*(?:" + hedges + r"\s*)*$")  # "F1 score of about", "precision ("
        self.metric_left = re.compile("(?:" + metric + ")" + score_filler, re.IGNORECASE)
        self.metric_right = re.compile(r"^\s*(?:(?:average|avg\.?|overall|mean|absolute|relative|macro|micro)\s+)?"
                                       "(?:" + metric + ")", re.IGNORECASE)
        self.correlation_left = re.compile(
            "(?:" + cues["correlation"].pattern + r")\s*(?:=|of|:)\s*$", re.IGNORECASE)
        self.filler = re.compile("^" + score_filler, re.IGNORECASE)
        self.achieve_left = re.compile("(?:" + cues["achieve"].pattern + r")\s+(?:" + hedges + r"\s*)*$",
                                       re.IGNORECASE)
        self.count_right = re.compile(r"^\s*(?:[A-Za-z][\w-]*\s+){0,2}?(?:" + cues["count_nouns"].pattern + ")",
                                      re.IGNORECASE)
        self.hyper_right = re.compile(r"^\s*(?:" + cues["hyperparameter"].pattern + ")", re.IGNORECASE)
        self.hyper_left = re.compile(
            "(?:" + cues["hyperparameter"].pattern + r")\s*(?:rates?|ratios?|levels?|of|=|:|at|is|set\s+to|\s)*$",
            re.IGNORECASE)
        owner = r"^\s*of\s+(?:the\s+|its\s+|their\s+|our\s+|all\s+|total\s+)?(?:[\w'.-]+\s+){0,3}?"
        self.design_right = re.compile(owner + "(?:" + cues["design_fraction"].pattern + ")", re.IGNORECASE)
        self.design_adjacent = re.compile(
            r"^\s*(?:as\s+(?:many|much)\s+(?:[\w-]+\s+){0,2}?)?(?:(?:trainable|tuned|tunable|learnable|additional|"
            r"extra|active|activated|updated|model)\s+)?(?:parameters?|params|weights)\b", re.IGNORECASE)
        self.design_before = re.compile("(?:" + cues["design_fraction"].pattern + r")\s*\(\s*(?:"
                                        + hedges + r"\s*)*$", re.IGNORECASE)  # "a sparse set of heads (3%)"
        self.data_right = re.compile(owner + "(?:" + cues["data_fraction"].pattern + ")", re.IGNORECASE)
        self.scale_right = re.compile(r"^\s*(?:absolute\s+)?(?:" + cues["scale_nouns"].pattern + ")",
                                      re.IGNORECASE)
        self.hardware_right = re.compile(r"^\s*(?:" + cues["hardware"].pattern + ")", re.IGNORECASE)
        self.size_right = re.compile(r"^\s*(?:(?:larger|bigger)\b|(?:its|their|the|our)\s+size\b"
                                     r"|(?:more|larger|bigger|greater)\s+(?:\w+\s+)?(?:"
                                     + cues["size_nouns"].pattern + "))", re.IGNORECASE)

    def judge(self, text: str, group: Group, entities: list[Entity], previous: Group | None) -> bool:
        """Set unit and kind of `group`; False when it is not a reported outcome."""
        clause_from = clause_start(text, group.start)
        left = text[clause_from: group.start]
        right = text[group.end: clause_end(text, group.end)]
        first = group.members[0]
        if first.slashed:
            return False  # "15.8/25": a score out of a total
        cue_start = clause_from
        if not left.strip() and clause_from and text[clause_from - 1] == "(":
            cue_start = clause_start(text, clause_from - 1)  # "improvements (3.5% in P@1)"
        if group.link == "change":
            group.kind = "absolute"
            from_match = FROM_BEFORE.search(left)
            if from_match:
                group.hits.append((clause_from + from_match.start(), group.start))
            return group.unit is not None or self.bare_score(text, group, left, right, entities)
        if group.unit is None and _FACTOR.search(left):
            group.unit = "x"  # "by a factor of 100"
            for member in group.members:
                member.unit = "x"
        if re.search(r"\bat\s*$", left) and self.metric_right.search(right):
            return False  # "Average Precision at 50% IoU", "accuracy at 90% recall": a setting
        if group.unit == "points" and self.scale_right.search(right):
            return False  # "5-point Likert ratings"
        if group.unit == "%" and (self.hyper_right.search(right) or self.hyper_left.search(left)
                                  or self.design_right.search(right) or self.design_adjacent.search(right)
                                  or self.design_before.search(text[max(0, group.start - 120): group.start])) \
                and not self.ends_cue_of["reduction"].search(left):  # "a reduction of 99% of FLOPs" stays
            return False
        if group.unit == "x" and not self.ratio_context(left, right):
            return False
        if group.unit in ("%", "x") and self.size_right.search(right):
            return False
        if group.unit is None and not (first.signed or self.bare_score(text, group, text[cue_start: group.start],
                                                                         right, entities)):
            return False
        group.kind = self.kind(text, group, cue_start, text[cue_start: group.start], right)
        if group.kind == "absolute" and cue_start != clause_from:
            group.kind = self.comparative_before(text[cue_start: clause_from - 1]) or "absolute"
        if group.kind == "absolute" and previous and previous.kind in ("improvement", "reduction") \
                and _CONTINUATION.match(text[previous.end: group.start]):
            group.kind = previous.kind  # "by 1.3% on DeiT-T and 2.0% on DeiT-S"
        if group.kind == "absolute" and group.unit in ("x", "points"):
            group.kind = "improvement"  # a ratio or a points difference is a change, not a score
        if group.unit is None and group.kind in ("improvement", "reduction"):
            group.unit = "points"
            for member in group.members:
                member.unit = "points"
        return True

    def comparative_before(self, text: str) -> str | None:
        """'more robust (6% absolute)', 'generalize better across distributions (2%)'."""
        tail = " ".join(text.split()[-4:])
        found = [(m.start(), kind) for kind in ("improvement", "reduction") for m in self.cues[kind].finditer(tail)]
        return max(found)[1] if found else None

    def ratio_context(self, left: str, right: str) -> bool:
        """'2x faster', 'by a factor of 3', '4x memory reduction' - not '8x A100' or '4x upsampling'."""
        if self.hardware_right.search(right) or re.match(r"^[\s-]*cross", right, re.IGNORECASE):
            return False
        head = " ".join(_WORD.findall(right)[:4])
        near_left = " ".join(_WORD.findall(left)[-4:])
        return bool(
            self.cues["time_cue"].search(head) or self.cues["improvement"].search(head)
            or self.cues["reduction"].search(head) or _FACTOR.search(left)
            or self.ends_by.search(left) or self.cues["improvement"].search(near_left)
            or self.cues["reduction"].search(near_left) or self.cues["achieve"].search(near_left)
        )

    def bare_score(self, text: str, group: Group, left: str, right: str, entities: list[Entity]) -> bool:
        """A unitless number is a score only next to a metric ('PR-AUC of 58.7', '35.2 BLEU')."""
        first = group.members[0]
        integers = all(m.value.is_integer() for m in group.members)
        if integers and all(1900 <= m.value <= 2100 for m in group.members):
            return False
        setting = _SETTING.search(left)
        if setting and (integers or setting.group().split()[-1].lower() not in ("at", "of")) \
                or right.lstrip().startswith("/"):
            return False  # "at IoU 0.9", "Precision at 5", "(IoU 0.2 / FPPI 2)": settings, not outcomes
        if re.search(r"=\s*$", left) and not (self.metric_left.search(left) or self.correlation_left.search(left)):
            return False
        if self.correlation_left.search(left):
            group.kind = "other"
            group.hits.append((group.start - len(left) + self.correlation_left.search(left).start(), group.start))
            return True
        if self.metric_right.search(right):
            group.hits.append((group.end, group.end + self.metric_right.search(right).end()))
            return True
        for entity in entities:
            if entity.label == "Metric" and entity.end <= first.start and self.filler.match(text[entity.end: first.start]):
                group.hits.append((entity.start, first.start))
                return True
            if entity.label == "Metric" and entity.start >= group.end and not text[group.end: entity.start].strip():
                group.hits.append((group.end, entity.end))
                return True
        if self.count_right.search(right):
            return False
        metric = self.metric_left.search(left)
        if metric:
            group.hits.append((group.start - len(left) + metric.start(), group.start))
            return True
        achieved = self.achieve_left.search(left)
        on_dataset = re.match(r"^\s*(?:on|in)\s+(?:the\s+)?", right)
        if achieved and on_dataset:
            at = group.end + on_dataset.end()
            return any(e.label == "Dataset" and e.start == at for e in entities)
        return False

    def kind(self, text: str, group: Group, left_start: int, left: str, right: str) -> str:
        """improvement | reduction | other | absolute, from the words around the group (`left`
        starts at offset `left_start`)."""
        if group.kind == "other":
            return "other"
        head_end = 0
        for word in re.finditer(r"[^\s,;.()]+", right):
            if _RIGHT_STOP.match(word.group()) or word.start() > 40:
                break
            head_end = word.end()
            head = right[:head_end]
            for kind in ("reduction", "improvement"):
                if self.cues[kind].search(word.group()):
                    group.hits.append((group.end, group.end + head_end))
                    return kind
            if len(head.split()) >= 4:
                break
        if group.members[0].signed:
            return "improvement"
        if _TO.search(left):
            return "absolute"
        found = [(m.start(), kind) for kind in ("improvement", "reduction")
                 for m in [self.ends_cue_of[kind].search(left)] if m]
        if found:
            at, kind = max(found)
            group.hits.append((left_start + at, group.start))
            return kind
        by = self.ends_by.search(left)
        if by:
            window_start = max(0, by.start() - 80)
            cues = [(m.start(), kind) for kind in ("improvement", "reduction")
                    for m in self.cues[kind].finditer(left, window_start, by.start())]
            at, kind = max(cues) if cues else (by.start(), "improvement")
            group.hits.append((left_start + at, group.start))
            return kind
        if group.unit == "%":
            data = self.data_right.search(right)
            if data:
                group.hits.append((group.end, group.end + data.end()))
                return "other"
        return "absolute"


def evidence(text: str, group: Group) -> tuple[int, int]:
    """The shortest span holding the numbers and the context words that made them results."""
    start, end = group.start, group.end
    for lo, hi in group.hits:
        start, end = min(start, lo), max(end, hi)
    if not group.hits:
        clause_lo, clause_hi = clause_start(text, start), clause_end(text, end)
        before = list(re.finditer(r"\S+", text[clause_lo:start]))[-3:]
        after = list(re.finditer(r"\S+", text[end:clause_hi]))[:3]
        start = clause_lo + before[0].start() if before else start
        end = end + after[-1].end() if after else end
    while end > start and text[end - 1] in " ,;.":
        end -= 1
    return start, end

