"""Reported numbers: every experimental outcome a title or abstract states (GUIDE.md "results").

Rules, not a model. A number becomes a result only when its unit (%, x, points) or its context (a
metric right before or after it, a "+" gain, "N of M tasks") says it measures something, and no
rejection applies (sizes such as 7B / 128K, counts of things, years, hyper-parameters, fractions of
parameters as a design property). Precision first: a wrong number on a leaderboard is worse than a
missing one. Cue words live in numbers_cues.jsonl beside this module; the results go to
`doc._.results`, tied to the Metric / Dataset / Model|Method spans of `doc.spans["entities"]`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extractors.attributes import ENTITIES_KEY

CUES_PATH = Path(__file__).with_name("numbers_cues.jsonl")

_NUMBER = re.compile(r"(?P<sign>\+)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?|\.\d+)")
_UNIT = re.compile(
    r"(?P<points>\s?(?:\\?%)?[\s-]?(?:absolute\s)?(?:percentage[\s-]|percent\s)?(?:points?|pts?|pp)\b|\\?%p\b)"
    r"|(?P<pct>\s?\\?%|\s?percent\b)"  # \% left inside a kept \textbf{...}
    r"|(?P<fold>[\s-]?fold\b)"
    r"|(?P<times>\s?[x×](?![\w])|\s?times\b)",
    re.IGNORECASE,
)
_UNIT_OF = {"points": "points", "pct": "%", "fold": "x", "times": "x"}
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|,\s|\s[—–]\s|\s-\s")
_WORD = re.compile(r"[\w@.+-]+|[^\w\s]")
_LABELS = (
    r"(?:\b(?:Section|Sec\.|Sect\.|Table|Tab\.|Figure|Fig\.|Eq\.|Equation|Appendix|Chapter|Theorem|"
    r"Lemma|Algorithm|Version|version|v|Stage|stage|Phase|phase|Level|level|Part|No\.|Step|step|"
    r"Round|round|Task|Track|Day|k|n|K|N|T|d|m|Top|top)\s*[-=]?\s*|#)$"
)
_PLUS_MINUS = r"(?:±|\+-|\+/-|∓)\s*$"
_SPREAD = re.compile(r"\s*(?:±|\+-|\+/-)\s*\d+(?:\.\d+)?")
_LABELLED = re.compile(_LABELS + "|" + _PLUS_MINUS)  # "Section 3", "Task 1", "k=5", "± 0.2"
_FROM = re.compile(r"\bfrom\s+(?:[^\s,;]+\s+){0,3}$", re.IGNORECASE)
_FACTOR = re.compile(r"\bfactor\s+of\s+(?:about\s+|up\s+to\s+|over\s+|nearly\s+|~\s*)?$", re.IGNORECASE)
_TO = re.compile(r"(?<!\bup\s)\bto\s+(?:about\s+|around\s+|only\s+|just\s+|nearly\s+|~\s*)?$", re.IGNORECASE)
_RANGE = {"-", "--", "–", "—", "~", "∼", "sim", "to", "and up to"}
_LIST = {",", ", and", ", or", "and", "or", "&", "/", "vs", "vs.", "versus", ",and"}
_ARROW = {"->", "→", "⟶", "rightarrow", "=>"}
_RIGHT_STOP = re.compile(
    r"^(?:with|while|and|or|on|in|for|at|using|when|compared|across|which|that|of|to|from|by|under|"
    r"as|but|whereas|respectively|vs\.?|than|over|after|before|within|without|per)$",
    re.IGNORECASE,
)
_CONTINUATION = re.compile(
    r"^\s*(?:(?:on|in|for|with|over|than|against)\s+[^,;()]{1,80}?(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"|[\w@.-]+\s*(?:,\s*(?:and\s+)?|\s+and\s+)"  # "by 12 BLEU and 12 COMET"
    r"|\)\s*,?\s*(?:and\s+)?[\w-]+\s*\()$")
_ON_DATASET = re.compile(r"^[^\d;,()]{0,50}?\b(?:on|in|for|across)\s+(?:the\s+)?$", re.IGNORECASE)
_ON_UNKNOWN = re.compile(r"^\s*(?:on|in)\s+(?:the\s+)?[A-Z][\w-]*")
_SCOPE = re.compile(r"^\s*(?:On|In|For|Across|Evaluated\s+on)\s+(?:the\s+)?$")
_SCOPE_END = re.compile(r"^(?:\s+(?:benchmark|dataset|test\s+set))?\s*,")
_SETTING = re.compile(r"(?:\bat|@|\bthreshold(?:\s+of)?)\s+(?:[\w@.-]+\s+)?$", re.IGNORECASE)
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)(?:the\s+)?$")
_MAX_GAP = 14  # characters between two numbers of one list / range
_TIE_REACH = {"Metric": 60, "Dataset": 100}


def _cue_regex(words: list[str]) -> str:
    """One alternation for a cue list; `improv*` matches any ending, longest words first."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        stem = word[:-1] if word.endswith("*") else word
        body = re.escape(stem).replace(r"\ ", r"\s+")
        parts.append(body + (r"[\w-]*" if word.endswith("*") else ""))
    return r"(?<![\w@-])(?:" + "|".join(parts) + r")(?![\w])"


@dataclass(slots=True)
class Cues:
    """Compiled cue patterns from numbers_cues.jsonl."""

    words: dict[str, re.Pattern]
    number_words: dict[str, float]

    @classmethod
    def load(cls, path: Path = CUES_PATH) -> Cues:
        words, number_words = {}, {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if "values" in row:
                number_words = {k.lower(): float(v) for k, v in row["values"].items()}
            else:
                words[row["id"]] = re.compile(_cue_regex(row["words"]), re.IGNORECASE)
        return cls(words, number_words)

    def __getitem__(self, name: str) -> re.Pattern:
        return self.words[name]


@dataclass(slots=True)
class Number:
    """One number in a sentence (sentence-local offsets); `unit_end` is past its unit."""

    start: int
    end: int
    value: float
    unit: str | None
    unit_end: int
    signed: bool = False
    slashed: bool = False  # "5.85/4.70 points": only counts as part of a list


@dataclass(slots=True)
class Group:
    """Numbers read together: a list ("60% and 75%"), a range ("5-10%") or a change ("from X to Y")."""

    members: list[Number]
    link: str = "single"  # single | list | range | change | wins
    unit: str | None = None
    kind: str = "absolute"
    hits: list[tuple[int, int]] = field(default_factory=list)  # context spans used as evidence

    @property
    def start(self) -> int:
        return self.members[0].start

    @property
    def end(self) -> int:
        return self.members[-1].unit_end


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    label: str
    name: str


class NumberExtractor:
    """Writes `doc._.results`: dicts with value, unit, kind, metric, dataset, subject, start, end."""

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
        number_word = "|".join(sorted(map(re.escape, cues.number_words), key=len, reverse=True))
        self.worded = re.compile(
            r"(?<![\w-])(?:" + number_word + r")(?=[\s-]*(?:fold|times)\b)"
            r"|(?<![\w-])(?:twice|thrice)(?=\s+as\s)", re.IGNORECASE)
        count = r"(?:\d+|" + number_word + ")"
        self.wins = re.compile(
            r"(?<![\w.-])(?P<n>" + count + r")\s+(?:out\s+of|of|/)\s+(?:the\s+|all\s+)?" + count
            + r"\s+(?:[\w-]+\s+){0,3}?(?:" + cues["win_units"].pattern + ")", re.IGNORECASE)

    # -- the component -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        entities = [
            Entity(s.start_char, s.end_char, s.label_, s.id_ or s.text)
            for s in doc.spans[ENTITIES_KEY] if not s._.generic
        ] if ENTITIES_KEY in doc.spans else []
        systems = {e.name for e in entities if e.label in ("Model", "Method")}
        proposed = list(doc._.proposed or ())[:1]
        proposed = [name for name in proposed if name in systems]  # the paper's main system, if named
        results: list[dict] = []
        for sent in doc.sents:
            base = sent.start_char
            local = [
                Entity(e.start - base, e.end - base, e.label, e.name)
                for e in entities if e.start >= base and e.end <= sent.end_char
            ]
            for found in self.sentence_results(sent.text, local, proposed):
                found["start"] += base
                found["end"] += base
                results.append(found)
        doc._.results = results
        return doc

    def sentence_results(self, text: str, entities: list[Entity], proposed: list[str]) -> list[dict]:
        """All results of one sentence, with sentence-local evidence offsets."""
        numbers = self.numbers(text)
        results: list[dict] = []
        previous: Group | None = None
        for group in self.win_counts(text, numbers) + self.groups(text, numbers):
            named = group.unit is None and any(e.start < n.end and n.start < e.end
                                               for n in group.members for e in entities)
            if named:
                continue  # "SQuAD 2.0": part of a name (a number with a unit is a measurement)
            if group.link != "wins" and not self.judge(text, group, entities, previous):
                continue
            results.extend(self.tie(text, group, entities, proposed, numbers))
            previous = group
        return results

    # -- finding numbers -----------------------------------------------------------------------

    def numbers(self, text: str) -> list[Number]:
        found = [n for m in _NUMBER.finditer(text) if (n := self.read_number(text, m))
                 and not _LABELLED.search(text[max(0, n.start - 24): n.start])]
        for m in self.worded.finditer(text):  # "two-fold", "three times", "twice as fast": always a ratio
            unit_match = _UNIT.match(text, m.end())
            found.append(Number(m.start(), m.end(), self.cues.number_words[m.group().lower()],
                                "x", unit_match.end() if unit_match else m.end()))
        return sorted(found, key=lambda n: n.start)

    @staticmethod
    def read_number(text: str, match: re.Match) -> Number | None:
        """The number at `match` with its unit, or None when it is part of a name, size or code."""
        start, end = match.span()
        before = text[start - 1] if start else " "
        if before.isalpha() and re.search(r"[\d%]\s?sim$", text[:start]):
            before = " "  # 80%sim95%: the seed dumps lost the backslash of \sim
        slashed = before == "/" and start >= 2 and text[start - 2].isdigit()
        if before.isalnum() or before in "._@^#$£€'\\" or (before == "/" and not slashed):
            return None
        if before in "-–" and start >= 2:
            prior = text[start - 2]
            unit_before = prior in "x×X" and start >= 3 and text[start - 3].isdigit()
            if prior.isalpha() and not unit_before:
                return None  # GPT-4, ROUGE-1, CIFAR-100, top-1
        spread = _SPREAD.match(text, end)  # "85.3 ± 0.2%": the spread belongs to the number
        unit_match = _UNIT.match(text, spread.end() if spread else end)
        unit, unit_end = None, spread.end() if spread else end
        if unit_match:
            unit, unit_end = _UNIT_OF[unit_match.lastgroup], unit_match.end()
        elif end < len(text) and (text[end].isalpha() or text[end] in "$"):
            return None  # 7B, 128K, 3D, 2nd
        if unit == "x" and re.match(r"\s*\d", text[unit_end:]):
            return None  # 224x224, 3 x 3
        if end < len(text) and text[end] in ".," and text[end + 1: end + 2].isdigit():
            return None  # version strings 1.2.3, odd separators
        value = float(match.group("num").replace(",", ""))
        return Number(start, end, value, unit, unit_end, signed=bool(match.group("sign")), slashed=slashed)

    def win_counts(self, text: str, numbers: list[Number]) -> list[Group]:
        """'surpasses GPT-3 on 20 of 25 tasks' -> value 20, unit null, kind other (GUIDE.md)."""
        groups = []
        for m in self.wins.finditer(text):
            left = text[self.clause_start(text, m.start()): m.start()]
            if not self.cues["wins"].search(left):
                continue
            word = m.group("n")
            value = float(word) if word.isdigit() else self.cues.number_words.get(word.lower())
            if value is None:
                continue
            numbers[:] = [n for n in numbers if not (m.start() <= n.start < m.end())]
            number = Number(m.start("n"), m.end("n"), value, None, m.end())
            groups.append(Group([number], link="wins", kind="other", hits=[(m.start(), m.end())]))
        return groups

    def groups(self, text: str, numbers: list[Number]) -> list[Group]:
        """Chain numbers joined by list, range or change connectors into groups."""
        groups: list[Group] = []
        for number in numbers:
            if groups:
                last = groups[-1]
                link = self.link(text, last, number)
                if link:
                    last.members.append(number)
                    if last.link in ("single", "list") or link == "change":
                        last.link = link
                    continue
            groups.append(Group([number]))
        for group in groups:
            following = None
            for member in reversed(group.members):
                following = member.unit or following
                member.unit = following
            group.unit = group.members[-1].unit
        return groups

    def link(self, text: str, group: Group, number: Number) -> str | None:
        previous = group.members[-1]
        gap = text[previous.unit_end: number.start]
        if len(gap) > _MAX_GAP or (previous.unit and number.unit and previous.unit != number.unit):
            return None
        word = " ".join(gap.split()).lower()
        if number.slashed and not (word == "/" and number.unit):
            return None
        if gap and not gap.strip() and len(gap) <= 3:
            return "range"  # "5.5~9%": the cleaner reads a bare ~ as a TeX space
        if word in _ARROW:
            return "change"
        if word == "to" and (_FROM.search(text[: group.start]) or text[: group.start].rstrip().endswith("(")):
            return "change"  # "from 35.5% to 44.5%", "boost (31.12% to 46.61%)"
        if word in _RANGE:
            return "range"
        if word in _LIST:
            return "list"
        return None

    # -- deciding: is it a result, which unit and kind -----------------------------------------

    def judge(self, text: str, group: Group, entities: list[Entity], previous: Group | None) -> bool:
        """Set unit and kind of `group`; False when it is not a reported outcome."""
        clause_start = self.clause_start(text, group.start)
        left = text[clause_start: group.start]
        right = text[group.end: self.clause_end(text, group.end)]
        first = group.members[0]
        if first.slashed:
            return False  # "15.8/25": a score out of a total
        cue_start = clause_start
        if not left.strip() and clause_start and text[clause_start - 1] == "(":
            cue_start = self.clause_start(text, clause_start - 1)  # "improvements (3.5% in P@1)"
        if group.link == "change":
            group.kind = "absolute"
            from_match = _FROM.search(left)
            if from_match:
                group.hits.append((clause_start + from_match.start(), group.start))
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
                                  or self.design_before.search(text[: group.start])) \
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
        if group.kind == "absolute" and cue_start != clause_start:
            group.kind = self.comparative_before(text[cue_start: clause_start - 1]) or "absolute"
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

    def kind(self, text: str, group: Group, clause_start: int, left: str, right: str) -> str:
        """improvement | reduction | other | absolute, from the words around the group."""
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
            group.hits.append((clause_start + at, group.start))
            return kind
        by = self.ends_by.search(left)
        if by:
            window_start = max(0, by.start() - 80)
            cues = [(m.start(), kind) for kind in ("improvement", "reduction")
                    for m in self.cues[kind].finditer(left, window_start, by.start())]
            at, kind = max(cues) if cues else (by.start(), "improvement")
            group.hits.append((clause_start + at, group.start))
            return kind
        if group.unit == "%":
            data = self.data_right.search(right)
            if data:
                group.hits.append((group.end, group.end + data.end()))
                return "other"
        return "absolute"

    # -- tying to entities and writing the records ----------------------------------------------

    def tie(self, text: str, group: Group, entities: list[Entity], proposed: list[str],
            numbers: list[Number]) -> list[dict]:
        """One record per member, with metric / dataset / subject when the sentence ties them."""
        size = len(group.members)
        paired = size > 1 and bool(re.search(r"\brespectively\b", text[group.end:], re.IGNORECASE))
        start, end = self.evidence(text, group)
        if paired:
            tail = re.search(r"\brespectively\b", text[group.end:], re.IGNORECASE)
            end = max(end, group.end + tail.end())
        clause = (self.clause_start(text, group.start), self.clause_end(text, group.end))
        others = [n for n in numbers if n not in group.members]
        metrics = self.pick(group, [e for e in entities if e.label == "Metric" and e.start >= clause[0]
                                    and e.end <= clause[1] and not _apart(e, group, others)],
                            paired, _TIE_REACH["Metric"])
        datasets = [e for e in entities if e.label == "Dataset"]
        named = self.named_after(text, group, datasets)  # "85.3% on GSM8K", "+9.8%, +5.7% on A and B"
        scope = [e for e in datasets if _SCOPE.match(text[: e.start]) and _SCOPE_END.match(text[e.end:])]
        if named and not paired:
            names = [e.name for e in named]
            datasets = names * size if len(names) == 1 else names if len(names) == size else [None] * size
        elif not paired and _ON_UNKNOWN.match(text[group.end:]):
            datasets = [None] * size  # "76.28% on AQuA" with AQuA unrecognised: not the dataset before it
        elif scope and not paired:
            datasets = [scope[0].name] * size  # "On GSM8K, ... 85.3% ..., ... by 4.1%"
        else:
            datasets = self.pick(group, [e for e in datasets if paired or not _apart(e, group, others)],
                                 paired, _TIE_REACH["Dataset"])
        subjects = self.subjects(text, group, entities, paired, proposed)
        return [
            {"value": member.value, "unit": member.unit, "kind": group.kind,
             "metric": metrics[i], "dataset": datasets[i], "subject": subjects[i],
             "start": start, "end": end}
            for i, member in enumerate(group.members)
        ]

    @staticmethod
    def named_after(text: str, group: Group, datasets: list[Entity]) -> list[Entity]:
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
    def pick(group: Group, candidates: list[Entity], paired: bool, reach: int) -> list[str | None]:
        """Pair a 'respectively' list in order; otherwise the nearest unambiguous candidate."""
        size = len(group.members)
        names = list(dict.fromkeys(e.name for e in candidates))
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

    def subjects(self, text: str, group: Group, entities: list[Entity], paired: bool,
                 proposed: list[str]) -> list[str | None]:
        """The model or method that achieved the number: left of it, not after 'than' / 'outperforms'."""
        size = len(group.members)
        candidates: list[Entity] = []
        previous_baseline: Entity | None = None
        models = (e for e in entities if e.label in ("Model", "Method")
                  and not self.cues["metric"].fullmatch(text[e.start:e.end]))  # "FID", "RMSE" tagged Method
        for entity in sorted(models, key=lambda e: e.start):
            before = text[max(self.clause_start(text, entity.start), entity.start - 50): entity.start]
            joined = previous_baseline and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*",
                                                        text[previous_baseline.end: entity.start])
            if self.cues["baseline_markers"].search(" ".join(before.split()[-5:])) or joined:
                previous_baseline = entity
                continue
            previous_baseline = None
            candidates.append(entity)
        names = list(dict.fromkeys(e.name for e in candidates))
        if paired and len(names) == size:
            return names
        left = [e for e in candidates if e.end <= group.start]
        if left:
            return [left[-1].name] * size
        own = self.cues["own_system"].search(text[: group.start])
        if own and proposed:
            return [proposed[0]] * size  # "our method achieves ..." -> the paper's first proposed system
        return [None] * size

    def evidence(self, text: str, group: Group) -> tuple[int, int]:
        """The shortest span holding the numbers and the context words that made them results."""
        start, end = group.start, group.end
        for lo, hi in group.hits:
            start, end = min(start, lo), max(end, hi)
        if not group.hits:
            clause_lo, clause_hi = self.clause_start(text, start), self.clause_end(text, end)
            before = list(re.finditer(r"\S+", text[clause_lo:start]))[-3:]
            after = list(re.finditer(r"\S+", text[end:clause_hi]))[:3]
            start = clause_lo + before[0].start() if before else start
            end = end + after[-1].end() if after else end
        while end > start and text[end - 1] in " ,;.":
            end -= 1
        return start, end

    @staticmethod
    def clause_start(text: str, at: int) -> int:
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)]
        return breaks[-1] if breaks else 0

    @staticmethod
    def clause_end(text: str, at: int) -> int:
        found = _CLAUSE_BREAK.search(text, at)
        return found.start() if found else len(text)


def _apart(entity: Entity, group: Group, others: list[Number]) -> bool:
    """True when another number stands between `entity` and `group` (it belongs to that one)."""
    lo, hi = (entity.end, group.start) if entity.end <= group.start else (group.end, entity.start)
    return any(lo <= n.start and n.end <= hi for n in others)


@Language.factory("paperkg_numbers")
def make_numbers(nlp: Language, name: str) -> NumberExtractor:
    return NumberExtractor(Cues.load())
