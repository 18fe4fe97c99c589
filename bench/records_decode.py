"""Reading extraction lines back into records: plain dataclasses (no checks, the records before
kg/core/records.py was typed) against msgspec Structs and pydantic models that check every field.

    nice python bench/records_decode.py EXTRACTIONS.jsonl [--repeat 5]

EXTRACTIONS.jsonl is `kg extract` output, e.g. of the first 10,000 papers of the arXiv corpus:

    zcat ../shared/data/corpora/arxiv_cs_2025.jsonl.gz | head -10000 > /tmp/arxiv10k.jsonl
    nice kg extract /tmp/arxiv10k.jsonl -o /tmp/extract10k.jsonl --workers 2 -q

Each way decodes every line (as `kg build` does, one line at a time, from a str) into
records; the best of `--repeat` passes (CPU time) is printed, with each way's ratio to the
dataclasses. The dataclasses and the pydantic models are made from the Structs' own fields, so all
three read the same schema. msgspec is the project's choice (kg.core.records); pydantic comes
with spaCy.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import GenericAlias
from typing import Any

import msgspec
import pydantic
from msgspec.structs import fields
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.core.records import Mention, PaperExtraction, Result

RECORDS = (Mention, Result, PaperExtraction)  # nested ones first


def _default(info: msgspec.structs.FieldInfo) -> dict[str, Any]:
    if info.default_factory is not msgspec.NODEFAULT:
        return {"default_factory": info.default_factory}
    return {} if info.default is msgspec.NODEFAULT else {"default": info.default}


def _nested(annotation: Any, models: dict[type, type]) -> Any:
    """`annotation` with the records in it replaced by their counterparts in `models`."""
    if annotation in models:
        return models[annotation]
    if getattr(annotation, "__origin__", None) is list:
        return GenericAlias(list, (_nested(annotation.__args__[0], models),))
    return annotation


def as_dataclasses() -> dict[type, type]:
    """The records as they were before: slotted dataclasses, same fields, no checks."""
    made: dict[type, type] = {}
    for record in RECORDS:
        made[record] = dataclasses.make_dataclass(
            f"Old{record.__name__}", [(f.name, Any, dataclasses.field(**_default(f)))
                                      for f in fields(record)], slots=True)
    return made


def as_pydantic() -> dict[type, type[pydantic.BaseModel]]:
    """The same records and checks (types, Literals, no unknown keys) as pydantic models."""
    made: dict[type, type[pydantic.BaseModel]] = {}
    config = pydantic.ConfigDict(extra="forbid")
    for record in RECORDS:
        made[record] = pydantic.create_model(  # type: ignore[call-overload]  # (fields made at run time)
            f"Pydantic{record.__name__}", __config__=config,
            **{f.name: (_nested(f.type, made), pydantic.Field(**_default(f))) for f in fields(record)})
    return made


OLD = as_dataclasses()
PYDANTIC = as_pydantic()


def old_decode(line: str) -> Any:
    """What `kg build` did before: json.loads, then the records built from the dicts."""
    data = json.loads(line)
    return OLD[PaperExtraction](id=data["id"],
                                entities=[OLD[Mention](**m) for m in data.get("entities", [])],
                                proposed=list(data.get("proposed", [])),
                                results=[OLD[Result](**r) for r in data.get("results", [])],
                                error=data.get("error"))


WAYS: dict[str, tuple[Callable[[str], Any], str]] = {
    "dataclasses (before)": (old_decode, "no"),
    "msgspec Struct (kg.core.records)": (lambda line: PaperExtraction.from_json(line, "bench"), "yes"),
    "pydantic BaseModel": (PYDANTIC[PaperExtraction].model_validate_json, "yes"),
}


def best_seconds(function: Callable[[], Any], repeat: int) -> float:
    """The least CPU time of `repeat` calls: on a shared machine wall time mostly measures the
    neighbours (everything here runs in this one thread)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        function()
        best = min(best, time.process_time() - started)
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
    for column in ("records", "checks fields", "CPU seconds", "lines per CPU s", "vs dataclasses"):
        table.add_column(column, justify="left" if column == "records" else "right")
    baseline = None
    for name, (decode, checks) in WAYS.items():
        seconds = best_seconds(lambda: [decode(line) for line in lines], args.repeat)  # noqa: B023  (called at once)
        baseline = baseline or seconds
        table.add_row(name, checks, f"{seconds:.3f}", f"{len(lines) / seconds:,.0f}",
                      f"{baseline / seconds:.2f}x")
    writing = best_seconds(lambda: [json.dumps(r.to_dict(), ensure_ascii=False) for r in records],
                           args.repeat)
    console = Console(width=110)
    console.print(table)
    console.print(f"writing the lines back from the Structs (to_dict + json.dumps, as kg extract "
                  f"does): {writing:.3f} s, byte-identical to the input")


if __name__ == "__main__":
    main()
