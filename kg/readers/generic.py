"""Plain records with a title and/or an abstract: JSON/JSONL objects and CSV/TSV rows.

Field names are matched case-insensitively: id, title, abstract, authors, date, year, url,
arxiv_id (or arxiv), doi, categories. Anything else in the record is ignored.
"""

from __future__ import annotations

from typing import Any

from kg.core.records import Paper, Reject
from kg.readers.fields import build_paper, split_categories, split_names

SOURCE = "json"


def recognises(record: dict[str, Any]) -> bool:
    """Every object: the fallback of the JSON reader (kg.readers.schemas)."""
    return True


def to_paper(record: dict[str, Any], origin: str, max_abstract_chars: int,
             source: str = SOURCE) -> Paper | Reject:
    fields = {key.lower(): value for key, value in record.items() if isinstance(key, str)}
    return build_paper(
        source=source, origin=origin, max_abstract_chars=max_abstract_chars,
        id=fields.get("id"), title=fields.get("title"), abstract=fields.get("abstract"),
        year=fields.get("year"), date=fields.get("date"), url=fields.get("url"),
        arxiv_id=fields.get("arxiv_id") or fields.get("arxiv"), doi=fields.get("doi"),
        authors=split_names(fields.get("authors")), categories=split_categories(fields.get("categories")),
    )
