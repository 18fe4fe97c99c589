"""Input readers: files and directories in, `Paper` records (or `Reject`s) out, streamed.

The format of each file is chosen from its first records (gzip is undone first), not from its
extension or its first line: of the formats the file's first 64 KB could be (JSON Lines, a JSON
document: array, API page or single object, a CSV/TSV table, a Hugging Face papers page dump), the
one that reads the most papers from them wins, so a header line, a NUL-filled or undecodable first
line or a stray number before JSON Lines costs one reject, not the file. A file that is none of
these, or not text at all (PDF, SQLite, an image), is one `Reject`; a bad record is one `Reject`
and the records around it still go through. A directory entry that is no regular file (a dangling
link, a FIFO, a socket, a device) is one `Reject` and is never opened. PaperKG's own outputs (the
run's output paths, directories carrying the output marker, rejects files) are never read.
"""

from __future__ import annotations

import io
import json
import os
import stat
import zlib
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path

from kg.core.errors import InputNotFound
from kg.core.records import Paper, Reject
from kg.outputs import is_output_directory
from kg.readers.csv_table import find_header, read_csv
from kg.readers.hf_page import looks_like_hf_page, read_hf_page
from kg.readers.json_file import read_json_document, read_jsonl
from kg.readers.streams import binary_kind, looks_binary, open_binary, open_text

__all__ = ["read_records", "input_files", "detect_reader", "InputFile"]

SNIFF_CHARS = 1 << 16
SNIFF_BYTES = 16
DETECT_RECORDS = 50  # records read from the sample to choose between formats
REJECTS_NAME = "rejects.jsonl"  # our own output (`x.rejects.jsonl`, `rejects.jsonl`) is never input
UNKNOWN_FORMAT = ("unknown format: not JSON Lines, a JSON document, a CSV/TSV table with a title or "
                  "abstract column, or a Hugging Face papers page dump")
_FILE_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))

Reader = Callable[..., Iterator[Paper | Reject]]  # (path, max_abstract_chars, stream=None)
FileKey = tuple[int, int]  # (st_dev, st_ino): one file or directory whatever the path to it


@dataclass(frozen=True, slots=True)
class InputFile:
    """One entry of an input walk: a regular file to read, or why the entry cannot be read."""

    path: Path
    problem: str | None = None


def read_records(inputs: Sequence[str | Path] | str | Path, max_abstract_chars: int = 100_000,
                 exclude: Collection[Path] = ()) -> Iterator[Paper | Reject]:
    """Every record of every input, in order (directories recursively, sorted by name); paths in
    `exclude` (the run's own outputs) are skipped.

    Raises InputNotFound before reading anything when an input path does not exist.
    """
    paths = [Path(inputs)] if isinstance(inputs, (str, Path)) else [Path(item) for item in inputs]
    for path in paths:
        if not path.exists():
            broken = " (a dangling symbolic link)" if path.is_symlink() else ""
            raise InputNotFound(f"input not found: {path}{broken}")
    return _read_all(paths, max_abstract_chars, exclude)


def _read_all(paths: list[Path], max_abstract_chars: int,
              exclude: Collection[Path]) -> Iterator[Paper | Reject]:
    for path in paths:
        for entry in input_files(path, exclude):
            if entry.problem is not None:
                yield Reject(f"{entry.path}:1", entry.problem)
            else:
                yield from _read_file(entry.path, max_abstract_chars)


def input_files(path: Path, exclude: Collection[Path] = ()) -> Iterator[InputFile]:
    """`path` itself when it is a file; else its entries, recursively, sorted by name, without
    hidden entries, rejects files, PaperKG output directories and the `exclude`d paths. Anything
    that is not a regular file or a directory comes back with its problem instead of being opened."""
    excluded = {key for item in exclude if (key := _identity(Path(item))) is not None}
    yield from _walk(path, excluded, set(), top=True)


def _identity(path: Path) -> FileKey | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _walk(path: Path, excluded: set[FileKey], seen_dirs: set[FileKey], top: bool = False) -> Iterator[InputFile]:
    try:
        info = path.stat()
    except FileNotFoundError:
        yield InputFile(path, "dangling symbolic link: its target does not exist"
                        if path.is_symlink() else "vanished while the input was read")
        return
    except OSError as err:
        yield InputFile(path, f"cannot read the entry: {err.strerror or err}")
        return
    if (info.st_dev, info.st_ino) in excluded:
        return
    if stat.S_ISREG(info.st_mode):
        own = top and is_output_directory(path.parent)  # `kg build kg-out/graph.json`
        yield InputFile(path, "a file in a PaperKG output directory, not an input" if own else None)
    elif stat.S_ISDIR(info.st_mode):
        yield from _walk_directory(path, info, excluded, seen_dirs, top)
    else:
        kind = next((name for test, name in _FILE_KINDS if test(info.st_mode)), "of an unknown kind")
        yield InputFile(path, f"not a regular file ({kind}): not read")


def _walk_directory(path: Path, info: os.stat_result, excluded: set[FileKey], seen_dirs: set[FileKey],
                    top: bool) -> Iterator[InputFile]:
    if (info.st_dev, info.st_ino) in seen_dirs:
        return  # a symbolic link back up the tree: its files are read once
    if is_output_directory(path):
        if top:
            yield InputFile(path, "a PaperKG output directory, not an input")
        return
    seen_dirs = seen_dirs | {(info.st_dev, info.st_ino)}
    try:
        entries = sorted(path.iterdir(), key=lambda entry: entry.name)
    except OSError as err:
        yield InputFile(path, f"cannot list the directory: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith(".") or _is_rejects_file(entry):
            continue
        yield from _walk(entry, excluded, seen_dirs)


def _is_rejects_file(path: Path) -> bool:
    return path.name == REJECTS_NAME or path.name.endswith("." + REJECTS_NAME)


def detect_reader(sample: str, max_abstract_chars: int = 100_000) -> Reader | None:
    """The reader for a file that starts with `sample` (decoded text), or None when unknown.

    Every format the sample could be is tried on it: those its start suggests (its first
    character, page markers, a header line) and those only its later lines do (JSON Lines after a
    junk line, a header after a comment line). The one that reads the most papers from its first
    DETECT_RECORDS records wins; on a tie the stricter grammar wins (JSON, then the page dump, then
    CSV, which takes any line as a row). When none reads a paper, the first format the start
    suggests is used, so its rejects say why; a sample that looks binary gets no reader."""
    candidates, suggested = _candidates(sample)
    if not candidates:
        return None
    scores = [_papers_in(sample, max_abstract_chars, reader) for reader in candidates]
    best = max(range(len(candidates)), key=scores.__getitem__)
    if scores[best]:
        return candidates[best]
    return suggested if suggested is not None and not looks_binary(sample) else None


def _candidates(sample: str) -> tuple[list[Reader], Reader | None]:
    """The formats `sample` could be, strictest first, and the one its start suggests (if any)."""
    text = sample.lstrip()
    if not text:
        return [], None
    candidates: list[Reader] = []
    suggested: Reader | None = None
    if text[0] in "[{":
        lines_first = _is_json_lines(text, len(sample) == SNIFF_CHARS)
        candidates += [read_jsonl, read_json_document] if lines_first else [read_json_document, read_jsonl]
        suggested = candidates[0]
    elif any(line.lstrip()[:1] in ("{", "[") for line in text.splitlines()):
        candidates.append(read_jsonl)
    if looks_like_hf_page(text):
        candidates.append(read_hf_page)
        suggested = suggested or read_hf_page
    header = find_header(text)
    if header is not None:
        csv_reader = partial(read_csv, delimiter=header.delimiter, header_line=header.line)
        candidates.append(csv_reader)
        suggested = suggested or (csv_reader if header.line == 0 else None)
    return candidates, suggested


def _papers_in(sample: str, max_abstract_chars: int, reader: Reader) -> int:
    records = reader(Path("<sample>"), max_abstract_chars, stream=io.StringIO(sample, newline=""))
    return sum(isinstance(record, Paper) for record in islice(records, DETECT_RECORDS))


def _is_json_lines(text: str, cut: bool) -> bool:
    """One JSON value per line: the first line parses alone, or (for objects) the second line starts
    a new object, so that a broken first line does not make a JSONL file look like one document."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) == 1 and cut:  # a first line longer than the sample: read it as a line
        return True
    try:
        json.loads(lines[0])
        return True
    except (json.JSONDecodeError, RecursionError):
        return text[0] == "{" and len(lines) > 1 and lines[1].startswith("{")


def _read_file(path: Path, max_abstract_chars: int) -> Iterator[Paper | Reject]:
    last_origin, reason = f"{path}:1", "cannot read the file"
    try:
        with open_binary(path) as raw:
            kind = binary_kind(raw.read(SNIFF_BYTES))
        with open_text(path) as stream:
            sample = stream.read(SNIFF_CHARS)
        if not sample.strip():
            return  # an empty file holds no records
        if kind is not None and not _papers_in(sample, max_abstract_chars, read_jsonl):
            # a signature of a binary format, and no JSON line with a paper after it
            yield Reject(last_origin, f"not a text file ({kind}): PaperKG reads titles and abstracts "
                                      f"from JSON, JSON Lines, CSV/TSV or Hugging Face page dumps")
            return
        reader = detect_reader(sample, max_abstract_chars)
        if reader is None:
            yield Reject(last_origin, "not a text file (binary content)" if looks_binary(sample)
                         else UNKNOWN_FORMAT)
            return
        for record in reader(path, max_abstract_chars):
            last_origin, reason = record.origin, "cannot read the rest of the file after this record"
            yield record
    except (OSError, EOFError, zlib.error) as err:  # unreadable file or corrupt gzip stream
        yield Reject(last_origin, f"{reason}: {err}")
