"""Shared fixtures: paths to the tiny fixtures and to ../shared/data (required in CI)."""

from __future__ import annotations

import ctypes
import os
from datetime import timedelta
from pathlib import Path
from typing import NoReturn

import pytest
from hypothesis import HealthCheck, settings

from kg.core.errors import DataNotFound
from kg.paths import shared_data

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"
# What tests keep for a person to look at (screenshots); git-ignored, CI may point it elsewhere.
ARTIFACTS = Path(os.environ.get("PAPERKG_ARTIFACTS") or ROOT / "test-artifacts")

# Property tests are bounded: a fixed number of examples, each with a deadline that a hang exceeds.
settings.register_profile("bounded", max_examples=150, deadline=timedelta(seconds=10),
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("thorough", parent=settings.get_profile("bounded"), max_examples=2000)
settings.load_profile("bounded")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(what: str, reason: str) -> NoReturn:
    """A test's data, tool or server is missing: skip it with the reason, but under CI=true (where
    `make test` installs everything) fail it."""
    if in_ci():
        pytest.fail(f"CI requires {what}: {reason}")
    pytest.skip(reason)


def shared_data_path(*parts: str) -> Path:
    """A path under the shared data, found as the product finds it (`kg.paths.shared_data`:
    PAPERKG_SHARED_DATA or ../shared/data); skips the test when absent, fails it under CI=true."""
    try:
        return shared_data(*parts)
    except DataNotFound as absent:
        unavailable("shared data", str(absent))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def permission_checks_apply() -> None:
    """`preexec_fn` for a child process that must meet file permissions even when the tests run as
    root: CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH leave its bounding set, so a read-only directory
    is read-only and a mode-000 file unreadable for it. Nothing to do for other users."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.fixture(scope="session")
def seeds_graph_dir(tmp_path_factory) -> Path:
    """The graph of the example corpus (`kg build examples`), built once per session."""
    from kg.build import build_graph

    out = tmp_path_factory.mktemp("seeds-build")
    build_graph([EXAMPLES], out, show_progress=False)
    return out
