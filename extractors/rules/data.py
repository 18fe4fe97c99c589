"""Where the rule data lives: every JSONL rule file and gazetteer is under extractors/data/."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def data_path(path: str | Path) -> Path:
    """A data file named in config.cfg: a relative path is taken inside extractors/data/, an
    absolute one as it is."""
    path = Path(path)
    return path if path.is_absolute() else DATA_DIR / path
