"""Semantic Scholar Graph API paper objects (`paperId`, `externalIds`, often no abstract)."""

from __future__ import annotations

from typing import Any

from kg.core.records import Paper, Reject
from kg.readers.fields import array_or_empty, build_paper, object_or_empty, split_categories, split_names

SOURCE = "s2"


def recognises(record: dict[str, Any]) -> bool:
    return "paperId" in record


def to_paper(record: dict[str, Any], origin: str, max_abstract_chars: int) -> Paper | Reject:
    external = object_or_empty(record.get("externalIds"))
    return build_paper(
        source=SOURCE, origin=origin, max_abstract_chars=max_abstract_chars,
        id=record.get("paperId"), title=record.get("title"), abstract=record.get("abstract"),
        year=record.get("year"), date=record.get("publicationDate"), url=record.get("url"),
        arxiv_id=external.get("ArXiv"), doi=external.get("DOI"),
        authors=split_names(record.get("authors")), categories=_fields_of_study(record),
    )


def _fields_of_study(record: dict[str, Any]) -> list[str]:
    """`fieldsOfStudy` when given, else the distinct `s2FieldsOfStudy` categories in order."""
    listed = split_categories(record.get("fieldsOfStudy"))
    if listed:
        return listed
    entries = array_or_empty(record.get("s2FieldsOfStudy"))
    names = split_categories([entry.get("category") for entry in entries if isinstance(entry, dict)])
    return list(dict.fromkeys(names))
