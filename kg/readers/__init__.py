"""Input readers: files and directories in, `Paper` records (or `Reject`s) out, streamed.

The format of each file is sniffed from its first characters (gzip is undone first), not taken
from its extension: JSON Lines, a JSON document (array, API page or single object), a CSV/TSV
table, or a Hugging Face papers page dump. A file that is none of these is one `Reject`; a bad
record is one `Reject` and the records around it still go through.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from kg.core.errors import InputNotFound
from kg.core.records import Paper, Reject
from kg.readers.csv_table import header_delimiter, read_csv
from kg.readers.hf_page import looks_like_hf_page, read_hf_page
from kg.readers.json_file import read_json_document, read_jsonl
from kg.readers.streams import open_text

__all__ = ["read_records", "iter_input_files", "detect_reader"]

SNIFF_CHARS = 1 << 16
REJECTS_NAME = "rejects.jsonl"  # our own output (`x.rejects.jsonl`, `rejects.jsonl`) is never input
UNKNOWN_FORMAT = ("unknown format: not JSON Lines, a JSON document, a CSV/TSV table with a title or "
                  "abstract column, or a Hugging Face papers page dump")

Reader = Callable[[Path, int], Iterator[Paper | Reject]]


def read_records(inputs: Sequence[str | Path], max_abstract_chars: int = 100_000) -> Iterator[Paper | Reject]:
    """Every record of every input, in order (directories recursively, sorted by name).

    Raises InputNotFound before reading anything when an input path does not exist.
    """
    paths = [Path(inputs)] if isinstance(inputs, (str, Path)) else [Path(item) for item in inputs]
    for path in paths:
        if not path.exists():
            raise InputNotFound(f"input not found: {path}")
    return _read_all(paths, max_abstract_chars)


def _read_all(paths: list[Path], max_abstract_chars: int) -> Iterator[Paper | Reject]:
    for path in paths:
        for file in iter_input_files(path):
            yield from _read_file(file, max_abstract_chars)


def iter_input_files(path: Path) -> Iterator[Path]:
    """`path` itself when it is a file; else its files, recursively, sorted, without hidden entries
    and without rejects files."""
    if not path.is_dir():
        yield path
        return
    try:
        entries = sorted(path.iterdir(), key=lambda entry: entry.name)
    except OSError:  # unreadable directory: reading it as a file turns the error into a reject
        yield path
        return
    for entry in entries:
        if entry.name.startswith(".") or _is_rejects_file(entry):
            continue
        yield from iter_input_files(entry)


def _is_rejects_file(path: Path) -> bool:
    return path.is_file() and (path.name == REJECTS_NAME or path.name.endswith("." + REJECTS_NAME))


def detect_reader(sample: str) -> Reader | None:
    """The reader for a file that starts with `sample` (decoded text), or None when unknown."""
    text = sample.lstrip()
    if not text:
        return None
    if text[0] in "[{":
        return read_jsonl if _is_json_lines(text, len(sample) == SNIFF_CHARS) else read_json_document
    if looks_like_hf_page(text):
        return read_hf_page
    delimiter = header_delimiter(text)
    return partial(read_csv, delimiter=delimiter) if delimiter else None


def _is_json_lines(text: str, cut: bool) -> bool:
    """One JSON value per line: the first line parses alone, or (for objects) the second line starts
    a new object, so that a broken first line does not make a JSONL file look like one document."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) == 1 and cut:  # a first line longer than the sample: read it as a line
        return True
    try:
        json.loads(lines[0])
        return True
    except json.JSONDecodeError:
        return text[0] == "{" and len(lines) > 1 and lines[1].startswith("{")


def _read_file(path: Path, max_abstract_chars: int) -> Iterator[Paper | Reject]:
    last_origin, reason = f"{path}:1", "cannot read the file"
    try:
        with open_text(path) as stream:
            sample = stream.read(SNIFF_CHARS)
        if not sample.strip():
            return  # an empty file holds no records
        reader = detect_reader(sample)
        if reader is None:
            yield Reject(last_origin, UNKNOWN_FORMAT)
            return
        for record in reader(path, max_abstract_chars):
            last_origin, reason = record.origin, "cannot read the rest of the file after this record"
            yield record
    except (OSError, EOFError, zlib.error) as err:  # unreadable file or corrupt gzip stream
        yield Reject(last_origin, f"{reason}: {err}")
