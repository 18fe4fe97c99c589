"""Records of the arXiv metadata snapshot (Kaggle `arxiv-metadata-oai-snapshot.json`, one per line)."""

from __future__ import annotations

from typing import Any

from kg.core.records import Paper, Reject
from kg.readers.fields import build_paper, rfc2822_date, split_categories, split_names

SOURCE = "arxiv"


def recognises(record: dict[str, Any]) -> bool:
    return "versions" in record and ("authors_parsed" in record or "update_date" in record)


def to_paper(record: dict[str, Any], origin: str, max_abstract_chars: int) -> Paper | Reject:
    arxiv_id = record.get("id")
    return build_paper(
        source=SOURCE, origin=origin, max_abstract_chars=max_abstract_chars,
        id=arxiv_id, title=record.get("title"), abstract=record.get("abstract"),
        arxiv_id=arxiv_id, doi=record.get("doi"),
        date=_first_version_date(record) or record.get("update_date"),
        url=f"https://arxiv.org/abs/{arxiv_id}" if isinstance(arxiv_id, str) and arxiv_id else None,
        authors=_authors(record), categories=split_categories(record.get("categories")),
    )


def _first_version_date(record: dict[str, Any]) -> str | None:
    """The v1 submission date: the paper's date, where `update_date` is its last revision."""
    versions = record.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], dict):
        return rfc2822_date(versions[0].get("created"))
    return None


def _authors(record: dict[str, Any]) -> list[str]:
    """Names from `authors_parsed` ([last, first, suffix], LaTeX accents resolved), else the
    `authors` string as written."""
    parsed = record.get("authors_parsed")
    if isinstance(parsed, list) and parsed:
        names = []
        for parts in parsed:
            if isinstance(parts, list) and all(isinstance(part, str) for part in parts):
                last, first, suffix = (parts + ["", "", ""])[:3]
                names.append(" ".join(part.strip() for part in (first, last, suffix) if part.strip()))
        return [name for name in names if name]
    return split_names(record.get("authors"))
