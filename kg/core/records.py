"""The typed records that flow between readers, extractors, resolution and the graph.

Plain dataclasses with no dependency on spaCy or on any store, so that every stage can be called,
cached and tested on its own. `PaperExtraction` is the JSON line of `kg extract` (DESIGN.md).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

EntityType = Literal["Method", "Dataset", "Task", "Metric", "Model"]
ENTITY_TYPES: tuple[str, ...] = ("Method", "Dataset", "Task", "Metric", "Model")
Role = Literal["proposes", "uses", "evaluates_on", "compares", "mentions"]
ROLES: tuple[str, ...] = ("proposes", "evaluates_on", "uses", "compares", "mentions")  # strongest first
Field = Literal["title", "abstract"]


@dataclass(slots=True)
class Paper:
    """One input record, with `title` and `abstract` exactly as read (offsets index these strings)."""

    id: str
    title: str = ""
    abstract: str = ""
    year: int | None = None
    date: str | None = None
    url: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    source: str = ""  # reader format name: hf-page, json, arxiv, openalex, s2, csv
    origin: str = ""  # "path:line" where the record was read, for rejects and provenance

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Paper:
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


@dataclass(slots=True)
class Reject:
    """An input record that could not be used, with a one-line reason."""

    origin: str  # "path:line" (line is 1-based; the record's first line)
    reason: str
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(slots=True)
class Mention:
    """One entity mention; `text == paper.<field>[start:end]` always holds."""

    text: str
    type: str
    field: str
    start: int
    end: int
    canonical: str
    role: str = "mentions"
    source: str = "gazetteer"  # ner | gazetteer | acronym | pattern
    score: float = 1.0
    family: str | None = None
    generic: bool = False
    params: str | None = None  # Model only: "7B"
    version: str | None = None  # Model only: "3.1"
    variant: str | None = None  # Model only: "Instruct"
    aliases: list[str] = field(default_factory=list)  # acronym <-> long form seen in this paper

    def to_dict(self) -> dict[str, Any]:
        data = _fields_of(self)
        data["aliases"] = list(self.aliases)
        for key in ("family", "params", "version", "variant"):
            if data[key] is None:
                del data[key]
        if not data["generic"]:
            del data["generic"]
        if not data["aliases"]:
            del data["aliases"]
        return data


@dataclass(slots=True)
class Result:
    """One reported number (GUIDE.md "results"); `evidence == paper.<field>[start:end]`."""

    value: float
    unit: str | None
    kind: str  # absolute | improvement | reduction | other
    evidence: str
    field: str
    start: int
    end: int
    metric: str | None = None
    dataset: str | None = None
    subject: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _fields_of(self)


@dataclass(slots=True)
class PaperExtraction:
    """Everything the text side found in one paper: the `kg extract` output line."""

    id: str
    entities: list[Mention] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
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
    def from_dict(cls, data: dict[str, Any]) -> PaperExtraction:
        return cls(
            id=data["id"],
            entities=[Mention(**m) for m in data.get("entities", [])],
            proposed=list(data.get("proposed", [])),
            results=[Result(**r) for r in data.get("results", [])],
            error=data.get("error"),
        )


def _fields_of(record) -> dict[str, Any]:
    """A flat record's fields in declaration order: `asdict` deep-copies recursively and was 2% of
    extraction time, for records whose fields are scalars."""
    return {name: getattr(record, name) for name in record.__slots__}
