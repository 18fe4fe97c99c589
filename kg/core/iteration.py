"""The two iteration helpers every stage shares: fixed-size batches and JSON Lines data files."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from kg.core.errors import BadDataFile

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last one shorter), streamed."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The objects of a JSON Lines data file (rules, gazetteers, catalogues); blank lines are
    skipped and a line that is not a JSON object is a `BadDataFile` naming `path:line`.
    (Input corpora go through kg.readers instead, which reject bad records and go on.)"""
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BadDataFile(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise BadDataFile(f"{path}:{number}: expected a JSON object, found "
                                  f"{type(record).__name__}")
            yield record
