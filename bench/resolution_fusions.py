"""Resolution fusions: entity nodes that carry two unrelated multi-word names (issue 10, item 6).

    .venv/bin/python bench/resolution_fusions.py                  # builds the first 3,000 arXiv papers
    .venv/bin/python bench/resolution_fusions.py --from kg-out    # a graph built already

A node fuses unrelated long forms when two of its names (its name and its aliases) have two or more
words each and share no word: "Diffusion Model" with "Driver Monitoring Systems". Words are the
parts of a name between spaces and hyphens, lower-cased ("Self-supervised adaptation" has three).
Counted over all entity nodes (Method, Dataset, Task, Metric, Model) and over the most connected
ones (by degree), with the top offenders listed; also the names held by entity nodes of more than
one type (PSNR as Method and Metric), compared by `name_key`.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import networkx as nx
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale import subset  # noqa: E402
from kg.build import EngineOptions, build_graph  # noqa: E402
from kg.core.names import name_key  # noqa: E402
from kg.core.schema import ENTITY_LABELS as ENTITY_TYPES  # noqa: E402
from kg.exports.node_link import read_graph  # noqa: E402
from kg.paths import shared_data  # noqa: E402

console = Console(width=160)
_WORD_BREAK = re.compile(r"[\s\-]+")


def words(name: str) -> frozenset[str]:
    return frozenset(part.lower() for part in _WORD_BREAK.split(name) if part)


def unrelated_long_forms(names: list[str]) -> list[tuple[str, str]]:
    """The pairs of multi-word names (2+ words each) that share no word."""
    multi = [(name, words(name)) for name in dict.fromkeys(names) if len(words(name)) >= 2]
    return [(a, b) for (a, wa), (b, wb) in combinations(multi, 2) if not wa & wb]


@dataclass
class Fusion:
    node: str
    type: str
    name: str
    degree: int
    pairs: list[tuple[str, str]]


def fusions(graph: nx.MultiDiGraph) -> list[Fusion]:
    """Every entity node with unrelated long forms, most connected first."""
    found = []
    for node, data in graph.nodes(data=True):
        if data.get("type") in ENTITY_TYPES:
            pairs = unrelated_long_forms([data["name"], *(data.get("aliases") or [])])
            if pairs:
                found.append(Fusion(node, data["type"], data["name"], graph.degree(node), pairs))
    return sorted(found, key=lambda f: (-f.degree, f.node))


def most_connected(graph: nx.MultiDiGraph, count: int) -> set[str]:
    entities = [n for n, d in graph.nodes(data=True) if d.get("type") in ENTITY_TYPES]
    return set(sorted(entities, key=lambda n: (-graph.degree(n), n))[:count])


def names_under_several_types(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Node name key -> the entity types of the nodes named so, where there are two or more."""
    types: dict[str, set[str]] = defaultdict(set)
    for _, data in graph.nodes(data=True):
        if data.get("type") in ENTITY_TYPES:
            types[name_key(data["name"])].add(data["type"])
    return {name: kinds for name, kinds in types.items() if len(kinds) > 1}


def built_graph(corpus: Path, papers: int, workers: int, work: Path) -> nx.MultiDiGraph:
    path = work / "papers.jsonl"
    subset(corpus, papers, path)
    build_graph([path], work / "out", options=EngineOptions(workers=workers), use_cache=False)
    return read_graph(work / "out")


def report(graph: nx.MultiDiGraph, top: int, show: int, source: str) -> None:
    found = fusions(graph)
    connected = most_connected(graph, top)
    several = names_under_several_types(graph)
    entities = sum(1 for _, d in graph.nodes(data=True) if d.get("type") in ENTITY_TYPES)
    summary = Table(title=f"Resolution fusions ({source})", header_style="bold")
    summary.add_column("measure")
    summary.add_column("count", justify="right")
    summary.add_row("entity nodes", f"{entities:,}")
    summary.add_row("  fusing unrelated multi-word names", f"{len(found):,}")
    summary.add_row(f"  of them among the {top} most connected", f"{sum(f.node in connected for f in found)}")
    summary.add_row("names held by entity nodes of 2+ types", f"{len(several):,}")
    console.print(summary)
    offenders = Table(title=f"Top offenders (most connected first; {show} shown)", header_style="bold")
    for column in ("degree", "node", f"top {top}", "unrelated names"):
        offenders.add_column(column, justify="right" if column == "degree" else "left")
    for fusion in found[:show]:
        names = sorted({name for pair in fusion.pairs for name in pair})
        offenders.add_row(str(fusion.degree), fusion.node, "yes" if fusion.node in connected else "",
                          " | ".join(names))
    console.print(offenders)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="from_dir", type=Path, help="read this built graph instead of building")
    parser.add_argument("--corpus", type=Path, help="JSONL(.gz) input (default: the 40k arXiv corpus)")
    parser.add_argument("--papers", type=int, default=3000, help="first N papers to build (default 3000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--top", type=int, default=200, help="how many most connected nodes (default 200)")
    parser.add_argument("--show", type=int, default=25, help="offenders listed (default 25)")
    args = parser.parse_args()
    if args.from_dir:
        report(read_graph(args.from_dir), args.top, args.show, str(args.from_dir))
        return
    corpus = args.corpus or shared_data("corpora", "arxiv_cs_2025.jsonl.gz")
    with tempfile.TemporaryDirectory(prefix="kg-fusions-") as tmp:
        graph = built_graph(corpus, args.papers, args.workers, Path(tmp))
    report(graph, args.top, args.show, f"first {args.papers:,} papers of {corpus.name}")


if __name__ == "__main__":
    main()
