"""Phrase helpers the rule components share: cue-phrase regexes, generic words, head-noun types."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from kg.core.names import name_key


def phrase_regex(phrases: Iterable[str], not_after: str = r"\w") -> str:
    """An alternation of phrases, longest first, each bounded by non-word characters: a space inside
    a phrase matches any run of whitespace, and a final `*` any word ending ("improv*"). A phrase
    may not follow a character matching `not_after` (a word character by default)."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        stem = phrase[:-1] if phrase.endswith("*") else phrase
        body = re.escape(stem).replace(r"\ ", r"\s+")
        parts.append(body + (r"[\w-]*" if phrase.endswith("*") else ""))
    return rf"(?<!{not_after})(?:{'|'.join(parts)})(?!\w)"


def generic_word_keys(records: Iterable[dict]) -> set[str]:
    """The name keys of generic-word records ({"id": word}, generic_words.jsonl)."""
    return {name_key(record["id"]) for record in records}


def is_generic_phrase(text: str, generic_words: set[str]) -> bool:
    """True when every word of `text` is a generic word ("large language models", "in-distribution");
    `generic_words` holds name keys (kg.core.names.name_key)."""
    words = [name_key(w) for w in re.split(r"[\s\-/]+", text) if name_key(w)]
    return all(w in generic_words for w in words)


class HeadTypes:
    """Entity type from a head noun ("... benchmark" -> Dataset), from entity_heads.jsonl records."""

    def __init__(self, records: Iterable[dict]):
        self.by_head: dict[str, str] = {}
        for record in records:
            for head in record["heads"]:
                self.by_head[head.lower()] = record["id"]
        self.pattern = re.compile(phrase_regex(self.by_head) + "(?!-)", re.IGNORECASE)  # not "test-time"

    def of_name(self, name: str) -> str | None:
        """The type named by the last word(s) of `name` ("Political Compass Test" -> Dataset)."""
        lowered = name.lower()
        # The longest head is the longest suffix that starts a word: try those, longest first (a
        # dict lookup each, where a scan of every head per name cost 1 s per 300 papers).
        for start in range(len(lowered)):
            if start == 0 or not lowered[start - 1].isalnum():
                label = self.by_head.get(lowered[start:])
                if label is not None:
                    return label
        return None

    def first_in(self, text: str, allowed: Iterable[str] | None = None) -> str | None:
        """The type of the first head noun in `text` (a few words of context) among `allowed`."""
        for found in self.pattern.finditer(text):
            label = self.by_head[" ".join(found.group(0).lower().split())]
            if allowed is None or label in allowed:
                return label
        return None


def word_lists(records: Iterable[dict]) -> dict[str, frozenset[str]]:
    """Named word lists ({"id": name, "words": [...]}, task_words.jsonl), lower-cased."""
    return {record["id"]: frozenset(word.lower() for word in record["words"]) for record in records}


def ends_in_head(text: str, heads: Collection[str]) -> bool:
    """Whether the last word of `text`, or its last hyphenated part, is one of `heads` (lower case):
    "3D object generation", "Polyp Re-Identification"."""
    last = text.rsplit(None, 1)[-1].lower() if text.strip() else ""
    return last in heads or last.rsplit("-", 1)[-1] in heads


# A list member: a capitalised word, or one with a capital after lower-case letters ("nuScenes"),
# and up to two more capitalised or numbered words ("Waymo Open", "CLIC Professional Validation").
_LIST_NAME = (r"(?=[a-z]*[A-Z0-9])[A-Za-z0-9][\w+-]*+(?:\.\d[\w+-]*+)*+"
              r"(?:\s[A-Z0-9][\w+-]*+(?:\.\d[\w+-]*+)*+){0,2}")
_DATASET_LIST = re.compile(
    rf"\b(?:[Tt]he|[Oo]n|across|of|from|[Bb]oth|public|standard)\s+"
    rf"(?P<items>{_LIST_NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_LIST_NAME})+)\s+(?:datasets|benchmarks)\b")
# ... or a list that follows such a noun and a colon or "such as": "on three public benchmarks: HotelRev,
# MovieMind and GSM8K", "two real-world datasets, Foursquare-NYC and Gowalla" (train: 9 of 9 such members
# are Datasets; the 4,668 corpus papers: 216 of 269 were Datasets already, and most others are datasets).
# The list ends at its "and" member: "datasets including nuScenes, Waymo, and DDAD, DVGT outperforms".
_LIST_AFTER_NOUN = re.compile(
    r"\b(?:datasets|benchmarks)\s*(?::|,\s*(?:namely\s+|including\s+)?|\s+(?:such\s+as|including|namely|like)\s)\s*"
    rf"(?P<items>{_LIST_NAME}(?:(?:,\s+{_LIST_NAME})+(?:,?\s+and\s+{_LIST_NAME})?|,?\s+and\s+{_LIST_NAME}))(?![\w-])")
_LIST_MEMBER = re.compile(rf"{_LIST_NAME}(?=,|\s+(?:and|or)\s|$)")
# A list a plural metric noun follows, joined by "and" or "or" ("the FID and FD-DINOv2 metrics", "EM and F1
# scores"; not "However, NLI metrics"): train's 11 members of such lists are all Metrics, "LLM-as-Judge"
# among them. Its members count when name-shaped: two capitals, a digit or a capital inside.
_METRIC_LIST = re.compile(
    rf"(?P<items>{_LIST_NAME}(?:,\s+{_LIST_NAME})*,?\s+(?:and|or)\s+{_LIST_NAME})\s+(?:metrics|scores)\b")
_NAME_SHAPED_MEMBER = re.compile(r"(?=.*[A-Za-z])(?:[A-Z].*[A-Z]|.*\d|.*[a-z][A-Z])")
_LOWER_CASE_PART = re.compile(r"-(?:$|[a-z])")  # "UAV-based", "CNN-": a modifier
# A name that says it is a dataset: a "...Bench" ("DefenderBench", "MDIT-Bench", "LiveCLKTBench",
# "SSCBench-KITTI-360": every such name on train, 26, is a Dataset), one glued to a count of examples
# in thousands ("MJHQ-30K", "Monet-SFT-125K": 3 of 3; not "YOLO11-4K", a resolution), or an
# evaluation campaign's edition ("WMT'14 En-De", "IWSLT 2017 De-En", "CoNLL-2003").
CAMPAIGN_EDITION = r"(?:WMT|IWSLT|SemEval|CoNLL|TREC|CLEF|NTCIR|BioCreative|ImageCLEF)[- ]?'?\d{2,4}"
DATASET_NAME = re.compile(r"(?:^|[A-Za-z0-9-])Bench(?![a-z])|-(?:\d{2,}|\d+\.\d+)[kK]$"
                          rf"|^{CAMPAIGN_EDITION}(?!\d)")
# A name-shaped word: a capital or digit after its first character, a capital somewhere, no size
_NAME_WORD = (r"(?=[\w+.-]*?[A-Za-z0-9][A-Z0-9])(?=[\w+.-]*?[A-Z])(?!\d+(?:\.\d+)?[KMBT]\s)"
              r"[A-Za-z0-9][\w+-]*+(?:\.\d[\w+-]*+)*+")
# A name-shaped word, or up to four capitalised words, that a determiner and a singular dataset noun
# enclose: "on the clean KDEF dataset", "our purpose-built HI-Dialogue dataset", "on EgoVid-5M
# benchmark", "on the Woven Traffic Safety dataset" (train: 30 of 31 such names are Datasets).
# "the first AQA dataset" names a kind of data, not a dataset; "a VQA dataset" has no determiner
# that picks one, and "a curated 1M dataset" gives its size.
_NAMED_DATASET = re.compile(
    r"\b(?:[Tt]he|[Oo]ur|on|from|using)\s+(?:(?!(?:first|an?)\s)[a-z][\w-]*\s+){0,2}"
    rf"(?P<name>(?:[A-Z][\w+-]*+(?:\.\d[\w+-]*+)*+\s){{0,3}}(?:{_NAME_WORD}|[A-Z][\w+-]*+))"
    r"\s+(?:dataset|benchmark|corpus)\b")
# What every such name ends with: the abstracts without it (six in seven) are not searched
_CAPITAL_BEFORE_NOUN = re.compile(r"[A-Z0-9][\w+.-]*\s+(?:dataset|benchmark|corpus)\b")
# ... or a score (a decimal or a percentage) is reported on: "16.3% on H3.6M, 13.9% on CMU Mocap",
# "71.4 SR on Bench2Drive and", "by 4.3\% on MET-MEME" (train: 9 of 10 such names are Datasets;
# the tenth, "by 42% on LlamaGen-B", is a Model and stays one).
_SCORED_ON = re.compile(
    r"(?<![\w.])\d+(?:\.\d+(?:\s?\\?%)?|\s?\\?%)(?:\s+[A-Za-z@-]+){0,3}\s+on\s+"
    rf"(?P<name>{_NAME_WORD})(?=[,.;)]|\s+and\s|\s+\()")


# ... or that a model is trained on: "Stable Diffusion models trained on LAION", "a ResNet50 network
# pretrained on PlantNet300K", "Models fine-tuned on ToolMind" (the 4,668 corpus papers: 26 of 40 such
# names were Datasets already, and 8 of the other 14 are datasets; "trained on CT volumes" names none, and
# "trained on the RWTH German sign language handshape dataset" a longer one)
_TRAINED_ON = re.compile(
    r"\b(?:pre-?trained|trained|fine-?tuned|finetuned|instruction-tuned)\s+(?:only\s+|solely\s+|exclusively\s+)?on\s+"
    rf"(?:the\s+)?(?P<name>{_NAME_WORD})(?=[,.;)]|\s(?!(?:data|volumes|images|scans|frames|videos|outputs)\b)[a-z(])")


def metrics_by_context(text: str) -> list[tuple[int, int]]:
    """The name-shaped members of each list a plural metric noun follows ("the GOSPA and T-GOSPA
    metrics", "SLIDE and BLEURT-20 scores"), whatever the catalogues or the NER called them."""
    if "metrics" not in text and "scores" not in text:
        return []
    return [item.span() for match in _METRIC_LIST.finditer(text)
            for item in _LIST_MEMBER.finditer(text, match.start("items"), match.end("items"))
            if _NAME_SHAPED_MEMBER.match(item.group()) and not _LOWER_CASE_PART.search(item.group())]


# A list of names after the preposition of a place: "on M-OWODB and S-OWODB", "across WMT21, WMT22, and X".
_PLACE_LIST = re.compile(
    rf"\b(?:on|across)\s+(?:the\s+)?(?P<items>{_LIST_NAME}(?:,\s+{_LIST_NAME})*,?\s+and\s+{_LIST_NAME})(?![\w-])")


def place_lists(text: str) -> list[list[tuple[int, int]]]:
    """The members of each list of names a place's preposition opens ("evaluated on R2R and REVERIE")."""
    if " on " not in text and "across " not in text:
        return []
    return [[item.span() for item in _LIST_MEMBER.finditer(text, match.start("items"), match.end("items"))]
            for match in _PLACE_LIST.finditer(text)]


def datasets_by_context(text: str) -> list[tuple[int, int]]:
    """Where the words around a name say it is a dataset: the members of each list a plural dataset
    noun follows ("the nuScenes and Waymo Open datasets", "on MSLS, NordLand, and Pittsburgh
    datasets") or introduces ("benchmarks including Sintel, Bonn, and DAVIS"), a plain word
    ("Pittsburgh") as much as a name; a name-shaped word, or capitalised words, that a determiner
    and a singular dataset noun enclose (`_NAMED_DATASET`); a name-shaped word a score is reported
    on (`_SCORED_ON`) or a model is trained on (`_TRAINED_ON`). A hyphenated modifier ("UAV-based")
    is none. On 4,668 2025 corpus papers, 78 of 215 list members were no Dataset entity before."""
    return dataset_list_members(text) + datasets_named_by_context(text)


def dataset_list_members(text: str) -> list[tuple[int, int]]:
    """The members of each list a plural dataset noun follows or introduces (see datasets_by_context)."""
    if "datasets" not in text and "benchmarks" not in text:
        return []
    return _without_lower_case_part(text, [
        item.span() for pattern in (_DATASET_LIST, _LIST_AFTER_NOUN) for match in pattern.finditer(text)
        for item in _LIST_MEMBER.finditer(text, match.start("items"), match.end("items"))
        if not item.group().isdigit()])


def datasets_named_by_context(text: str) -> list[tuple[int, int]]:
    """The names outside such lists that datasets_by_context reads: `_NAMED_DATASET`, `_SCORED_ON`,
    `_TRAINED_ON`."""
    found: list[tuple[int, int]] = []
    if _CAPITAL_BEFORE_NOUN.search(text):
        found += [named.span("name") for named in _NAMED_DATASET.finditer(text)]
    if " on " in text:
        found += [scored.span("name") for scored in _SCORED_ON.finditer(text)]
        found += [trained.span("name") for trained in _TRAINED_ON.finditer(text)]
    return _without_lower_case_part(text, found)


def _without_lower_case_part(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(start, end) for start, end in spans if not _LOWER_CASE_PART.search(text, start, end)]
