"""Digests of source trees: what the extraction cache and the build's up-to-date check key on."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...


def add_tree(digest: Digest, root: Path, tree: str, suffixes: tuple[str, ...] | None = None) -> None:
    """Feed every file under `root/tree` (only `suffixes`, when given) into `digest`: its path
    relative to `root` and its bytes, sorted by path. Compiled bytecode follows the sources and is
    left out."""
    for path in sorted((root / tree).rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        if suffixes is not None and path.suffix not in suffixes:
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
