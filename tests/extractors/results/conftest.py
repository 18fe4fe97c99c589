"""The shipped cue words and the gazetteer's metric names, compiled once for the results tests."""

from __future__ import annotations

import pytest

from extractors.results.cues import Cues
from extractors.rules.data import DATA_DIR
from kg.core.iteration import read_jsonl


@pytest.fixture(scope="session")
def cues() -> Cues:
    return Cues.from_records(read_jsonl(DATA_DIR / "numbers_cues.jsonl"), read_jsonl(DATA_DIR / "metrics.jsonl"))
