"""Reading extraction lines back into records: plain dataclasses (no checks, the records before
kg/core/records.py was typed) against msgspec Structs and pydantic models that check every field.

    nice python bench/records_decode.py EXTRACTIONS.jsonl [--repeat 5]

EXTRACTIONS.jsonl is `kg extract` output, e.g. of the first 10,000 papers of the arXiv corpus:

    zcat ../shared/data/corpora/arxiv_cs_2025.jsonl.gz | head -10000 > /tmp/arxiv10k.jsonl
    nice kg extract /tmp/arxiv10k.jsonl -o /tmp/extract10k.jsonl --workers 2 -q

Each way decodes every line (as `kg build` does, one line at a time, from a str) into
records; the best of `--repeat` passes is printed, with each way's ratio to the dataclasses, and
the time to write the lines back (`to_dict` + `json.dumps`, as `kg extract` does). msgspec is
the project's choice (kg.core.records); pydantic is installed with spaCy.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pydantic
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.core.records import PaperExtraction  # noqa: E402
from kg.core.schema import EntityType, Field, ResultKind, Role, Source, Unit  # noqa: E402


# The records as they were before: dataclasses, read with json.loads + keyword construction.
@dataclass(slots=True)
class OldMention:
    text: str
    type: str
    field: str
    start: int
    end: int
    canonical: str
    role: str = "mentions"
    source: str = "gazetteer"
    score: float = 1.0
    family: str | None = None
    generic: bool = False
    params: str | None = None
    version: str | None = None
    variant: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OldResult:
    value: float
    unit: str | None
    kind: str
    evidence: str
    field: str
    start: int
    end: int
    metric: str | None = None
    dataset: str | None = None
    subject: str | None = None


@dataclass(slots=True)
class OldExtraction:
    id: str
    entities: list[OldMention] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)
    results: list[OldResult] = field(default_factory=list)
    error: str | None = None


def old_decode(line: str) -> OldExtraction:
    data = json.loads(line)
    return OldExtraction(id=data["id"], entities=[OldMention(**m) for m in data.get("entities", [])],
                         proposed=list(data.get("proposed", [])),
                         results=[OldResult(**r) for r in data.get("results", [])],
                         error=data.get("error"))


# The same checks as kg.core.records, as pydantic models.
class StrictModel(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")


class PydanticMention(StrictModel):
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
    params: str | None = None
    version: str | None = None
    variant: str | None = None
    aliases: list[str] = []


class PydanticResult(StrictModel):
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


class PydanticExtraction(StrictModel):
    id: str
    entities: list[PydanticMention] = []
    proposed: list[str] = []
    results: list[PydanticResult] = []
    error: str | None = None


WAYS: dict[str, tuple[Callable[[str], Any], str]] = {
    "dataclasses (before)": (old_decode, "no"),
    "msgspec Struct (kg.core.records)": (lambda line: PaperExtraction.from_json(line, "bench"), "yes"),
    "pydantic BaseModel": (PydanticExtraction.model_validate_json, "yes"),
}


def best_seconds(function: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("extractions", type=Path, help="`kg extract` output (JSON lines)")
    parser.add_argument("--repeat", type=int, default=5, help="passes per way (the best counts)")
    args = parser.parse_args()
    lines = args.extractions.read_text(encoding="utf-8").splitlines()
    records = [PaperExtraction.from_json(line, "bench") for line in lines]
    assert [json.dumps(r.to_dict(), ensure_ascii=False) for r in records] == lines, \
        "the typed records do not write the lines back byte for byte"

    table = Table(title=f"Decoding {len(lines):,} extraction lines "
                        f"({sum(map(len, lines)) / 1e6:.1f} MB; best of {args.repeat})",
                  header_style="bold")
    for column in ("records", "checks fields", "seconds", "lines/s", "vs dataclasses"):
        table.add_column(column, justify="left" if column == "records" else "right")
    baseline = None
    for name, (decode, checks) in WAYS.items():
        seconds = best_seconds(lambda: [decode(line) for line in lines], args.repeat)
        baseline = baseline or seconds
        table.add_row(name, checks, f"{seconds:.3f}", f"{len(lines) / seconds:,.0f}",
                      f"{baseline / seconds:.2f}x")
    old = [old_decode(line) for line in lines]
    old_dumps = best_seconds(lambda: [json.dumps(_old_to_dict(r), ensure_ascii=False) for r in old],
                             args.repeat)
    new_dumps = best_seconds(lambda: [json.dumps(r.to_dict(), ensure_ascii=False) for r in records],
                             args.repeat)
    console = Console(width=110)
    console.print(table)
    console.print(f"writing the lines back (to_dict + json.dumps): dataclasses {old_dumps:.3f} s, "
                  f"msgspec {new_dumps:.3f} s ({old_dumps / new_dumps:.2f}x)")


def _old_to_dict(extraction: OldExtraction) -> dict[str, Any]:
    """The dataclasses' serialisation before the change (flat records read field by field)."""
    def mention(m: OldMention) -> dict[str, Any]:
        data = {name: getattr(m, name) for name in m.__slots__}
        data["aliases"] = list(m.aliases)
        for key in ("family", "params", "version", "variant"):
            if data[key] is None:
                del data[key]
        if not data["generic"]:
            del data["generic"]
        if not data["aliases"]:
            del data["aliases"]
        return data

    data = {"id": extraction.id, "entities": [mention(m) for m in extraction.entities],
            "proposed": list(extraction.proposed),
            "results": [{name: getattr(r, name) for name in r.__slots__} for r in extraction.results]}
    if extraction.error:
        data["error"] = extraction.error
    return data


if __name__ == "__main__":
    main()
