"""Shared fixtures: paths to the tiny fixtures and to ../shared/data (required in CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"


def shared_data_path(*parts: str) -> Path:
    """A path under ../shared/data; skips the test when absent, fails it under CI=true."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        reason = f"{path} is absent (../shared/data is not next to this checkout)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI requires shared data: {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
