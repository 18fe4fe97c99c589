"""Train the shipped scientific NER (Method, Dataset, Task) from SciER, reproducibly, on CPU.

SciER sentences come space-tokenised with mentions given as token strings. The product never sees
such text: it tokenises natural text with `spacy.blank("en")`. So each sentence is detokenised with
exactly the held-out scorer's rules, mentions are mapped to character offsets in that text, and the
training docs are made by the product's own tokenizer.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from kg.core.errors import DataNotFound

NER_LABELS = ("Method", "Dataset", "Task")
NER_MODEL_DIR = Path(__file__).with_name("ner_model")
TRAINING_CONFIG = Path(__file__).with_name("ner_training.cfg")
DEFAULT_SEED = 7
SCIER_AUTHORS = "Zhang, Chen, Pan, Caragea, Latecki, Dragut"

# The held-out scorer's detokenisation, in its order (../shared/data/README.md).
_DETOKENISE = (
    (re.compile(r" ([,.;:%)\]!?'])"), r"\1"),
    (re.compile(r"([(\[]) "), r"\1"),
    (re.compile(r" - "), "-"),
    (re.compile(r" / "), "/"),
)


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The scorer's natural text for `tokens`, and each token's (start, end) char offsets in it."""
    text = " ".join(tokens)
    for pattern, replacement in _DETOKENISE:
        text = pattern.sub(replacement, text)
    offsets: list[tuple[int, int]] = []
    pos = 0
    for token in tokens:  # the rules only delete spaces, so tokens appear in order
        start = text.index(token, pos)
        if text[pos:start].strip():
            raise ValueError(f"token {token!r} not found in order in {text!r}")
        pos = start + len(token)
        offsets.append((start, pos))
    return text, offsets


@dataclass(slots=True)
class Sentence:
    """A detokenised SciER sentence with its mentions as (start, end, label) char spans."""

    text: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


def convert_record(record: dict) -> Sentence:
    """Map every occurrence of each annotated mention (token sequence) to char offsets.

    SciER lists mentions as strings, so every occurrence in the sentence is labelled; where two
    occurrences overlap, the longer (then earlier, then first listed) one wins, as a NER tags no
    overlaps.
    """
    tokens = record["sentence"].split()
    text, offsets = detokenise(tokens)
    candidates: list[tuple[int, int, str]] = []
    for mention, label in record["ner"]:
        if label not in NER_LABELS:
            continue
        words = mention.split()
        for i in range(len(tokens) - len(words) + 1):
            if tokens[i:i + len(words)] == words:
                candidates.append((i, i + len(words), label))
    taken = [False] * len(tokens)
    mentions: list[tuple[int, int, str]] = []
    # Longest first, then leftmost; a span annotated with two labels keeps the first one listed
    # (a set here made the choice depend on string hashing, so two trainings differed).
    for first, last, label in sorted(dict.fromkeys(candidates), key=lambda c: (c[0] - c[1], c[0])):
        if any(taken[first:last]):
            continue
        taken[first:last] = [True] * (last - first)
        mentions.append((offsets[first][0], offsets[last - 1][1], label))
    return Sentence(text, sorted(mentions))


def read_scier(path: Path) -> Iterator[Sentence]:
    """The sentences of a SciER JSONL file, detokenised, with char-offset mentions."""
    if not path.exists():
        raise DataNotFound(f"SciER file not found: {path}")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield convert_record(json.loads(line))


@dataclass(slots=True)
class Conversion:
    docs: DocBin
    mentions: int = 0
    misaligned: int = 0  # mentions whose edges fall inside a token of the product tokenizer


def to_docbin(nlp: Language, sentences: Iterable[Sentence]) -> Conversion:
    """Tokenise with the product tokenizer; mentions not on token edges are counted and skipped."""
    conversion = Conversion(DocBin(store_user_data=False))
    for sentence in sentences:
        doc = nlp.make_doc(sentence.text)
        spans = []
        for start, end, label in sentence.mentions:
            conversion.mentions += 1
            span = doc.char_span(start, end, label=label)
            if span is None:
                conversion.misaligned += 1
            else:
                spans.append(span)
        doc.ents = spans
        conversion.docs.add(doc)
    return conversion


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train_ner(
    train_path: Path,
    dev_path: Path,
    output_dir: Path = NER_MODEL_DIR,
    seed: int = DEFAULT_SEED,
    overrides: dict | None = None,
    config_path: Path = TRAINING_CONFIG,
) -> dict:
    """Train tok2vec+ner on `train_path`, select on `dev_path`, write the best pipeline to `output_dir`.

    Returns the dev scores (spaCy's exact-span P/R/F1, overall and by type). `output_dir` gets the
    pipeline plus TRAINING.md (command, seed, data hashes, scores) and the SciER LICENSE.
    """
    from spacy.cli.train import train as spacy_train

    nlp = spacy.blank("en")
    all_overrides = {"training.seed": seed, **(overrides or {})}
    with tempfile.TemporaryDirectory(prefix="paperkg-ner-") as tmp:
        work = Path(tmp)
        for split, path in (("train", train_path), ("dev", dev_path)):
            conversion = to_docbin(nlp, read_scier(path))
            conversion.docs.to_disk(work / f"{split}.spacy")
            print(f"{split}: {len(conversion.docs)} sentences, {conversion.mentions} mentions, "
                  f"{conversion.misaligned} off the tokenizer's token edges (skipped)", flush=True)
        all_overrides |= {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
        spacy_train(config_path, work / "out", overrides=all_overrides, use_gpu=-1)
        best = work / "out" / "model-best"
        meta = json.loads((best / "meta.json").read_text())
        if output_dir.exists():
            shutil.rmtree(output_dir)
        shutil.copytree(best, output_dir)
    scores = {
        "precision": meta["performance"]["ents_p"],
        "recall": meta["performance"]["ents_r"],
        "f1": meta["performance"]["ents_f"],
        "by_type": meta["performance"]["ents_per_type"],
    }
    _write_provenance(output_dir, train_path, dev_path, seed, all_overrides, scores)
    return scores


def _write_provenance(
    output_dir: Path, train_path: Path, dev_path: Path, seed: int, overrides: dict, scores: dict
) -> None:
    """TRAINING.md (how the weights were made), the GPL-3.0 LICENSE of the SciER data, and the
    licence and source in the pipeline's meta.json."""
    config = spacy.util.load_config(output_dir / "config.cfg", interpolate=False)
    config["paths"]["train"] = config["paths"]["dev"] = None  # temporary DocBin files, gone
    config.to_disk(output_dir / "config.cfg")
    meta_path = output_dir / "meta.json"
    meta = json.loads(meta_path.read_text())
    major, minor = (int(part) for part in spacy.__version__.split(".")[:2])
    meta |= {"name": "paperkg_scier_ner", "license": "GPL-3.0",
             # the minor version pin of pyproject.toml: weights load across its patch releases
             "spacy_version": f">={major}.{minor},<{major}.{minor + 1}",
             "description": "PaperKG scientific NER (Method, Dataset, Task) trained on SciER",
             "sources": [{"name": "SciER", "url": "https://github.com/edzq/SciER",
                          "license": "GPL-3.0", "author": SCIER_AUTHORS}]}
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    licence = train_path.with_name("LICENSE")
    if licence.exists():
        shutil.copyfile(licence, output_dir / "LICENSE")
    shown = {k: v for k, v in overrides.items() if not k.startswith("paths.")}
    rows = "\n".join(
        f"| {label} | {s['p']:.4f} | {s['r']:.4f} | {s['f']:.4f} |"
        for label, s in sorted(scores["by_type"].items())
    )
    (output_dir / "TRAINING.md").write_text(f"""# PaperKG scientific NER (Method, Dataset, Task)

A spaCy {spacy.__version__} CNN pipeline (tok2vec + ner) trained on CPU from SciER by the project:

    OMP_NUM_THREADS=1 kg train-ner --seed {seed}

(`extractors.ner_training.train_ner`; config: `extractors/ner_training.cfg`, overrides {json.dumps(shown)}).
Tokenizer: `spacy.blank("en")`, the product's. Sentences detokenised with the held-out scorer's rules.
Deterministic for a seed on CPU with one BLAS thread (`OMP_NUM_THREADS=1`), which is how these were made.

| file | sha256 |
|---|---|
| {train_path.name} | {sha256(train_path)} |
| {dev_path.name} | {sha256(dev_path)} |

Dev scores (spaCy exact span match on the detokenised dev sentences, model alone):
P {scores['precision']:.4f} R {scores['recall']:.4f} F1 {scores['f1']:.4f}

| type | P | R | F1 |
|---|---|---|---|
{rows}

## Licence and citation
These weights derive from the SciER data and are distributed under GPL-3.0 (LICENSE in this folder);
the rest of PaperKG is Apache-2.0.

{SCIER_AUTHORS}. "SciER: An Entity and Relation Extraction Dataset for
Datasets, Methods, and Tasks in Scientific Documents." EMNLP 2024. https://github.com/edzq/SciER
""", encoding="utf-8")


def format_scores(scores: dict) -> str:
    lines = [f"{'type':<10}{'P':>8}{'R':>8}{'F1':>8}"]
    for label, s in sorted(scores["by_type"].items()):
        lines.append(f"{label:<10}{s['p']:>8.4f}{s['r']:>8.4f}{s['f']:>8.4f}")
    lines.append(f"{'micro':<10}{scores['precision']:>8.4f}{scores['recall']:>8.4f}{scores['f1']:>8.4f}")
    return "\n".join(lines)

