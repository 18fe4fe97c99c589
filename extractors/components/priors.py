"""`paperkg_type_priors`: the catalogues' and head nouns' types for what the NER found.

The NER types a name by its context, and where the context says little it guesses: "DressCode
benchmarks" typed Method, "CHRF scores" and "MAUVE" typed Dataset. A name the gazetteer's catalogues
list under one type only (any case, any spelling that shares its `name_key`: "NewsRoom" for
Newsroom, "IU X-ray" for IU X-Ray) takes that type; else a name ending in a head noun takes the
head's type ("Exaggerated Safety Benchmark": Dataset, "Fairness Discrepancy Rate": Metric, from
entity_heads.jsonl); else Metric for a name set equal to a number ("PRO = 97.5%") or at a cut-off
("Pass@64"), Dataset for a "...Bench" ("MDIT-Bench") or a count ("MJHQ-30K") and a Method named
"...QA" ("PersianMedQA"); else the type of the class noun the name is listed after or set beside
("benchmarks such as X and Y", "foundation models (X, Y)", "four anomaly detection methods, X, Y,
and Z", "a grounded image generation model, GLIGEN"); else a Dataset that achieves or outperforms is
a Method (in every mention of its name), so is a name-shaped Task or Dataset a method outperforms
("outperforms CQL and IQL"), and a name-shaped Method right before "benchmark" a Dataset; else an
NER name listed after "on" or "across" where Datasets make at least half the list is a Dataset ("on
M-OWODB and S-OWODB": 14 names on 10,644 2025 corpus papers, all datasets by reading but the split
"EASY"; no case on train); else the NER's type stays. A Model the NER found stays a Model (the
catalogues list many models as methods), and "model" as a head makes no Model ("a diffusion model"
is a method). A name is a Model in all its mentions when one is set beside "a ... language model",
"a foundation model" or "a series of LLMs", or when it is listed among model names the grammar read.
The spans of `groups` are re-typed in place, before the acronym component reads their types and the
merger picks among them. A shared task ("SemEval-2025 Task 10", "WMT 2014 English-to-French
translation task") replaces the spans inside or across it and goes to its own group, `shared_tasks`,
a named Dataset whatever the NER made of it. Catalogue names of one type run together with slashes
("ACC/AUC/F1") are split into that many mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.attributes import span_text, text_of
from extractors.components.gazetteer import catalogue_paths, read_patterns
from extractors.components.list_items import context_datasets, context_metrics
from extractors.components.models import MODELS_KEY
from extractors.components.ner import NER_KEY
from extractors.gazetteers import LABEL_FILES
from extractors.results.cues import AT_K
from extractors.rules.data import data_path
from extractors.rules.phrases import CAMPAIGN_EDITION, DATASET_NAME, HeadTypes, place_lists
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

SHARED_TASKS_KEY = "shared_tasks"
KEPT_LABELS = frozenset({"Model"})  # a type the NER knows better than the catalogues
# Class nouns that type the names listed after them ("benchmarks such as X and Y") or set beside
# them ("a grounded image generation model, GLIGEN"); typed by entity_heads.jsonl.
CLASS_NOUNS = ("datasets?|benchmarks?|corpus|corpora|metrics?|measures?|models?|LLMs?|methods?|"
               "approach(?:es)?|frameworks?|algorithms?|techniques?|tasks?")
_LISTED_AFTER = re.compile(
    rf"\b(?P<noun>{CLASS_NOUNS})(?:\s+(?:such\s+as|like|including|e\.g\.,?|namely)\s+"
    r"|\s*(?P<bracket>\()\s*(?:(?:e\.g\.|i\.e\.),?\s*|including\s+)?"  # "foundation models (UNI2, Titan)"
    # "four anomaly detection methods, MGFN, UR-DMU, BN-WVAD, and PEL4VAD"
    r"|\s*(?P<opener>[:,])\s*(?:(?:namely|such\s+as|including|like|e\.g\.,?)\s+)?)"
    r"(?P<items>(?:[^\s.;:()]+(?:\s+[^\s.;:()]+){0,3}(?:,\s*|\s+(?:and|or)\s+)){0,6})$")
_NEXT_ITEM = re.compile(r"\s*(?:,|and\s|or\s)")
_LOWER_WORD = re.compile(r"(?:^|\s)[a-z]")  # "models, Shapley values": no name
_LOWER_ITEM = re.compile(r"(?:^|,\s*|\s(?:and|or)\s+)[a-z]")  # "benchmarks, our reward model, X": no list
# "a grounded image generation model, GLIGEN, ..." (words in lower case, the name set off by
# commas: "Evaluated on the CORDA dataset, X achieves" and "By leveraging a large language model,
# D4R translates" are no appositions)
_SET_BESIDE_BEFORE = re.compile(
    rf"\b(?:a|an|the|our)\s+(?:[a-z][\w-]*\s+){{0,5}}?(?P<noun>{CLASS_NOUNS}),\s*$")
_CLOSES_APPOSITION = re.compile(r"\s*[,)]")
# "X, a novel ... framework", "Mantis, a foundation model trained on ...": the class noun heads the
# phrase: no function word comes before it ("MemOS, a memory operating system designed for LLMs")
# and no hyphen or capitalised word after it ("TopXGen, an LLM-based approach").
_MODIFIER = (r"(?:(?!(?:for|of|with|to|in|on|by|from|and|or|that|which|the|designed|used|based"
             r"|leveraging|using|combining|integrating|employing|powered|driven)\s)[\w-]+\s+)")
# A numbered task of a shared-task series: "SemEval-2025 Task 10", "WMT 2024 Shared Task 2"; or a
# named one: "WMT 2014 English-to-French translation task", "TREC 2024 RAG Track" (21 in the 40k corpus)
_SHARED_TASK = re.compile(rf"(?<![\w-]){CAMPAIGN_EDITION}(?:[ -]+(?:Shared[ -])?Task[ -]?\d{{1,2}}(?![\w-]|\.\d)"
                          r"|(?:[ -]+(?!(?:[Tt]ask|[Tt]rack|in|on|for|of|at|to|and|the|with)\b)[A-Za-z][\w'-]*){1,5}?"
                          r"[ -]+(?:[Ss]hared[ -])?(?:[Tt]ask|[Tt]rack)(?:[ -]+Task[ -]?\d{1,2})?\b(?![ -]?\d))")
_HEAD_ENDS = r"(?![-\w]|\s*\([^()]*\)-|\s+[A-Z][a-z])"  # nor a capitalised word ("LLM Guided Ranker")
_APPOSITION_OPENS = rf",\s+(?:a|an|the)\s+(?:(?:new\s+|first\s+)?(?:family|series|variant)\s+of\s+)?{_MODIFIER}{{0,5}}?"
# not a clause's subject: "In ... Segmentation (UDA-SS), a model is trained on ..."
SET_BESIDE_AFTER = re.compile(rf"{_APPOSITION_OPENS}(?P<noun>{CLASS_NOUNS}){_HEAD_ENDS}"
                              r"(?!\s+(?:is|are|was|were|has|have|can|will|must|should|may)\b)")
# A name that achieves or outperforms is a system, not data ("PCPO consistently outperforms",
# "DAEDCMD can consistently improve"): on the arXiv train papers every NER Dataset before such a
# verb was a Method or Model; after "on"/"from" it is a place again ("trained on X improves").
_ACTS = re.compile(r"\s+(?:\w+ly\s+)?(?:can\s+(?:\w+ly\s+)?)?(?:achiev|attain|obtain|outperform|surpass|beat|exceed"
                   r"|improv|reduc|boost)\w*\b", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:on|from|in|of|with|using|across|over)\s+(?:the\s+)?$", re.IGNORECASE)
# "Our method outperforms CQL and IQL", "surpasses strong baselines such as MoCAD, C3": what a method
# outperforms is a method (the NER called such names Tasks and Datasets), not a place ("outperforms
# it on MMLU and GSM8K").
_OUTPERFORMED = re.compile(
    r"\b(?:outperform|surpass|beat|exceed)\w*\s+(?P<objects>(?:[^\s,;()]+\s+){0,4}?"
    r"(?:(?:methods?|baselines?|models?|approaches|systems|frameworks)\s*(?:such\s+as|like|including|,|\()\s*)?"
    r"(?:[^\s,;()]+(?:\s[^\s,;()]+){0,3}?(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+))*)$", re.IGNORECASE)
_YEAR_END = re.compile(r"\b(?:19|20)\d\d$")  # "outperforms BirdCLEF 2024 solutions": a competition
_CLASS_NOUN_AFTER = re.compile(r"\s*(?:-based\s+)?(?:methods?|models?|approach(?:es)?|baselines?|systems?|frameworks?"
                               r"|techniques?|solutions?)\b", re.IGNORECASE)
_PLACE_WORD = re.compile(r"\b(?:on|in|for|across|with|at|over|under|from|to|by|of)\b", re.IGNORECASE)
# "evaluated on the MARIOEval benchmark": a name-shaped Method right before a dataset noun is that
# dataset (a task before it is not: "the video generation benchmark").
_DATASET_NOUN_AFTER = re.compile(r"\s+(?:benchmarks?|datasets?|corpus|corpora)\b", re.IGNORECASE)
_NAME_SHAPED = re.compile(r"\w[A-Z0-9]")
# "AP = 80.0%, PRO = 97.5%", "BERTScore-F1 = 0.545": a name set equal to a number is a measure (the
# NER called PRO and BERTScore-F1 Datasets); "n = 15" or "p < 0.05" are no names the NER finds.
# A question-answering set named by a word glued to "QA" ("PersianMedQA", "HuDocVQA"; on train
# all 9 are Datasets); an acronym of the task ("MCQA") or a phrase ("medical QA") is none.
_QA_NAME = re.compile(r"[a-z]V?QA$")
_AT_CUTOFF = re.compile(rf"\w{AT_K}$")  # "Pass@64", "Recall@10", "mAP@0.5": a measure at a cut-off
# "BERTScore", "CLIPScore", "DeBERTaScore", "VQAScore": a score glued to what it is computed with is a
# measure (the NER called the last two Datasets in 2025 corpus papers)
_SCORE_NAME = re.compile(r"[A-Za-z0-9]Score$")
_METRIC_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][\w@-]{1,9}")  # a capital first and another: "BACC", "IS"
_EQUALS_A_VALUE = re.compile(r"\s*=\s*[~≈]?\s*\$?\s*[-+]?\d")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+|/)\s*")
_HAS_CAPITAL = re.compile(r"[A-Z]")
# A name set beside "a ... language model" is a Model in every mention ("Seed-Coder, a series of
# open-source LLMs"; the NER called its other mentions Methods). "model" alone does not say so: on
# train "Radar2Shape, a denoising diffusion model" and "YOLO-Count, a ... counting model" are methods.
# The noun must end the phrase ("LGAR, a zero-shot LLM Guided Abstract Ranker" is no model), and
# what comes before it is no use of one ("a multi-agent system leveraging large language models").
# The proposal finder types a new name so described a Model too ("VoxTell, a vision-language model").
_NAMES_A_PRETRAINED_MODEL = re.compile(
    _APPOSITION_OPENS + r"(?:(?:M?LLM|[VS]LM)s?|(?:\w+-)?(?:language|foundation)\s+models?)(?:\s*\([^()]*\))?"
    r"(?=\s*(?:[,.;:]|$|that\b|which\b|for\b|with\b|to\b|in\b|on\b|built\b|designed\b|trained\b"
    r"|tailored\b|developed\b|specifically\b|capable\b|featuring\b|acting\b|comprising\b|ranging\b))")


# A parameter count in the apposition makes it a checkpoint whatever its noun: "Jina-VLM, a 2.4B
# parameter vision-language model", "J4R, a 7B judge", "Compass-v3, a ... (MoE) model with 245B total
# parameters" (train: 2 of 2 gold Models; a count of data, "a 200M-image corpus", is none).
_PARAMETERS = r"\d+(?:\.\d+)?[BM]"
_NAMES_A_SIZED_MODEL = re.compile(
    rf"(?:\s*\([^()]*\))?,\s+(?:a|an)\s+(?:[\w-]+\s+)?{_PARAMETERS}(?:\s*\([^()]*\))?(?:[- ]parameters?)?\s+"
    rf"{_MODIFIER}{{0,4}}?(?:models?|LLMs?|judges?|reasoners?)\b"
    rf"|{_APPOSITION_OPENS}(?:\([^()]*\)\s+)?models?\s+with\s+(?:only\s+)?{_PARAMETERS}\s+(?:\w+\s+)?parameters\b")


def names_a_pretrained_model(after: str) -> bool:
    """Whether the text after a name sets it beside "a ... language model" or a parameter count (see above)."""
    return bool(_NAMES_A_PRETRAINED_MODEL.match(after) or _NAMES_A_SIZED_MODEL.match(after))


_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Za-z0-9-]*[A-Z]s")  # "CNNs", "LLMs": a class, not a model
CONTEXT_CHARS = 160
# The rest of a bracket a definition's long form or short form ends in: ")", " (PACO)"
_BRACKET_REST = re.compile(r"\s*(?:\([^()]{1,20})?\)")


def class_noun_type(heads: HeadTypes, noun: str) -> str | None:
    """The type a class noun names ("framework": Method, "benchmarks": Dataset), singular or plural."""
    return heads.of_name(noun) or heads.of_name(re.sub(r"(?:es|s)$", "", noun))


def set_beside_after_bracket(text: str, at: int) -> re.Match | None:
    """The apposition right after the bracket of an acronym's definition, read from `at` (within or
    before the bracket): "... summarization (PACO), a training-free framework"."""
    bracket = _BRACKET_REST.match(text, at)
    return SET_BESIDE_AFTER.match(text, bracket.end()) if bracket else None


@Language.factory(
    "paperkg_type_priors",
    default_config={"data_dir": None, "files": list(LABEL_FILES.values()), "groups": ["ner"],
                    "heads_path": "entity_heads.jsonl"},
)
def make_type_priors(nlp: Language, name: str, data_dir: str | None, files: list[str],
                     groups: list[str], heads_path: str) -> TypePriors:
    paths = catalogue_paths(data_dir, files)
    return TypePriors(paths, groups, heads_path)


@lru_cache(maxsize=8)
def catalogue_labels(paths: tuple[Path, ...]) -> dict[str, frozenset[str]]:
    """Name key -> every type the pattern files give the name."""
    labels: dict[str, set[str]] = {}
    for pattern in read_patterns(paths):
        key = name_key(pattern["pattern"])
        if key:
            labels.setdefault(key, set()).add(pattern["label"])
    return {key: frozenset(found) for key, found in labels.items()}


def catalogue_types(paths: tuple[Path, ...]) -> dict[str, str]:
    """Name key -> type, for every name the pattern files give a single type."""
    return {key: next(iter(found)) for key, found in catalogue_labels(paths).items() if len(found) == 1}


class TypePriors:
    """Re-types the spans of `groups` by catalogue, then head noun."""

    def __init__(self, paths: tuple[Path, ...], groups: Iterable[str], heads_path: str):
        self.paths = paths
        self.groups = list(groups)
        self.heads_path = data_path(heads_path)
        self.types: dict[str, str] = {}
        self.heads = HeadTypes(())

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the gazetteer's pattern files (shared with paperkg_gazetteer) and the head nouns."""
        self.labels = catalogue_labels(self.paths)
        self.types = catalogue_types(self.paths)
        self.heads = HeadTypes(read_jsonl(self.heads_path))

    def type_of(self, name: str, found: str, before: str = "", after: str = "") -> str:
        """The type a name takes: its catalogue's, else its head noun's, else the class noun it
        is listed after or set beside (`before` and `after`: its sentence around it), else
        `found`."""
        if found in KEPT_LABELS:
            return found
        head = self.heads.of_name(name)
        return (self.types.get(name_key(name)) or (head if head not in KEPT_LABELS else None)
                or ("Metric" if self.changed_metric(name) or _EQUALS_A_VALUE.match(after) or _AT_CUTOFF.search(name)
                    or _SCORE_NAME.search(name) else None)
                or ("Dataset" if DATASET_NAME.search(name) or found == "Method" and _QA_NAME.search(name) else None)
                or self.context_type(name, before, after) or _acting_type(found, before, after)
                or _outperformed_type(name, found, before, after)
                or _benchmark_type(name, found, after) or found)

    def slashed_parts(self, span: Span) -> list[Span] | None:
        """'ACC/AUC/F1', 'RMSE/MAE', 'BACC/AUROC': catalogue names written with slashes between them,
        all of a type, are that many mentions of that type (the NER ran them into one)."""
        bounds, start = [], span.start
        for token in span:
            if token.text == "/":
                if token.i == start or token.whitespace_ or token.nbor(-1).whitespace_:
                    return None
                bounds.append((start, token.i))
                start = token.i + 1
        bounds.append((start, span.end))
        if start == span.end or len(bounds) < 2:
            return None  # a slash inside a token ("0.939/0.983") splits nothing
        names = [span_text(span.doc[lo:hi]) for lo, hi in bounds]
        labels = {label for name in names if (label := self.types.get(name_key(name)))}
        label = labels.pop() if len(labels) == 1 else ""
        if label not in ("Metric", "Dataset") or not all(
                label in self.labels.get(name_key(name), ())
                or label == "Metric" and name_key(name) not in self.labels and _METRIC_ACRONYM.fullmatch(name)
                for name in names):
            return None  # each part a catalogue name of that type ("MAE" is a metric and a method) or, among
            # metrics, an acronym no catalogue lists ("BACC"); not "RRE/RTE" (RTE a dataset) or "KITTI 2012/2015"
        parts = [Span(span.doc, lo, hi, label=label) for lo, hi in bounds]
        for part in parts:
            part._.source, part._.score, part._.generic = span._.source, span._.score, False
        return parts

    def changed_metric(self, name: str) -> bool:
        """'ΔTPR', 'ΔmIoU': the change of a catalogue metric is a metric."""
        return name[:1] in "Δ∆" and self.types.get(name_key(name[1:])) == "Metric"

    def context_type(self, name: str, before: str, after: str) -> str | None:
        """The type of the class noun a name is listed after ("benchmarks such as X") or set
        beside ("a ... model, X," / "X, a ... framework")."""
        found = _LISTED_AFTER.search(before)
        if found is not None and found.group("bracket") and (
                not found.group("items") and not _NEXT_ITEM.match(after) or found.group("noun").startswith("task")):
            found = None  # one name in brackets ("a model (HumanMaterial)") may be the model's own name;
            # "three reasoning-intensive tasks (SciFact, PrivacyQA, and e-SNLI)" names their datasets
        elif found is not None and found.group("opener") and (
                not found.group("noun").endswith("s") or found.group("noun") in ("corpus", "tasks")
                or not found.group("items") and not _NEXT_ITEM.match(after)
                or not _NAME_SHAPED.search(name) or _LOWER_WORD.search(name)
                or _LOWER_ITEM.search(found.group("items"))):
            found = None  # after a comma or colon, only names listed after a plural ("four anomaly detection
            # methods, MGFN, UR-DMU, ..."; not "On both datasets, X achieves", "models, Shapley values")
        if found is None and _CLOSES_APPOSITION.match(after):
            found = _SET_BESIDE_BEFORE.search(before)
        label = self._noun_type(found) or self._noun_type(SET_BESIDE_AFTER.match(after))
        if label == "Model" and _ACRONYM_PLURAL.fullmatch(name):
            return None
        return label

    def listed_among_models(self, text: str, spans: Iterable[Span], models: Iterable[Span]) -> set[str]:
        """The name keys of the names the NER found in a list of three or more that is mostly
        model names the grammar read ("Qwen 1.5-MoE, OLMoE, Mixtral-8x7B"): models too, unless a
        catalogue types them (architectures such as ViT and ResNet stay methods) or they have no
        capital ("precision")."""
        read: list[tuple[int, int, Span | None]] = [(m.start_char, m.end_char, None) for m in models]
        if not read or ", " not in text:
            return set()  # no list with a model the grammar read
        found: list[tuple[int, int, Span | None]] = [
            (s.start_char, s.end_char, s) for s in spans
            if not any(a < s.end_char and s.start_char < b for a, b, _ in read)]
        listed: set[str] = set()
        chain: list[tuple[int, int, Span | None]] = []
        for item in [*sorted(read + found, key=lambda item: item[0]), (len(text) + 1, 0, None)]:
            if chain and _LIST_SEPARATOR.fullmatch(text, chain[-1][1], item[0]):
                chain.append(item)
                continue
            models_in = sum(span is None or span.label_ == "Model" for _, _, span in chain)
            if len(chain) >= 3 and models_in * 2 > len(chain) and models_in >= 2:
                listed |= {key for _, _, span in chain if span is not None and span.label_ != "Model"
                           and _HAS_CAPITAL.search(name := span_text(span))
                           and (key := name_key(name)) not in self.types}
            chain = [item]
        return listed

    def _noun_type(self, found: re.Match | None) -> str | None:
        return class_noun_type(self.heads, found.group("noun")) if found is not None else None

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        listed_datasets, listed_metrics = context_datasets(doc), context_metrics(doc)
        partnered = dataset_partners(doc, text, self.groups)
        for key in self.groups:
            if key not in doc.spans:
                continue
            labels, acting = [], set()
            tasks, group = shared_tasks(doc, text, list(doc.spans[key]))  # a SpanGroup makes new Spans on every pass
            if tasks:
                doc.spans[SHARED_TASKS_KEY] = tasks
            models = self.listed_among_models(text, group, doc.spans.get(MODELS_KEY, ()))
            for span in group:
                sentence = span.sent
                before = text[max(sentence.start_char, span.start_char - CONTEXT_CHARS):span.start_char]
                after = text[span.end_char:min(sentence.end_char, span.end_char + CONTEXT_CHARS)]
                name = span_text(span)
                label = self.type_of(name, span.label_, before, after)
                if label != span.label_ and span.label_ == "Dataset" and label == "Method" \
                        and _acting_type(span.label_, before, after):
                    acting.add(name_key(name))
                if label == "Model" and names_a_pretrained_model(after):
                    models.add(name_key(name))
                if (any(s < span.end_char and span.start_char < e for s, e in listed_datasets)
                        or key == NER_KEY and (span.start_char, span.end_char) in partnered) \
                        and (not span._.generic or _NAME_SHAPED.search(name)):
                    label = "Dataset"  # "the JAADbeh, JAADall, and PIE datasets", "the MIMIC dataset"
                    span._.generic = False
                elif label != "Model" and any(s <= span.start_char and span.end_char <= e for s, e in listed_metrics):
                    label = "Metric"  # "the GOSPA and T-GOSPA metrics"; not a model's ("CLIP metrics")
                    span._.generic = False
                labels.append(label)
            spans = []
            for span, label in zip(group, labels, strict=True):
                name = name_key(span_text(span))
                if label == "Dataset" and span.label_ == "Dataset" and name in acting:
                    label = "Method"  # one name, one type: the mention that acts says what it is
                if name in models:
                    label = "Model"  # and so does one set beside "a ... language model" or listed among models
                    span._.generic = False
                if label != span.label_:  # attributes are keyed by offsets: they stay
                    span = Span(doc, span.start, span.end, label=label, kb_id=span.kb_id,
                                span_id=span.id)
                spans.extend("/" in text[span.start_char:span.end_char] and self.slashed_parts(span) or [span])
            doc.spans[key] = spans
        return doc


def dataset_partners(doc: Doc, text: str, groups: Iterable[str]) -> set[tuple[int, int]]:
    """The members of a list a place's preposition opens ("on M-OWODB and S-OWODB") when at least half
    of them are Datasets some group found, not generic: the others are datasets too."""
    lists = place_lists(text)
    if not lists:
        return set()
    datasets = {(s.start_char, s.end_char) for key in groups if key in doc.spans for s in doc.spans[key]
                if s.label_ == "Dataset" and not s._.generic}
    partners: set[tuple[int, int]] = set()
    for members in lists:
        typed = sum(member in datasets for member in members)
        if typed and 2 * typed >= len(members):
            partners.update(member for member in members if member not in datasets)
    return partners


def shared_tasks(doc: Doc, text: str, spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """Each shared task ("SemEval-2025 Task 10", "WMT 2014 English-to-French translation task") as
    one Dataset, the benchmark GUIDE.md makes it, and `spans` less the ones inside or across it: the
    NER cuts the number off ("SemEval-2025 Task") or calls the name generic, and then, seen once, it
    was dropped."""
    tasks: list[Span] = []
    if not any(word in text for word in ("Task", "task", "Track", "track")):
        return tasks, spans
    for found in _SHARED_TASK.finditer(text):
        task = doc.char_span(found.start(), found.end(), label="Dataset", alignment_mode="expand")
        if task is not None:
            tasks.append(task)
            spans = [s for s in spans if s.end <= task.start or s.start >= task.end]
    return tasks, spans


def _acting_type(found: str, before: str, after: str) -> str | None:
    """Method for a name the NER called a Dataset that acts on a result ("X outperforms")."""
    if found == "Dataset" and _ACTS.match(after) and not _PLACE_BEFORE.search(before):
        return "Method"
    return None


def _outperformed_type(name: str, found: str, before: str, after: str) -> str | None:
    """Method for a name-shaped Task or Dataset of the NER's that a method outperforms ("outperforms
    CQL and IQL on the D4RL benchmark"), not one that names the kind ("outperforms unimodal VAD methods")."""
    if found in ("Dataset", "Task") and _NAME_SHAPED.search(name) and not _YEAR_END.search(name) \
            and not _CLASS_NOUN_AFTER.match(after) and (outperformed := _OUTPERFORMED.search(before)) \
            and not _PLACE_WORD.search(outperformed["objects"]):
        return "Method"
    return None


def _benchmark_type(name: str, found: str, after: str) -> str | None:
    """Dataset for a name-shaped Method the NER found right before "benchmark" or "dataset"."""
    if found == "Method" and _NAME_SHAPED.search(name) and _DATASET_NOUN_AFTER.match(after):
        return "Dataset"
    return None
