"""OpenAlex works: the abstract only exists as `abstract_inverted_index` (word -> positions)."""

from __future__ import annotations

from typing import Any

from kg.core.records import Paper, Reject
from kg.readers.fields import array_or_empty, build_paper, object_or_empty

SOURCE = "openalex"
ID_PREFIX = "https://openalex.org/"


def recognises(record: dict[str, Any]) -> bool:
    record_id = record.get("id")
    return "abstract_inverted_index" in record or (isinstance(record_id, str) and record_id.startswith(ID_PREFIX))


def rebuild_abstract(index: Any) -> str | None:
    """The words placed at their positions, joined by single spaces; None when the index is not a
    {word: [int, ...]} map. Positions missing from the index are skipped, not padded."""
    if not isinstance(index, dict):
        return None
    placed: list[tuple[int, str]] = []
    for word, positions in index.items():
        if not isinstance(positions, list) or not all(isinstance(p, int) for p in positions):
            return None
        placed.extend((position, word) for position in positions)
    placed.sort()
    return " ".join(word for _, word in placed)


def to_paper(record: dict[str, Any], origin: str, max_abstract_chars: int) -> Paper | Reject:
    index = record.get("abstract_inverted_index")
    abstract = rebuild_abstract(index)
    if abstract is None and index is not None:
        return Reject(origin, "abstract_inverted_index is not a map of words to positions",
                      _text(record.get("id")))
    ids, location = object_or_empty(record.get("ids")), object_or_empty(record.get("primary_location"))
    authorships = array_or_empty(record.get("authorships"))
    return build_paper(
        source=SOURCE, origin=origin, max_abstract_chars=max_abstract_chars,
        id=record.get("id"), title=_first_present(record, "title", "display_name"),
        abstract=abstract if abstract is not None else record.get("abstract"),
        year=record.get("publication_year"), date=record.get("publication_date"),
        doi=record.get("doi") or ids.get("doi"), arxiv_id=ids.get("arxiv"),
        url=record.get("doi") or location.get("landing_page_url") or record.get("id"),
        authors=[name for a in authorships if isinstance(a, dict) and isinstance(a.get("author"), dict)
                 and isinstance(name := a["author"].get("display_name"), str) and name.strip()],
    )


def _first_present(record: dict[str, Any], *keys: str) -> Any:
    return next((record[key] for key in keys if record.get(key) is not None), None)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
