"""Scoring mentions against SciER sentences the way the held-out scorer does.

Each space-tokenised sentence is detokenised (../shared/data/README.md) and run through the product
pipeline as an abstract with an empty title; gold and predicted mentions are compared per sentence
as sets of (type, whitespace-free lowercased text), generic mentions included (SciER annotates
them). Method, Dataset and Task are scored, Model counts as Method, Metric is not scored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.ner_training import detokenise
from kg.core.errors import BadDataFile, DataNotFound
from kg.core.iteration import read_jsonl
from kg.core.records import Paper, PaperExtraction
from kg.evaluation.scores import PRF, total_of

SCIER_TYPES = {"Method": "Method", "Model": "Method", "Dataset": "Dataset", "Task": "Task"}


@dataclass
class ScierScores:
    """Micro mention P/R/F1 by scored type, and "all"."""

    sentences: int = 0
    mentions: dict[str, PRF] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "scier", "sentences": self.sentences,
                "mentions": {name: prf.to_dict() for name, prf in self.mentions.items()}}


def load_scier(path: Path) -> list[dict[str, Any]]:
    """The sentences of a SciER JSONL file; a line without a `sentence` string and an `ner` list of
    [text, type] pairs is a `BadDataFile` naming the line."""
    path = Path(path)
    if not path.is_file():
        raise DataNotFound(f"SciER file {path} not found")
    records = []
    try:
        for number, record in enumerate(read_jsonl(path), 1):
            problem = _record_problem(record)
            if problem:
                raise BadDataFile(f"{path}: record {number}: {problem}")
            records.append(record)
    except UnicodeDecodeError as exc:
        raise BadDataFile(f"{path}: not UTF-8 text ({exc.reason})") from None
    return records


def _record_problem(record: dict[str, Any]) -> str | None:
    if not isinstance(record.get("sentence"), str):
        return "missing 'sentence'" if "sentence" not in record else "'sentence' is not a string"
    mentions = record.get("ner")
    if not isinstance(mentions, list):
        return "missing 'ner'" if mentions is None else "'ner' is not a list"
    for number, mention in enumerate(mentions, 1):
        if not (isinstance(mention, list) and len(mention) == 2
                and all(isinstance(part, str) for part in mention)):
            return f"mention {number} is not a [text, type] pair"
    return None


def scier_papers(records: list[dict[str, Any]]) -> list[Paper]:
    """Each sentence as the held-out scorer feeds it: detokenised, an abstract with no title."""
    return [Paper(id=str(number), title="", abstract=detokenise(record["sentence"].split())[0])
            for number, record in enumerate(records)]


def mention_key(text: str) -> str:
    return "".join(text.split()).lower()


def score_scier(records: list[dict[str, Any]], extractions: list[PaperExtraction]) -> ScierScores:
    """Micro P/R/F1 of typed mention sets, sentence by sentence."""
    scores = ScierScores(mentions={label: PRF() for label in sorted(set(SCIER_TYPES.values()))})
    for record, extraction in zip(records, extractions, strict=True):
        scores.sentences += 1
        gold = {(SCIER_TYPES[label], mention_key(text)) for text, label in record["ner"]
                if label in SCIER_TYPES}
        found = {(SCIER_TYPES[m.type], mention_key(m.text)) for m in extraction.entities
                 if m.type in SCIER_TYPES}
        for label, prf in scores.mentions.items():
            gold_of = {key for key in gold if key[0] == label}
            found_of = {key for key in found if key[0] == label}
            prf.add(PRF(tp=len(gold_of & found_of), fp=len(found_of - gold_of),
                        fn=len(gold_of - found_of)))
    scores.mentions["all"] = total_of(scores.mentions)
    return scores
