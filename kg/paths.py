"""Where the shared data lives (../shared/data next to the checkout, or PAPERKG_SHARED_DATA)."""

from __future__ import annotations

import os
from pathlib import Path

from kg.core.errors import DataNotFound

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_data(*parts: str) -> Path:
    """A path under the shared data directory; `DataNotFound` with the places looked at if absent."""
    candidates = []
    if os.environ.get("PAPERKG_SHARED_DATA"):
        candidates.append(Path(os.environ["PAPERKG_SHARED_DATA"]))
    candidates += [Path.cwd().parent / "shared" / "data", REPO_ROOT.parent / "shared" / "data"]
    for base in candidates:
        path = base.joinpath(*parts)
        if path.exists():
            return path
    looked = ", ".join(str(c.joinpath(*parts)) for c in candidates)
    raise DataNotFound(f"{'/'.join(parts)} not found (looked in {looked}; set PAPERKG_SHARED_DATA)")
