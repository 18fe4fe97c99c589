"""CSV/TSV tables with a header naming (case-insensitively) a title and/or an abstract column.

The header is the first of the file's first HEADER_SEARCH_LINES lines that names such a column (the
lines before it are rejected one by one); its delimiter is the most frequent of tab, comma and
semicolon in it. Lines end at LF, CRLF or a bare CR. Quoted fields may span lines; a record's origin
is the line where it starts. Other columns follow `generic`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from kg.core.records import Paper, Reject
from kg.readers import generic
from kg.readers.streams import BAD_BYTES_REASON, MAX_RECORD_CHARS, has_bad_bytes, open_text

SOURCE = "csv"
DELIMITERS = ("\t", ",", ";")
TEXT_COLUMNS = {"title", "abstract"}
HEADER_SEARCH_LINES = 5
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Header:
    line: int  # 0-based index of the header line
    delimiter: str


def find_header(sample: str) -> Header | None:
    """Where the header of a table starting with `sample` is, or None when there is none."""
    for index, line in enumerate(_LINE_END.split(sample, HEADER_SEARCH_LINES)[:HEADER_SEARCH_LINES]):
        delimiter = header_delimiter(line)
        if delimiter is not None:
            return Header(index, delimiter)
    return None


def header_delimiter(line: str) -> str | None:
    """The delimiter of a header line that names a title or abstract column, else None."""
    delimiter = max(DELIMITERS, key=line.count)
    try:
        columns = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return None
    return delimiter if TEXT_COLUMNS & {column.strip().lower() for column in columns} else None


def read_csv(path: Path, max_abstract_chars: int, delimiter: str, header_line: int = 0,
             stream: TextIO | None = None) -> Iterator[Paper | Reject]:
    csv.field_size_limit(max(csv.field_size_limit(), MAX_RECORD_CHARS))
    with nullcontext(stream) if stream is not None else open_text(path, newline="") as stream:
        reader = csv.reader(stream, delimiter=delimiter)
        start = 1
        try:
            for _ in range(header_line):
                row = next(reader, None)
                if row is not None and any(cell.strip() for cell in row):
                    yield Reject(f"{path}:{start}", "line before the CSV header")
                start = reader.line_num + 1
            header = [column.strip().lower() for column in next(reader, [])]
            start = reader.line_num + 1
            for row in reader:
                origin = f"{path}:{start}"
                start = reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                if any(has_bad_bytes(cell) for cell in row):
                    yield Reject(origin, BAD_BYTES_REASON)
                    continue
                record = {name: cell for name, cell in zip(header, row, strict=False) if name and cell != ""}
                yield generic.to_paper(record, origin, max_abstract_chars, source=SOURCE)
        except csv.Error as err:
            yield Reject(f"{path}:{start}", f"malformed CSV, rest of the file skipped: {err}")
