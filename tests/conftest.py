"""Shared fixtures: paths to the tiny fixtures and to ../shared/data (required in CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.core.errors import DataNotFound
from kg.paths import shared_data

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"


def shared_data_path(*parts: str) -> Path:
    """A path under the shared data, found as the product finds it (`kg.paths.shared_data`:
    PAPERKG_SHARED_DATA or ../shared/data); skips the test when absent, fails it under CI=true."""
    try:
        return shared_data(*parts)
    except DataNotFound as absent:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI requires shared data: {absent}")
        pytest.skip(str(absent))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
