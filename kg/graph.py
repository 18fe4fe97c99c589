"""Graph assembly: papers and their extractions -> the typed NetworkX graph of DESIGN.md.

The graph is a `networkx.MultiDiGraph` keyed by relationship type, so there is exactly one
relationship per (source, type, target). Node attribute `type` is the node's label and `label` its
display name (what Gephi/Cytoscape show); every node has its stable `id` as the node key.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import networkx as nx

from kg.core.records import Mention, Paper, PaperExtraction
from kg.core.schema import ENTITY_LABELS, ROLE_STRENGTH, node_id, relationship_for
from kg.evidence import Sentences
from kg.resolve import Resolver

_MARKUP = re.compile(r"[\\{}$]")  # LaTeX in a mention's text as written
_ENTITY_LABEL_OF_PREFIX = {label.lower(): label for label in ENTITY_LABELS}  # node_id's prefix
# A result's tie -> the labels its target may have (SCHEMA_RELATIONSHIPS), in lookup order.
RESULT_TIE_LABELS: dict[str, tuple[str, ...]] = {
    "ON_DATASET": ("Dataset",), "MEASURED_BY": ("Metric",), "OF": ("Model", "Method")}


def paper_node_id(paper: Paper) -> str:
    """`paper:arxiv:2406.01234`, else `paper:doi:10.x/y`, else `paper:<input id>`."""
    if paper.arxiv_id:
        return f"paper:arxiv:{paper.arxiv_id}"
    if paper.doi:
        return f"paper:doi:{paper.doi.lower()}"
    return f"paper:{paper.id}"


def surface_alias(mention: Mention) -> str | None:
    """The mention's text as its node keeps it among the aliases: as written, less a full stop
    the tokenizer left on it ("SUNRGB-D." at a sentence end), and none where the text is LaTeX
    source ("I}mage \\textbf{R}estoration"): the cleaned form is the canonical, kept anyway."""
    text = mention.text
    if _MARKUP.search(text):
        return None
    if text.endswith(".") and not mention.canonical.endswith("."):
        return text[:-1]
    return text


@dataclass(slots=True)
class _Link:
    """Paper -> entity, aggregated over the paper's mentions of that entity."""

    count: int = 0
    best: Mention | None = None
    best_rank: tuple = ()
    evidence: str = ""


@dataclass
class GraphAssembler:
    """Feed (paper, extraction) pairs with `add`; `finish` resolves entities and returns the graph."""

    keep_generic: bool = False  # generic mentions ("language models") stay out of the graph
    resolver: Resolver = field(default_factory=Resolver)
    _papers: dict[str, dict] = field(default_factory=dict)
    _authors: dict[str, str] = field(default_factory=dict)
    _authored: list[tuple[str, str]] = field(default_factory=list)
    _links: dict[tuple[str, tuple[str, str]], _Link] = field(default_factory=dict)
    _results: list[tuple[str, dict, dict]] = field(default_factory=list)

    def add(self, paper: Paper, extraction: PaperExtraction) -> None:
        pid = paper_node_id(paper)
        self._papers[pid] = _paper_props(paper)
        for name in paper.authors:
            aid = node_id("Author", name)
            self._authors.setdefault(aid, name)
            self._authored.append((aid, pid))
        fields = {"title": paper.title, "abstract": paper.abstract}
        sentences: dict[str, Sentences] = {}  # of each field, found when a mention there needs them
        paper_keys: dict[tuple[str, str], tuple[str, str]] = {}  # (label, canonical) -> key
        for mention in extraction.entities:
            if mention.generic and not self.keep_generic:
                continue
            facets = {"family": mention.family, "params": mention.params,
                      "version": mention.version, "variant": mention.variant}
            key = self.resolver.add(mention.type, mention.canonical, mention.source,
                                    tuple(mention.aliases), facets, surface=surface_alias(mention))
            paper_keys.setdefault((mention.type, mention.canonical), key)
            link = self._links.setdefault((pid, key), _Link())
            link.count += 1
            rank = (ROLE_STRENGTH.get(mention.role, 0), mention.score, -mention.start)
            if link.best is None or rank > link.best_rank:
                link.best, link.best_rank = mention, rank
                if mention.field not in sentences:
                    sentences[mention.field] = Sentences(fields[mention.field])
                link.evidence = sentences[mention.field].around(mention.start, mention.end)
        for result in extraction.results:
            ties: dict[str, tuple[str, str]] = {}
            for rel, tied_name in (("ON_DATASET", result.dataset), ("MEASURED_BY", result.metric),
                                   ("OF", result.subject)):
                if tied_name:
                    labels = RESULT_TIE_LABELS[rel]
                    tied = next((paper_keys[(label, tied_name)] for label in labels
                                 if (label, tied_name) in paper_keys), None) \
                        or self._key_for(labels, tied_name)
                    if tied is not None:
                        ties[rel] = tied
            rid = "result:" + hashlib.sha1(
                f"{pid}|{result.field}|{result.start}|{result.end}|{result.value}".encode()
            ).hexdigest()[:16]
            props = {"value": result.value, "unit": result.unit, "kind": result.kind,
                     "evidence": result.evidence, "field": result.field,
                     "start": result.start, "end": result.end}
            self._results.append((pid, {"id": rid, **props}, ties))

    def _key_for(self, labels: tuple[str, ...], name: str) -> tuple[str, str] | None:
        for label in labels:
            key = self.resolver.lookup(label, name)
            if key is not None:
                return key
        return self.resolver.add(labels[0], name) if len(labels) == 1 else None

    def finish(self) -> nx.MultiDiGraph:
        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        for pid, props in self._papers.items():
            graph.add_node(pid, **_clean({"id": pid, "type": "Paper", "label": props["title"]
                                          or pid, **props}))
        for aid, name in self._authors.items():
            graph.add_node(aid, id=aid, type="Author", label=name, name=name)
        for aid, pid in self._authored:
            graph.add_edge(aid, pid, key="AUTHORED", type="AUTHORED")
        for nid, props in self.resolver.entities().items():
            label = _ENTITY_LABEL_OF_PREFIX[nid.split(":", 1)[0]]
            node = {"id": nid, "type": label, "label": props["name"], "name": props["name"],
                    "aliases": props["aliases"]}
            if label == "Model":
                node.update(props["facets"])
                family = props["facets"].get("family")
                if family:
                    fid = node_id("ModelFamily", family)
                    graph.add_node(fid, id=fid, type="ModelFamily", label=family, name=family)
                    graph.add_edge(nid, fid, key="IN_FAMILY", type="IN_FAMILY")
            graph.add_node(nid, **_clean(node))
        for (pid, target), link in self._merged_links().items():
            mention = link.best
            if mention is None:  # (never: a link is made by a mention)
                continue
            rel = relationship_for(mention.role, graph.nodes[target]["type"])
            graph.add_edge(pid, target, key=rel, type=rel, count=link.count,
                           evidence=link.evidence, field=mention.field, start=mention.start,
                           end=mention.end, source=mention.source, score=mention.score,
                           role=mention.role)
        for pid, props, ties in self._results:
            rid = props["id"]
            graph.add_node(rid, **_clean({"type": "Result", "label": _result_label(props),
                                          **props}))
            graph.add_edge(pid, rid, key="REPORTS", type="REPORTS")
            for rel, key in ties.items():
                target = self.resolver.node_id(key)
                if graph.nodes[target]["type"] in RESULT_TIE_LABELS[rel]:  # the type vote may retype it
                    graph.add_edge(rid, target, key=rel, type=rel)
        return graph

    def _merged_links(self) -> dict[tuple[str, str], _Link]:
        """Links by (paper, node): keys joined by resolution (acronym, long form) become one."""
        merged: dict[tuple[str, str], _Link] = {}
        for (pid, key), link in self._links.items():
            target = self.resolver.node_id(key)
            into = merged.get((pid, target))
            if into is None:
                merged[(pid, target)] = link
                continue
            into.count += link.count
            if link.best_rank > into.best_rank:
                into.best, into.best_rank, into.evidence = link.best, link.best_rank, link.evidence
        return merged


def assemble(pairs) -> nx.MultiDiGraph:
    """The graph of an iterable of (Paper, PaperExtraction) pairs."""
    assembler = GraphAssembler()
    for paper, extraction in pairs:
        assembler.add(paper, extraction)
    return assembler.finish()


def _paper_props(paper: Paper) -> dict:
    return {"title": paper.title, "abstract": paper.abstract, "year": paper.year,
            "date": paper.date, "url": paper.url, "arxiv_id": paper.arxiv_id, "doi": paper.doi,
            "authors": list(paper.authors), "categories": list(paper.categories),
            "source": paper.source, "input_id": paper.id}


def _result_label(props: dict) -> str:
    unit = props.get("unit") or ""
    return f"{props['value']:g}{unit if unit != 'points' else ' points'}"


def _clean(props: dict) -> dict:
    """Neo4j-legal properties: no None values, lists without None (DESIGN.md)."""
    out = {}
    for name, value in props.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set)):
            value = [v for v in value if v is not None]
        out[name] = value
    return out


