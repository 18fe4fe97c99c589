"""The budgets of `kg report` (issue 13), measured on a built graph:

    python bench/report_budget.py --from DIR [--site SITE] [--sample 30]

- build: wall-clock seconds of `kg report --from DIR -o SITE` (2 workers), and its peak RSS;
- landing page transfer: bytes of every file Chromium loads to show index.html;
- entity pages: milliseconds until a page's scripts have run (charts drawn, graph laid out), in
  headless Chromium from file://, the median of 3 loads, for the largest entity and leaderboard
  pages plus a sample;
- the whole site: bytes and files.
Prints one table with each figure beside its budget. Needs `make browser` for the page timings.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import psutil
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
PAGES_SCRIPT = Path(__file__).with_name("report_pages.mjs")
BUDGETS = {"build_s": 60.0, "landing_bytes": 1_000_000, "page_ms": 1000.0, "site_bytes": 300_000_000}


def build(source: Path, site: Path) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (user + system, the process and its workers), peak memory (the
    process tree's proportional set size: pages the forked workers share count once) and the
    summary `kg report` printed."""
    kg = Path(sys.executable).with_name("kg")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = psutil.Popen([str(kg), "report", "--from", str(source), "-o", str(site), "--quiet"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_full_info().pss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(2.0)  # reading smaps stalls the process it reads: every 0.1 s cost the 40k build 50% more wall time
    output = process.stdout.read()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode:
        sys.exit(f"kg report failed:\n{output}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, peak, output


def pick_pages(site: Path, sample: int, seed: int = 13) -> list[str]:
    """The 10 largest entity pages, the 5 largest leaderboards, and a random sample of entity pages."""
    entity = [p for p in site.glob("*/*.html") if p.parent.name not in ("leaderboard", "static")]
    boards = list((site / "leaderboard").glob("*.html"))
    largest = sorted(entity, key=lambda p: -p.stat().st_size)[:10]
    largest_boards = sorted(boards, key=lambda p: -p.stat().st_size)[:5]
    rest = sorted(set(entity) - set(largest))
    sampled = random.Random(seed).sample(rest, min(sample, len(rest)))
    return [str(page.relative_to(site)) for page in (site / "index.html", *largest, *largest_boards, *sampled)]


def time_pages(site: Path, pages: list[str]) -> list[dict]:
    run = subprocess.run(["node", str(PAGES_SCRIPT), str(site), *pages], capture_output=True,
                         text=True, timeout=1800)
    if run.returncode:
        sys.exit(f"page timing failed (run `make browser`?):\n{run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def file_bytes(urls: list[str]) -> int:
    return sum(Path(unquote(urlsplit(u).path)).stat().st_size for u in set(urls) if u.startswith("file:"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", type=Path, required=True, help="directory of a built graph")
    parser.add_argument("--site", type=Path, help="where to write the report (default: a temporary folder)")
    parser.add_argument("--sample", type=int, default=30, help="random entity pages to time")
    args = parser.parse_args()
    scratch = None
    if args.site is None:
        scratch = Path(tempfile.mkdtemp(prefix="report-budget-"))
        args.site = scratch / "site"
    try:
        load = os.getloadavg()[0]
        seconds, cpu, peak, output = build(args.source, args.site)
        files = [p for p in args.site.rglob("*") if p.is_file()]
        site_bytes = sum(p.stat().st_size for p in files)
        timings = time_pages(args.site, pick_pages(args.site, args.sample))
        landing = next(t for t in timings if t["path"] == "index.html")
        pages = [t for t in timings if t["path"] != "index.html"]
        errors = [f"{t['path']}: {e}" for t in timings for e in t["errors"]]
        worst = max(pages, key=lambda t: t["ms"])
        rows = [
            ("build (kg report, 2 workers)", f"{seconds:.1f} s", f"< {BUDGETS['build_s']:.0f} s",
             seconds < BUDGETS["build_s"]),
            ("CPU of the build (user + system)", f"{cpu:.1f} s", "-", None),
            ("machine load average at the start", f"{load:.1f} (2 cores)", "-", None),
            ("peak memory of the build (PSS)", f"{peak / 1e9:.2f} GB", "-", None),
            ("landing page transfer",
             f"{file_bytes(landing['files']) / 1e3:,.0f} kB ({len(set(landing['files']))} files)",
             "< 1,000 kB", file_bytes(landing["files"]) < BUDGETS["landing_bytes"]),
            ("landing page ready", f"{landing['ms']} ms", "-", None),
            (f"entity/leaderboard pages ready ({len(pages)} timed)",
             f"median {statistics.median(t['ms'] for t in pages):.0f} ms, max {worst['ms']} ms ({worst['path']})",
             "< 1,000 ms", worst["ms"] < BUDGETS["page_ms"]),
            ("largest page timed", f"{max((args.site / t['path']).stat().st_size for t in pages) / 1e3:,.0f} kB",
             "-", None),
            ("search index", f"{(args.site / 'search-index.js').stat().st_size / 1e6:.1f} MB (loaded on first search)",
             "-", None),
            ("whole site", f"{site_bytes / 1e6:,.0f} MB in {len(files):,} files", "< 300 MB",
             site_bytes < BUDGETS["site_bytes"]),
            ("console errors on timed pages", str(len(errors)), "0", not errors),
        ]
        table = Table(title=f"kg report budgets: {args.source}", header_style="bold")
        for column in ("measure", "figure", "budget", "met"):
            table.add_column(column)
        for name, figure, budget, met in rows:
            table.add_row(name, figure, budget, "-" if met is None else ("yes" if met else "NO"))
        console = Console()
        console.print(output.strip())
        console.print(table)
        for error in errors[:10]:
            console.print(f"[red]{error}[/red]")
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
