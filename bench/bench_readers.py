"""Reader throughput and memory, and the deduplicator's memory per paper; prints a table.

    .venv/bin/python bench/bench_readers.py [INPUT ...]

Without arguments: the example seeds, the shared samples, the 40k-paper arXiv corpus (gzip JSONL)
and that corpus rewritten as one pretty-printed JSON array in a temp dir, to show that a JSON
document is streamed (peak memory far below the file size). Memory is Python allocations traced
by tracemalloc in separate passes (the timed pass runs untraced): the readers' peak alone, then
what a Deduplicator fed every paper still holds at the end.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from kg.core.records import Paper
from kg.dedup import Deduplicator
from kg.readers import read_records

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
DEFAULT_INPUTS = [ROOT / "examples", SHARED / "samples", SHARED / "corpora" / "arxiv_cs_2025.jsonl.gz"]


def timed_read(path: Path) -> tuple[int, int, float]:
    started = time.perf_counter()
    papers = rejects = 0
    for record in read_records([path]):
        if isinstance(record, Paper):
            papers += 1
        else:
            rejects += 1
    return papers, rejects, time.perf_counter() - started


def traced_peak(path: Path, dedup: Deduplicator | None = None) -> tuple[float, float]:
    """(peak MiB while reading, MiB still held by the deduplicator at the end)."""
    tracemalloc.start()
    for record in read_records([path]):
        if dedup is not None and isinstance(record, Paper):
            dedup.check(record)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20, held / 2**20


def size_mib(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**20


def as_json_array(source: Path, target: Path) -> Path:
    with open(target, "w", encoding="utf-8") as out:
        out.write("[\n")
        for number, record in enumerate(read_records([source])):
            if isinstance(record, Paper):
                out.write(("" if number == 0 else ",\n") + json.dumps(
                    {"id": record.id, "title": record.title, "abstract": record.abstract}, indent=2))
        out.write("\n]\n")
    return target


def main(argv: list[str]) -> None:
    inputs = [Path(arg) for arg in argv] or [path for path in DEFAULT_INPUTS if path.exists()]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = DEFAULT_INPUTS[2]
        if not argv and corpus.exists():
            inputs.append(as_json_array(corpus, Path(tmp) / "arxiv_cs_2025.array.json"))
        print("| input | MiB on disk | papers | rejects | seconds | papers/s | peak MiB | dedup KiB held "
              "| dedup B/paper |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for path in inputs:
            papers, rejects, seconds = timed_read(path)
            peak, _ = traced_peak(path)
            _, held = traced_peak(path, Deduplicator())
            per_paper = held * 2**20 / papers if papers else 0.0
            print(f"| {path.name} | {size_mib(path):.1f} | {papers} | {rejects} | {seconds:.2f} | "
                  f"{papers / seconds:,.0f} | {peak:.1f} | {held * 1024:,.0f} | {per_paper:.0f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
