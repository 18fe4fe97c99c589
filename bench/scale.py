"""Speed and memory of `kg extract` / `kg build` against the spaCy tokenizer floor, by corpus size.

    .venv/bin/python bench/scale.py                        # quick: 1,000 papers
    .venv/bin/python bench/scale.py --sizes 1000,10000,40000 --workers 2 --dask
    .venv/bin/python bench/scale.py --sizes 3000 --build-only   # issue 10's ratio: build --no-cache / tokenizer

For each size, on the first N records of the corpus and in the same run: a spaCy tokenizer-only pass
over the same texts (the floor), `kg build --workers N --no-cache` (no cache read or written; with
--build-only, nothing more), `kg extract` with 1 and N workers (no cache), `kg build --workers N`
cold, again unchanged (up to date), again with its graph files removed (assembly + export from the
cache), graph assembly / GraphML / JSON export times in-process, the peak RSS of each command's
whole process tree (workers included), and optionally `kg build --engine dask --no-cache`.
Commands run as subprocesses, so their times include start-up and pipeline loading. "Per CPU
second" rows divide by the CPU time of the whole process tree instead of wall time: on a shared
machine they show the cost independently of what else runs.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.paths import shared_data  # noqa: E402

KG = [sys.executable, "-c", "import sys; from kg.cli import main; sys.argv[0] = 'kg'; main()"]
console = Console(width=120)


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system of the whole process tree (workers are waited for)
    peak_mb: float
    stdout: str


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_kg(*args: str) -> Run:
    """Run one `kg` command; wall time and the peak summed RSS of its process tree (polled)."""
    started, cpu_before = time.perf_counter(), _children_cpu()
    proc = subprocess.Popen([*KG, *args, "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def poll() -> None:
        nonlocal peak
        parent = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [parent, *parent.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass  # a process ended between listing and reading it
            done.wait(0.05)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    poller.join()
    if proc.returncode != 0:
        raise SystemExit(f"kg {' '.join(args)} failed ({proc.returncode}):\n{err[-3000:]}")
    return Run(seconds, _children_cpu() - cpu_before, peak / 2**20, out)


def subset(corpus: Path, size: int, path: Path) -> int:
    """The first `size` lines of the corpus, as a plain JSONL file."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    count = 0
    with opener(corpus, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for line in src:
            if count == size:
                break
            dst.write(line)
            count += 1
    return count


def tokenizer_rate(path: Path) -> tuple[float, float]:
    """Papers per second (wall, and per CPU second) of the product's tokenizer over title +
    abstract (texts in memory); the best of three passes, so a noisy neighbour cannot lower the floor."""
    from extractors.tokenizer import blank
    from kg.core.records import Paper
    from kg.readers import read_records

    texts = [f"{r.title}\n\n{r.abstract}" for r in read_records([path]) if isinstance(r, Paper)]
    tokenizer = blank().tokenizer
    best, best_cpu = float("inf"), float("inf")
    for _ in range(3):
        started, cpu = time.perf_counter(), time.process_time()
        for _ in tokenizer.pipe(texts, batch_size=1000):  # type: ignore[union-attr]  # (spaCy types it a callable)
            pass
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return len(texts) / best, len(texts) / best_cpu


def assembly_times(path: Path, extractions: Path, out: Path) -> tuple[float, float, float]:
    """Seconds to assemble the graph from papers + extraction lines, write GraphML, write JSON."""
    from kg.core.records import Paper, PaperExtraction
    from kg.dedup import Deduplicator
    from kg.exports.graphml import write_graphml
    from kg.exports.node_link import write_json
    from kg.graph import GraphAssembler
    from kg.readers import read_records

    papers = [r for r in read_records([path]) if isinstance(r, Paper)]
    with open(extractions, encoding="utf-8") as handle:
        lines = handle.readlines()
    dedup = Deduplicator()
    started = time.perf_counter()
    assembler = GraphAssembler()
    for number, (paper, line) in enumerate(zip(papers, lines, strict=True), 1):
        if dedup.check(paper) is None:
            assembler.add(paper, PaperExtraction.from_json(line, f"{extractions}:{number}"))
    graph = assembler.finish()
    assembled = time.perf_counter()
    write_graphml(graph, out / "graph.graphml")
    graphml = time.perf_counter()
    write_json(graph, out / "graph.json")
    return assembled - started, graphml - assembled, time.perf_counter() - graphml


def graph_counts(directory: Path) -> tuple[int, int]:
    from kg.exports.node_link import read_graph

    graph = read_graph(directory)
    return graph.number_of_nodes(), graph.number_of_edges()


def bench_size(size: int, corpus: Path, workers: int, dask: bool, extract: bool,
               work: Path, build_only: bool = False) -> dict:
    path = work / f"papers_{size}.jsonl"
    n = subset(corpus, size, path)
    row: dict = {"papers": n}
    row["tokenizer"], row["tokenizer_cpu"] = tokenizer_rate(path)
    uncached = run_kg("build", str(path), "-o", str(work / f"uncached_{size}"), "--workers", str(workers),
                      "--no-cache")
    row.update(uncached_rate=n / uncached.seconds, uncached_cpu=n / uncached.cpu_seconds,
               rss=uncached.peak_mb)
    if build_only:
        return row
    out = work / f"build_{size}"
    build_args = ["build", str(path), "-o", str(out), "--workers", str(workers)]
    cold = run_kg(*build_args)
    unchanged = run_kg(*build_args)
    for name in ("graph.json", "graph.graphml"):
        (out / name).unlink()
    from_cache = run_kg(*build_args)
    row.update(build=cold.seconds, build_rate=n / cold.seconds, build_cpu=n / cold.cpu_seconds,
               rebuild=unchanged.seconds,
               from_cache=from_cache.seconds, rss_build=cold.peak_mb,
               rss=max(row["rss"], cold.peak_mb, from_cache.peak_mb))
    x1 = work / "x1.jsonl"
    if extract:
        one = run_kg("extract", str(path), "-o", str(x1), "--no-cache")
        many = run_kg("extract", str(path), "-o", str(work / "xn.jsonl"), "--no-cache",
                      "--workers", str(workers))
        row["extract_1"], row["extract_n"] = n / one.seconds, n / many.seconds
        row["extract_1_cpu"], row["extract_n_cpu"] = n / one.cpu_seconds, n / many.cpu_seconds
        row["same_lines"] = x1.read_bytes() == (work / "xn.jsonl").read_bytes()
        row["rss"] = max(row["rss"], one.peak_mb, many.peak_mb)
    else:  # the extraction lines for the assembly timings, from the build's cache
        run_kg("extract", str(path), "-o", str(x1), "--cache", str(out / "cache.sqlite"))
    row["assemble"], row["graphml"], row["json"] = assembly_times(path, work / "x1.jsonl",
                                                                  work / "assembled")
    if dask:
        dask_out = work / f"dask_{size}"
        run = run_kg("build", str(path), "-o", str(dask_out), "--engine", "dask",
                     "--workers", str(workers), "--no-cache")
        row["dask"], row["rss_dask"] = run.seconds, run.peak_mb
        row["dask_same"] = graph_counts(dask_out) == graph_counts(out)
    return row


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor()) \
        if Path("/proc/cpuinfo").exists() else platform.processor()
    import spacy

    return (f"{os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 2**30:.0f} GB RAM, "
            f"Python {platform.python_version()}, spaCy {spacy.__version__}, {platform.system()}")


METRICS = [  # (row label, how to compute it from a size's results)
    ("tokenizer-only, papers/s (floor)", lambda r: f"{r['tokenizer']:,.0f}"),
    ("kg extract 1 worker, papers/s", lambda r: f"{r['extract_1']:,.1f}"),
    ("kg extract N workers, papers/s", lambda r: f"{r['extract_n']:,.1f}"),
    ("  N workers / 1 worker", lambda r: f"{r['extract_n'] / r['extract_1']:.2f}"),
    ("  1 worker / tokenizer", lambda r: f"{r['extract_1'] / r['tokenizer']:.4f}"),
    ("  N workers / tokenizer", lambda r: f"{r['extract_n'] / r['tokenizer']:.4f}"),
    ("  N-worker lines == 1-worker lines", lambda r: "yes" if r["same_lines"] else "NO"),
    ("  1 worker / tokenizer, per CPU second", lambda r: f"{r['extract_1_cpu'] / r['tokenizer_cpu']:.4f}"),
    ("  N workers / tokenizer, per CPU second", lambda r: f"{r['extract_n_cpu'] / r['tokenizer_cpu']:.4f}"),
    ("kg build N workers --no-cache, papers/s", lambda r: f"{r['uncached_rate']:,.1f}"),
    ("  / tokenizer", lambda r: f"{r['uncached_rate'] / r['tokenizer']:.4f}"),
    ("  / tokenizer, per CPU second", lambda r: f"{r['uncached_cpu'] / r['tokenizer_cpu']:.4f}"),
    ("kg build N workers (cold), s", lambda r: f"{r['build']:.1f}"),
    ("  papers/s", lambda r: f"{r['build_rate']:,.1f}"),
    ("  / tokenizer", lambda r: f"{r['build_rate'] / r['tokenizer']:.4f}"),
    ("  / tokenizer, per CPU second", lambda r: f"{r['build_cpu'] / r['tokenizer_cpu']:.4f}"),
    ("  ms per paper", lambda r: f"{1000 * r['build'] / r['papers']:.1f}"),
    ("kg build again (unchanged), s", lambda r: f"{r['rebuild']:.2f}"),
    ("  speed-up over cold", lambda r: f"{r['build'] / r['rebuild']:.1f}x"),
    ("kg build, graph files removed (from cache), s", lambda r: f"{r['from_cache']:.1f}"),
    ("  speed-up over cold", lambda r: f"{r['build'] / r['from_cache']:.1f}x"),
    ("graph assembly (in-process), s", lambda r: f"{r['assemble']:.2f}"),
    ("GraphML export, s", lambda r: f"{r['graphml']:.2f}"),
    ("JSON export, s", lambda r: f"{r['json']:.2f}"),
    ("peak RSS, cold build (process tree), MB", lambda r: f"{r['rss_build']:,.0f}"),
    ("peak RSS, any command above, MB", lambda r: f"{r['rss']:,.0f}"),
]
DASK_METRICS = [
    ("kg build --engine dask --no-cache, s", lambda r: f"{r['dask']:.1f}"),
    ("  peak RSS (process tree), MB", lambda r: f"{r['rss_dask']:,.0f}"),
    ("  same node/edge counts as local", lambda r: "yes" if r["dask_same"] else "NO"),
]


def print_table(rows: list[dict], workers: int, dask: bool, markdown: bool) -> None:
    metrics = METRICS + (DASK_METRICS if dask else [])
    header = ["papers", *(f"{r['papers']:,}" for r in rows)]
    body = [[label, *(_cell(cell, r) for r in rows)] for label, cell in metrics]
    body = [cells for cells in body if any(c != "-" for c in cells[1:])]  # parts skipped for all sizes
    if markdown:  # for docs/performance.md
        print("| " + " | ".join(header) + " |\n|---" + "|---:" * len(rows) + "|")
        for cells in body:
            print("| " + " | ".join(cells) + " |")
        return
    table = Table(title=f"PaperKG scale benchmark (N = {workers} workers)")
    table.add_column(header[0])
    for name in header[1:]:
        table.add_column(name, justify="right")
    for cells in body:
        table.add_row(*cells)
    console.print(table)


def _cell(cell, row: dict) -> str:
    try:
        return cell(row)
    except KeyError:  # a part skipped for this size (--skip-extract)
        return "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes (default 1000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dask", action="store_true", help="also build with --engine dask --no-cache")
    parser.add_argument("--skip-extract", action="store_true",
                        help="skip the two `kg extract --no-cache` runs (the longest part)")
    parser.add_argument("--build-only", action="store_true",
                        help="only the tokenizer floor and `kg build --no-cache` (the issue 10 ratio)")
    parser.add_argument("--corpus", type=Path, help="JSONL(.gz) input (default: the 40k arXiv corpus)")
    args = parser.parse_args()
    corpus = args.corpus or shared_data("corpora", "arxiv_cs_2025.jsonl.gz")
    console.print(f"machine: {machine()}\ncorpus: {corpus}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(bench_size(size, corpus, args.workers, args.dask, not args.skip_extract,
                                   Path(tmp), args.build_only))
            print_table(rows, args.workers, args.dask, markdown=False)  # long runs show progress
    print_table(rows, args.workers, args.dask, markdown=True)


if __name__ == "__main__":
    main()
