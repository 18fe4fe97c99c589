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
dataset  after the number ("85.3% on GSM8K"), paired in order ("respectively"), or the one dataset
         the sentence names;
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
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.results.cues import Cues
from extractors.results.scan import clause_end, clause_start
from extractors.results.types import Entity, Group, Number, PaperContext

_ADJECTIVES = r"(?-i:(?:(?!(?:of|and|or|the)\b)[a-z][\w-]*\s+){0,2})"  # "on the neuromorphic EvDET200K dataset"
_ON_DATASET = re.compile(r"^[^\d;,()]{0,50}?\b(?:on|in|for|across)\s+(?:the\s+)?" + _ADJECTIVES + "$", re.IGNORECASE)
_ON_FORWARD = re.compile(  # used with match(text, pos): no ^
    r"[^\d;,()]{0,50}?\b(?P<prep>on|in|for|across)\s+(?:the\s+)?" + _ADJECTIVES, re.IGNORECASE)
_MODEL_SIZE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[BbMm]\b|-\d+(?:\.\d+)?[BbMm]\b")
_NAME_WORD = r"[\w'+-]*(?:\.[\w'+-]+)*"  # "WMT'14", "GPT-3.5"; not a sentence's full stop
_CAPITALISED = re.compile(r"[A-Z]" + _NAME_WORD + r"(?:\s[A-Z0-9]" + _NAME_WORD + "){0,3}")
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)(?:the\s+)?$")
_COORDINATION_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)(?:the\s+)?")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_TIE_REACH = {"Metric": 60, "Dataset": 100}
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Za-z][\w-]*)\s+$")
_ITEM = r"[\w@.+-]+(?:\s[A-Za-z][\w@.+-]*)?"
_LIST_AFTER = re.compile(  # "in precision, recall, F1-score, and IoU", "in mPrec, mRec, mCov, mWCov"
    r"\s*(?:in|for)\s+(?:terms\s+of\s+)?(?P<items>" + _ITEM + r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)" + _ITEM
    + r"){1,7})\s*(?:,\s*respectively\b|[.;)]|$)")
_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_CONTINUES = re.compile(  # how a number continues the one before it in the sentence
    r"^\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*)?(?:and\s+|or\s+)?(?:(?:on|in|for|with)\s+[^,;()]{1,60}?"
    r"(?:,\s*(?:and\s+)?|\s+and\s+))?$"
    r"|^\s*,\s*(?:outperforming|surpassing|exceeding|beating|an?\s+(?:improvement|gain|increase)\s+of)\b[^;]{0,80}$",
    re.IGNORECASE)
_ATTACHED_BEFORE = re.compile(  # "CNN (58.3%)", "ChatGPT-o3: 83.58", "a RoBERTa-CRF baseline (F1=0.67)"
    r"\s*(?:(?:baseline|model|method|approach|system)\s*)?(?:\(\s*(?:[\w@-]+\s*[=:]\s*)?|:\s*)")
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


def _singular(word: str) -> str:
    """'rates' -> 'rate', 'accuracies' -> 'accuracy', 'AUROCs' -> 'AUROC'; 'loss', 'FLOPs' stay."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) \
            and (word[-2].isupper() or word[:-1].islower()):
        return word[:-1]
    return word


class Tying:
    """The tying rules; metric names, dataset heads, markers and "our" phrases come from the cues."""

    def __init__(self, cues: Cues):
        self.cues = cues
        heads = sorted(set(cues.lists["metric"]) | set(cues.lists["measure_heads"]), key=len, reverse=True)
        self.metric_head = re.compile(
            r"(?<![\w@.-])(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
            + r")(?:e?s)?(?:@\d+)?(?![\w-])", re.IGNORECASE)
        self.metric_like = re.compile(_SHOT + r"(?:" + self.metric_head.pattern + r")", re.IGNORECASE)
        self.modifier_stop = {w.lower() for w in cues.lists["metric_stop"]}
        self.dataset_head = re.compile(r"\s+(?:" + cues["dataset_heads"].pattern + ")", re.IGNORECASE)
        self.headed_name = re.compile(
            r"(?<![\w'.-])(?P<name>[A-Z0-9][\w'.+/&-]*(?:\s[A-Z0-9][\w'.+/&-]*){0,3})(?="
            + self.dataset_head.pattern + ")")
        self.name_stop = {w.lower() for w in cues.lists["dataset_name_stop"]}
        hedges = cues["hedges"].pattern
        self.left_filler = re.compile(
            r"^\s*(?:(?:" + cues["improvement"].pattern + "|" + cues["reduction"].pattern + r")\s+)?"
            r"(?:(?:scores?|values?|rates?|results?)\s+)?(?:of|=|:|is|was|were|are|reached|reaches|reaching|"
            r"at|by|(?:improved|improves|improving|drops?|dropped|rises?|rose|increased|decreased|fell|falls)\s+to|"
            r"to|from|between|above|below|exceeding)?\s*\(?\s*(?:(?:" + hedges + r")\s*)*$", re.IGNORECASE)
        self.right_filler = re.compile(
            r"\s*(?:(?:average|avg\.?|overall|mean|absolute|relative|macro|micro|higher|lower|better|worse|"
            r"faster|slower|greater|smaller|more|less|fewer|improved|reduced|increased|decreased|"
            r"(?:(?:" + cues["improvement"].pattern + "|" + cues["reduction"].pattern + r")\s+)?(?:in|of))\s+){0,2}",
            re.IGNORECASE)
        self.change_verb = re.compile(
            "(?:" + cues["improvement"].pattern + "|" + cues["reduction"].pattern + r")\s+$", re.IGNORECASE)
        self.slot_end = re.compile(
            r"^[^;()]{0,80}?\b(?:by|from|to)\s+(?:(?:" + hedges + r")\s*)*$", re.IGNORECASE)
        self.subject_verb = re.compile(
            r"\s*(?:\([^()]{0,60}\)\s*)?(?:,[^,;]{0,90},\s*)?(?:[A-Za-z][\w-]*\s+)?(?:\w+ly\s+){0,2}(?:"
            + cues["subject_verbs"].pattern + ")", re.IGNORECASE)
        self.pronoun = re.compile(r"\b[Ii]t\b")  # "it improves ...": the paper's system, before a result verb
        self.generic_subject = re.compile(r"(?<![\w-])(?:" + cues["generic_subjects"].pattern + ")", re.IGNORECASE)
        self.owned = re.compile(r"\b(?:our|proposed|this|these|same)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)

    def read(self, text: str, entities: Sequence[Entity], paper: PaperContext = PaperContext()) -> SentenceTies:
        """The sentence `text` with its (non-generic) entity mentions, read once for tying."""
        return SentenceTies(self, text, entities, paper)

    def tie(self, text: str, group: Group, entities: Sequence[Entity], paper: PaperContext = PaperContext(),
            numbers: Sequence[Number] = ()) -> list[Tie]:
        """The ties of one group of a sentence read for it alone (tests, one-off calls)."""
        return self.read(text, entities, paper).tie(group, numbers)

    # --- names of the sentence -------------------------------------------------------------------

    def metric_names(self, text: str, entities: Sequence[Entity]) -> list[_Name]:
        """Metric mentions and metric phrases (a metric word or measure head with up to three
        modifiers: "attack success rates", "KV cache hit rates"), canonical, by start."""
        others = [(e.start, e.end) for e in entities
                  if e.label != "Metric" and not self.metric_like.fullmatch(text[e.start: e.end])]
        found: list[_Name] = []
        for match in self.metric_head.finditer(text):
            head = match.group()
            if len(head) <= 3 and head.islower() and not any(c.isdigit() for c in head):
                continue  # "map", "em", "ter": English words unless written as metric names
            if any(s < match.end() and match.start() < e for s, e in others):
                continue
            start = self._modifiers_start(text, match.start(), others)
            found.append(_Name(start, match.end(), self.metric_name(text[start: match.end()]), "metric"))
        for entity in entities:
            if entity.label != "Metric":
                continue
            inside = [n for n in found if n.start < entity.end and entity.start < n.end]
            if not inside:
                found.append(_Name(entity.start, entity.end, entity.name, "metric"))
            elif all(n.start >= entity.start and n.end <= entity.end for n in inside) and \
                    text[entity.start: entity.end].lower() == text[inside[0].start: inside[-1].end].lower():
                for n in inside:
                    n.name = entity.name  # the mention's canonical name ("word error rate" -> WER)
        return sorted(found, key=lambda n: n.start)

    def _modifiers_start(self, text: str, start: int, others: list[tuple[int, int]]) -> int:
        """Where the modifiers before a metric head start: up to three lower-case words or acronyms,
        none a stop word ("the", "average", verbs) or part of another entity."""
        for _ in range(3):
            word = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if not word or word.end() != start:
                break
            token = word.group(1)
            shaped = token[0].islower() or (token.isupper() and len(token) >= 2)
            if not shaped or token.lower() in self.modifier_stop or self.is_cue_word(token) \
                    or any(s < word.end(1) and word.start(1) < e for s, e in others):
                break
            start = word.start(1)
        return start

    def is_cue_word(self, token: str) -> bool:
        return any(self.cues[name].fullmatch(token) for name in ("improvement", "reduction", "hedges", "achieve"))

    def metric_name(self, surface: str) -> str:
        """The canonical name of a metric phrase: the gazetteer's, else the words as written with
        the head in the singular and lower-case words capitalised ("attack success rates" ->
        "Attack Success Rate")."""
        words = surface.split()
        key = " ".join(words).lower()
        singular = [*words[:-1], _singular(words[-1])]
        known = self.cues.metric_names.get(key) or self.cues.metric_names.get(" ".join(singular).lower())
        if known:
            return known
        return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in singular)

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


class SentenceTies:
    """One sentence read for tying: its systems, datasets and metric names with their parts."""

    def __init__(self, tying: Tying, text: str, entities: Sequence[Entity], paper: PaperContext):
        self.tying, self.text, self.paper = tying, text, paper
        self.cues = tying.cues
        ordered = sorted(entities, key=lambda e: (e.start, -e.end))
        self.metrics = tying.metric_names(text, ordered)
        self.metric_starts = {n.start: n for n in self.metrics}
        self.metric_ends = {n.end: n for n in self.metrics}
        self.names = self._roles(ordered) + tying.headed_datasets(text, ordered)
        self.names.sort(key=lambda n: n.start)
        self.datasets = [n for n in self.names if n.role == "dataset"]
        self.systems = [n for n in self.names if n.role == "system"]
        self.baselines = [n for n in self.names if n.role == "baseline"]
        self.system_starts = [n.start for n in self.systems]
        self.name_starts = [n.start for n in self.names]

    # --- roles -------------------------------------------------------------------------------

    def _roles(self, entities: list[Entity]) -> list[_Name]:
        text, cues = self.text, self.cues
        metric_spans = [(n.start, n.end) for n in self.metrics]
        names: list[_Name] = []
        previous_baseline: _Name | None = None
        for entity in entities:
            surface = text[entity.start: entity.end]
            if entity.label == "Metric" or self.tying.metric_like.fullmatch(surface) \
                    or any(s <= entity.start and entity.end <= e for s, e in metric_spans):
                continue  # metric names are read apart ("FID", "Recall@20" tagged Method)
            if not any(c.isalpha() for c in surface) or "%" in surface:
                continue  # "86-92% analysis": a number's context, not a name
            before = " ".join(text[max(clause_start(text, entity.start), entity.start - 60): entity.start].split()[-4:])
            headed = bool(self.tying.dataset_head.match(text, entity.end))
            as_baseline = cues["baseline_markers"].search(before) is not None or bool(
                previous_baseline and _COORDINATION.match(text[previous_baseline.end: entity.start]))
            role = "other"
            name_of = entity.name
            if entity.label == "Dataset" or headed and entity.label in ("Model", "Method"):
                strong = cues["system_markers"].search(" ".join(before.split()[-2:]))
                role = "baseline" if (strong and not headed) else "dataset"
            elif entity.label in ("Model", "Method") or entity.name in self.paper.proposed:
                if as_baseline:
                    role = "baseline"
                elif cues["instrument_markers"].search(" ".join(before.split()[-3:])):
                    role = "instrument"
                else:
                    role = "system"
                    if before.lower().endswith("our") and self.paper.proposed:
                        name_of = self.paper.proposed[0]  # "our RL approach achieves": the paper's system
            name = _Name(entity.start, entity.end, name_of, role, entity.label)
            previous_baseline = name if role == "baseline" else None
            names.append(name)
        self._coordinate_heads(names)
        return names

    def _coordinate_heads(self, names: list[_Name]) -> None:
        """'across WHU, WHU-Mix, and CrowdAI datasets': the head makes every name of the list a dataset."""
        headed = False
        for left, right in zip(reversed(names[:-1]), reversed(names[1:])):
            headed = right.role == "dataset" and (headed or bool(self.tying.dataset_head.match(self.text, right.end)))
            if headed and left.role in ("system", "baseline", "instrument", "dataset") \
                    and _COORDINATION.match(self.text[left.end: right.start]):
                left.role = "dataset"
            else:
                headed = False

    # --- ties --------------------------------------------------------------------------------

    def tie(self, group: Group, numbers: Sequence[Number] = (),
            previous: tuple[Group, list[Tie]] | None = None) -> list[Tie]:
        """One tie per member of `group`; `numbers` are the sentence's numbers (an entity beyond
        another number belongs to that one), `previous` the group read before in the sentence."""
        others = [n for n in numbers if n not in group.members]
        paired = respectively_end(self.text, group) is not None
        continued = previous if previous and _CONTINUES.match(self.text[previous[0].end: group.start]) else None
        metrics = self.metric_ties(group, others, paired, continued)
        datasets = self.dataset_ties(group, others, paired)
        subjects = self.subject_ties(group, paired)
        return [Tie(metrics[i], datasets[i], subjects[i]) for i in range(len(group.members))]

    def metric_ties(self, group: Group, others: list[Number], paired: bool,
                    continued: tuple[Group, list[Tie]] | None) -> list[str | None]:
        size, text = len(group.members), self.text
        listed = self.listed_after(group)
        if listed:
            return listed
        if paired:
            names = list(dict.fromkeys(n.name for n in self.metrics))
            if len(names) == size:
                return names
        found = self.metric_next_to(group) or self.metric_in_slot(group, others)
        if found:
            return [found] * size
        if continued and continued[1][-1].metric:
            return [continued[1][-1].metric] * size
        clause = (clause_start(text, group.start), clause_end(text, group.end))
        near = [n for n in self.metrics if n.start >= clause[0] and n.end <= clause[1] and not _apart(n, group, others)]
        return _pick(group, near, False, _TIE_REACH["Metric"])

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
        at = match.start("items")
        names = []
        for item in items:
            at = self.text.index(item, at)
            known = self.metric_starts.get(at)
            if any(n.start < at + len(item) and at < n.end for n in self.names if n.role != "other"):
                return None  # a dataset or system list, not metrics
            names.append(known.name if known else self.tying.metric_name(item))
            at += len(item)
        return names

    def metric_next_to(self, group: Group) -> str | None:
        """'85.3% accuracy', '46% faster inference speed', 'Balanced Accuracy of 80.52%', 'F1=0.16'."""
        text = self.text
        right = self.tying.right_filler.match(text, group.end)
        found = self.metric_starts.get(right.end()) if right else None
        if found:
            return found.name
        for name in reversed(self.metrics):
            if name.end <= group.start and group.start - name.end <= 45:
                if self.tying.left_filler.match(text[name.end: group.start]):
                    return name.name
                break
        return None

    def metric_in_slot(self, group: Group, others: list[Number]) -> str | None:
        """The metric a change verb governs: 'reduces attack success rates by up to 22%',
        'lowering the crash rate from 46.9% to 6.3%'."""
        text = self.text
        for name in reversed(self.metrics):
            if name.end > group.start:
                continue
            if group.start - name.end > 80:
                break
            if _apart(name, group, others) or not self.tying.slot_end.match(text[name.end: group.start]):
                continue
            words_before = text[max(0, name.start - 40): name.start].split()
            stops = 0
            while stops < 3 and words_before and words_before[-1].lower() in self.tying.modifier_stop:
                words_before.pop()
                stops += 1
            if words_before and self.tying.change_verb.search(words_before[-1] + " "):
                return name.name
        return None

    def dataset_ties(self, group: Group, others: list[Number], paired: bool) -> list[str | None]:
        size, text = len(group.members), self.text
        if paired:
            names = list(dict.fromkeys(n.name for n in self.datasets))
            if len(names) == size:
                return names
        named = self.named_after(group)  # "85.3% on GSM8K", "+9.8%, +5.7% on A and B"
        if named:
            names = [n.name for n in named]
            return names * size if len(names) == 1 else names if len(names) == size else [None] * size
        if _ON_FORWARD.match(text, group.end) and _CAPITALISED.match(text, _ON_FORWARD.match(text, group.end).end()):
            return [None] * size  # "91.6% on LLaMA2 7b", not a dataset: nor is the dataset before it
        names = list(dict.fromkeys(d.name for d in self.datasets))
        if len(names) == 1:
            return names * size  # the one dataset of the sentence: "On GSM8K, ...", "Experiments on D show"
        free = [d for d in self.datasets if not self.claimed_elsewhere(d, group, others)]
        if len({d.name for d in free}) == 1:
            return [free[0].name] * size
        if not names and len(self.paper.datasets) == 1:
            return [self.paper.datasets[0]] * size  # a sentence naming no dataset: the paper's only one
        return _pick(group, [d for d in free if not _apart(d, group, others)], False, _TIE_REACH["Dataset"])

    def named_after(self, group: Group) -> list[_Name]:
        """The dataset list introduced right after the numbers: 'on A, B, and C'; after 'on' and
        'across' a Method-typed name or an unrecognised capitalised one is a dataset too
        ('+37.06 on Causal Judgement', 'a 17.2% improvement on ScreenSpotPro')."""
        opening = _ON_FORWARD.match(self.text, group.end)
        if not opening:
            return []
        loose = opening.group("prep").lower() in ("on", "across")
        chain: list[_Name] = []
        at = opening.end()
        while True:
            name = self.dataset_at(at, loose)
            if name is None:
                break
            chain.append(name)
            joined = _COORDINATION_AFTER.match(self.text, name.end)
            if not joined:
                break
            at = joined.end()
        return chain

    def dataset_at(self, at: int, loose: bool) -> _Name | None:
        """The dataset named at offset `at`, if any."""
        index = bisect_left(self.name_starts, at)
        if index < len(self.names) and self.names[index].start == at:
            name = self.names[index]
            if name.role == "dataset" or loose and name.label == "Method":
                return name
            return None
        if not loose or any(n.start < at < n.end for n in self.names):
            return None
        words = _CAPITALISED.match(self.text, at)
        if not words or words.group().split()[0].lower() in self.tying.name_stop \
                or _MODEL_SIZE.search(words.group()):
            return None  # "on LLaMA2 7b": a model of a size, not a dataset
        return _Name(at, words.end(), words.group(), "dataset")

    def claimed_elsewhere(self, dataset: _Name, group: Group, others: list[Number]) -> bool:
        """True when another number of the sentence has this dataset right after it ('47.6% on D')."""
        for number in others:
            if number.end <= dataset.start and dataset.start - number.end <= 60 \
                    and _ON_DATASET.match(self.text[number.unit_end: dataset.start]) \
                    and not group.start <= number.start <= group.end:
                return True
        return False

    def subject_ties(self, group: Group, paired: bool) -> list[str | None]:
        size, text = len(group.members), self.text
        attached = self.attached_system(group)
        if attached:
            return [attached] * size
        if paired:
            names = list(dict.fromkeys(n.name for n in self.systems))
            if len(names) == size:
                return names
        subject = self.sentence_subject(group)
        if group.link == "change":
            return [self.baseline_before(group), *[subject] * (size - 1)]
        return [subject] * size

    def attached_system(self, group: Group) -> str | None:
        """'conventional CNN (58.3%)', 'ChatGPT-o3: 83.58', '84% for ChatGPT': the number's own."""
        text = self.text
        for name in self.names:
            if name.role not in ("system", "baseline", "instrument"):
                continue
            if name.end <= group.start and group.start - name.end <= 30 and \
                    _ATTACHED_BEFORE.fullmatch(text[name.end: group.start]):
                return name.name
            if name.label == "Model" and name.start >= group.end and name.start - group.end <= 12 \
                    and _FOR_AFTER.match(text[group.end: name.start]):
                return name.name
        return None

    def sentence_subject(self, group: Group) -> str | None:
        """The system left of the number that governs it: the nearest one followed by a result verb
        ('R3 improves RAG performance'), else the nearest; 'our method' / 'it achieves' stand for the
        paper's proposal; with no system named, the proposal."""
        text, main = self.text, self.paper.proposed[0] if self.paper.proposed else None
        left = self.systems[: bisect_left(self.system_starts, group.start)]
        left = [n for n in left if n.end <= group.start]
        window = text[max(0, group.start - 300): group.start]
        offset = max(0, group.start - 300)
        candidates = [(n.start, n.end, n.name) for n in left]
        if main:
            own = [(offset + m.start(), offset + m.end(), main)
                   for m in self.cues["own_system"].finditer(window)]
            own += [(offset + m.start(), offset + m.end(), main) for m in self.tying.pronoun.finditer(window)
                    if self.tying.subject_verb.match(text, offset + m.end())]
            candidates += own
        candidates += [(offset + m.start(), offset + m.end(), None) for m in self.tying.generic_subject.finditer(window)
                       if self.tying.subject_verb.match(text, offset + m.end())
                       and not self.tying.owned.search(text, max(0, offset + m.start() - 30), offset + m.start())
                       and not self.cues["baseline_markers"].search(
                           " ".join(text[max(0, offset + m.start() - 50): offset + m.start()].split()[-4:]))
                       and not any(n.start <= offset + m.end() and offset + m.start() <= n.end + 1 for n in self.names)]
        candidates.sort(key=lambda c: c[:2])
        for start, end, name in reversed(candidates):
            if self.tying.subject_verb.match(text, end) and end <= group.start:
                return name
        named = [c for c in candidates if c[2] is not None]
        if named:
            return named[-1][2]
        return None if candidates else main

    def baseline_before(self, group: Group) -> str | None:
        """'outperforms AsFT, reducing the harmful score from 14.4% to 3.6%': 14.4 is AsFT's."""
        before = [n for n in self.baselines if n.end <= group.start]
        return before[-1].name if before else None


def _pick(group: Group, candidates: Sequence[_Name], paired: bool, reach: int) -> list[str | None]:
    """Pair a 'respectively' list in order; otherwise the nearest unambiguous candidate."""
    size = len(group.members)
    names = list(dict.fromkeys(n.name for n in candidates))
    if paired and len(names) == size:
        return names
    if not candidates:
        return [None] * size

    def distance(n: _Name) -> int:
        return group.start - n.end if n.end <= group.start else max(0, n.start - group.end)

    nearest = min(candidates, key=distance)
    if distance(nearest) > reach:
        return [None] * size
    close = [n for n in candidates if n.name != nearest.name and abs(distance(n) - distance(nearest)) < 30]
    return [None if close else nearest.name] * size


def _apart(name: _Name | Entity, group: Group, others: Sequence[Number]) -> bool:
    """True when another number stands between `name` and `group` (it belongs to that one)."""
    lo, hi = (name.end, group.start) if name.end <= group.start else (group.end, name.start)
    return any(lo <= n.start and n.end <= hi for n in others)
