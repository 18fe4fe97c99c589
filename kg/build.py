"""The two long-running operations behind `kg extract` and `kg build`, as plain functions.

Papers stream from the readers through the extraction cache and an engine (this process, a local
process pool or Dask) and come back in input order as extraction lines; `kg build` feeds them to the
graph assembler, which is the only thing that grows with the corpus.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TextIO

import networkx as nx

from extractors.version import PACKAGE_ROOT, pipeline_version
from kg.cache import CACHE_NAME, ExtractionCache, content_key
from kg.core.digest import add_tree
from kg.core.errors import NoGoodRecords
from kg.core.iteration import batched
from kg.core.records import Paper, PaperExtraction, Reject
from kg.dedup import Deduplicator
from kg.engines import BATCH_SIZE, Item, make_engine
from kg.exports.graphml import GRAPH_GRAPHML, write_graphml
from kg.exports.node_link import GRAPH_JSON, write_json
from kg.graph import GraphAssembler
from kg.outputs import EXTRACTIONS_FILE, REJECTS_FILE, atomic_path, check_output_file, output_directory
from kg.progress import progress_counter
from kg.readers import input_files, read_records

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
    failed: int = 0  # papers kept without entities: the pipeline failed on them (see rejects)
    cached: int = 0  # extractions read from the cache instead of extracted
    up_to_date: bool = False  # `kg build` found its outputs current and rewrote nothing


class RejectsFile:
    """Rejected records, one JSON line each; the file is created only when there is one, under a
    temporary name until `close`."""

    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self._handle: TextIO | None = None
        self._files = ExitStack()

    def write(self, reject: Reject) -> None:
        if self._handle is None:
            temporary = self._files.enter_context(atomic_path(self.path))
            self._handle = self._files.enter_context(open(temporary, "w", encoding="utf-8"))
        self._handle.write(json.dumps(reject.to_dict(), ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        if self._handle is not None:
            self._files.close()
        elif self.path.is_file():  # a stale file from an earlier run would mislead
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
                rejects.write(Reject(record.origin, f"duplicate of {dedup.origin_of(original)} "
                                                    f"(id {original})", record.id))
                summary.duplicates += 1
                continue
        summary.papers += 1
        yield record


def extraction_error(line: str) -> str | None:
    """The pipeline's error for this extraction line, if it failed (checked without parsing)."""
    return json.loads(line).get("error") if '"error": ' in line else None


def _record_failure(paper: Paper, error: str | None, rejects: RejectsFile,
                    summary: RunSummary) -> None:
    """A paper the pipeline failed on stays in the output, without entities; the rejects say why."""
    if error:
        rejects.write(Reject(paper.origin, f"kept without entities: {error}", paper.id))
        summary.failed += 1


@dataclass(frozen=True)
class EngineOptions:
    """Where and how extraction runs (`--engine`, `--workers`, `--scheduler`)."""

    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    batch_size: int = BATCH_SIZE


def extraction_lines(papers: Iterable[Paper], options: EngineOptions = EngineOptions(),
                     cache: ExtractionCache | None = None) -> Iterator[tuple[Paper, str]]:
    """Each paper with its extraction JSON line, in input order: from the cache when it is there,
    else from the engine (and then stored in the cache)."""
    engine = make_engine(options.engine, options.workers, options.scheduler)
    pending: deque[tuple[list[Paper], list[bytes], dict[bytes, str]]] = deque()

    def misses() -> Iterator[list[Item]]:
        for batch in batched(papers, options.batch_size):
            keys = [content_key(paper) for paper in batch] if cache is not None else []
            hits = cache.get_many(keys) if cache is not None else {}
            pending.append((batch, keys, hits))
            yield [(paper.id, paper.title, paper.abstract) for i, paper in enumerate(batch)
                   if not keys or keys[i] not in hits]

    try:
        for fresh_lines in engine.map(misses()):
            batch, keys, hits = pending.popleft()
            fresh = iter(fresh_lines)
            new_rows = []
            for i, paper in enumerate(batch):
                line = hits.get(keys[i]) if keys else None
                if line is None:
                    line = next(fresh)
                    if keys:
                        new_rows.append((keys[i], line))
                yield paper, line
            if cache is not None and new_rows:
                cache.put_many(new_rows)
    finally:
        engine.close()


def extract_to_file(inputs: Sequence[str | Path], output: Path, show_progress: bool = True,
                    options: EngineOptions = EngineOptions(),
                    cache_path: Path | None = None) -> RunSummary:
    """`kg extract`: one extraction line per good input record, in input order; no deduplication.
    With `cache_path`, extractions are read from and added to that cache."""
    summary = RunSummary()
    started = time.perf_counter()
    rejects = RejectsFile(rejects_path_for(output))
    records = read_records(inputs, exclude=[output, rejects.path, *([cache_path] if cache_path else [])])
    check_output_file(output, EXTRACTIONS_FILE)
    check_output_file(rejects.path, REJECTS_FILE)
    cache = ExtractionCache(cache_path, pipeline_version()) if cache_path else None
    try:
        with atomic_path(output) as tmp, open(tmp, "w", encoding="utf-8") as handle:
            papers = _good_papers(records, rejects, summary, dedup=None)
            lines = extraction_lines(papers, options, cache)
            for paper, line in progress_counter(lines, "Extracting", show_progress):
                handle.write(line + "\n")
                _record_failure(paper, extraction_error(line), rejects, summary)
    finally:
        rejects.close()
        if cache is not None:
            cache.close()
            summary.cached = cache.hits
    summary.seconds = time.perf_counter() - started
    summary.outputs["extractions"] = output
    if rejects.count:
        summary.outputs["rejects"] = rejects.path
    return summary


BUILD_MANIFEST = "build"  # cache meta record: what the last build read and wrote


@lru_cache(maxsize=1)
def code_version() -> str:
    """`pipeline_version` plus the graph side's code (readers, resolution, assembly, export)."""
    digest = hashlib.blake2b(pipeline_version().encode(), digest_size=16)
    add_tree(digest, PACKAGE_ROOT, "kg", suffixes=(".py",))
    return digest.hexdigest()


def build_fingerprint(inputs: Sequence[str | Path], out_dir: Path, exclude: Sequence[Path] = ()) -> str:
    """A digest of everything a build's outputs depend on: the code and pipeline, the output
    directory, and the names and bytes of every input file (read in 1 MB blocks; a fraction of the
    time of parsing them); an entry that cannot be read counts by its problem."""
    digest = hashlib.blake2b(code_version().encode(), digest_size=16)
    digest.update(str(out_dir.resolve()).encode("utf-8", "surrogateescape") + b"\0")
    for item in inputs:
        for entry in input_files(Path(item), exclude):
            digest.update(str(entry.path.absolute()).encode("utf-8", "surrogateescape") + b"\0")
            if entry.problem is not None:
                digest.update(entry.problem.encode() + b"\0")
                continue
            try:
                with open(entry.path, "rb") as handle:
                    while block := handle.read(1 << 20):
                        digest.update(block)
            except OSError as err:
                digest.update(f"unreadable: {err}".encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def _file_stamps(outputs: dict[str, Path]) -> dict[str, list]:
    return {name: [str(path), path.stat().st_size, path.stat().st_mtime_ns]
            for name, path in outputs.items()}


def _up_to_date(manifest: dict | None, fingerprint: str, out_dir: Path) -> RunSummary | None:
    """The summary of the last build when it read the same inputs with the same code and its
    outputs are untouched since; else None."""
    if not manifest or manifest.get("fingerprint") != fingerprint:
        return None
    outputs = {name: Path(path) for name, (path, _, _) in manifest["outputs"].items()}
    if "rejects" not in outputs and (out_dir / REJECTS_NAME).exists():
        return None
    try:
        if _file_stamps(outputs) != manifest["outputs"]:
            return None
    except OSError:  # an output was removed
        return None
    counts = manifest["summary"]
    return RunSummary(read=counts["read"], papers=counts["papers"], rejected=counts["rejected"],
                      duplicates=counts["duplicates"], nodes=Counter(counts["nodes"]),
                      edges=Counter(counts["edges"]), outputs=outputs, up_to_date=True)


def _manifest(fingerprint: str, summary: RunSummary) -> dict:
    return {"fingerprint": fingerprint, "outputs": _file_stamps(summary.outputs),
            "summary": {"read": summary.read, "papers": summary.papers,
                        "rejected": summary.rejected, "duplicates": summary.duplicates,
                        "nodes": dict(summary.nodes), "edges": dict(summary.edges)}}


def build_graph(inputs: Sequence[str | Path], out_dir: Path, show_progress: bool = True,
                options: EngineOptions = EngineOptions(), use_cache: bool = True,
                cache_path: Path | None = None) -> RunSummary:
    """`kg build`: read, deduplicate, extract, resolve and assemble; write GraphML and JSON.

    `out_dir` is taken for the run (kg.outputs: refused when it is not PaperKG's, locked against a
    second run). With the cache (default `out_dir/cache.sqlite`), only papers it has not seen are
    extracted, and a build of unchanged inputs with unchanged code whose outputs are intact rewrites
    nothing. A build that reads no good record writes no graph (NoGoodRecords)."""
    started = time.perf_counter()
    cache_path = (cache_path or out_dir / CACHE_NAME) if use_cache else None
    own_outputs = [out_dir, *([cache_path] if cache_path else [])]
    records = read_records(inputs, exclude=own_outputs)
    with output_directory(out_dir):
        if cache_path is None:
            summary = _assemble_and_write(records, out_dir, show_progress, options, cache=None)
        else:
            with ExtractionCache(cache_path, pipeline_version(), owned=cache_path == out_dir / CACHE_NAME) as cache:
                fingerprint = build_fingerprint(inputs, out_dir, own_outputs)
                unchanged = _up_to_date(cache.get_meta(BUILD_MANIFEST), fingerprint, out_dir)
                if unchanged is not None:
                    summary = unchanged
                else:
                    cache.set_meta(BUILD_MANIFEST, None)  # until the new outputs are all written
                    summary = _assemble_and_write(records, out_dir, show_progress, options, cache)
                    summary.cached = cache.hits
                    cache.set_meta(BUILD_MANIFEST, _manifest(fingerprint, summary))
    summary.seconds = time.perf_counter() - started
    return summary


def _assemble(papers: Iterable[Paper], show_progress: bool, options: EngineOptions,
              cache: ExtractionCache | None, rejects: RejectsFile,
              summary: RunSummary) -> nx.MultiDiGraph:
    """The graph of `papers`; the assembler's working state is freed on return, before export."""
    assembler = GraphAssembler()
    for paper, line in progress_counter(extraction_lines(papers, options, cache), "Extracting",
                                        show_progress):
        extraction = PaperExtraction.from_json(line, f"the extraction of {paper.origin}")
        _record_failure(paper, extraction.error, rejects, summary)
        assembler.add(paper, extraction)
    return assembler.finish()


def _assemble_and_write(records: Iterable[Paper | Reject], out_dir: Path, show_progress: bool,
                        options: EngineOptions, cache: ExtractionCache | None) -> RunSummary:
    summary = RunSummary()
    rejects = RejectsFile(out_dir / REJECTS_NAME)
    try:
        papers = _good_papers(records, rejects, summary, Deduplicator())
        graph = _assemble(papers, show_progress, options, cache, rejects, summary)
    finally:
        rejects.close()
    if not summary.papers:
        raise NoGoodRecords(_no_good_records(summary, out_dir, rejects))
    summary.outputs["graphml"] = write_graphml(graph, out_dir / GRAPH_GRAPHML)
    summary.outputs["json"] = write_json(graph, out_dir / GRAPH_JSON)
    if rejects.count:
        summary.outputs["rejects"] = rejects.path
    summary.nodes = Counter(d["type"] for _, d in graph.nodes(data=True))
    summary.edges = Counter(k for _, _, k in graph.edges(keys=True))
    return summary


def _no_good_records(summary: RunSummary, out_dir: Path, rejects: RejectsFile) -> str:
    """Why a build wrote no graph, and what became of the graph already in `out_dir`."""
    kept = (f"the graph in {out_dir} was left as it was" if (out_dir / GRAPH_JSON).exists()
            else "no graph was written")
    if not summary.read:
        return f"the inputs hold no records; {kept}"
    records = "record" if summary.read == 1 else "records"
    return (f"no good record among the {summary.read:,} {records} read ({summary.rejected:,} rejected, "
            f"reasons in {rejects.path}); {kept}")
