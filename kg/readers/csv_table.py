"""CSV/TSV tables with a header naming (case-insensitively) a title and/or an abstract column.

The delimiter is the most frequent of tab, comma and semicolon in the header line. Quoted fields may
span lines; a record's origin is the line where it starts. Other columns follow `generic`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from kg.core.records import Paper, Reject
from kg.readers import generic
from kg.readers.streams import BAD_BYTES_REASON, MAX_RECORD_CHARS, has_bad_bytes, open_text

SOURCE = "csv"
DELIMITERS = ("\t", ",", ";")
TEXT_COLUMNS = {"title", "abstract"}


def header_delimiter(sample: str) -> str | None:
    """The delimiter of a table whose first line names a title or abstract column, else None."""
    header = sample.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=header.count)
    columns = next(csv.reader([header], delimiter=delimiter), [])
    return delimiter if TEXT_COLUMNS & {column.strip().lower() for column in columns} else None


def read_csv(path: Path, max_abstract_chars: int, delimiter: str) -> Iterator[Paper | Reject]:
    csv.field_size_limit(max(csv.field_size_limit(), MAX_RECORD_CHARS))
    with open_text(path, newline="") as stream:
        reader = csv.reader(stream, delimiter=delimiter)
        header = [column.strip().lower() for column in next(reader, [])]
        start = reader.line_num + 1
        try:
            for row in reader:
                origin = f"{path}:{start}"
                start = reader.line_num + 1
                if not any(cell.strip() for cell in row):
                    continue
                if any(has_bad_bytes(cell) for cell in row):
                    yield Reject(origin, BAD_BYTES_REASON)
                    continue
                record = {name: cell for name, cell in zip(header, row) if name and cell != ""}
                yield generic.to_paper(record, origin, max_abstract_chars, source=SOURCE)
        except csv.Error as err:
            yield Reject(f"{path}:{start}", f"malformed CSV, rest of the file skipped: {err}")
