"""Derive the gazetteer pattern files of `paperkg_gazetteer` from the Papers with Code catalogues.

`build_gazetteers(pwc_dir, out_dir, corpus)` reads methods/datasets/tasks/metrics/benchmarks.jsonl,
keeps the names that are safe to match by string, merges the hand-written `curated.jsonl`, and writes
one phrase-pattern file per entity type (`{"label", "pattern", "id", "attr", "tokens"}`): `attr` is
the token attribute to match on, ORTH (exact case) or LOWER (any case), and `tokens` the pattern as
the pipeline's tokenizer splits it (so that loading the pipeline need not tokenize 28k patterns).

Precision comes first, since a gazetteer hit is trusted without context:
- junk (spam flags, deleted placeholders, punctuation-led or digit-only names, paper titles) goes;
- a one-word name whose lower-case form is common in ML prose (measured on an arXiv corpus:
  "Focus", "Diffusion", "BASE") goes, unless it is curated;
- acronyms, camel case and names with digits match exactly; multiword method/task/metric names match
  in any case ("machine translation"); dataset names keep their case unless they are long.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from extractors.rules.data import DATA_DIR
from extractors.rules.model_names import ModelGrammar
from extractors.tokenizer import blank
from kg.core.errors import DataNotFound
from kg.core.iteration import read_jsonl

CURATED_PATH = DATA_DIR / "curated.jsonl"
BLOCKED_PATH = DATA_DIR / "blocked.txt"
LABEL_FILES = {
    "Dataset": "datasets.jsonl",
    "Method": "methods.jsonl",
    "Task": "tasks.jsonl",
    "Metric": "metrics.jsonl",
}
# When one surface form is in two catalogues, the earlier label wins ("Contrastive Learning" is a
# PwC method and a task; "Visual Question Answering" is a task and a dataset's name).
LABEL_PRECEDENCE = ("Method", "Metric", "Task", "Dataset")
# PwC files many techniques and training paradigms as tasks ("Bayesian Optimization", "Imitation
# Learning", "Thompson Sampling"); the annotation guide calls them methods. A task name ending in
# one of these words is a Method.
TECHNIQUE_HEADS = {
    "learning", "optimization", "optimisation", "sampling", "filtering", "decomposition",
    "reduction", "search", "distillation", "quantization", "quantisation", "pruning",
    "augmentation", "tuning", "finetuning", "fine-tuning", "training", "regression", "clustering",
    "prompting", "decoding", "factorization", "factorisation",
}
# A task named for a kind of model ("Multimodal Large Language Model") is left out.
MODEL_HEADS = {"model", "models", "network", "networks"}

MAX_WORDS = 8
MAX_CHARS = 60
# A word seen this often in lower case in the corpus is an ordinary word ("focus", "haystack").
PROSE_WORD_MIN_COUNT = 3
# A word in capitals is a name, not emphasis of the word, when at most this many times rarer than
# the lower-case word ("MATH" 78 vs "math" 437 in 40k abstracts; "BASE" 6 vs "base" 1317).
CAPITALS_RATIO = 10
# An acronym of three letters or fewer is kept only with this much PwC usage: papers using the
# method or dataset, tasks using the metric.
SHORT_ACRONYM_MIN_USE = {"Method": 20, "Dataset": 20, "Task": 20, "Metric": 5}
# Metrics used in fewer PwC tasks are too specific ("F1 (QE-PH)") to be worth a pattern.
METRIC_MIN_TASKS = 2
# PwC lists pretrained models among its methods; models belong to the model-name grammar.
MODEL_COLLECTIONS = {
    "Language Models", "Autoencoding Transformers", "Autoregressive Transformers",
    "Vision and Language Pre-Trained Models", "Sequence To Sequence Models",
    "Image Segmentation Models",
}
# The last word of a multiword metric name says what it measures ("top-1 accuracy", "win rate").
METRIC_HEADS = {
    "accuracy", "acc", "score", "scores", "rate", "rates", "error", "errors", "precision",
    "recall", "f1", "auc", "iou", "distance", "correlation", "coefficient", "divergence",
    "similarity", "ratio", "loss", "likelihood", "perplexity", "quality", "index", "measure",
    "rank", "gain", "reward", "map", "ap", "dice", "agreement", "deviation",
}
# Method names ending in one of these nouns are also written in the plural ("GANs" is handled apart).
PLURAL_HEADS = {
    "network", "model", "layer", "unit", "autoencoder", "encoder", "decoder", "transformer",
    "embedding", "field", "machine", "tree", "forest", "connection", "block", "module",
    "retriever", "kernel", "adapter", "classifier", "process", "operator",
}
SPLIT_WORDS = {"train", "val", "valid", "validation", "dev", "test", "test-dev", "test-std", "subset"}

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-+]*")
_PARENTHESISED = re.compile(r"^(?P<long>[^()]+?)\s*\((?P<short>[A-Za-z][\w\-+.]*)\)$")
_JUNK = re.compile(r"https?:|www\.|\?|!|#|~|\*|\||\s\+\s|\(deleted|\bhow to\b|\bcustomer\b", re.I)
_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Candidate:
    """One surface form that should resolve to `id` (a canonical name) of type `label`."""

    label: str
    surface: str
    id: str
    popularity: int = 0
    curated: bool = False
    attr: str | None = None


class WordStats:
    """Token counts of a reference corpus: tells a coined name from a common word of ML prose."""

    def __init__(self, counts: Counter[str]):
        self.counts = counts

    @classmethod
    def from_abstracts(cls, corpus: Path) -> WordStats:
        counts: Counter[str] = Counter()
        for record in _read_corpus(corpus):
            counts.update(_WORD.findall(record.get("abstract") or ""))
        return cls(counts)

    def is_prose_word(self, word: str) -> bool:
        """True when `word` is also written in lower case in the corpus: an ordinary word."""
        lower = word.lower()
        return lower in STOP_WORDS or self.counts[lower] >= PROSE_WORD_MIN_COUNT

    def is_name_in_capitals(self, word: str) -> bool:
        """True when the capitalised spelling is common next to the lower-case word ("MATH")."""
        return self.counts[word] * CAPITALS_RATIO >= self.counts[word.lower()]


def build_gazetteers(
    pwc_dir: Path, out_dir: Path, corpus: Path, curated: Path = CURATED_PATH,
    blocked: Path = BLOCKED_PATH,
) -> dict[str, int]:
    """Write one pattern file per entity type into `out_dir`; return the pattern count per file."""
    for path in (pwc_dir, corpus, curated, blocked):
        if not path.exists():
            raise DataNotFound(f"gazetteer source not found: {path}")
    stats = WordStats.from_abstracts(corpus)
    blocked_phrases = {line.strip().lower() for line in blocked.read_text().splitlines()
                       if line.strip() and not line.startswith("#")}
    candidates = [*curated_candidates(curated), *pwc_candidates(pwc_dir)]
    patterns = select_patterns(candidates, stats, blocked_phrases)
    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = blank().tokenizer  # the pipeline's (extractors/config.cfg)
    written: dict[str, int] = {}
    for label, filename in LABEL_FILES.items():
        rows = sorted((p for p in patterns if p["label"] == label),
                      key=lambda p: (p["id"].lower(), p["pattern"], p["attr"]))
        with (out_dir / filename).open("w", encoding="utf-8") as out:
            for row in rows:
                row["tokens"] = [token.text for token in tokenizer(row["pattern"])]
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        written[filename] = len(rows)
    return written


# ---------------------------------------------------------------------------------------------
# Reading the catalogues


def _read_corpus(path: Path) -> Iterator[dict]:
    """The records of an abstracts corpus, JSONL or JSONL.gz (rule files go through read_jsonl)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _catalogue(pwc_dir: Path, name: str) -> Iterator[dict]:
    path = pwc_dir / f"{name}.jsonl"
    if not path.exists():
        raise DataNotFound(f"PwC catalogue not found: {path}")
    for record in read_jsonl(path):
        if not record.get("flags"):
            yield record


def split_acronym(name: str) -> list[str]:
    """'Word Error Rate (WER)' -> ['Word Error Rate', 'WER']; other names are returned as is
    (a qualifier such as 'Reading Comprehension (Zero-Shot)' is not an acronym)."""
    match = _PARENTHESISED.match(name.strip())
    if match and _looks_like_acronym(match["short"]):
        return [match["long"], match["short"]]
    return [name.strip()]


def _looks_like_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and capitals * 2 >= len(letters)


def _surfaces(names: Iterable[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        for surface in split_acronym(name or ""):
            if surface:
                seen.setdefault(surface, None)
    return list(seen)


def _record_candidates(label: str, names: list[str], popularity: int) -> list[Candidate]:
    """All surfaces of one catalogue record; the id is the first surface that survives filters."""
    kept = [s for s in _surfaces(names) if rejection(s) is None]
    return [Candidate(label, s, kept[0], popularity) for s in kept]


def model_grammar() -> ModelGrammar:
    """The pipeline's model-name grammar, from the shipped family and part files."""
    grammar = ModelGrammar()
    grammar.add_parts(read_jsonl(DATA_DIR / "model_parts.jsonl"))
    grammar.add_families(read_jsonl(DATA_DIR / "model_families.jsonl"))
    return grammar


def is_model_name(grammar: ModelGrammar, name: str) -> bool:
    """True when the model grammar reads the whole of `name` ("YOLOv8", "PaLM", "VGG-16")."""
    return any(found.start == 0 and found.end == len(name) for found in grammar.find(name))


def method_candidates(pwc_dir: Path, grammar: ModelGrammar | None = None) -> Iterator[Candidate]:
    """Methods, except the models PwC lists among them: its model collections, and the records
    the model grammar reads as a model ("YOLOv8", "PEGASUS"), which the grammar finds as Models."""
    for record in _catalogue(pwc_dir, "methods"):
        if MODEL_COLLECTIONS.intersection(record.get("collections", ())):
            continue
        if grammar is not None and is_model_name(grammar, record["name"]):
            continue
        names = [record["name"], record.get("full_name"), *record.get("aliases", [])]
        yield from _record_candidates("Method", names, record.get("num_papers") or 0)


def dataset_candidates(pwc_dir: Path) -> Iterator[Candidate]:
    """Datasets with their full names, aliases and leaderboard names; a numbered or lettered version
    ("ActivityNet-1.3", "ImageNet-R") is a dataset of its own with its spellings."""
    benchmarks: dict[str, list[str]] = {}
    for record in _catalogue(pwc_dir, "benchmarks"):
        if record.get("catalogue_dataset"):
            benchmarks.setdefault(record["catalogue_dataset"], []).append(record["name"])
    for record in _catalogue(pwc_dir, "datasets"):
        name = record["name"]
        versions = [v for v in [*record.get("variants", []), *benchmarks.get(name, [])]
                    if _is_version_of(v, name)]
        popularity = record.get("num_papers") or 0
        distinct = [v for v in versions if DISTINCT_VERSION.fullmatch(v[len(name):])]
        names = [name, record.get("full_name"), *record.get("aliases", []),
                 *(v for v in versions if v not in distinct)]
        yield from _record_candidates("Dataset", names, popularity)
        for spellings in version_spellings(distinct).values():
            yield from _record_candidates("Dataset", spellings, popularity)


# What a version adds to its dataset's name when it is another benchmark: a number, year or size
# ("AIME 2025", "ActivityNet-1.3", "ImageNet-100", "MultiWOZ 2.4") or a one- or two-letter suffix
# ("ImageNet-R", "ImageNet-A"). "3DMatch Benchmark" or "AFHQ Cat" stay the dataset itself.
DISTINCT_VERSION = re.compile(r"[\s\-_]?(?:v?\d[\d.]*[kKmM]?|[A-Z]{1,2})")
_SHORT_YEAR = re.compile(r"(?<=[A-Za-z])[\s\-_]?(2\d)$")


def version_spellings(versions: list[str]) -> dict[str, list[str]]:
    """The spellings of each version, grouped: "ActivityNet-1.3" and "ActivityNet1.3" are one,
    and a two-digit year is its four-digit one when both occur ("AIME24", "AIME 2024")."""
    def key(version: str) -> str:
        return re.sub(r"[\s\-_]", "", version.lower())

    keys = {key(v) for v in versions}
    groups: dict[str, list[str]] = {}
    for version in versions:
        grouped = key(version)
        year = _SHORT_YEAR.search(version)
        if year and key(version[:year.start()] + "20" + year.group(1)) in keys:
            grouped = key(version[:year.start()] + "20" + year.group(1))
        groups.setdefault(grouped, []).append(version)
    return groups


def _is_version_of(variant: str, name: str) -> bool:
    """A variant that names the dataset itself ("AFLW2000"), not a split ("ADE20K val")."""
    words = variant.lower().split()
    head = name.lower().split()[0]
    return words[0].startswith(head) and not SPLIT_WORDS.intersection(words)


def task_candidates(pwc_dir: Path) -> Iterator[Candidate]:
    """Tasks, except techniques PwC files as tasks ("Bayesian Optimization"): Methods. A task
    named for a kind of model ("Multimodal Large Language Model", "Explainable Models") is no
    task, and as a method it would be a generic phrase in prose: left out."""
    for record in _catalogue(pwc_dir, "tasks"):
        names = [record["name"], *record.get("aliases", [])]
        head = _words(record["name"])[-1].lower() if _words(record["name"]) else ""
        if head in MODEL_HEADS:
            continue
        label = "Method" if head in TECHNIQUE_HEADS else "Task"
        yield from _record_candidates(label, names, record.get("num_datasets_2025") or 0)


def metric_key(name: str) -> str:
    """Spelling-insensitive key grouping 'F1', 'F1-score', 'F1 Score' and 'f1 score'."""
    key = re.sub(r"[^a-z0-9@]", "", name.lower())
    if _is_plain_word(_words(name)[0]):
        return key  # "Average Score" is not "Average"
    return re.sub(r"score$", "", key) or key


def _is_acronym_of(short: str, long: str) -> bool:
    initials = "".join(word[0] for word in re.split(r"[\s\-]+", long) if word)
    return short.isupper() and initials.lower() == short.lower()


def metric_candidates(pwc_dir: Path) -> Iterator[Candidate]:
    """Metric names grouped by spelling; the id is the group's most used name ("F1", "BLEU").

    A PwC metric acronym gets its ITO long name as an alias when the initials agree
    (PSNR <- Peak signal-to-noise ratio); AxCell's lower-case linking strings are added as aliases
    when they spell a name of the group.
    """
    groups: dict[str, list[dict]] = {}
    for record in _catalogue(pwc_dir, "metrics"):
        if record.get("num_tasks", 0) >= METRIC_MIN_TASKS or record.get("axcell_evidence"):
            surfaces = split_acronym(record["name"])[::-1]  # "WER" before "Word Error Rate"
            groups.setdefault(metric_key(surfaces[0]), []).append({**record, "names": surfaces})
    for members in groups.values():
        members.sort(key=lambda r: (-r.get("num_tasks", 0), r["name"]))
        names = [name for r in members for name in r["names"]]
        keys = {metric_key(n) for n in names}
        for record in members:
            canonical = record.get("canonical")
            if canonical and _is_acronym_of(record["names"][0], canonical):
                names.append(canonical)
            names += [e for e in record.get("axcell_evidence") or () if metric_key(e) in keys]
        yield from _record_candidates("Metric", names, sum(r.get("num_tasks", 0) for r in members))


def pwc_candidates(pwc_dir: Path) -> Iterator[Candidate]:
    if not pwc_dir.is_dir():
        raise DataNotFound(f"PwC catalogue directory not found: {pwc_dir}")
    yield from method_candidates(pwc_dir, model_grammar())
    yield from dataset_candidates(pwc_dir)
    yield from task_candidates(pwc_dir)
    yield from metric_candidates(pwc_dir)


def curated_candidates(path: Path) -> Iterator[Candidate]:
    """Hand-written additions: {"label", "pattern", "id"} and optionally "attr" (ORTH/LOWER)."""
    for entry in read_jsonl(path):
        yield Candidate(entry["label"], entry["pattern"], entry["id"], curated=True,
                        attr=entry.get("attr"))


# ---------------------------------------------------------------------------------------------
# Filtering and case policy


def rejection(surface: str) -> str | None:
    """Why `surface` can never be a pattern (junk), or None."""
    if not surface[:1].isalnum():
        return "starts with punctuation"
    if not _LETTER.search(surface):
        return "no letter"
    if _JUNK.search(surface):
        return "spam or placeholder"
    if len(surface) > MAX_CHARS or len(surface.split()) > MAX_WORDS:
        return "too long"
    if "(" in surface or ")" in surface or ":" in surface or ";" in surface:
        return "qualified name"
    return None


def _words(surface: str) -> list[str]:
    return [w for w in re.split(r"[\s\-/]+", surface) if w]


def _is_plain_word(word: str) -> bool:
    """A lower-case or Title-case alphabetic word (no acronym, camel case or digits)."""
    return word.isalpha() and (word.islower() or (word[0].isupper() and word[1:].islower()))


def match_attr(candidate: Candidate, stats: WordStats) -> str | None:
    """ORTH (exact case), LOWER (any case), or None when the name is too ambiguous to match.
    Curated names are never dropped; their case follows the same rules unless they set `attr`."""
    if candidate.attr:
        return candidate.attr
    surface, label = candidate.surface, candidate.label
    words = _words(surface)
    if label == "Metric" and not candidate.curated and not (
            words[-1].lower() in METRIC_HEADS or words[0].isupper()):
        return None  # a column name, not a measure ("Cross-View", "ResNet-101", "Python")
    if len(words) == 1:
        if candidate.curated:
            return "LOWER" if surface.islower() else "ORTH"
        return _single_word_attr(candidate, stats)
    if not all(_is_plain_word(w) or w.isdigit() for w in words):
        return "ORTH"
    if not candidate.curated and all(w.lower() in STOP_WORDS for w in words):
        return None
    if label == "Dataset":
        return "LOWER" if len(words) >= 4 else "ORTH"
    return "LOWER"


def _single_word_attr(candidate: Candidate, stats: WordStats) -> str | None:
    """One-word names: ordinary words go (and so do one-word tasks and metrics in plain
    words, "Classification"); coined words, acronyms and camel case match exactly."""
    word, label = candidate.surface, candidate.label
    if _is_plain_word(word):
        if label in ("Task", "Metric") or word.islower() or stats.is_prose_word(word):
            return None
        return "ORTH"
    letters = re.sub(r"[^A-Za-z]", "", word)
    if word.islower():
        return "ORTH" if len(letters) >= 4 else None  # "word2vec"
    well_used = candidate.popularity >= SHORT_ACRONYM_MIN_USE[label]
    if len(word) <= 2 and not (well_used and len(letters) < len(word)):
        return None  # two letters are too ambiguous, except a used name with a digit ("F1")
    if len(word) <= 3 and not well_used:
        return None
    if word.isalpha() and stats.is_prose_word(word) and not (
            stats.is_name_in_capitals(word) and well_used):
        return None  # an ordinary word in capitals ("BASE", "CLEAR"): rarely this entity
    return "ORTH"


def variants(surface: str, label: str) -> list[str]:
    """Spelling variants: hyphen/space ("in-context"/"in context"), joined hyphens ("finetuning"),
    plurals of acronyms or multiword method names ("GANs", "graph neural networks"), and British
    "-isation" ("domain generalisation": 600 of the 40k arXiv abstracts spell it so)."""
    found = [surface]
    if "-" in surface:
        found.append(surface.replace("-", " "))
        if len(_words(surface)) == 2:
            found.append(surface.replace("-", ""))
    elif len(surface.split()) == 2:
        found.append(surface.replace(" ", "-"))
    words = _words(surface)
    if label == "Method" and (
            (len(words) == 1 and surface.isupper() and surface.isalpha())
            or (len(words) > 1 and words[-1].lower() in PLURAL_HEADS)):
        found.append(surface + "s")
    found += [_IZATION.sub("isation", v) for v in found if _IZATION.search(v)]  # "summarisation"
    return [v for v in dict.fromkeys(found) if rejection(v) is None]


_IZATION = re.compile(r"ization(?=s?\b)")


def select_patterns(
    candidates: Iterable[Candidate], stats: WordStats, blocked: set[str]
) -> list[dict]:
    """Patterns with one (label, id) per string, compared case-insensitively: the curated entry,
    else the first label by precedence, else the most popular record. All spellings of the
    chosen entry stay ("ImageNet-1K", "ImageNet-1k"); a LOWER pattern makes its ORTH twins moot."""
    rank = {label: i for i, label in enumerate(LABEL_PRECEDENCE)}
    best: dict[str, tuple[tuple, str, str]] = {}
    spellings: dict[tuple[str, str, str], dict[str, set[str]]] = {}
    for candidate in candidates:
        if candidate.label not in LABEL_FILES:
            continue
        if not candidate.curated and candidate.surface.lower() in blocked:
            continue
        attr = match_attr(candidate, stats)
        if attr is None:
            continue
        priority = (not candidate.curated, rank[candidate.label], -candidate.popularity)
        for surface in variants(candidate.surface, candidate.label):
            key = surface.lower()
            if key not in best or priority < best[key][0]:
                best[key] = (priority, candidate.label, candidate.id)
            entry = (key, candidate.label, candidate.id)
            spellings.setdefault(entry, {}).setdefault(surface, set()).add(attr)
    patterns = []
    for key, (_, label, canonical) in best.items():
        forms = spellings[(key, label, canonical)]
        any_case = any("LOWER" in attrs for attrs in forms.values())
        if any_case:  # one pattern, in the spelling of running text when there is one
            surface = min(forms, key=lambda form: (form != key, form))
            patterns.append({"label": label, "pattern": surface, "id": canonical, "attr": "LOWER"})
            continue
        for surface in sorted(forms):
            patterns.append({"label": label, "pattern": surface, "id": canonical, "attr": "ORTH"})
    return patterns
