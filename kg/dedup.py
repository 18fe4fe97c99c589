"""Deciding which papers are the same paper, across files and sources.

Two records are one paper when they share an input id (which names the graph node when there is no
arXiv id or DOI), an arXiv id (version-less) or a DOI, or else the same
normalised title (the normalised abstract for a record without a title), unless identifiers tell
them apart (both have arXiv ids, or both DOIs, that differ). Memory per paper is a few 8-byte key digests
and the first record's id and origin (path:line, to name it in a duplicate's reject), never the paper.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kg.core.names import normalise_title
from kg.core.records import Paper
from kg.readers.fields import normalise_arxiv_id, normalise_doi


def _text_key(paper: Paper) -> bytes | None:
    """The normalised title, or for an untitled record (sentence-level input) the abstract."""
    title = normalise_title(paper.title)
    if title:
        return _digest("title", title)
    abstract = normalise_title(paper.abstract)
    return _digest("abstract", abstract) if abstract else None


def _digest(kind: str, value: str) -> bytes:
    return hashlib.blake2b(f"{kind}:{value}".encode("utf-8", "surrogatepass"), digest_size=8).digest()


@dataclass(slots=True, frozen=True)
class _TitleEntry:
    """What a title key needs to know about the first paper with that title."""

    id: str
    arxiv: bytes | None
    doi: bytes | None


class Deduplicator:
    """Feed papers in input order; `check` says which earlier paper each one duplicates."""

    def __init__(self) -> None:
        self._by_id_key: dict[bytes, str] = {}  # input id / arXiv id / DOI digest -> first id
        self._by_title: dict[bytes, _TitleEntry] = {}
        self._origins: dict[str, str] = {}  # first id -> where that paper was read

    def check(self, paper: Paper) -> str | None:
        """None when `paper` is new (it is remembered), else the id of the paper it duplicates."""
        arxiv_id, doi = normalise_arxiv_id(paper.arxiv_id), normalise_doi(paper.doi)
        id_key = _digest("id", paper.id)
        arxiv_key = _digest("arxiv", arxiv_id.lower()) if arxiv_id else None
        doi_key = _digest("doi", doi) if doi else None
        title_key = _text_key(paper)

        original = next((self._by_id_key[key] for key in (id_key, arxiv_key, doi_key)
                         if key is not None and key in self._by_id_key), None)
        if original is None and title_key is not None:
            entry = self._by_title.get(title_key)
            if entry is not None and not _conflict(entry, arxiv_key, doi_key):
                original = entry.id
        first = original if original is not None else paper.id
        for key in (id_key, arxiv_key, doi_key):
            if key is not None:
                self._by_id_key.setdefault(key, first)
        if title_key is not None and original is None:
            self._by_title.setdefault(title_key, _TitleEntry(paper.id, arxiv_key, doi_key))
        if original is None:
            self._origins.setdefault(paper.id, paper.origin)
        return original

    def origin_of(self, paper_id: str) -> str | None:
        """Where the first paper with this id was read (path:line), for a duplicate's reject."""
        return self._origins.get(paper_id)

    def __len__(self) -> int:
        """How many keys are remembered (a memory gauge for benchmarks)."""
        return len(self._by_id_key) + len(self._by_title)


def _conflict(entry: _TitleEntry, arxiv_key: bytes | None, doi_key: bytes | None) -> bool:
    """Same title but different identifiers of the same kind: two papers (e.g. "Introduction")."""
    return (entry.arxiv is not None and arxiv_key is not None and entry.arxiv != arxiv_key) or \
           (entry.doi is not None and doi_key is not None and entry.doi != doi_key)
