"""JSON Lines and JSON documents, record by record, whatever schema each record follows.

Each object is mapped by the first schema that recognises it (kg.readers.schemas: arXiv snapshot,
OpenAlex work, Semantic Scholar paper, else a plain record). A value that wraps records (a list,
or an API page {"results": [...]} / {"data": [...]}) is expanded; its records share its origin
line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any, TextIO

from kg.core.records import Paper, Reject
from kg.readers.fields import json_kind
from kg.readers.schemas import schema_of
from kg.readers.streams import (
    BAD_BYTES_REASON,
    CONTAINER_KEYS,
    MAX_RECORD_CHARS,
    TEXT_KEYS,
    TOO_DEEP,
    has_bad_bytes,
    iter_json_document,
    numbered_lines,
    open_text,
)

_TRAILING_AT = re.compile(r"\s+at$")  # "Invalid control character at" + our " at column 5"


def read_jsonl(path: Path, max_abstract_chars: int, stream: TextIO | None = None) -> Iterator[Paper | Reject]:
    """One JSON value per line; a bad line is rejected and reading goes on with the next one."""
    with nullcontext(stream) if stream is not None else open_text(path) as stream:
        for number, line in numbered_lines(stream):
            origin = f"{path}:{number}"
            if line is None:
                yield Reject(origin, f"line longer than {MAX_RECORD_CHARS} characters")
            elif has_bad_bytes(line):
                yield Reject(origin, BAD_BYTES_REASON)
            elif line.strip():
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as err:
                    yield Reject(origin, _line_error(err, line))
                except RecursionError:
                    yield Reject(origin, TOO_DEEP)
                else:
                    yield from records_from_value(value, origin, max_abstract_chars)


def _line_error(err: json.JSONDecodeError, line: str) -> str:
    if err.pos >= len(line.rstrip()) - 1 or err.msg.startswith("Unterminated string"):
        return "truncated JSON: the line ends inside a record"
    return f"malformed JSON: {_TRAILING_AT.sub('', err.msg)} at column {err.colno}"


def read_json_document(path: Path, max_abstract_chars: int,
                       stream: TextIO | None = None) -> Iterator[Paper | Reject]:
    """A JSON array or object (possibly pretty-printed), streamed record by record."""
    with nullcontext(stream) if stream is not None else open_text(path) as stream:
        for item in iter_json_document(stream):
            origin = f"{path}:{item.line}"
            if item.error is not None:
                yield Reject(origin, item.error)
            else:
                yield from records_from_value(item.value, origin, max_abstract_chars)


def records_from_value(value: Any, origin: str, max_abstract_chars: int,
                       expand: bool = True) -> Iterator[Paper | Reject]:
    """The records in one decoded value: itself, or the elements of a list or an API page (one
    level deep: a list inside a list is a bad record, not more records)."""
    records = _contained_records(value) if expand else None
    if records is not None:
        for element in records:
            yield from records_from_value(element, origin, max_abstract_chars, expand=False)
    elif isinstance(value, dict):
        yield schema_of(value).to_paper(value, origin, max_abstract_chars)
    else:
        yield Reject(origin, f"record is {json_kind(value)}, not a JSON object")


def _contained_records(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if not isinstance(value, dict) or TEXT_KEYS & value.keys():
        return None
    return next((value[key] for key in CONTAINER_KEYS if isinstance(value.get(key), list)), None)

