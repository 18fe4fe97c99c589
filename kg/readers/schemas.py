"""The record schemas of the JSON reader, in the order they are tried.

A JSON object is read by the first schema that recognises it. Each schema is a module of this
package with the `RecordSchema` members; `generic` recognises every object, so it comes last. A new
source (another API's records) is one module and one entry in `SCHEMAS`, before `generic`.
"""

from __future__ import annotations

from typing import Any, Protocol

from kg.core.records import Paper, Reject
from kg.readers import arxiv, generic, openalex, s2


class RecordSchema(Protocol):
    SOURCE: str  # `Paper.source` of the records it reads

    def recognises(self, record: dict[str, Any]) -> bool:
        """Whether `record` (a decoded JSON object) follows this schema."""

    def to_paper(self, record: dict[str, Any], origin: str, max_abstract_chars: int) -> Paper | Reject:
        """The paper `record` describes, or a `Reject` saying why it cannot be used; `origin` is
        its "path:line", abstracts longer than `max_abstract_chars` are rejected."""


SCHEMAS: tuple[RecordSchema, ...] = (arxiv, openalex, s2, generic)


def schema_of(record: dict[str, Any]) -> RecordSchema:
    """The first schema that recognises `record` (`generic` when no other does)."""
    return next(schema for schema in SCHEMAS if schema.recognises(record))
