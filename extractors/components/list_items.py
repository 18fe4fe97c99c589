"""`paperkg_list_items`: the names in a list whose other members are named entities of one type,
the measures listed after "in terms of", "metrics:" or "measured by" (`listed_measures`), and the
members of a list a plural dataset or metric noun follows ("the ShapeNet and Matterport datasets",
"EM and F1 scores", `headed_list_members`).

"MMBench, VLGuard, and FigStep", "PPO, GRPO, ReMax, and RLOO", "NTU-60, NTU-120, and PKU-MMD II":
where the catalogues, the model grammar or the NER typed some members of a list and left a
name-shaped member out, the member is an entity of the same type (doc.spans["listed"], source
"pattern"). A member is name-shaped when it has a capital or digit inside a word ("FigStep",
"AIMv2", "ST"), two capitals or a hyphen after a capitalised word ("Reason-Edit"), and no hyphen
before a space, the end or a lower-case word ("CNN-", "Multi-step Update", "OpenWebMath-but");
plain words ("Waymo", "Leiden") are left to the NER, and so are makers ("OpenAI", also as a first
word: "OpenAI Large"), generic words ("LLMs") and generic concepts ("AI"). The typed members must
agree on one type and make up at least a third of the list. On 8,000 2025 corpus papers this adds
50 names, about 44 of them with the right type by reading (wrong: the colour space "YCbCr", the
datasets "MegaMath" and "Re-LAION" listed among methods); on train, the two frameworks of ax0090.
The measure lists add 9 Metrics there ("response time", "token usage", "execution time") and one
on train ("end-to-end delay"). After "metrics:", "metrics, namely", "metrics such as" or "metrics
including" every item is a measure, whatever its last word ("uncertainty discipline", "Clarity"): in
the train gold, all 24 items after those cues are Metrics; on 4,668 2025 corpus papers this adds
11, all measures by reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.attributes import once_per_doc, span_text, text_of
from extractors.rules.data import data_path
from extractors.rules.phrases import (
    dataset_list_members,
    datasets_named_by_context,
    generic_word_keys,
    metrics_by_context,
)
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

LISTED_KEY = "listed"
# possessive: a word never gives back characters (they are all \w), which halves the search time
_ITEM = r"[A-Z][\w+-]*+(?:\.\d[\w+-]*+)*+(?:\s[A-Z0-9][\w+-]*+(?:\.\d[\w+-]*+)*+){0,2}"
_LIST = re.compile(rf"(?<![\w-]){_ITEM}(?:,\s+{_ITEM}){{1,8}},?\s+(?:and|or)\s+{_ITEM}(?![\w-])")
_ITEM_AT = re.compile(_ITEM)
CoordinatedList = tuple[int, int, list[tuple[int, int]]]  # a list's start and end, and its members' spans
_NAME_SHAPED = re.compile(r"(?!.*-(?:\s|$|[a-z]))"  # no hyphen before a space, the end or a lower-case word
                          r"(?:[A-Z][a-z]+[A-Z][\w\s.+-]*|[A-Z]{2,}[\w\s.+-]*|[\w\s.+-]*\d[\w\s.+-]*"
                          r"|[A-Z]\w*-[\w\s.+-]+)")
# The measures a sentence lists after a cue: "in terms of X, Y and Z", "metrics: X, Y, and Z",
# "metrics, namely X and Y", "measured by X and Y"; the list ends at a clause mark or preposition.
# After "metrics:", "metrics, namely", "metrics such as" or "metrics including" (`named`) every
# item is a measure; after "in terms of" or "measured by" only those a measure's head ends.
_MEASURE_CUE = (r"\b(?:in\s+terms\s+of|(?P<named>(?:sub)?metrics?\s*(?:,\s*namely|:|such\s+as|including))"
                r"|measured\s+by)\s+(?:both\s+)?")
_ABBREVIATION = r"(?:\s+\([\w-]{1,12}\))?"  # "total lesion activity (TLA)"
_MEASURE_PHRASE = rf"(?:the\s+)?[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){{0,3}}?{_ABBREVIATION}"
_MEASURE_CUE_AT = re.compile(_MEASURE_CUE)
_MEASURE_LIST = re.compile(  # matched right after a cue, within _MEASURE_REACH characters
    rf"(?P<items>{_MEASURE_PHRASE}(?:,\s+{_MEASURE_PHRASE})*?,?\s+(?:and|or)\s+{_MEASURE_PHRASE})"
    r"(?=\s*[.,;:)]|\s+(?:and|on|in|for|of|across|compared|while|with|than|over|under|at|between|to)\b)")
_MEASURE_REACH = 240
_MEASURE_ITEM = re.compile(r"(?:^|(?<=\s))(?:and\s+|or\s+)?(?:the\s+)?(?P<name>[A-Za-z][\w-]*"
                           rf"(?:\s(?!and\b|or\b)[A-Za-z][\w-]*){{0,3}}){_ABBREVIATION}(?=,|\s+(?:and|or)\s|$)")
# Qualities the train gold almost never annotates as measures ("generation quality", "computational
# efficiency", "temporal consistency": 4 of about 150 such phrases on train are Metrics).
_VAGUE_HEADS = frozenset({"quality", "efficiency", "fidelity", "consistency", "coverage", "realism", "relevance",
                          "reliability"})
_NO_MEASURE = frozenset({"performance", "metric", "metrics", "results", "data", "model", "models", "method",
                         "methods", "the", "a", "an", "of", "with", "both", "is", "are", "was", "were", "show",
                         "shows", "showed", "demonstrate", "demonstrates", "indicate", "indicates", "reveal",
                         "reveals", "remain", "remains"})


@Language.factory(
    "paperkg_list_items",
    default_config={"groups": ["models", "gazetteer", "acronym", "ner"],
                    "generic_words_path": "generic_words.jsonl",
                    "generic_concepts_path": "generic_concepts.jsonl",
                    "families_path": "model_families.jsonl", "cues_path": "numbers_cues.jsonl"},
)
def make_list_items(nlp: Language, name: str, groups: list[str], generic_words_path: str,
                    generic_concepts_path: str, families_path: str, cues_path: str) -> ListItems:
    return ListItems(groups, generic_words_path, generic_concepts_path, families_path, cues_path)


class ListItems:
    """Writes doc.spans["listed"]: label the list's type, id_ the surface."""

    def __init__(self, groups: Iterable[str], generic_words_path: str, generic_concepts_path: str,
                 families_path: str, cues_path: str):
        self.groups = list(groups)
        self.paths = (data_path(generic_words_path), data_path(generic_concepts_path), data_path(families_path),
                      data_path(cues_path))
        self.excluded: set[str] = set()
        self.measure_heads: set[str] = set()

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the words no member may be (generic words and concepts, the model makers) and the
        heads a listed measure ends in (the results' "measure_heads" cue)."""
        words, concepts, families, cues = (read_jsonl(path) for path in self.paths)
        self.excluded, self.measure_heads = set(), set()
        self.add_patterns(words, concepts, families, cues)

    def add_patterns(self, generic_words: Iterable[dict], generic_concepts: Iterable[dict] = (),
                     families: Iterable[dict] = (), cues: Iterable[dict] = ()) -> None:
        self.excluded |= generic_word_keys(generic_words) | generic_word_keys(generic_concepts)
        self.excluded |= {name_key(f["organisation"]) for f in families if f.get("organisation")}
        for record in cues:
            if record["id"] == "measure_heads":
                self.measure_heads |= {word for word in record["words"] if " " not in word}

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        lists = coordinated_lists(doc)
        cues = list(_MEASURE_CUE_AT.finditer(text)) if may_list_measures(text) else []
        members, metrics = context_datasets(doc), context_metrics(doc)
        listed: list[Span] = []
        if lists or cues or members or metrics:  # most abstracts have none: their span groups are not read
            found = [span for key in self.groups if key in doc.spans for span in doc.spans[key]]
            listed = self.typed_list_members(doc, text, lists, found) + self.listed_measures(doc, text, cues, found) \
                + self.headed_list_members(doc, text, members, found, "Dataset") \
                + self.headed_list_members(doc, text, metrics, found, "Metric")
        doc.spans[LISTED_KEY] = listed
        return doc

    def headed_list_members(self, doc: Doc, text: str, members: list[tuple[int, int]],
                            found: list[Span], label: str) -> list[Span]:
        """The `members` of a list a plural dataset or metric noun follows that no span covers ("the
        ShapeNet, Objaverse, and Sketchfab datasets", "EM and F1 scores"): Datasets or Metrics
        (rules/phrases.datasets_by_context, metrics_by_context; the type priors re-type the NER's
        members), unless generic ("Chinese and English datasets", "the Spanish-Guaraní dataset")."""
        return [span for start, end in members
                if not all(name_key(part) in self.excluded for part in text[start:end].split("-"))
                and not any(s.start_char < end and start < s.end_char for s in found)
                and (span := _named_span(doc, start, end, label)) is not None]

    def typed_list_members(self, doc: Doc, text: str, lists: list[CoordinatedList], found: list[Span]) -> list[Span]:
        """The name-shaped members of `lists` that no span covers, typed like the typed members."""
        listed = []
        for _, _, items in lists:
            typed, untyped = [], []
            for start, end in items:
                covering = [s for s in found if s.start_char < end and start < s.end_char]
                if not covering:
                    untyped.append((start, end))
                elif not any(s._.generic for s in covering):
                    typed.append(covering[0].label_)
            if not typed or len(set(typed)) > 1 or 3 * len(typed) < len(items):
                continue
            for start, end in untyped:
                surface = text[start:end]
                if not _NAME_SHAPED.fullmatch(surface) or name_key(surface) in self.excluded \
                        or name_key(surface.split()[0]) in self.excluded:  # "OpenAI Large"
                    continue
                if (span := _named_span(doc, start, end, typed[0])) is not None:
                    listed.append(span)
        return listed

    def listed_measures(self, doc: Doc, text: str, cues: list[re.Match], found: list[Span]) -> list[Span]:
        """The phrases listed after "in terms of", "metrics: ..." or "measured by" are Metrics when
        they are one name-shaped word or two to four lower-case words ending in a measure's head
        ("in terms of the inference accuracy and end-to-end delay"); a single lower-case word
        ("efficiency"), a vague quality ("generation quality") or a phrase of another head
        ("defense mechanisms", "named entities") is none."""
        listed = []
        for cue in cues:
            match = _MEASURE_LIST.match(text, cue.end(), min(len(text), cue.end() + _MEASURE_REACH))
            if match is None:
                continue
            for item in _MEASURE_ITEM.finditer(text, match.start("items"), match.end("items")):
                start, end = item.span("name")
                surface = text[start:end]
                words = surface.split()
                if any(s.start_char < end and start < s.end_char for s in found) \
                        or not (_NAME_SHAPED.fullmatch(surface) and len(words) == 1
                                or cue.group("named") and len(words) <= 4
                                or 2 <= len(words) <= 4 and surface.islower()
                                and self.measure_heads & {words[-1], words[-1].removesuffix("s")} - _VAGUE_HEADS) \
                        or any(name_key(w) in self.excluded or w in _NO_MEASURE for w in words):
                    continue
                if (span := _named_span(doc, start, end, "Metric")) is not None:
                    listed.append(span)
        return listed


def coordinated_lists(doc: Doc) -> list[CoordinatedList]:
    """Each coordinated list of names in the doc's text as (start, end, its members' spans), read once
    per doc: the list-members rule and the lone-mention rule both ask."""
    return once_per_doc(doc, "coordinated_lists", lambda: _read_lists(text_of(doc)))


def _read_lists(text: str) -> list[CoordinatedList]:
    if ", " not in text:
        return []
    return [(match.start(), match.end(),
             [(match.start() + m.start(), match.start() + m.end()) for m in _ITEM_AT.finditer(match.group())])
            for match in _LIST.finditer(text)]


def context_datasets(doc: Doc) -> list[tuple[int, int]]:
    """The character spans the words around them make datasets (rules/phrases.datasets_by_context),
    read once per doc: the type priors, this component and the lone-mention rule all ask; its lists
    are `context_dataset_lists`, which the entity merger asks for alone."""
    return once_per_doc(doc, "datasets_by_context",
                        lambda: context_dataset_lists(doc) + datasets_named_by_context(text_of(doc)))


def context_dataset_lists(doc: Doc) -> list[tuple[int, int]]:
    """The members of the lists a plural dataset noun follows or introduces, the surest of
    `context_datasets` ("on ADNI, AIBL and OASIS datasets"), read once per doc."""
    return once_per_doc(doc, "dataset_list_members", lambda: dataset_list_members(text_of(doc)))


def context_metrics(doc: Doc) -> list[tuple[int, int]]:
    """The character spans a plural metric noun after their list makes metrics
    (rules/phrases.metrics_by_context), read once per doc for this component and the type priors."""
    return once_per_doc(doc, "metrics_by_context", lambda: metrics_by_context(text_of(doc)))


def _named_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """A span of the listed group: `label`, its surface as its id."""
    span = doc.char_span(start, end, label=label)
    if span is not None:
        span.id_ = span_text(span)
    return span


def may_list_measures(text: str) -> bool:
    """The cheap test before the measure-list pattern: one of its cue words is there."""
    return "terms of" in text or "metric" in text or "measured by" in text
