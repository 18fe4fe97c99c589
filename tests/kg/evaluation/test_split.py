"""The arXiv gold split is fixed: its sizes, its strata and its exact dev ids never move."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

import pytest

from kg.evaluation.split import area_of, dev_quota, select, split_of, validation_carve
from tests.conftest import shared_data_path

# sha256 of the sorted dev ids joined by spaces, when the split was fixed.
DEV_IDS_SHA256 = "67ee04fac1d7761cf0ad72cd7b1a4a82d6a5ea352d225f6f8fb07b9a8cef806a"


def test_quota_is_proportional_by_largest_remainder():
    assert dev_quota({"a": 197, "b": 122, "c": 116, "d": 45}, 100) == {"a": 41, "b": 26, "c": 24, "d": 9}
    assert sum(dev_quota({"x": 3, "y": 3, "z": 1}, 2).values()) == 2


def test_areas():
    assert [area_of(c) for c in ("cs.CL", "cs.CV", "cs.AI", "cs.LG", "stat.ML", "cs.GR")] == [
        "cs.CL", "cs.CV", "cs.LG/AI", "cs.LG/AI", "cs.LG/AI", "other"]


def test_split_does_not_depend_on_record_order():
    records = [{"id": f"p{i}", "arxiv_id": f"2501.{i:05d}", "category": "cs.CL" if i % 3 else "cs.CV"}
               for i in range(50)]
    assert split_of(records, 10) == split_of(list(reversed(records)), 10)
    assert Counter(split_of(records, 10).values()) == {"train": 40, "dev": 10}


@pytest.mark.shared_data
def test_arxiv_gold_split_is_fixed():
    records = json.loads(shared_data_path("gold", "arxiv2025_gold.json").read_text(encoding="utf-8"))
    dev, train = select(records, "dev"), select(records, "train")
    assert (len(train), len(dev)) == (380, 100)
    assert Counter(area_of(r["category"]) for r in dev) == {"cs.CL": 41, "cs.CV": 26, "cs.LG/AI": 24, "other": 9}
    digest = hashlib.sha256(" ".join(sorted(r["id"] for r in dev)).encode()).hexdigest()
    assert digest == DEV_IDS_SHA256


def test_validation_carve_is_a_fixed_stratified_part_of_train():
    records = [{"id": f"p{i}", "arxiv_id": f"2501.{i:05d}", "category": "cs.CL" if i % 3 else "cs.CV"}
               for i in range(90)]
    fit, validation = validation_carve(records, 15)
    assert (len(fit), len(validation)) == (75, 15)
    assert {r["id"] for r in fit}.isdisjoint(r["id"] for r in validation)
    assert Counter(r["category"] for r in validation) == {"cs.CL": 10, "cs.CV": 5}
    assert validation_carve(list(reversed(records)), 15)[1] == list(reversed(validation))


@pytest.mark.shared_data
def test_ner_validation_papers_come_from_train_only():
    records = json.loads(shared_data_path("gold", "arxiv2025_gold.json").read_text(encoding="utf-8"))
    fit, validation = validation_carve(select(records, "train"))
    dev_ids = {r["id"] for r in select(records, "dev")}
    assert (len(fit), len(validation)) == (320, 60)
    assert dev_ids.isdisjoint(r["id"] for r in fit + validation)
