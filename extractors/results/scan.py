"""Finding the numbers of a sentence: value, unit (%, x, points), and the groups they form.

A number glued to a name, size or code ("GPT-4", "7B", "1.2.3", "Table 3", "k=5") is no number
here; numbers joined by a list, range or change connector ("60% and 75%", "5-10%", "from 35.5% to
44.5%") form one group, and "20 of 25 tasks" is a group of its own (a win count).
"""

from __future__ import annotations

import re

from extractors.results.cues import SPREAD_VERBS, TO_HEDGE, AnyCase, Cues
from extractors.results.types import Group, Number

_NUMBER = re.compile(r"(?P<sign>\+)?(?P<num>(?P<comma>\d{1,3},\d{1,2}(?=\s?\\?%))"  # "72,64%": a decimal comma
                     r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?|\.\d+)")
_UNIT = re.compile(
    r"(?P<points>(?:\s[A-Za-z][\w@-]{0,11}(?=\s(?:points?|pts)\b))?"  # "7 F1 points"
    r"\s?(?:\\?%)?[\s-]?(?:absolute\s)?(?:percentage[\s-]|percent\s)?(?:points?(?!\s+clouds?\b)|pts?|pp)\b|\\?%p\b|\sp\.\s?p\.)"
    r"|(?P<pct>\s?\\?%|\s?per\s?cent\b)"  # \% left inside a kept \textbf{...}; "87.5 per cent"
    r"|(?P<fold>[\s-]?fold\b)"
    r"|(?P<times>\s?[x×](?![\w])|[\s-]?times\b)",
    re.IGNORECASE,
)
_UNIT_OF = {"points": "points", "pct": "%", "fold": "x", "times": "x"}
# A colon or square bracket inside a range ("mAP@[0.5:0.95]") breaks no clause.
_CLAUSE_BREAK = re.compile(r"[;()]|:(?!\d)|\[(?!\d+(?:\.\d+)?:)|(?<!\d)\]|,\s|\s[—–]\s|\s-\s")
_LABELS = (  # not after a hyphen: "image-level 98.9%" is no label
    r"(?:(?<![\w-])(?:Section|Sec\.|Sect\.|Table|Tab\.|Figure|Fig\.|Eq\.|Equation|Appendix|Chapter|Theorem|"
    r"Lemma|Algorithm|Version|version|v|Stage|stage|Phase|phase|Level|level|Part|No\.|Step|step|"
    r"Round|round|Task|Track|Day|Model|k|n|K|N|T|d|m|Top|top)\s*[-=]?\s*|#)$"
)
_PLUS_MINUS = r"(?:±|\+-|\+/-|∓)\s*$|\bout\s+of\s*$"  # "± 0.2"; "4.25 out of 5": the total is no result
_SPREAD = re.compile(r"\s*(?:±|\+-|\+/-)\s*\d+(?:\.\d+)?")
_SPREAD_AFTER = re.compile(r"\s*\(\s*(?:±|\+-|\+/-)\s*\d+(?:\.\d+)?\s*\\?%?\s*\)")
_LABELLED = re.compile(_LABELS + "|" + _PLUS_MINUS)  # "Section 3", "Task 1", "k=5", "± 0.2"
FROM_BEFORE = re.compile(r"\bfrom\s+(?:[^\s,;]+\s+){0,3}$", re.IGNORECASE)  # "from [the baseline's] X"
_SPREAD_FROM = re.compile(rf"\b(?:{SPREAD_VERBS})\s+from\s+$", re.IGNORECASE)  # a range, not a change
_RANGE = {"-", "--", "–", "—", "~", "∼", "sim", "to", "and up to"}
_LIST = {",", ", and", ", or", "and", "or", "&", "/", ",and"}
_VERSUS = {"vs", "vs.", "versus"}
_ARROW = {"->", "→", "⟶", "rightarrow", "=>"}
_MAX_GAP = 14  # characters between two numbers of one list / range
_PHYSICAL = re.compile(  # physical units; no "m" or "M" (metres or millions?), no "B"/"K" (sizes)
    r"\s?(?:(?:tokens?|samples?|images?|frames?|queries|requests|pages)\s?/\s?s"  # "1148 tokens/s"
    r"|ms|s|secs?|seconds?|mins?|minutes?|hrs?|hours?|Hz|kHz|MHz|GHz|dB|mm|cm|km|kbps|Mbps|Gbps|fps|FPS|GB|MB"
    r"|°|\{?\\deg\}?)(?![\w-])")
_RANK = re.compile(
    r"\b(?:rank(?:ed|s|ing)?|plac(?:ed|ing)|finish(?:ed|ing)?)\s+(?:[a-z]+\s+){0,2}?(?P<n>\d{1,3})(?:st|nd|rd|th)\b"
    r"|(?<![\w.])(?P<m>\d{1,3})(?:st|nd|rd|th)\s+(?:place|position|rank)\b", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w-]*[A-Za-z]\s$")
_CONFIDENCE_AFTER = re.compile(r"\s*(?:CI|C\.I\.|confidence|credible)\b", re.IGNORECASE)
_LABELLED_TO = re.compile(r"\s*\([^()]{1,40}\)\s*to\s*")  # "from 5.92 (LanguageBind) to 7.51"
# "to", "to just", or a metric named in between ("71.0% F1 to 75.9%")
_TO = re.compile(rf"(?:[a-z][\w@-]{{0,11}}\s)?to(?:\s{TO_HEDGE})?")
_REPEATED = re.compile(r"([a-z][\w@-]{0,9})\s?(?:,|,\s?and|and|or)")  # the unit word of a list, repeated
_DIGIT = re.compile(r"\d")  # what a number and a rank start from (Unicode digits too, as in _NUMBER)
_RATIO_WORDS = ("fold", "times", "twice", "thrice")  # one of them follows every worded ratio


_CLAUSE_REACH = 400  # a clause longer than this is cut there: every rule reads a bounded window


def clause_start(text: str, at: int) -> int:
    """Where the clause holding offset `at` starts (after a ; : bracket, ", " or dash)."""
    lo = max(0, at - _CLAUSE_REACH)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, at)]
    return breaks[-1] if breaks else lo


def clause_end(text: str, at: int) -> int:
    """Where the clause holding offset `at` ends."""
    hi = min(len(text), at + _CLAUSE_REACH)
    found = _CLAUSE_BREAK.search(text, at, hi)
    return found.start() if found else hi


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False when none of `words` is in `text` under IGNORECASE: a pattern that needs one of them
    cannot match, and is not run. `in` on the lower-cased text is what IGNORECASE does on ASCII;
    beyond it ("ſ" matches "s") the answer is True."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(word in lowered for word in words)


_THRESHOLD_RANGE = re.compile(r"@\[?(?:\d+(?:\.\d+)?[:\-])?$")


def read_number(text: str, match: re.Match) -> Number | None:
    """The number at `match` (of the number pattern) with its unit, or None when it is part of a
    name, size or code."""
    start, end = match.span()
    before = text[start - 1] if start else " "
    if before.isalpha() and re.search(r"[\d%]\s?sim$", text[max(0, start - 8): start]):
        before = " "  # 80%sim95%: the seed dumps lost the backslash of \sim
    slashed = before == "/" and start >= 2 and (text[start - 2].isdigit() or text[start - 2] == "%")
    if before.isalnum() or before in "._@^#$£€'\\" or (before == "/" and not slashed):
        return None
    if before in "[:-" and _THRESHOLD_RANGE.search(text, max(0, start - 12), start):
        return None  # "mAP@[0.5:0.95]", "mAP@0.5:0.95", "mAP@50-95": the metric's IoU range
    if before in "-–" and start >= 2:
        prior = text[start - 2]
        unit_before = prior in "x×X" and start >= 3 and text[start - 3].isdigit()
        if prior.isalpha() and not unit_before:
            return None  # GPT-4, ROUGE-1, CIFAR-100, top-1
    spread = _SPREAD.match(text, end)  # "85.3 ± 0.2%": the spread belongs to the number
    unit_match = _UNIT.match(text, spread.end() if spread else end)
    unit, unit_end = None, spread.end() if spread else end
    if unit_match:
        assert unit_match.lastgroup is not None, "each alternative of _UNIT is one named group"
        unit, unit_end = _UNIT_OF[unit_match.lastgroup], unit_match.end()
        late = _SPREAD_AFTER.match(text, unit_end)  # "62.53% (± 1.59)"
        unit_end = late.end() if late else unit_end
    elif physical := _PHYSICAL.match(text, unit_end):  # "31s", "3.2 mm", "0.6 kbps", "3.40 +- 2.75 mm"
        return Number(start, end, _value(match), None, physical.end(),
                      signed=bool(match.group("sign")), physical=True)
    elif end < len(text) and (text[end].isalpha() or text[end] in "$"
                              or text[end] == "-" and text[end + 1: end + 2].isalpha()):
        return None  # 7B, 128K, 3D, 2nd; "5-shot", "(1-NFE)", "8-bit": a number in a modifier
    if unit == "x" and re.match(r"\s*\d", text[unit_end:]):
        return None  # 224x224, 3 x 3
    if end < len(text) and text[end] in ".," and text[end + 1: end + 2].isdigit():
        return None  # version strings 1.2.3, odd separators
    return Number(start, end, _value(match), unit, unit_end, signed=bool(match.group("sign")), slashed=slashed)


def _value(match: re.Match) -> float:
    """'1,000' is a thousand; '72,64%' is 72.64."""
    return float(match.group("num").replace(",", "." if match.group("comma") else ""))


class NumberScanner:
    """The numbers of a sentence and their groups; number words and win units come from the cues."""

    def __init__(self, cues: Cues):
        self.cues = cues
        number_word = "|".join(sorted(map(re.escape, cues.number_words), key=len, reverse=True))
        self.worded = re.compile(
            r"(?<![\w-])(?:" + number_word + r")(?=[\s-]*(?:fold|times)\b)"
            r"|(?<![\w-])(?:twice|thrice)(?=\s+as\s)", re.IGNORECASE)
        self.count_words = (*cues.number_words, "twice", "thrice")  # where `worded` and `wins` start
        count = r"(?:\d+|" + number_word + ")"
        self.wins = AnyCase(
            r"(?<![\w.-])(?P<n>" + count + r")\s+(?:out\s+of|of|/)\s+(?:the\s+|all\s+)?" + count
            + r"\s+(?:[\w-]+\s+){0,3}?(?:" + cues["win_units"].pattern + ")")

    def scan(self, text: str) -> tuple[list[Group], list[Number]]:
        """The groups of `text` (win counts first, then the others in text order) and the numbers
        left outside win counts. Each scan runs only where a digit or word it needs is present:
        55% of the sentences have neither, and the four scans cost 0.45 ms a paper run on all."""
        if not _DIGIT.search(text) and not may_hold(text, self.count_words):
            return [], []
        numbers = self.numbers(text)
        groups = self.win_counts(text, numbers) + self.ranks(text)  # win counts take their numbers
        return groups + self.groups(text, numbers), numbers

    def numbers(self, text: str) -> list[Number]:
        found = []
        if _DIGIT.search(text):
            found = [n for m in _NUMBER.finditer(text) if (n := read_number(text, m))
                     and not _LABELLED.search(text[max(0, n.start - 24): n.start])]
        worded = self.worded.finditer(text) if may_hold(text, _RATIO_WORDS) else ()
        for m in worded:  # "two-fold", "three times", "twice as fast": always a ratio
            value = self.cues.number_words.get(m.group().lower())
            if value is None:
                continue  # matched by Unicode case folding only: "ſix" (a long s) is no number word
            unit_match = _UNIT.match(text, m.end())
            found.append(Number(m.start(), m.end(), value, "x", unit_match.end() if unit_match else m.end()))
        return sorted(found, key=lambda n: n.start)

    def win_counts(self, text: str, numbers: list[Number]) -> list[Group]:
        """'surpasses GPT-3 on 20 of 25 tasks' -> value 20, unit null, kind other (GUIDE.md)."""
        groups = []
        for m in self.wins.finditer(text):
            left = text[clause_start(text, m.start()): m.start()]
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

    @staticmethod
    def ranks(text: str) -> list[Group]:
        """'ranked 8th out of 12 teams', 'achieved 1st place' -> value 8, 1; unit null, kind other."""
        groups = []
        for m in _RANK.finditer(text) if _DIGIT.search(text) else ():
            name = "n" if m.group("n") else "m"
            number = Number(m.start(name), m.end(name), float(m.group(name)), None, m.end(name) + 2)
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

    @staticmethod
    def link(text: str, group: Group, number: Number) -> str | None:
        """How `number` joins the group before it (list | versus | range | change), or None."""
        previous = group.members[-1]
        gap = text[previous.unit_end: number.start]
        if len(gap) > _MAX_GAP and not _LABELLED_TO.fullmatch(gap) \
                or (previous.unit and number.unit and previous.unit != number.unit):
            return None
        word = " ".join(gap.split()).lower()
        if number.slashed and not (word == "/" and (number.unit or not number.value.is_integer())):
            return None  # "15.8/25", "4.57/5.0": a score out of a total; "0.9885/0.9812", "48.7%/51.1%": two scores
        if gap and not gap.strip() and len(gap) <= 3:
            return "range"  # "5.5~9%": the cleaner reads a bare ~ as a TeX space
        if previous.unit is None and number.unit and previous.value.is_integer() and 1900 <= previous.value <= 2100:
            return None  # "PASCAL VOC 2012 and 80.3%": a year never takes the unit of the number after it
        if previous.unit is None and number.unit \
                and _NAME_BEFORE.search(text, max(0, previous.start - 30), previous.start):
            return None  # "by 2.6% on AIME 24, 0.6% on AIME 25": "24" is part of a name
        if _CONFIDENCE_AFTER.match(text, number.unit_end):
            return None  # "AUROC: 0.977, 95% CI": the confidence level is no member of the list
        if word in _ARROW:
            return "change"
        before = text[max(0, group.start - 80): group.start]
        to = _TO.fullmatch(word)
        if to and _SPREAD_FROM.search(before):
            return "range"  # "ranged from 0.61 to 0.78": one system's spread, not a change
        if to and (FROM_BEFORE.search(before) or before.rstrip().endswith("(")) \
                or _LABELLED_TO.fullmatch(gap) and FROM_BEFORE.search(before):
            return "change"  # "from 35.5% to 44.5%", "boost (31.12% to 46.61%)", "from 71.0% F1 to 75.9%"
        repeated = _REPEATED.fullmatch(word)
        if repeated and text[number.unit_end: number.unit_end + len(repeated.group(1)) + 1].lower() \
                == " " + repeated.group(1):
            return "list"  # "by 5.6 AP, 7.1 AP, 13.6 AP"
        if word in _RANGE:
            return "range"
        if word in _LIST:
            return "list"
        if word in _VERSUS:
            return "versus"
        return None
