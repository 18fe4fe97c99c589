"""The two long-running operations behind `kg extract` and `kg build`, as plain functions."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from kg.dedup import Deduplicator
from kg.export import GRAPH_GRAPHML, GRAPH_JSON, atomic_path, write_graphml, write_json
from kg.graph import GraphAssembler
from kg.model import Paper, Reject
from kg.progress import progress_counter
from kg.readers import read_records

REJECTS_NAME = "rejects.jsonl"


@dataclass
class RunSummary:
    """What a run read, kept, rejected and produced (printed as the closing table)."""

    read: int = 0
    papers: int = 0
    rejected: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    nodes: Counter = field(default_factory=Counter)
    edges: Counter = field(default_factory=Counter)
    outputs: dict[str, Path] = field(default_factory=dict)


class RejectsFile:
    """Rejected records, one JSON line each; the file is created only when there is one."""

    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self._handle: TextIO | None = None

    def write(self, reject: Reject) -> None:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(self.path, "w", encoding="utf-8")
        self._handle.write(json.dumps(reject.to_dict(), ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
        elif self.path.exists():  # a stale file from an earlier run would mislead
            self.path.unlink()


def rejects_path_for(output: Path) -> Path:
    """`out.jsonl` -> `out.rejects.jsonl` (DESIGN.md)."""
    stem = output.name[:-len(".jsonl")] if output.name.endswith(".jsonl") else output.name
    return output.with_name(f"{stem}.rejects.jsonl")


def _good_papers(records: Iterable[Paper | Reject], rejects: RejectsFile,
                 summary: RunSummary, dedup: Deduplicator | None) -> Iterator[Paper]:
    for record in records:
        summary.read += 1
        if isinstance(record, Reject):
            rejects.write(record)
            summary.rejected += 1
            continue
        if dedup is not None:
            original = dedup.check(record)
            if original is not None:
                rejects.write(Reject(record.origin, f"duplicate of {original}", record.id))
                summary.duplicates += 1
                continue
        summary.papers += 1
        yield record


def extract_to_file(inputs: Sequence[str | Path], output: Path,
                    annotate=None, show_progress: bool = True) -> RunSummary:
    """`kg extract`: one extraction line per good input record, in input order; no deduplication."""
    from extractors.pipeline import annotate as default_annotate

    annotate = annotate or default_annotate
    summary = RunSummary()
    started = time.perf_counter()
    rejects = RejectsFile(rejects_path_for(output))
    try:
        with atomic_path(output) as tmp, open(tmp, "w", encoding="utf-8") as handle:
            papers = _good_papers(read_records(inputs), rejects, summary, dedup=None)
            for _, extraction in progress_counter(annotate(papers), "Extracting", show_progress):
                handle.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
    finally:
        rejects.close()
    summary.seconds = time.perf_counter() - started
    summary.outputs["extractions"] = output
    if rejects.count:
        summary.outputs["rejects"] = rejects.path
    return summary


def build_graph(inputs: Sequence[str | Path], out_dir: Path,
                annotate=None, show_progress: bool = True) -> RunSummary:
    """`kg build`: read, deduplicate, extract, resolve and assemble; write GraphML and JSON."""
    from extractors.pipeline import annotate as default_annotate

    annotate = annotate or default_annotate
    summary = RunSummary()
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    rejects = RejectsFile(out_dir / REJECTS_NAME)
    assembler = GraphAssembler()
    try:
        papers = _good_papers(read_records(inputs), rejects, summary, Deduplicator())
        for paper, extraction in progress_counter(annotate(papers), "Extracting", show_progress):
            assembler.add(paper, extraction)
    finally:
        rejects.close()
    graph = assembler.finish()
    summary.outputs["graphml"] = write_graphml(graph, out_dir / GRAPH_GRAPHML)
    summary.outputs["json"] = write_json(graph, out_dir / GRAPH_JSON)
    if rejects.count:
        summary.outputs["rejects"] = rejects.path
    summary.nodes = Counter(d["type"] for _, d in graph.nodes(data=True))
    summary.edges = Counter(k for _, _, k in graph.edges(keys=True))
    summary.seconds = time.perf_counter() - started
    return summary
