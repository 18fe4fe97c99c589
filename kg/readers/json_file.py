"""JSON Lines and JSON documents, record by record, whatever schema each record follows.

Each object is mapped by the first schema that recognises it (arXiv snapshot, OpenAlex work,
Semantic Scholar paper), else read as a plain record. A value that wraps records (a list, or an
API page {"results": [...]} / {"data": [...]}) is expanded; its records share its origin line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.model import Paper, Reject
from kg.readers import arxiv, generic, openalex, s2
from kg.readers.streams import (BAD_BYTES_REASON, CONTAINER_KEYS, MAX_RECORD_CHARS, has_bad_bytes,
                                iter_json_document, numbered_lines, open_text)

SCHEMAS = (arxiv, openalex, s2)


def read_jsonl(path: Path, max_abstract_chars: int) -> Iterator[Paper | Reject]:
    """One JSON value per line; a bad line is rejected and reading goes on with the next one."""
    with open_text(path) as stream:
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
                    kind = "truncated JSON" if err.pos >= len(line.rstrip()) else "malformed JSON"
                    yield Reject(origin, f"{kind}: {err.msg} (column {err.colno})")
                else:
                    yield from records_from_value(value, origin, max_abstract_chars)


def read_json_document(path: Path, max_abstract_chars: int) -> Iterator[Paper | Reject]:
    """A JSON array or object (possibly pretty-printed), streamed record by record."""
    with open_text(path) as stream:
        for item in iter_json_document(stream):
            origin = f"{path}:{item.line}"
            if item.error is not None:
                yield Reject(origin, item.error)
            else:
                yield from records_from_value(item.value, origin, max_abstract_chars)


def records_from_value(value: Any, origin: str, max_abstract_chars: int) -> Iterator[Paper | Reject]:
    if isinstance(value, list):
        for element in value:
            yield from records_from_value(element, origin, max_abstract_chars)
    elif isinstance(value, dict) and (records := _contained_records(value)) is not None:
        yield from records_from_value(records, origin, max_abstract_chars)
    elif isinstance(value, dict):
        schema = next((schema for schema in SCHEMAS if schema.matches(value)), generic)
        yield schema.to_paper(value, origin, max_abstract_chars)
    else:
        yield Reject(origin, f"record is a JSON {_json_type(value)}, not an object")


def _contained_records(value: dict[str, Any]) -> list[Any] | None:
    if "title" in value or "abstract" in value:
        return None
    return next((value[key] for key in CONTAINER_KEYS if isinstance(value.get(key), list)), None)


def _json_type(value: Any) -> str:
    return {str: "string", bool: "boolean", int: "number", float: "number"}.get(type(value), "null")
