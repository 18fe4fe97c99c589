"""The one train/dev split of the arXiv 2025 gold (../shared/data/gold/arxiv2025_gold.json).

Fixed here, once: rules and the NER are tuned on `train`; `dev` is only ever scored, never read
for errors. The split is stratified by subject area (the README's four groups) and, within an
area, decided by a hash of the arXiv id, so it depends on no file order and no random state.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kg.core.errors import DataNotFound

if TYPE_CHECKING:
    from extractors.ner_training import TrainingData

Split = Literal["train", "dev"]
DEV_SIZE = 100
SALT = b"paperkg-arxiv2025-split-v1"
AREAS = ("cs.CL", "cs.CV", "cs.LG/AI", "other")


def area_of(category: str) -> str:
    """The stratum of a primary arXiv category: cs.CL, cs.CV, cs.LG/AI (cs.LG, cs.AI, stat.ML)
    or other."""
    if category in ("cs.CL", "cs.CV"):
        return category
    if category in ("cs.LG", "cs.AI", "stat.ML"):
        return "cs.LG/AI"
    return "other"


def _rank(record: dict) -> bytes:
    return hashlib.blake2b(SALT + record["arxiv_id"].encode(), digest_size=16).digest()


def dev_quota(sizes: dict[str, int], dev_size: int = DEV_SIZE) -> dict[str, int]:
    """Dev papers per area, proportional to the area's size (largest remainder)."""
    total = sum(sizes.values())
    exact = {area: dev_size * size / total for area, size in sizes.items()}
    quota = {area: int(value) for area, value in exact.items()}
    by_remainder = sorted(exact, key=lambda area: (-(exact[area] - quota[area]), area))
    for area in by_remainder[:dev_size - sum(quota.values())]:
        quota[area] += 1
    return quota


def split_of(records: Iterable[dict], dev_size: int = DEV_SIZE) -> dict[str, Split]:
    """Gold record id -> "train" or "dev"."""
    by_area: dict[str, list[dict]] = {}
    for record in records:
        by_area.setdefault(area_of(record["category"]), []).append(record)
    quota = dev_quota({area: len(items) for area, items in by_area.items()}, dev_size)
    split: dict[str, Split] = {}
    for area, items in by_area.items():
        for rank, record in enumerate(sorted(items, key=_rank)):
            split[record["id"]] = "dev" if rank < quota[area] else "train"
    return split


def select(records: list[dict], which: Split) -> list[dict]:
    """The records of one side of the split, in file order."""
    split = split_of(records)
    return [record for record in records if split[record["id"]] == which]


VALIDATION_SIZE = 60


def validation_carve(train_records: list[dict], size: int = VALIDATION_SIZE) -> tuple[list[dict], list[dict]]:
    """The train split as (fit, validation): `size` papers, chosen by area and hash as the split
    is (the next ones in each area's order), held back to select the NER's checkpoint; dev stays
    untouched."""
    split = split_of(train_records, size)
    return ([record for record in train_records if split[record["id"]] == "train"],
            [record for record in train_records if split[record["id"]] == "dev"])


def ner_training_data(scier_train: Path, scier_dev: Path, gold_path: Path, corpus: Path) -> TrainingData:
    """What `kg train-ner` learns from: SciER train and the gold's train split less the validation
    carve; SciER dev and the carve select the checkpoint. The gold's dev papers are dropped here,
    and every annotated paper is left out of the unlabelled `corpus` the static vectors come from."""
    from extractors.ner_training import TrainingData

    if not gold_path.is_file():
        raise DataNotFound(f"gold file {gold_path} not found")
    records = json.loads(gold_path.read_text(encoding="utf-8"))
    fit, validation = validation_carve(select(records, "train"))
    return TrainingData(scier_train, scier_dev, fit, validation, corpus,
                        corpus_exclude={record["arxiv_id"] for record in records}, guide_path=gold_path)
