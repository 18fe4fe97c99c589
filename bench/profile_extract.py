"""Where extraction time goes: the pipeline over N corpus papers under cProfile (or pyinstrument).

    .venv/bin/python bench/profile_extract.py --papers 300            # top functions, two orders
    .venv/bin/python bench/profile_extract.py --papers 300 --pyinstrument

Also prints the wall and CPU papers/s without a profiler attached, and the time per pipeline
component (wall and CPU time of each component's __call__/pipe over the same docs), so a slow
component is named.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import pstats
import sys
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.cleaning import PaperText  # noqa: E402
from extractors.pipeline import annotate, default_pipeline, make_doc  # noqa: E402
from kg.core.records import Paper  # noqa: E402
from kg.paths import shared_data  # noqa: E402


def load_papers(corpus: Path, count: int) -> list[Paper]:
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as handle:
        return [Paper(id=d["id"], title=d.get("title") or "", abstract=d.get("abstract") or "")
                for d in map(json.loads, islice(handle, count))]


def component_times(papers: list[Paper]) -> list[tuple[str, float, float]]:
    """Wall and CPU seconds spent in each pipeline component over `papers` (tokenizer included);
    CPU time (this process) is the figure to compare on a shared machine."""
    nlp = default_pipeline()
    wall, cpu = time.perf_counter(), time.process_time()
    docs = [make_doc(nlp, PaperText.of(p.title, p.abstract)) for p in papers]
    times = [("tokenizer + cleaning", time.perf_counter() - wall, time.process_time() - cpu)]
    for name, component in nlp.pipeline:
        wall, cpu = time.perf_counter(), time.process_time()
        docs = list(component.pipe(docs) if hasattr(component, "pipe") else map(component, docs))
        times.append((name, time.perf_counter() - wall, time.process_time() - cpu))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=300)
    parser.add_argument("--corpus", type=Path, help="JSONL(.gz) (default: the 40k arXiv corpus)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--pyinstrument", action="store_true", help="a call tree instead of cProfile")
    args = parser.parse_args()
    papers = load_papers(args.corpus or shared_data("corpora", "arxiv_cs_2025.jsonl.gz"), args.papers)
    list(annotate(papers[:10]))  # load and warm up the pipeline outside the measurements

    wall, cpu = time.perf_counter(), time.process_time()
    for _ in annotate(papers):
        pass
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{len(papers)} papers: {len(papers) / wall:.1f} papers/s wall, "
          f"{len(papers) / cpu:.1f} papers/s of CPU time\n")
    rows = component_times(papers)
    total = sum(cpu for _, _, cpu in rows)
    print(f"  {'component':<24} {'wall ms/paper':>13} {'CPU ms/paper':>13} {'CPU share':>9}")
    for name, seconds, cpu in rows:
        print(f"  {name:<24} {1000 * seconds / len(papers):13.2f} {1000 * cpu / len(papers):13.2f} "
              f"{100 * cpu / total:8.1f}%")
    print()

    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
        for _ in annotate(papers):
            pass
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False))
        return
    profile = cProfile.Profile()
    profile.enable()
    for _ in annotate(papers):
        pass
    profile.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(args.top)
        print(out.getvalue())


if __name__ == "__main__":
    main()
