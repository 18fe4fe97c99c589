"""Headless Chromium for tests: node scripts that import tools/browser/launch.mjs (playwright-core
driving Debian's chromium; `make browser` installs both). Missing pieces skip, or fail under CI."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT, unavailable

BROWSER_TOOL = ROOT / "tools" / "browser"
LAUNCHER = BROWSER_TOOL / "launch.mjs"


def require_browser() -> str:
    """The node binary, once node, the pinned playwright-core and chromium are all there."""
    node = shutil.which("node")
    chromium = os.environ.get("PAPERKG_CHROMIUM") or "/usr/bin/chromium"
    if node is None:
        unavailable("headless Chromium", "Node.js is not installed")
    if not (BROWSER_TOOL / "node_modules" / "playwright-core").is_dir():
        unavailable("headless Chromium", "playwright-core is not installed (run `make browser`)")
    if not os.access(chromium, os.X_OK):
        unavailable("headless Chromium", f"no Chromium at {chromium} (run `make browser`)")
    return node


def run_browser_script(script: Path, *args: str, timeout: float = 120,
                       env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a node script (which imports LAUNCHER) with arguments; output captured as text."""
    node = require_browser()
    return subprocess.run([node, str(script), *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})
