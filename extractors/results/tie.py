"""Tying a reported number to the metric, dataset and subject its sentence gives it.

`Tying(cues).read(text, entities, paper)` reads one sentence once: which mention is a system (a Model
or Method), a baseline ("outperforms Y", "than Y", "building on Y"), an instrument ("trained with
Y", "using Y"); which names are datasets ("the X dataset", "+37.06 on Causal Judgement", even when
the NER typed them otherwise or missed them); where metric names stand (Metric mentions and metric
phrases such as "attack success rates"). The `SentenceTies` it returns gives, for each judged group
of numbers, one `Tie` per number, by the structure around it:

metric   next to the number ("85.3% accuracy", "F1 of 0.62", "46% faster inference speed"), in the
         slot of a change ("reduces attack success rates by 22%", "a 7.5% reduction in calibration
         error"), paired in order with a list ("16.1%, 18.3% in precision, recall"), or inherited from
         the number it continues ("by 22.5% (validation) and 18.0% (test)");
dataset  after the number ("85.3% on GSM8K"), paired in order ("respectively"), after the next
         number it is coordinated with ("by 8.7% and ... by 2.8% on D"), the one dataset the sentence
         names, or, in a sentence naming none, the only dataset the paper uses;
subject  the name the number is attached to ("CNN (58.3%)", "84% for ChatGPT"), paired in order,
         the sentence's subject ("R3 improves RAG performance by 5.2%" -> R3), or the paper's
         proposal for "our method" and for sentences that name no system; the first number of
         "from A to B" is the baseline's, never the subject's.
Pure string work over the sentence, its entities and the paper's proposals, no spaCy; every rule
reads a bounded window, so a sentence costs time linear in its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractors.results.cues import AT_K, BEATEN_RIVAL, BEATING, CHANGE_EXTENT, CHANGED_TO, AnyCase, Cues, plurals
from extractors.results.scan import clause_end, clause_start
from extractors.results.types import NO_PAPER_CONTEXT, Entity, Group, Number, PaperContext

_ADJECTIVES = r"(?-i:(?:(?!(?:of|and|or|the)\b)[a-z][\w-]*\s+){0,2})"  # "on the neuromorphic EvDET200K dataset"
_ON_DATASET = re.compile(r"^[^\d;,()]{0,50}?\b(?:on|in|for|across)\s+(?:the\s+)?" + _ADJECTIVES + "$", re.IGNORECASE)
_ON_FORWARD = re.compile(  # used with match(text, pos): no ^
    r"[^\d;,()]{0,50}?\b(?P<prep>on|in|for|across)\s+(?:the\s+)?(?P<adjectives>" + _ADJECTIVES + ")", re.IGNORECASE)
_WORD = re.compile(r"\S+")
# "% accuracy and 92.47% F1-score" before " on": a score's metric, "and", the next score and its metric
_COORDINATED_SCORE = re.compile(r"\s*%?\s*[A-Za-z][\w@-]*(?:\s[A-Za-z][\w@-]*)?\s+(?:and|with)\s+"
                                r"[+-]?\d+(?:\.\d+)?\s*%?\s*[A-Za-z][\w@-]*(?:\s[A-Za-z][\w@-]*)?(?=\s+(?:on|in)\b)")
_NOT_A_DURATION = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|many)|\bof the)\s+$",
                             re.IGNORECASE)
_PARTICIPLE_END = re.compile(r"\b[a-z]+(?:ed|en)\s+(?:with|using|via|through|by)$")
_SYSTEM_HEAD = re.compile(r"\s+(?:backbones?|architectures?|encoders?|decoders?|models?|networks?)\b", re.IGNORECASE)
# "... performance for open-source models and outperforming a 14B baseline": the object of a preposition
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|of|to|than|among)\s+(?:[\w-]+\s+){0,2}$",
                                 re.IGNORECASE)
_COMMA_BEFORE = re.compile(r",\s*$")
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:to|with)|than|versus|vs\.?|against)\s+$", re.IGNORECASE)
_SCORE_AFTER_COLON = re.compile(r"\s*:\s*[+-]?\d")
# "On the Synapse dataset, ...": a sentence that opens with its place
_OPENS_WITH_PLACE = re.compile(r"\s*(?:On|For|Across|In)\s+(?:the\s+)?")
_CLOSES_OPENING_PLACE = re.compile(r"(?:\s+(?:benchmark|dataset|test\s+set|validation\s+set|split))?\s*,",
                                   re.IGNORECASE)
# A change whose place is named right before it: "accuracy on GSM8K from 57.5% to 66.2% and on MATH
# from ...", "the FID on CelebA-HQ 256 from 5.11 to 4.02" (at its resolution), "Perplexity on
# WikiText-103 drops from 18.3 to 16.9" (not the place named after the change)
_PLACE_THEN_FROM = re.compile(r"\s*(?:\d{2,4}(?:\s*[x×]\s*\d{2,4})?\s+)?(?:(?:dataset|benchmark|test\s+set|split)\s+)?"
                              r"(?:(?:drop(?:s|ped)?|f(?:alls?|ell)|decrease[sd]?|increase[sd]?|improve[sd]?|r(?:ises?|ose)"
                              r"|declin(?:es?|ed)|goes|went|gr(?:ows?|ew))\s+)?from\s+", re.IGNORECASE)
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|for|across)\s+(?:the\s+)?$", re.IGNORECASE)
_OPEN_BRACKET_OR_COLON = re.compile(r"\s*[(:]\s*")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_LABEL_COLON = re.compile(r"\s*:\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")
_NUMBER_NEXT = re.compile(r"\s+(?:about\s+|around\s+|~\s*)?[+-]?\d")
_MODEL_SIZE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[BbMm]\b|-\d+(?:\.\d+)?[BbMm]\b")
_NAME_WORD = r"[\w'+-]*(?:\.[\w'+-]+)*"  # "WMT'14", "GPT-3.5"; not a sentence's full stop
_CAPITALISED = re.compile(r"[A-Z]" + _NAME_WORD + r"(?:\s[A-Z0-9]" + _NAME_WORD + "){0,3}")
# After "in", a capitalised word is as often a language, a measure or a setting ("in English", "in
# SummaC scores", "in R1@0.5") as a place; one with a version number is a place ("in BraTS2020").
_VERSIONED_NAME = re.compile(r"[^@\s]*\d[^@\s]*(?![^\s,.;:)])")
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)(?:the\s+)?$")
_COORDINATION_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)(?:the\s+)?")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_TIE_REACH = {"Metric": 60, "Dataset": 100}
_SLASHED_REACH = 25  # "0.5%/2.2% improvements on RMSE/MAE": names after slashed numbers
_SUBJECT_REACH = 300  # characters left of a number where its subject is looked for
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Za-z][\w-]*)\s+$")
_ITEM = r"(?!respectively\b)[\w@+-]+(?:\.[\w@+-]+)*(?:\s(?!respectively\b|and\b|compared\b)[A-Za-z][\w@+-]*)?"
_LIST_AFTER = re.compile(  # "in precision, recall, F1-score, and IoU", "in mPrec, mRec, mCov, mWCov"
    r"\s*(?:in|for)\s+(?:terms\s+of\s+)?(?P<items>" + _ITEM + r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)" + _ITEM
    + r"){1,7})(?=\s*(?:[.;:),]|$|\s(?:respectively|compared|relative|over|than|on|across|with|when|while)\b))"
    r"(?!\s+(?:[\w-]+\s+)?(?:tasks?|settings?|datasets?|benchmarks?|cases|domains?|scenarios?|splits?|languages?)\b)")
_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_SHARED = re.compile(  # "by 8.7% and reduces training time by": two results coordinated, no place between
    r"^(?:(?!\b(?:on|in|for|across|over|than|while|whereas)\b)[^;:()\d])*\band\b"
    r"(?:(?!\b(?:on|in|for|across)\b)[^;:()\d])*$", re.IGNORECASE)
_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+$")
# An acronym right after a score ("32.8% AMOTA", "71.4 SR", "125.1 CIDEr-D"; not a camel-case name,
# "48.5% AndroidWorld"), and the word after it.
_ACRONYM_AFTER_SCORE = re.compile(r"\s+(?P<name>[A-Z]{2}[A-Za-z0-9]*(?:[-@][A-Za-z0-9.]*[A-Za-z0-9])?)(?![\w@+-]|\.\w)"
                                  r"(?:\s+(?P<next>[\w-]+))?")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.-]*\s+$")  # "Qwen 2.5 VL": the number is a name's version
# Lower-case words that may follow a metric acronym after its score ("5.4% SPL gains on IR2R").
_AFTER_METRIC = frozenset({
    "on", "in", "and", "or", "for", "at", "with", "along", "over", "compared", "while", "across", "vs", "than", "to",
    "by", "under", "when", "respectively", "of", "score", "scores", "points", "margin", "upper", "overall", "among",
    "using", "gain", "gains", "improvement", "improvements", "increase", "reduction", "drop", "higher", "lower",
    "better", "worse"})
_NAME_CASE = re.compile(r"[a-z]{2}[A-Z]{2}")  # two capitals after two small letters: a name's case, not a metric's
_GENERIC_HEAD = re.compile(r"(?:score|value|rate|rating)s?", re.IGNORECASE)  # "harmful score": kept with its modifier
_CONTINUES = re.compile(  # how a number continues the one before it in the sentence
    r"^[\s)]*(?:[A-Za-z][\w-]*\s*)?(?:\([^()]{0,40}\)\s*)?(?:,\s*)?(?:and\s+|or\s+)?"  # "86-92% analysis, 84-94%"
    r"(?:(?:on|in|for|with|across)\s+[^,;()]{1,60}?(?:,\s*(?:and\s+)?|\s+and\s+|\s+(?=from\s)))?(?:from\s+)?$"
    # "0.78 (0.74-0.79)", "72.8% (+15.0%)", "AUROC 0.901 (vs 0.847", "0.77 for summarization (vs. 0.74"
    r"|^\s*(?:(?:on|in|for|with|across)\s+[^,;()]{1,60}?\s*)?\(\s*(?:vs\.?|versus)?\s*$"
    # "CNN (58.3%) and MLP (49.6%)", "MIL (0.491), Trans-MIL (0.39)"
    r"|^[\s)]*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)[^,;()]{1,40}\(\s*$"
    rf"|^(?:[^;()]{{0,40}}\))?[^;()]{{0,80}}?,\s*(?:\w+ly\s+)?(?:{BEATING}|rival+ing|matching|compared\s+(?:to|with)|"
    r"an?\s+(?:improvement|gain|increase)\s+of)\b[^;]{0,80}$"  # "87.0% accuracy, outperforming CNN (58.3%)"
    rf"|^{CHANGED_TO}$|^{CHANGE_EXTENT}$",
    re.IGNORECASE)
_ATTACHED_BEFORE = re.compile(  # "CNN (58.3%)", "ChatGPT-o3: 83.58", "a RoBERTa-CRF baseline (F1=0.67)",
    # "the RT-DETR-L model's 0.810 and 0.606"
    r"\s*(?:(?:baseline|model|method|approach|system)\s*)?(?:\(\s*(?:(?:[\w@-]+\s+){0,2}[\w@-]+\s*[=:]\s*)?|:\s*"
    r"|['’]s\s+)")
_BEATEN_BEFORE = re.compile(BEATEN_RIVAL + r"\(\s*$", re.IGNORECASE)  # "outperforming Memento ("
_RELATIVE_CLAUSE = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:which|who)\b")  # "ADaPT (Prasad et al.), which"
_FROM_END = re.compile(r"\bfrom\s+$")  # the text before a change's old value: "... on GSM8K from "
_FOR_AFTER = re.compile(r"^\s*(?:for|by)\s+(?:the\s+)?$", re.IGNORECASE)
_SHOT = r"(?:(?:zero|one|few|\d+)[\s-]shot\s+)?"


@dataclass(frozen=True, slots=True)
class Tie:
    """The canonical names a number is tied to (None: the sentence does not say)."""

    metric: str | None
    dataset: str | None
    subject: str | None


@dataclass(slots=True)
class _Name:
    """A name of the sentence with its part in it (system, baseline, instrument, dataset or other)
    and the entity type it came with (None: read off the text)."""

    start: int
    end: int
    name: str
    role: str
    label: str | None = None


def respectively_end(text: str, group: Group) -> int | None:
    """The end of "respectively" after a list of numbers ("60% and 75%, respectively"), whose
    numbers then pair in order with the entities listed; None for a single number or no such word."""
    if len(group.members) < 2:
        return None
    found = _RESPECTIVELY.search(text, group.end, min(len(text), group.end + 120))
    return found.end() if found else None


def _initials_of(name: str, surface: str) -> bool:
    """Whether `name` is the acronym of `surface`'s words: "AP" of "Average Precision"."""
    return len(name) > 1 and name.isupper() and name == "".join(w[0] for w in re.split(r"[\s-]+", surface) if w).upper()


def _singular(word: str) -> str:
    """'rates' -> 'rate', 'accuracies' -> 'accuracy', 'AUROCs' -> 'AUROC', 'F1-scores' -> 'F1-score'
    (a hyphenated word by its last part); 'loss', 'FLOPs' stay."""
    head, hyphen, last = word.rpartition("-")
    if hyphen and last:
        return head + hyphen + _singular(last)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) \
            and (word[-2].isupper() or word[:-1].islower()):
        return word[:-1]
    return word


def _singular_head(words: list[str]) -> list[str]:
    """A phrase's words with its head (the last word) in the singular."""
    return [*words[:-1], _singular(words[-1])]


class Tying:
    """The tying rules; metric names, dataset heads, markers and "our" phrases come from the cues."""

    def __init__(self, cues: Cues):
        self.cues = cues
        words = [*cues.lists["metric"], *cues.lists["measure_heads"]]
        heads = sorted({h.lower() if h.isascii() else h for h in [*words, *plurals(words)]}, key=len, reverse=True)
        self.metric_head = AnyCase(
            r"(?<![\w@.-])(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
            + r")(?:" + AT_K + r")?(?![\w-])")
        self.metric_like = re.compile(_SHOT + r"(?:" + self.metric_head.pattern + r")", re.IGNORECASE)
        self.known_metric = re.compile(r"(?:" + cues["metric"].pattern + r")(?:e?s)?(?:" + AT_K + ")?", re.IGNORECASE)
        self.metric_noun = re.compile(r"\s+metrics?\b", re.IGNORECASE)  # "LLM-as-Judge and RAGAS metrics"
        self.modifier_stop = {w.lower() for w in cues.lists["metric_stop"]}
        self.not_metric_after_score = frozenset(cues.lists["after_score_not_metric"])  # case-sensitive: "OR", "or"
        self.dataset_head = re.compile(r"\s+(?:" + cues["dataset_heads"].pattern + ")", re.IGNORECASE)
        self.headed_name = re.compile(
            r"(?<![\w'.-])(?P<name>[A-Z0-9][\w'.+/&-]*(?:\s[A-Z0-9][\w'.+/&-]*){0,3})(?="
            + self.dataset_head.pattern + ")")
        self.name_stop = {w.lower() for w in cues.lists["dataset_name_stop"]}
        hedges = cues["hedges"].pattern
        self.left_filler = re.compile(
            r"^\s*\)?\s*\(?\s*(?:(?:" + cues["improvement"].pattern + "|" + cues["reduction"].pattern + r")\s+)?"
            r"(?:(?:scores?|values?|rates?|results?)\s+)?(?:of|=|:|is|was|were|are|reached|reaches|reaching|"
            r"at|by|(?:improved|improves|improving|drops?|dropped|rises?|rose|increased|decreased|fell|falls)\s+to|"
            r"to|from|between|above|below|exceeding)?\s*\(?\s*(?:(?:" + hedges + r")\s*)*$", re.IGNORECASE)
        self.right_filler = re.compile(
            r"\s*(?:(?:average|avg\.?|overall|mean|absolute|relative|macro|micro|higher|lower|better|worse|"
            r"faster|slower|greater|smaller|more|less|fewer|improved|reduced|increased|decreased|"
            r"(?:(?:" + cues["improvement"].pattern + "|" + cues["reduction"].pattern
            + r")\s+)?(?:in|of|for))\s+){0,2}", re.IGNORECASE)
        self.change_verb = re.compile(
            "(?:" + cues["improvement"].pattern + "|" + cues["reduction"].pattern + r")\s+$", re.IGNORECASE)
        self.by_between = re.compile(r"\s+by\s+(?:(?:" + hedges + r")\s*)*", re.IGNORECASE)  # "X and Y by 2% and 3%"
        self.slot_end = re.compile(
            r"^[^;()]{0,80}?\b(?:by|from|to)\s+(?:(?:" + hedges + r")\s*)*$", re.IGNORECASE)
        self.result_verb = re.compile(  # verbs only a system does to a number
            r"\s*(?:\w+ly\s+)?(?:" + cues["achieve"].pattern + r"|outperform\w*|surpass\w*|beat\w*|exceed\w*)",
            re.IGNORECASE)
        self.acts = re.compile(r"\s*(?:\w+ly\s+)?(?:" + cues["subject_verbs"].pattern + ")", re.IGNORECASE)
        self.subject_verb = re.compile(
            r"\)?\s*(?:\([^()]{0,60}\)\s*)?(?:,[^,;]{0,90},\s*)?(?:[A-Za-z][\w-]*\s+)?(?:\w+ly\s+){0,2}(?:"
            + cues["subject_verbs"].pattern + ")", re.IGNORECASE)
        self.pronoun = re.compile(r"\b[Ii]t\b")  # "it improves ...": the paper's system, before a result verb
        self.generic_subject = re.compile(r"(?<![\w-])(?:" + cues["generic_subjects"].pattern + ")", re.IGNORECASE)
        self.owned = re.compile(r"\b(?:our|proposed|this|these|same)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)

    def read(self, text: str, entities: Sequence[Entity], paper: PaperContext = NO_PAPER_CONTEXT,
             numbers: Sequence[Number] = ()) -> SentenceTies:
        """The sentence `text` with its (non-generic) entity mentions and its numbers (a name
        beyond another number belongs to that one), read once for tying."""
        return SentenceTies(self, text, entities, paper, numbers)

    # --- names of the sentence -------------------------------------------------------------------

    def metric_names(self, text: str, entities: Sequence[Entity], numbers: Sequence[Number] = ()) -> list[_Name]:
        """Metric mentions and metric phrases, canonical, by start. A phrase is a metric word
        ("accuracy", "F1", "AUROC") with the modifiers the gazetteer knows ("balanced accuracy";
        "diagnostic accuracy" is Accuracy), or a measure head with up to two modifiers ("attack
        success rates", "counting error", "training time"); names before "metrics" are metrics too,
        and so are acronyms right after a score (`acronym_after_score`)."""
        others = [(e.start, e.end) for e in entities
                  if e.label != "Metric" and not self.metric_like.fullmatch(text[e.start: e.end])]
        other_starts = [start for start, _ in others]
        found: list[_Name] = []
        for match in self.metric_head.finditer(text):
            head = text[match.start(): match.end()]
            if len(head) <= 3 and head.islower() and not any(c.isdigit() for c in head):
                continue  # "map", "em", "ter": English words unless written as metric names
            if _NAME_CASE.search(head):
                continue  # "DisTANCE": a benchmark's name, no distance
            if head == "scores" and _NUMBER_NEXT.match(text, match.end()):
                continue  # "our model scores 71.2%": the verb
            if head.lower() in ("time", "times") \
                    and _NOT_A_DURATION.search(text, max(0, match.start() - 15), match.start()):
                continue  # "3.5 times faster", "70% of the time": a ratio and a frequency, not a time
            nearby = others[bisect_left(other_starts, match.start() - 200): bisect_left(other_starts, match.end())]
            if any(s < match.end() and match.start() < e for s, e in nearby):
                continue
            if found and found[-1].end + 1 == match.start() and head.lower().rstrip("s") in ("score", "value"):
                found[-1].end = match.end()  # "mAP50-95 scores": the metric before it
                continue
            start = self._modifiers_start(text, match.start(), nearby)
            if self.known_metric.fullmatch(head) and not _GENERIC_HEAD.fullmatch(head):
                starts = [s_ for s_ in self._word_starts(text, start, match.start())
                          if self.known_metric_name(text[s_: match.end()])]
                start = starts[0] if starts else match.start()
            found.append(_Name(start, match.end(), self.metric_name(text[start: match.end()]), "metric"))
        headed = self._metric_headed(text, entities)
        for entity in entities:
            surface = text[entity.start: entity.end]
            if entity.label != "Metric" and id(entity) not in headed:
                continue
            inside = [n for n in found if n.start < entity.end and entity.start < n.end]
            extra = surface.lower().split()
            for n in inside:
                for word in text[n.start: n.end].lower().split():
                    if word in extra:
                        extra.remove(word)
            averaged = inside and all(w in self.modifier_stop for w in extra) \
                and not _initials_of(entity.name, surface)  # "average accuracy"; not "Average Precision" (AP)
            if all(n.start >= entity.start and n.end <= entity.end for n in inside) and not averaged:
                found = [n for n in found if n not in inside]  # the mention names it whole ("Goal Completion Rate")
                found.append(_Name(entity.start, entity.end, entity.name, "metric"))
        for number in numbers:
            named = self.acronym_after_score(text, number, entities)
            if named is not None and not any(n.start < named.end and named.start < n.end for n in found):
                found.append(named)
        found.sort(key=lambda n: n.start)
        return found

    def acronym_after_score(self, text: str, number: Number, entities: Sequence[Entity]) -> _Name | None:
        """The metric an acronym right after a percentage or decimal score names ("39.0% mAP and 32.8%
        AMOTA", "87.1 DS along with 71.4 SR"): two capitals first, no unit, interval, device or
        model name ("95% CI", "8.13 MB", "97% GPU utilization", "Qwen 2.5 VL"), not a dataset's or
        model's mention, and followed by no word but a preposition or a change's noun ("ROUGE-N F1")."""
        if number.physical or (number.unit != "%" and "." not in text[number.start: number.end]) \
                or _CAPITALISED_BEFORE.search(text, max(0, number.start - 30), number.start):
            return None
        found = _ACRONYM_AFTER_SCORE.match(text, number.unit_end)
        if found is None or found.group("name") in self.not_metric_after_score \
                or found.group("next") not in (None, *_AFTER_METRIC):  # "ROUGE-N F1", "GPU utilization"
            return None
        start, end = found.span("name")
        if any(e.start < end and start < e.end and e.label in ("Dataset", "Model") for e in entities):
            return None
        return _Name(start, end, self.metric_name(text[start:end]), "metric")

    def _metric_headed(self, text: str, entities: Sequence[Entity]) -> set[int]:
        """The ids of mentions that a following "metrics" makes metrics, with those coordinated
        before them ("based on LLM-as-Judge and RAGAS metrics")."""
        headed: set[int] = set()
        chained = False
        for i in range(len(entities) - 1, -1, -1):
            entity = entities[i]
            if chained or self.metric_noun.match(text, entity.end):
                headed.add(id(entity))
                chained = i > 0 and bool(_COORDINATION.match(text[entities[i - 1].end: entity.start]))
            else:
                chained = False
        return headed

    @staticmethod
    def _word_starts(text: str, start: int, end: int) -> list[int]:
        """The offsets where the words of text[start:end] start."""
        return [start + m.start() for m in re.finditer(r"\S+", text[start:end])]

    def _modifiers_start(self, text: str, start: int, others: list[tuple[int, int]]) -> int:
        """Where the modifiers before a metric head start: up to two lower-case words or acronyms,
        none a stop word ("the", "average", verbs) or part of another entity."""
        titled = text[start: start + 1].isupper()
        for _ in range(2):
            word = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if not word or word.end() != start:
                break
            token = word.group(1)
            shaped = token[0].islower() or (token.isupper() and len(token) >= 2) or (
                titled and token[:1].isupper() and token[1:].islower()) or bool(self.known_metric.fullmatch(token))
            if not shaped or token.lower() in self.modifier_stop or self.is_cue_word(token) \
                    or any(s < word.end(1) and word.start(1) < e for s, e in others):
                break
            start = word.start(1)
        return start

    def is_cue_word(self, token: str) -> bool:
        return any(self.cues[name].fullmatch(token)
                   for name in ("improvement", "reduction", "hedges", "achieve", "subject_verbs"))

    def metric_name(self, surface: str) -> str:
        """The canonical name of a metric phrase: the gazetteer's, else the words as written with
        the head in the singular and lower-case words capitalised ("attack success rates" ->
        "Attack Success Rate")."""
        known = self.known_metric_name(surface)
        if known:
            return known
        return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in _singular_head(surface.split()))

    def known_metric_name(self, surface: str) -> str | None:
        """The gazetteer's canonical name of a metric phrase, as written or with its head in the
        singular; None when the gazetteer does not know it."""
        words = surface.split()
        return self.cues.metric_names.get(" ".join(words).lower()) \
            or self.cues.metric_names.get(" ".join(_singular_head(words)).lower())

    def headed_datasets(self, text: str, entities: Sequence[Entity]) -> list[_Name]:
        """Names right before a dataset head ("on the WMT'14 English-German test set") that no
        entity mention covers."""
        found = []
        for match in self.headed_name.finditer(text):
            start, end = match.span("name")
            words = match.group("name").split()
            while words and words[0].lower() in self.name_stop:
                start += len(words[0]) + 1
                words = words[1:]
            if not words or " ".join(words).lower() in self.name_stop or start == 0 and len(words) == 1 \
                    and not any(c.isdigit() or c.isupper() for c in words[0][1:]):
                continue
            if any(e.start < end and start < e.end for e in entities):
                continue  # a mention is there: its role says what it is
            if not any(c.isalpha() for c in words[0]):
                continue  # "21 benchmarks": a count
            found.append(_Name(start, end, " ".join(words), "dataset"))
        return found


class _Index:
    """Names sorted by start, found by position with bisection (a sentence's lookups stay linear)."""

    def __init__(self, names: list[_Name]):
        self.names = sorted(names, key=lambda n: n.start)
        self.starts = [n.start for n in self.names]

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def starting(self, lo: int, hi: int) -> list[_Name]:
        """The names starting in [lo, hi)."""
        return self.names[bisect_left(self.starts, lo): bisect_left(self.starts, hi)]

    def within(self, lo: int, hi: int) -> list[_Name]:
        """The names lying inside [lo, hi)."""
        return [n for n in self.starting(lo, hi) if n.end <= hi]

    def ending_before(self, at: int, reach: int) -> list[_Name]:
        """The names ending at or before `at` and at most `reach` characters before it, nearest last."""
        return [n for n in self.starting(max(0, at - reach - 200), at) if at - reach <= n.end <= at]

    def at(self, offset: int) -> _Name | None:
        """The name starting exactly at `offset`."""
        index = bisect_left(self.starts, offset)
        return self.names[index] if index < len(self.names) and self.starts[index] == offset else None

    def covering(self, offset: int) -> bool:
        """True when a name starts before `offset` and ends after it."""
        return any(n.start < offset < n.end for n in self.starting(max(0, offset - 200), offset))


class SentenceTies:
    """One sentence read for tying: its systems, datasets and metric names with their parts."""

    def __init__(self, tying: Tying, text: str, entities: Sequence[Entity], paper: PaperContext,
                 numbers: Sequence[Number] = ()):
        self.tying, self.text, self.paper = tying, text, paper
        self.cues = tying.cues
        ordered = sorted(entities, key=lambda e: (e.start, -e.end))
        self.metrics = _Index(tying.metric_names(text, ordered, numbers))
        self.metric_starts = {n.start: n for n in self.metrics}
        self.names = _Index(self._roles(ordered) + tying.headed_datasets(text, ordered))
        self.datasets = _Index([n for n in self.names if n.role == "dataset"])
        self.systems = _Index([n for n in self.names if n.role == "system"])
        self.baselines = _Index([n for n in self.names if n.role == "baseline"])
        self.numbers = sorted(numbers, key=lambda n: n.start)
        self.number_starts = [n.start for n in self.numbers]
        self.dataset_names = list(dict.fromkeys(d.name for d in self.datasets))
        self.opener = self.opening_dataset()
        claimers = {id(d): self.claimer(d) for d in self.datasets}
        self.claimed_by = claimers
        self.chains: dict[int, list[list[_Name]]] = {}

    # --- roles -------------------------------------------------------------------------------

    def _roles(self, entities: list[Entity]) -> list[_Name]:
        text, cues = self.text, self.cues
        names: list[_Name] = []
        previous_baseline: _Name | None = None
        previous_instrument: _Name | None = None
        for entity in entities:
            surface = text[entity.start: entity.end]
            if entity.label == "Metric" or self.tying.metric_like.fullmatch(surface) \
                    or any(n.start <= entity.start and entity.end <= n.end
                           for n in self.metrics.starting(max(0, entity.start - 200), entity.start + 1)):
                continue  # metric names are read apart ("FID", "Recall@20" tagged Method)
            if not any(c.isalpha() for c in surface) or "%" in surface:
                continue  # "86-92% analysis": a number's context, not a name
            before = " ".join(text[max(clause_start(text, entity.start), entity.start - 60): entity.start].split()[-4:])
            headed = bool(self.tying.dataset_head.match(text, entity.end))
            acting = bool(self.tying.result_verb.match(text, entity.end))  # "VectorLLM outperformed ..."
            # "Compared with MobileNetV2, ArNet achieves": a name acting after a comma opens the clause
            opens_clause = acting and _COMMA_BEFORE.search(text, max(0, entity.start - 3), entity.start) is not None
            as_baseline = not opens_clause and (self.names_a_baseline(before)
                                                or self.coordinated_with(previous_baseline, entity))
            as_instrument = self.coordinated_with(previous_instrument, entity)
            role = "other"
            name_of = entity.name
            dataset_like = entity.label == "Dataset" or headed and entity.label in ("Model", "Method")
            if dataset_like and not (acting and not headed):
                strong = cues["system_markers"].search(" ".join(before.split()[-2:]))
                measured = any(n.start - entity.end in (1, 2)
                               for n in self.metrics.starting(entity.end, entity.end + 3)) \
                    or bool(_SCORE_AFTER_COLON.match(text, entity.end))  # "GSM8K: 85.3%"
                role = "baseline" if (strong and not headed and not measured) else "dataset"  # "improves MMLU accuracy"
            elif entity.label in ("Model", "Method", "Dataset") or entity.name in self.paper.proposed:
                if as_baseline:
                    role = "baseline"
                elif (as_instrument or cues["instrument_markers"].search(" ".join(before.split()[-3:]))) \
                        and (not self.tying.acts.match(text, entity.end)
                             or _PARTICIPLE_END.search(before) and entity.name not in self.paper.proposed):
                    role = "instrument"  # "trained with EIS-GRPO"; but "with DeepSeek-R1 scoring 71.46" acts,
                    # unless a participle holds it ("Qwen2.5-7B trained with GRPO reaches 85.3%") and it is
                    # not the paper's own ("Attention U-Net paired with L1DFL achieved": L1DFL's result)
                else:
                    role = "system"
                    if before.lower().endswith("our") and self.paper.proposed:
                        name_of = self.paper.proposed[0]  # "our RL approach achieves": the paper's system
            name = _Name(entity.start, entity.end, name_of, role, entity.label)
            previous_baseline = name if role == "baseline" else None
            previous_instrument = name if role == "instrument" else None  # "using GPT-4.1, Gemini-2.5-Pro, and"
            names.append(name)
        self._coordinate_heads(names)
        return names

    def coordinated_with(self, previous: _Name | None, entity: Entity) -> bool:
        """Whether the entity is listed right after `previous` ("RLOO, GRPO, and REINFORCE++")."""
        return previous is not None and _COORDINATION.match(self.text[previous.end: entity.start]) is not None

    def names_a_baseline(self, before: str) -> bool:
        """Whether the (last four) words before a name make it a baseline: a marker among them
        ("compared with", "outperforming"), or an adjective among the last two ("prior SOTA X", "the
        existing X"; not "zero prior training exposure to X")."""
        return self.cues["baseline_markers"].search(before) is not None \
            or self.cues["baseline_adjectives"].search(" ".join(before.split()[-2:])) is not None

    def _coordinate_heads(self, names: list[_Name]) -> None:
        """'across WHU, WHU-Mix, and CrowdAI datasets': the head makes every name of the list a dataset."""
        headed = False
        for left, right in zip(reversed(names[:-1]), reversed(names[1:]), strict=True):
            headed = right.role == "dataset" and (headed or bool(self.tying.dataset_head.match(self.text, right.end)))
            if headed and left.role in ("system", "baseline", "instrument", "dataset") \
                    and _COORDINATION.match(self.text[left.end: right.start]):
                left.role = "dataset"
            else:
                headed = False

    def claimer(self, dataset: _Name) -> Number | None:
        """The number this dataset is named right after ('47.6% on D'), if any."""
        index = bisect_left(self.number_starts, dataset.start) - 1
        if index < 0:
            return None
        number = self.numbers[index]
        if dataset.start - number.unit_end <= 60 and _ON_DATASET.match(self.text[number.unit_end: dataset.start]):
            return number
        return None

    def apart(self, name: _Name, group: Group) -> bool:
        """True when a number outside `group` stands between `name` and it (the name is that one's)."""
        lo, hi = (name.end, group.start) if name.end <= group.start else (group.end, name.start)
        for number in self.numbers[bisect_left(self.number_starts, lo):]:
            if number.start >= hi:
                break
            if number.end <= hi and number not in group.members and not self.names.covering(number.start):
                return True  # a number of a name ("AIME 2024") stands for nothing
        return False

    # --- ties --------------------------------------------------------------------------------

    def tie(self, group: Group, previous: tuple[Group, list[Tie]] | None = None) -> list[Tie]:
        """One tie per member of `group`; `previous` is the group read before it in the sentence."""
        paired = respectively_end(self.text, group) is not None
        continued = previous if previous and _CONTINUES.match(self.text[previous[0].end: group.start]) else None
        metrics = self.metric_ties(group, paired, continued)
        changed_from = continued if continued and _FROM_END.search(self.text, continued[0].end, group.start) else None
        datasets = self.dataset_ties(group, paired, changed_from)
        subjects = self.subject_ties(group, paired, previous)
        return [Tie(metrics[i], datasets[i], subjects[i]) for i in range(len(group.members))]

    def metric_ties(self, group: Group, paired: bool,
                    continued: tuple[Group, list[Tie]] | None) -> Sequence[str | None]:
        size, text = len(group.members), self.text
        listed = self.listed_after(group) or self.slashed_chain(self.metrics, group)
        if listed:
            return listed
        if paired:
            chain = self.chain_of(self.metrics, group)
            if chain:
                return chain
        elif group.link == "list" and (listed_before := self.nearest_chain(self.metrics, group)) \
                and self.tying.by_between.fullmatch(text, listed_before[-1].end, group.start):
            return [n.name for n in listed_before]  # "improves BLEU and ROUGE-L by 2.1% and 3.4%": in order
        found = self.metric_next_to(group) or self.metric_in_slot(group)
        if found:
            return [found] * size
        if continued and continued[1][-1].metric:
            return [continued[1][-1].metric] * size
        lo, hi = clause_start(text, group.start), clause_end(text, group.end)
        if group.versus and text[lo - 1: lo] == "(":
            lo = clause_start(text, lo - 1)  # "ITJ accuracy was higher in X (0.6476 vs. 0.5905)"
        lo, hi = max(lo, group.start - _TIE_REACH["Metric"] - 200), min(hi, group.end + _TIE_REACH["Metric"])
        near = [n for n in self.metrics.within(lo, hi) if not self.apart(n, group)]
        return _pick(group, near, _TIE_REACH["Metric"])

    def chain_of(self, names: _Index, group: Group) -> list[str] | None:
        """The names of `nearest_chain`."""
        chain = self.nearest_chain(names, group)
        return [n.name for n in chain] if chain else None

    def slashed_chain(self, names: _Index, group: Group) -> list[str | None] | None:
        """'0.5%/2.2% on RMSE/MAE', 'ACC/AUC/F1: 0.939/0.983/0.946 ... TCGA-Multi (0.977/0.993/0.970)':
        numbers written with slashes between them pair in order with as many names written so, right
        after them or the nearest before them (not past a name of their own: '97.3/72.9 AP')."""
        if not group.members[-1].slashed:
            return None
        runs = self.runs(names, lambda between: between == "/")
        fitting = [run for run in runs if len(run) == len(group.members)]
        after = [run for run in fitting if 0 <= run[0].start - group.end <= _SLASHED_REACH
                 and not any(char.isdigit() for char in self.text[group.end: run[0].start])]
        if after:
            return [n.name for n in after[0]]
        if names.starting(group.end, group.end + 3):
            return None
        before = [run for run in fitting if run[-1].end <= group.start]
        return [n.name for n in before[-1]] if before else None

    def nearest_chain(self, names: _Index, group: Group) -> list[_Name] | None:
        """For a 'respectively' list: the names listed together ("ChatGPT and Llama 2-Chat", "on
        HotpotQA and WebShop") as many as the numbers, the list nearest the numbers."""
        size = len(group.members)
        fitting = [c for c in self.chains_of(names) if len(c) == size and len({n.name for n in c}) == size]
        if not fitting:
            return None
        return min(fitting, key=lambda c: abs(c[0].start - group.start))

    def listed_after(self, group: Group) -> list[str | None] | None:
        """'16.1%, 18.3%, 17.8%, and 24.2% in precision, recall, F1-score, and IoU': in order."""
        size = len(group.members)
        if size < 2:
            return None
        match = _LIST_AFTER.match(self.text, group.end)
        if not match:
            return None
        items = _LIST_SPLIT.split(match.group("items"))
        if len(items) != size:
            return None
        listed = self.names.within(match.start("items"), match.end("items"))
        if any(n.role != "other" or n.label == "Task" for n in listed) \
                or any(item.split()[0].lower() in self.tying.modifier_stop or item[0].isdigit() for item in items):
            return None  # a dataset, system or task list, plain words ("the end-to-end") or numbers, not metrics
        at = match.start("items")
        names = []
        for item in items:
            at = self.text.index(item, at)
            known = self.metric_starts.get(at)
            names.append(known.name if known else self.tying.metric_name(item))
            at += len(item)
        return names

    def metric_next_to(self, group: Group) -> str | None:
        """'85.3% accuracy', '46% faster inference speed', 'Balanced Accuracy of 80.52%', 'F1=0.16';
        a unit that is a metric is the number's own ('108 FPS')."""
        text = self.text
        own = self.metrics.within(group.members[-1].end, group.end)
        if own:
            return own[-1].name
        named = self.bracketed_after(group, self.metric_starts.get)
        if named:
            return named.name  # "+19.01% (ARI), +16.85% (NMI)"
        right = self.tying.right_filler.match(text, group.end)
        filler = text[group.end: right.end() if right else group.end]
        next_word = group.end + len(filler) - len(filler.lstrip())
        found = self.metric_starts.get(next_word) or self.metric_starts.get(group.end + len(filler))
        # a name over the filler first: "88.56% Average Precision" (AP)
        if found:
            return found.name
        before = self.metrics.ending_before(group.start, 45)
        if before and self.tying.left_filler.match(text[before[-1].end: group.start]):
            return before[-1].name
        return None

    def metric_in_slot(self, group: Group) -> str | None:
        """The metric a change verb governs: 'reduces attack success rates by up to 22%',
        'lowering the crash rate from 46.9% to 6.3%'."""
        text = self.text
        for name in reversed(self.metrics.ending_before(group.start, 80)):
            if self.apart(name, group) or not self.tying.slot_end.match(text[name.end: group.start]):
                continue
            words_before = text[max(0, name.start - 40): name.start].split()
            stops = 0
            while stops < 3 and words_before and words_before[-1].lower() in self.tying.modifier_stop:
                words_before.pop()
                stops += 1
            if words_before and self.tying.change_verb.search(words_before[-1] + " "):
                return name.name
        return None

    def dataset_ties(self, group: Group, paired: bool,
                     changed_from: tuple[Group, list[Tie]] | None = None) -> Sequence[str | None]:
        """`changed_from`: the group this one's change continues ("8.6% on GSM8K from 57.54% to
        66.19%"), whose place it shares; a coordinated number ("..., and 27.6% ... for MathQA") does not."""
        size, text = len(group.members), self.text
        slashed = self.slashed_chain(self.datasets, group)
        if slashed:
            return slashed
        if paired:
            chain = self.chain_of(self.datasets, group)
            if chain:
                return chain
            if not self.dataset_names and len(self.paper.datasets) == size and not self.chain_of(self.systems, group) \
                    and not self.chain_of(self.metrics, group):  # "BLEU-4, SPICE, and CIDEr ... 8x, 4x, and 10x"
                return list(self.paper.datasets)  # "We evaluate on GSM8K and MATH. ... 85.3% and 60.1%, respectively"
        if group.link == "change" and (placed := self.datasets.ending_before(group.start, 40)) \
                and _PLACE_THEN_FROM.fullmatch(text, placed[-1].end, group.start) \
                and _PLACE_PREPOSITION_BEFORE.search(text, max(0, placed[-1].start - 12), placed[-1].start):
            return [placed[-1].name] * size  # "accuracy on GSM8K from 57.5% to 66.2%"
        named = self.named_after(group)  # "85.3% on GSM8K", "+9.8%, +5.7% on A and B"
        if named:
            names = [n.name for n in named]
            return names * size if len(names) == 1 else names if len(names) == size else [None] * size
        if size > 1 and (listed := self.listed_before(group)):
            return listed  # "on MATH-500, AIME and GPQA-Diamond it shows 2.08%, 2.23% and 3.99%"
        if changed_from and changed_from[1][-1].dataset:
            return [changed_from[1][-1].dataset] * size
        bracketing = self.datasets.ending_before(group.start, 40)
        if bracketing and (_OPEN_BRACKET_OR_COLON.fullmatch(text[bracketing[-1].end: group.start])
                           or self.metrics_labelled(bracketing[-1].end, group.start)):
            return [bracketing[-1].name] * size  # "on MathVista (63.2% vs 60.1%)", "GSM8K: 85.3%",
            # "CAMELYON16 (ACC/AUC/F1: 0.939/0.983/0.946)"
        inside = self.bracketed_after(group, self.datasets.at)
        if inside is not None:
            return [inside.name] * size  # "85.3% (GSM8K) and 60.1% (MATH)"
        opening = _ON_FORWARD.match(text, group.end)
        prep = opening.group("prep").lower() if opening else ""
        if opening and _CAPITALISED.match(text, opening.end()) and opening.end() not in self.metric_starts \
                and (prep != "in" or _VERSIONED_NAME.match(text, opening.end())) \
                and not (prep == "for" and self.attached_system(group)):
            return [None] * size  # "91.6% on LLaMA2 7b", not a dataset: nor is the dataset before it; a
            # metric there ("13.1% in R@1 ... on the ActivityNet-VRL dataset"), or after "in" a word
            # without a version ("in English", "in SummaC scores"), is no place
            # ("99.14% for CAT-Net" names the system: the sentence's dataset may still hold)
        if len(self.dataset_names) == 1:
            return self.dataset_names * size  # the sentence's one dataset: "On GSM8K, ...", "Experiments on D show"
        shared = self.shared_after(group)
        if shared:
            return [shared] * size
        opener = self.opener
        if opener is not None and opener.end <= group.start \
                and not any(opener.end <= d.start < group.start for d in self.datasets):
            return [opener.name] * size  # "On GSM8K, X attains 85.3%, while on MATH it reaches 52.1%"
        if not self.dataset_names and len(self.paper.datasets) == 1:
            return [self.paper.datasets[0]] * size  # a sentence naming no dataset: the paper's only one
        lo, hi = group.start - _TIE_REACH["Dataset"] - 200, group.end + _TIE_REACH["Dataset"]
        free = [d for d in self.datasets.within(max(0, lo), hi)
                if self.claimed_by[id(d)] is None and not self.apart(d, group)]
        if len({d.name for d in free}) == 1:
            return [free[0].name] * size
        picked = _pick(group, free, _TIE_REACH["Dataset"])
        if size == 1 and picked[0] is not None:
            run = next((c for c in self.chains_of(self.datasets)
                        if len(c) > 1 and any(n.name == picked[0] for n in c)), None)
            if run and run[-1].end <= group.start:
                return [None]  # "across three benchmarks (GSM8K, MATH and AIME 2024) ... by 4.2% on average"
        return picked

    def metrics_labelled(self, lo: int, hi: int) -> bool:
        """True when text[lo:hi] is a bracket opening with metric names and a colon: ' (ACC/AUC/F1: '."""
        opening = _OPEN_BRACKET.match(self.text, lo, hi)
        names = self.metrics.within(opening.end(), hi) if opening else []
        if not opening or not names:
            return False
        at = opening.end()
        for name in names:
            if self.text[at: name.start] not in ("", "/", ", "):
                return False
            at = name.end
        return _LABEL_COLON.fullmatch(self.text, at, hi) is not None

    def opening_dataset(self) -> _Name | None:
        """The one dataset a sentence opens with ("On GSM8K, ...", "For the COCO benchmark, ..."):
        the place of its numbers until another dataset is named."""
        first = next(iter(self.datasets), None)
        if first is None or not _OPENS_WITH_PLACE.fullmatch(self.text, 0, first.start) \
                or not _CLOSES_OPENING_PLACE.match(self.text, first.end):
            return None
        return first

    def bracketed_after(self, group: Group, name_at: Callable[[int], _Name | None]) -> _Name | None:
        """The name (found by `name_at` at an offset) alone in a bracket right after the numbers."""
        bracket = _OPEN_BRACKET.match(self.text, group.end)
        name = name_at(bracket.end()) if bracket else None
        return name if name is not None and _CLOSE_BRACKET.match(self.text, name.end) else None

    def chains_of(self, names: _Index) -> list[list[_Name]]:
        """The names in runs listed together ("GSM8K, MATH and AIME 2024")."""
        chains = self.chains.get(id(names))
        if chains is None:
            chains = self.chains[id(names)] = self.runs(names, lambda between: bool(_COORDINATION.match(between)))
        return chains

    def runs(self, names: _Index, joined: Callable[[str], bool]) -> list[list[_Name]]:
        """`names` in runs, a name joining the run before it when the text between them is `joined`."""
        runs: list[list[_Name]] = []
        for name in names:
            if runs and joined(self.text[runs[-1][-1].end: name.start]):
                runs[-1].append(name)
            else:
                runs.append([name])
        return runs

    def listed_before(self, group: Group) -> list[str | None] | None:
        """The datasets listed earlier in the sentence, as many as the numbers: paired in order."""
        chain = self.nearest_chain(self.datasets, group)
        return [n.name for n in chain] if chain and chain[-1].end <= group.start else None

    def shared_after(self, group: Group) -> str | None:
        """'improves accuracy by 8.7% and reduces training time by 2.8% on PHOENIX14T': the dataset
        after the next number, when the two are coordinated with no place of their own between."""
        for dataset in self.datasets.starting(group.end, group.end + 120):
            claimer = self.claimed_by[id(dataset)]
            if claimer is None or claimer.start <= group.end:
                continue
            between = self.text[group.end: claimer.start]
            return dataset.name if _SHARED.match(between) else None
        return None

    def named_after(self, group: Group) -> list[_Name]:
        """The dataset list introduced right after the numbers: 'on A, B, and C'; after 'on' and
        'across' a Method-typed name or an unrecognised capitalised one is a dataset too
        ('+37.06 on Causal Judgement', 'a 17.2% improvement on ScreenSpotPro'). A score coordinated
        with the next one shares its place: '92.81% accuracy and 92.47% F1-score on HAM10000'."""
        coordinated = _COORDINATED_SCORE.match(self.text, group.end)
        opening = _ON_FORWARD.match(self.text, coordinated.end() if coordinated else group.end)
        measured = self.metrics.at(opening.end()) if opening else None
        if measured is not None:  # "a 12% improvement in F1 on the CoNLL-2003 dataset"
            opening = _ON_FORWARD.match(self.text, measured.end)
        if not opening:
            return []
        loose = opening.group("prep").lower() in ("on", "across")
        # the lower-case words after the preposition are adjectives ("on the neuromorphic EvDET200K
        # dataset") unless a dataset mention starts there ("on enwik8 and text8")
        lo = opening.start("adjectives")
        starts = [lo + word.start() for word in _WORD.finditer(opening.group("adjectives"))]
        name = next(filter(None, (self.dataset_at(at, loose and at == opening.end())
                                  for at in [*starts, opening.end()])), None)
        chain: list[_Name] = []
        while name is not None:
            chain.append(name)
            joined = _COORDINATION_AFTER.match(self.text, name.end)
            if not joined:
                break
            name = self.dataset_at(joined.end(), loose)
            if name is not None and self.tying.acts.match(self.text, name.end):
                break  # "22.75 on CRUX, RAD achieves": the next clause's subject
        return chain

    def dataset_at(self, at: int, loose: bool) -> _Name | None:
        """The dataset named at offset `at`, if any."""
        name = self.names.at(at)
        if name is not None:
            return name if name.role == "dataset" or loose and name.label == "Method" else None
        if not loose or self.names.covering(at) or self.metrics.at(at) is not None:
            return None  # "on COCO, and Recall@10 of 0.85": a metric starts the next clause
        words = _CAPITALISED.match(self.text, at)
        if not words or words.group().split()[0].lower() in self.tying.name_stop \
                or _MODEL_SIZE.search(words.group()) or self.cues["hardware"].match(words.group()) \
                or _SYSTEM_HEAD.match(self.text, words.end()):
            return None  # "on LLaMA2 7b": a model of a size; "on an RTX 3090": a device; "on the Vim-B backbone"
        return _Name(at, words.end(), words.group(), "dataset")

    def subject_ties(self, group: Group, paired: bool,
                     previous: tuple[Group, list[Tie]] | None = None) -> Sequence[str | None]:
        size = len(group.members)
        attached = self.attached_system(group) or self.attached_in_bracket(group, previous)
        if group.versus:  # "in ChatGPT-4o-mini (0.6476 vs. 0.5905)", "of GLFFNet's mIoU (83.9% vs. 84.0%)"
            baseline = self.baseline_before(group)
            if attached is not None and attached == baseline:  # "outperforms GPT-4o (63.2 vs. 60.1)": the rival's
                return [self.sentence_subject(group), attached]  # score is the second
            subject = attached or self.sentence_subject(group)
            rivals = [n.name for n in self.names.ending_before(group.start, _SUBJECT_REACH)
                      if n.role in ("system", "baseline") and n.name != subject]
            return [subject, baseline if baseline and baseline != subject else rivals[-1] if rivals else None]
        if attached:
            return [attached] * size
        beaten = _BEATEN_BEFORE.search(self.text, max(0, group.start - 60), group.start)
        if beaten and group.link != "change" and not group.members[0].signed:
            # "outperforming Memento (15.1%)": the rival's score; not past "by" nor of a change
            named = self.baselines.within(beaten.start("rival"), beaten.end("rival"))
            return [named[-1].name if named else None] * size
        if paired:
            chain = self.chain_of(self.systems, group)
            if chain:
                return chain
        subject = self.sentence_subject(group)
        if group.link == "change":
            return [self.baseline_before(group), *[subject] * (size - 1)]
        return [subject] * size

    def attached_in_bracket(self, group: Group, previous: tuple[Group, list[Tie]] | None) -> str | None:
        """The system of the score before, when both are in the bracket after it: "gpt-5 (75.3%
        weighted F1-score and 76.2% accuracy)"; not past a label of its own ("MI: 0.792, stroke: 0.824")."""
        if previous is None or previous[1][-1].subject is None:
            return None
        before = previous[0]
        opening = self.text.rfind("(", 0, before.start)
        if opening < 0 or ")" in self.text[opening: group.start] or ":" in self.text[before.end: group.start] \
                or self.attached_system(before) != previous[1][-1].subject:
            return None
        return previous[1][-1].subject

    def attached_system(self, group: Group) -> str | None:
        """'conventional CNN (58.3%)', 'ChatGPT-o3: 83.58', '84% for ChatGPT': the number's own."""
        text = self.text
        for name in self.names.ending_before(group.start, 30):
            if name.role in ("system", "baseline", "instrument") \
                    and _ATTACHED_BEFORE.fullmatch(text[name.end: group.start]):
                return name.name
        compared = _COMPARED_BEFORE.search(text, max(0, group.start - 30), group.start)
        for name in self.names.starting(group.end, group.end + 13):
            if name.role in ("system", "baseline", "instrument") and (name.label == "Model" or compared) \
                    and _FOR_AFTER.match(text[group.end: name.start]):
                return name.name  # "84% for ChatGPT"; "compared to 99.14% for CAT-Net"
        return None

    def sentence_subject(self, group: Group) -> str | None:
        """The system left of the number that governs it: the nearest one followed by a result verb
        ('R3 improves RAG performance'), else the nearest; 'our method' / 'it achieves' stand for the
        paper's proposal ('our method' for none when the paper names none, not for a baseline before
        it), a generic subject ('the strongest model shows') for none; with no system named, the
        proposal."""
        text, main = self.text, self.paper.proposed[0] if self.paper.proposed else None
        offset = max(0, group.start - _SUBJECT_REACH)
        window = text[offset: group.start]
        candidates: list[tuple[int, int, str | None]] = [
            (n.start, n.end, n.name) for n in self.systems.within(offset, group.start)]
        candidates += [(n.start, n.end, n.name) for n in self.baselines.within(offset, group.start)
                       if self.relative_act(n.end)]  # "outperforming SDNet, which achieves a mIoU of"
        candidates += [(offset + m.start(), offset + m.end(), main)  # unnamed with no proposal: no one else's
                       for m in self.cues["own_system"].finditer(window)]
        if main:
            candidates += [(offset + m.start(), offset + m.end(), main) for m in self.tying.pronoun.finditer(window)
                           if self.tying.subject_verb.match(text, offset + m.end())]
        for match in self.tying.generic_subject.finditer(window):
            start, end = offset + match.start(), offset + match.end()
            if main and _DEFINITE.search(text, max(0, start - 8), start) and not match.group().lower().endswith("s") \
                    and self.tying.subject_verb.match(text, end):
                candidates.append((start, end, main))  # "The method reduces ...": the paper's own
                continue
            if self.tying.subject_verb.match(text, end) \
                    and not self.tying.owned.search(text, max(0, start - 30), start) \
                    and not _PREPOSITION_BEFORE.search(text, max(0, start - 30), start) \
                    and not self.names_a_baseline(" ".join(text[max(0, start - 50): start].split()[-4:])) \
                    and not any(n.start <= end + 3 and start <= n.end + 1  # "Wan-2.1 model", "model (X)"
                                for n in self.names.starting(max(0, start - 200), end + 4)):
                candidates.append((start, end, None))
        candidates.sort(key=lambda c: c[:2])
        for _, end, name in reversed(candidates):
            if self.tying.subject_verb.match(text, end) or self.relative_act(end):
                return name
        named = [c for c in candidates if c[2] is not None]
        if named:
            return named[-1][2]
        return None if candidates else main

    def relative_act(self, end: int) -> bool:
        """Whether a relative clause after a name says the name did something: ", which achieves"."""
        clause = _RELATIVE_CLAUSE.match(self.text, end)
        return clause is not None and self.tying.acts.match(self.text, clause.end()) is not None

    def baseline_before(self, group: Group) -> str | None:
        """'outperforms AsFT, reducing the harmful score from 14.4% to 3.6%': 14.4 is AsFT's."""
        before = self.baselines.ending_before(group.start, _SUBJECT_REACH)
        return before[-1].name if before else None


def _pick(group: Group, candidates: Sequence[_Name], reach: int) -> list[str | None]:
    """The nearest candidate within `reach` characters, unless another name is about as near."""
    size = len(group.members)
    if not candidates:
        return [None] * size

    def distance(n: _Name) -> int:
        return group.start - n.end if n.end <= group.start else max(0, n.start - group.end)

    nearest = min(candidates, key=distance)
    if distance(nearest) > reach:
        return [None] * size
    close = [n for n in candidates if n.name != nearest.name and abs(distance(n) - distance(nearest)) < 30]
    return [None if close else nearest.name] * size
