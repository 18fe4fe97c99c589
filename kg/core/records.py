"""The typed records that flow between readers, extractors, resolution and the graph.

msgspec Structs with no dependency on spaCy or on any store, so that every stage can be called,
cached and tested on its own. `PaperExtraction` is the JSON line of `kg extract` (DESIGN.md): it is
written with `to_dict` (keys in field order, absent optional keys left out) and read back with
`PaperExtraction.from_json`, which checks every field against its type and the Literals of
kg.core.schema; a line that does not fit is a `BadRecord` naming where and which field.
Constructing a record does not check it (the pipeline builds millions); reading one does.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec
from msgspec.structs import asdict

from kg.core.errors import BadRecord
from kg.core.schema import EntityType, Field, ResultKind, Role, Source, Unit


class Paper(msgspec.Struct):
    """One input record, with `title` and `abstract` exactly as read (offsets index these strings)."""

    id: str
    title: str = ""
    abstract: str = ""
    year: int | None = None
    date: str | None = None
    url: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    authors: list[str] = []
    categories: list[str] = []
    source: str = ""  # reader format name: hf-page, json, arxiv, openalex, s2, csv
    origin: str = ""  # "path:line" where the record was read, for rejects and provenance


class Reject(msgspec.Struct):
    """An input record that could not be used, with a one-line reason."""

    origin: str  # "path:line" (line is 1-based; the record's first line)
    reason: str
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


class Mention(msgspec.Struct, forbid_unknown_fields=True):
    """One entity mention; `text == paper.<field>[start:end]` always holds."""

    text: str
    type: EntityType
    field: Field
    start: int
    end: int
    canonical: str
    role: Role = "mentions"
    source: Source = "gazetteer"
    score: float = 1.0
    family: str | None = None
    generic: bool = False
    params: str | None = None  # Model only: "7B"
    version: str | None = None  # Model only: "3.1"
    variant: str | None = None  # Model only: "Instruct"
    aliases: list[str] = []  # acronym <-> long form seen in this paper

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)  # shallow, in field order
        data["aliases"] = list(self.aliases)
        for key in ("family", "params", "version", "variant"):
            if data[key] is None:
                del data[key]
        if not data["generic"]:
            del data["generic"]
        if not data["aliases"]:
            del data["aliases"]
        return data


class Result(msgspec.Struct, forbid_unknown_fields=True):
    """One reported number (GUIDE.md "results"); `evidence == paper.<field>[start:end]`."""

    value: float
    unit: Unit | None
    kind: ResultKind
    evidence: str
    field: Field
    start: int
    end: int
    metric: str | None = None
    dataset: str | None = None
    subject: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # every key, null ones included (DESIGN.md)


class PaperExtraction(msgspec.Struct, forbid_unknown_fields=True):
    """Everything the text side found in one paper: the `kg extract` output line."""

    id: str
    entities: list[Mention] = []
    proposed: list[str] = []
    results: list[Result] = []
    error: str | None = None  # set when the pipeline failed on this paper (nothing was extracted)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "entities": [m.to_dict() for m in self.entities],
            "proposed": list(self.proposed),
            "results": [r.to_dict() for r in self.results],
        }
        if self.error:
            data["error"] = self.error
        return data

    @classmethod
    def from_json(cls, line: str | bytes, origin: str) -> PaperExtraction:
        """The extraction in one JSON line, checked; `origin` says where the line came from."""
        try:
            try:
                return _EXTRACTION.decode(line)
            except UnicodeEncodeError:  # a lone surrogate: msgspec reads UTF-8 only
                return msgspec.convert(json.loads(line), cls)
        except msgspec.ValidationError as exc:
            raise BadRecord(f"{origin}: not a valid extraction: {exc}") from None
        except (msgspec.DecodeError, ValueError) as exc:
            raise BadRecord(f"{origin}: not a JSON extraction line: {exc}") from None


_EXTRACTION = msgspec.json.Decoder(PaperExtraction)
