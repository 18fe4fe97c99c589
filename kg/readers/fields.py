"""Turning the fields one reader found into a `Paper`, or a `Reject` saying why not.

Every reader goes through `build_paper`, so ids, arXiv ids, DOIs, years, name lists and the input
checks (a title or an abstract, strings only, abstract length) mean the same thing for every format.
Title and abstract are kept exactly as read (extractor offsets index these strings), with one
exception: a lone surrogate, which only a JSON escape such as `\\ud800` can produce and which no UTF-8
file, store or pipeline can hold, becomes U+FFFD in every text field: one character for one, so
offsets stay valid. (NUL and other control characters are kept; see kg.stores.falkordb_store and
the GraphML writer for the two places that cannot hold them.)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from email.utils import parsedate_to_datetime
from typing import Any

from kg.core.records import Paper, Reject

ARXIV_ID_RE = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})$")
ARXIV_PREFIX_RE = re.compile(r"^(?:arxiv:|https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/)", re.IGNORECASE)
VERSION_RE = re.compile(r"v\d+$")
DOI_PREFIX_RE = re.compile(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)
ARXIV_DOI_PREFIX = "10.48550/arxiv."
YEAR_RE = re.compile(r"^(\d{4})(?:\D|$)")
NAME_SEPARATOR_RE = re.compile(r"\s*,\s*|\s+and\s+")
CATEGORY_SEPARATOR_RE = re.compile(r"[\s,;]+")
NEW_ARXIV_ID_RE = re.compile(r"^(\d{2})(?:0[1-9]|1[0-2])\.\d{4,5}$")
LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")
REPLACEMENT_CHARACTER = "\ufffd"
_JSON_KINDS = {list: "an array", dict: "an object", str: "a string", bool: "a boolean", int: "a number",
               float: "a number", type(None): "null"}


def json_kind(value: Any) -> str:
    """What a decoded JSON value is, in JSON's words and with its article: "an array", "a number"."""
    return _JSON_KINDS.get(type(value), f"a {type(value).__name__}")


def without_lone_surrogates(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (same length, so offsets hold)."""
    return LONE_SURROGATE_RE.sub(REPLACEMENT_CHARACTER, text) if LONE_SURROGATE_RE.search(text) else text


def content_id(title: str, abstract: str) -> str:
    """The stable id of a record that has none: same title and abstract, same id, on every run."""
    digest = hashlib.sha1(f"{title}\n{abstract}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"h:{digest[:16]}"


def normalise_arxiv_id(value: Any) -> str | None:
    """`arXiv:2406.01234v2` / `https://arxiv.org/abs/2406.01234` -> `2406.01234` (version dropped)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = ARXIV_PREFIX_RE.sub("", value.strip())
    return VERSION_RE.sub("", text) or None


def looks_like_arxiv_id(value: str) -> bool:
    return ARXIV_ID_RE.match(normalise_arxiv_id(value) or "") is not None


def normalise_doi(value: Any) -> str | None:
    """`https://doi.org/10.1000/ABC` -> `10.1000/abc` (DOIs are case-insensitive); first of several."""
    if not isinstance(value, str) or not value.split():
        return None
    return DOI_PREFIX_RE.sub("", value.split()[0]).lower() or None


def year_of(year: Any, date: Any) -> int | None:
    if isinstance(year, int) and not isinstance(year, bool):
        return year
    for text in (year, date):
        if isinstance(text, str) and (match := YEAR_RE.match(text.strip())):
            return int(match.group(1))
    return None


def arxiv_year(arxiv_id: str | None) -> int | None:
    """The submission year encoded in a new-style arXiv id: `2406.01234` -> 2024 (ids since 2007)."""
    match = NEW_ARXIV_ID_RE.match(arxiv_id or "")
    return 2000 + int(match.group(1)) if match else None


def rfc2822_date(value: Any) -> str | None:
    """`Mon, 2 Apr 2007 19:18:42 GMT` (arXiv version stamps) -> `2007-04-02`."""
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def split_names(value: Any) -> list[str]:
    """Author names from a list (of names or {"name": ...}) or one string ("A, B and C" or "A; B")."""
    if isinstance(value, str):
        parts = value.split(";") if ";" in value else NAME_SEPARATOR_RE.split(value)
        return [part.strip() for part in parts if part.strip()]
    if isinstance(value, list):
        names = (item.get("name") if isinstance(item, dict) else item for item in value)
        return [name.strip() for name in names if isinstance(name, str) and name.strip()]
    return []


def split_categories(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part for part in CATEGORY_SEPARATOR_RE.split(value) if part]
    if isinstance(value, list):
        return [item.strip() for item in value if isinstance(item, str) and item.strip()]
    return []


def object_or_empty(value: Any) -> dict[str, Any]:
    """A nested JSON object field, or {} when the record holds something else there."""
    return value if isinstance(value, dict) else {}


def array_or_empty(value: Any) -> list[Any]:
    """A nested JSON array field, or [] when the record holds something else there."""
    return value if isinstance(value, list) else []


def _optional_text(value: Any) -> str | None:
    return without_lone_surrogates(value.strip()) or None if isinstance(value, str) else None


def build_paper(*, source: str, origin: str, max_abstract_chars: int, title: Any = None,
                abstract: Any = None, id: Any = None, year: Any = None, date: Any = None,
                url: Any = None, arxiv_id: Any = None, doi: Any = None,
                authors: Iterable[str] = (), categories: Iterable[str] = ()) -> Paper | Reject:
    """Check one record and fill the Paper fields; `id` is echoed verbatim when the input has one."""
    record_id = None if id is None or id == "" else id
    if record_id is not None and not isinstance(record_id, (str, int)):
        return Reject(origin, f"id is {json_kind(record_id)}, not a string or a number")
    record_id = None if record_id is None else without_lone_surrogates(str(record_id))
    title = "" if title is None else title
    abstract = "" if abstract is None else abstract
    for name, value in (("title", title), ("abstract", abstract)):
        if not isinstance(value, str):
            return Reject(origin, f"{name} is {json_kind(value)}, not a string", record_id)
    if not title.strip() and not abstract.strip():
        return Reject(origin, "record has neither a title nor an abstract", record_id)
    if len(abstract) > max_abstract_chars:
        return Reject(origin, f"abstract has {len(abstract)} characters, over the limit of "
                              f"{max_abstract_chars}", record_id)
    title, abstract = without_lone_surrogates(title), without_lone_surrogates(abstract)
    doi = normalise_doi(_optional_text(doi))
    arxiv_id = normalise_arxiv_id(_optional_text(arxiv_id))
    if arxiv_id is None and doi is not None and doi.startswith(ARXIV_DOI_PREFIX):
        arxiv_id = normalise_arxiv_id(doi[len(ARXIV_DOI_PREFIX):])
    if arxiv_id is None and record_id is not None and looks_like_arxiv_id(record_id):
        arxiv_id = normalise_arxiv_id(record_id)
    date = _optional_text(date)
    return Paper(
        id=record_id if record_id is not None else content_id(title, abstract),
        title=title,
        abstract=abstract,
        year=year_of(year, date) or arxiv_year(arxiv_id),
        date=date,
        url=_optional_text(url),
        arxiv_id=arxiv_id,
        doi=doi,
        authors=[without_lone_surrogates(name) for name in authors],
        categories=[without_lone_surrogates(category) for category in categories],
        source=source,
        origin=origin,
    )
