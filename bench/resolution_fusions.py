"""Resolution fusions: entity nodes that carry two unrelated multi-word names (issue 10, item 6).

    .venv/bin/python bench/resolution_fusions.py                  # builds the first 3,000 arXiv papers
    .venv/bin/python bench/resolution_fusions.py --from kg-out    # a graph built already

A node fuses unrelated long forms when two of its names (its name and its aliases) have two or more
words each and share no word: "Diffusion Model" with "Driver Monitoring Systems". A name's words
are its parts between spaces, so a hyphenated acronym ("MC-NEST", "ViT-S") is one word, not a long
form; two names share a word when one of these (by `name_key`: case, hyphens and a plural s aside)
or one of their parts between hyphens is in both ("Feed-Forward Networks" and "Feedforward
Network", "Chain-of-Thought prompting" and "chain of thought"). Issue 10 counted words between spaces and
hyphens, which also counts every hyphenated acronym beside its own long form ("MC-NEST" with
"Monte Carlo Nash Equilibrium Self-Refine Tree"); that count is printed too, for comparison, and
with the nodes whose every such pair is a one-word acronym beside a long form it spells left out.
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
_HYPHEN_WORD_BREAK = re.compile(r"[\s\-]+")


def hyphen_split_words(name: str) -> frozenset[str]:
    """The words of a name as issue 10 counted them: between spaces and hyphens, lower-cased."""
    return frozenset(part.lower() for part in _HYPHEN_WORD_BREAK.split(name) if part)


def words(name: str) -> tuple[int, frozenset[str]]:
    """How many words a name has (between spaces), and the forms it shares words by: each word's
    `name_key` and each part between spaces and hyphens."""
    keys = [key for part in name.split() if (key := name_key(part))]
    return len(keys), frozenset(keys) | hyphen_split_words(name)


def issue10_words(name: str) -> tuple[int, frozenset[str]]:
    found = hyphen_split_words(name)
    return len(found), found


def _in_order(letters: str, source: str) -> bool:
    rest = iter(source)
    return all(letter in rest for letter in letters)


def spells(short: str, long: str) -> bool:
    """Whether `short`, one word with two or more capitals ("MC-NEST", "ViT-S"), is an acronym of
    `long`: its first three letters are, in order, among the initials or the capitals of `long`'s
    words ("mcn" in "Monte Carlo Nash Equilibrium ...")."""
    if " " in short.strip() or sum(c.isupper() for c in short) < 2:
        return False
    letters = re.sub(r"[^a-z]", "", short.lower())[:3]
    initials = "".join(word[0] for word in _HYPHEN_WORD_BREAK.split(long.replace("/", " ")) if word)
    capitals = "".join(c for c in long if c.isupper())
    return any(_in_order(letters, source.lower()) for source in (initials, capitals))


def unrelated_long_forms(names: list[str], split=words) -> list[tuple[str, str]]:
    """The pairs of multi-word names (2+ words each) that share no word."""
    multi = [(name, forms) for name in dict.fromkeys(names) for count, forms in [split(name)] if count >= 2]
    return [(a, b) for (a, wa), (b, wb) in combinations(multi, 2) if not wa & wb]


@dataclass
class Fusion:
    node: str
    type: str
    name: str
    degree: int
    pairs: list[tuple[str, str]]


def fusions(graph: nx.MultiDiGraph, split=words) -> list[Fusion]:
    """Every entity node with unrelated long forms, most connected first."""
    found = []
    for node, data in graph.nodes(data=True):
        if data.get("type") in ENTITY_TYPES:
            pairs = unrelated_long_forms([data["name"], *(data.get("aliases") or [])], split)
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
    hyphen_split = fusions(graph, issue10_words)
    summary.add_row("  words split at hyphens too (issue 10's count)", f"{len(hyphen_split):,}")
    summary.add_row(f"    of them among the {top} most connected",
                    f"{sum(f.node in connected for f in hyphen_split)}")
    beyond_acronyms = [f for f in hyphen_split if not all(spells(a, b) or spells(b, a) for a, b in f.pairs)]
    summary.add_row("    less those that only pair an acronym with its long form", f"{len(beyond_acronyms):,}")
    summary.add_row(f"      of them among the {top} most connected",
                    f"{sum(f.node in connected for f in beyond_acronyms)}")
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
