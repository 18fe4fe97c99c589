"""Byte and text plumbing shared by every reader: gzip, UTF-8 with bad-byte marks, bounded lines,
and an incremental JSON document splitter.

Files are decoded as UTF-8 with `surrogateescape`, so an undecodable byte becomes a lone surrogate
U+DC80..U+DCFF instead of an exception: the stream keeps going, and each reader rejects only the
line or record whose raw text carries such a mark (`has_bad_bytes`). Valid UTF-8 never decodes to
a lone surrogate, and a JSON `\\udc80` escape is ASCII in the raw text, so the mark is unambiguous.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

GZIP_MAGIC = b"\x1f\x8b"
MAX_RECORD_CHARS = 64 * 1024 * 1024  # one line or one JSON record; beyond this it is rejected
CHUNK_CHARS = 1 << 16
CONTAINER_KEYS = ("results", "data")  # OpenAlex API page, Semantic Scholar batch response
TEXT_KEYS = {"title", "abstract"}  # an object with these is a record, even with a "data" list
BAD_BYTES_RE = re.compile("[\udc80-\udcff]")
BAD_BYTES_REASON = "undecodable bytes (not UTF-8)"
TRUNCATED_DOCUMENT = "truncated JSON: the file ends inside a record"
TOO_DEEP = "JSON nested too deeply to be a paper record"
_DECODER = json.JSONDecoder()
# The first bytes of files that are no text at all, whatever their name says.
BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"PK\x03\x04", "a ZIP archive (or Office file)"),
    (b"\x7fELF", "an executable"), (b"BZh", "a bzip2 archive"), (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"PAR1", "a Parquet file"), (b"\x1f\x8b", "a gzip file inside a gzip file"),
)
# Text has few control characters other than tab, newline, carriage return and form feed.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\udc80-\udcff]")
BINARY_SHARE = 0.1


def open_binary(path: Path) -> io.BufferedReader | gzip.GzipFile:
    """The file's bytes, gunzipped when it starts with the gzip magic (whatever its extension)."""
    raw = open(path, "rb")
    if raw.peek(2)[:2] != GZIP_MAGIC:
        return raw
    raw.close()
    return gzip.open(path, "rb")


def open_text(path: Path, newline: str | None = "\n") -> TextIO:
    """UTF-8 text (a leading BOM dropped, bad bytes marked), lines ending at "\\n" only."""
    return io.TextIOWrapper(open_binary(path), encoding="utf-8-sig", errors="surrogateescape", newline=newline)


def binary_kind(head: bytes) -> str | None:
    """What a file starting with `head` is, when its signature says it is not text."""
    return next((kind for magic, kind in BINARY_SIGNATURES if head.startswith(magic)), None)


def looks_binary(sample: str) -> bool:
    """A sample with NULs or a tenth of control characters and undecodable bytes is no text file."""
    return "\x00" in sample or len(_CONTROL_RE.findall(sample)) > BINARY_SHARE * len(sample)


def has_bad_bytes(text: str, start: int = 0, end: int | None = None) -> bool:
    return BAD_BYTES_RE.search(text, start, len(text) if end is None else end) is not None


def numbered_lines(stream: TextIO) -> Iterator[tuple[int, str | None]]:
    """(1-based line number, line with its newline) pairs; None for a line over MAX_RECORD_CHARS,
    which is skipped without ever being held in memory whole."""
    number = 0
    while line := stream.readline(MAX_RECORD_CHARS):
        number += 1
        if len(line) == MAX_RECORD_CHARS and not line.endswith("\n"):
            while (rest := stream.readline(MAX_RECORD_CHARS)) and not rest.endswith("\n"):
                pass
            yield number, None
            continue
        yield number, line


@dataclass(slots=True)
class JsonItem:
    """One top-level record of a JSON document: its first line and value, or why it is unusable."""

    line: int
    value: Any = None
    error: str | None = None


class JsonDocumentError(ValueError):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


class _TextBuffer:
    """A sliding window over a text stream with line tracking, for `raw_decode` one value at a time.

    A value that does not fit the window makes it grow (doubling the read size, so re-decoding a
    large value from its start stays linear); consumed text is dropped as the window moves on.
    """

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.text = ""
        self.pos = 0
        self.eof = False
        self._line = 1  # line number at index _line_pos
        self._line_pos = 0

    def line_at(self, index: int) -> int:
        self._line += self.text.count("\n", self._line_pos, index)
        self._line_pos = index
        return self._line

    def _read(self, size: int) -> None:
        if self.pos > CHUNK_CHARS:
            self.line_at(self.pos)
            self.text = self.text[self.pos:]
            self._line_pos -= self.pos
            self.pos = 0
        chunk = self.stream.read(size)
        if not chunk:
            self.eof = True
        self.text += chunk

    def peek(self) -> str:
        """The next non-whitespace character ("" at the end), with `pos` moved onto it."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.text) or self.eof:
                return self.text[self.pos:self.pos + 1]
            self._read(CHUNK_CHARS)

    def expect(self, char: str) -> None:
        found = self.peek()
        if found == char:
            self.pos += 1
            return
        line = self.line_at(self.pos)
        if not found:
            raise JsonDocumentError(line, TRUNCATED_DOCUMENT)
        raise JsonDocumentError(line, f"malformed JSON: expected {char!r}, found {found!r}")

    def decode_value(self) -> tuple[Any, str | None]:
        """Decode the JSON value at `pos` (after `peek`), reading more text until it is complete.
        Returns the value and what makes it unusable as a record: undecodable bytes in its raw
        text, or nesting too deep to decode (then the value is skipped and None returned)."""
        size = CHUNK_CHARS
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except RecursionError:
                skipped_to = _nested_value_end(self.text, self.pos)
                if skipped_to is not None:
                    self.pos = skipped_to
                    return None, TOO_DEEP
                if self.eof:
                    raise JsonDocumentError(self.line_at(self.pos), TRUNCATED_DOCUMENT) from None
            except json.JSONDecodeError as err:
                if self.eof or not self._may_need_more(err):
                    raise self._error(err) from None
            else:
                if end < len(self.text) or self.eof:  # a number or literal may go on in the next chunk
                    bad_bytes = has_bad_bytes(self.text, self.pos, end)
                    self.pos = end
                    return value, BAD_BYTES_REASON if bad_bytes else None
            if len(self.text) - self.pos > MAX_RECORD_CHARS:
                raise JsonDocumentError(self.line_at(self.pos), f"record longer than {MAX_RECORD_CHARS} characters")
            self._read(size)
            size *= 2

    def _may_need_more(self, err: json.JSONDecodeError) -> bool:
        return err.msg.startswith("Unterminated string") or len(self.text) - err.pos <= 32

    def _error(self, err: json.JSONDecodeError) -> JsonDocumentError:
        line = self.line_at(max(err.pos, self._line_pos))
        if err.msg.startswith("Unterminated string") or not self.text[err.pos:].strip():
            return JsonDocumentError(line, TRUNCATED_DOCUMENT)
        return JsonDocumentError(line, f"malformed JSON: {err.msg}")


def iter_json_document(stream: TextIO) -> Iterator[JsonItem]:
    """The records of one JSON document, streamed: the elements of a top-level array, the elements of
    a `results`/`data` array in a top-level object (API pages), or else the top-level value itself.

    Only one record is held in memory at a time, except for a top-level object that is itself the
    record. A top-level object is read as a page when a `results`/`data` array comes before any
    `title`/`abstract` key (json_file applies the same rule to whole objects). After a syntax
    error the document cannot be resynchronised: the error is the last item.
    """
    buffer = _TextBuffer(stream)
    try:
        first = buffer.peek()
        if first == "[":
            yield from _array_items(buffer)
        elif first == "{":
            yield from _object_items(buffer)
        elif first:
            yield _item(buffer)
        if buffer.peek():
            raise JsonDocumentError(buffer.line_at(buffer.pos), "malformed JSON: extra data after the document")
    except JsonDocumentError as err:
        yield JsonItem(err.line, error=err.reason)


_STRUCTURE_RE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}"]')


def _nested_value_end(text: str, start: int) -> int | None:
    """Where the array or object at `start` ends, by counting brackets outside strings (for values
    too deep for the decoder); None when `text` ends first."""
    depth = 0
    for match in _STRUCTURE_RE.finditer(text, start):
        token = match.group()
        if token == '"':
            return None  # a string that goes on after the end of `text`
        if token in "[{":
            depth += 1
        elif token in "]}":
            depth -= 1
            if depth == 0:
                return match.end()
    return None


def _item(buffer: _TextBuffer) -> JsonItem:
    buffer.peek()
    line = buffer.line_at(buffer.pos)
    value, problem = buffer.decode_value()
    return JsonItem(line, value, problem)


def _array_items(buffer: _TextBuffer) -> Iterator[JsonItem]:
    buffer.expect("[")
    if buffer.peek() == "]":
        buffer.pos += 1
        return
    while True:
        yield _item(buffer)
        if buffer.peek() == "]":
            buffer.pos += 1
            return
        buffer.expect(",")


def _object_items(buffer: _TextBuffer) -> Iterator[JsonItem]:
    """Walk a top-level object key by key; stream a `results`/`data` array, else yield the object."""
    line = buffer.line_at(buffer.pos)
    buffer.expect("{")
    record: dict[str, Any] = {}
    is_container = False
    problem = None
    while buffer.peek() != "}":
        if record or is_container:
            buffer.expect(",")
            buffer.peek()
        key_line = buffer.line_at(buffer.pos)
        key, key_problem = buffer.decode_value()
        if not isinstance(key, str):
            raise JsonDocumentError(key_line, "malformed JSON: object key is not a string")
        buffer.expect(":")
        if key in CONTAINER_KEYS and buffer.peek() == "[" and not TEXT_KEYS & record.keys():
            is_container = True
            yield from _array_items(buffer)
            continue
        buffer.peek()
        record[key], value_problem = buffer.decode_value()
        problem = problem or key_problem or value_problem
    buffer.pos += 1
    if not is_container:
        yield JsonItem(line, record, problem)
