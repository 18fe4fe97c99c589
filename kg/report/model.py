"""What the report shows, computed once from a built graph: papers with their month and link,
entity pages (papers with evidence, months, co-used entities, a bounded neighbourhood),
leaderboards with the best score over time, the overview and the search index.

Plain data (dicts, lists, dataclasses) so that `kg.report.site` only renders it.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources

import networkx as nx

from kg.core.names import name_key
from kg.leaderboard import node_names, results_on

PAGE_TYPES: tuple[str, ...] = ("Method", "Dataset", "Task", "Metric", "Model", "ModelFamily")
# Paper -> entity relationships, strongest first: the order papers are listed in on a page.
RELATIONS: tuple[str, ...] = ("PROPOSES", "EVALUATES_ON", "USES", "ADDRESSES", "USES_METRIC",
                              "COMPARES_WITH", "MENTIONS")
MAX_PAPERS_LISTED = 100      # per entity page; the rest are counted, not listed
MAX_USED_WITH = 20           # co-used entities listed per page
NEIGHBOURHOOD_PAPERS = 12    # the graph view: the entity, its strongest papers ...
NEIGHBOURHOOD_ENTITIES = 30  # ... and the entities most often used with it
TOP_PER_TYPE = 10            # overview lists
NEW_PER_TYPE = 15            # overview: what is new in the latest month
_SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9.+-]{0,99}$")
_ARXIV_NEW = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}")
_ARXIV_OLD = re.compile(r"/(\d{2})(\d{2})\d{3}")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def paper_month(attrs: dict) -> str | None:
    """`YYYY-MM` of a paper: from its date, else from its arXiv id (which encodes the month of
    submission); None when neither says."""
    match = _ISO_MONTH.match(str(attrs.get("date") or ""))
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{match.group(2)}"
    arxiv = str(attrs.get("arxiv_id") or "")
    match = _ARXIV_NEW.match(arxiv) or _ARXIV_OLD.search(arxiv)
    if match and 1 <= int(match.group(2)) <= 12:
        century = "19" if int(match.group(1)) >= 91 else "20"
        return f"{century}{match.group(1)}-{match.group(2)}"
    return None


def paper_date(attrs: dict) -> str | None:
    """The most precise date known: `YYYY-MM-DD` from the record, else the month."""
    date = str(attrs.get("date") or "")
    return date[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", date) else paper_month(attrs)


def paper_link(attrs: dict) -> str | None:
    """Where to read the paper: arXiv, else DOI, else the record's url."""
    if attrs.get("arxiv_id"):
        return f"https://arxiv.org/abs/{attrs['arxiv_id']}"
    if attrs.get("doi"):
        return f"https://doi.org/{attrs['doi']}"
    url = attrs.get("url")
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def page_path(node_id: str, folder: str | None = None) -> str:
    """Site-relative path of a node's page: `method/lora.html`; an odd or long slug gets a hash."""
    prefix, _, slug = node_id.partition(":")
    if not _SAFE_SLUG.match(slug):
        digest = hashlib.sha1(node_id.encode()).hexdigest()[:12]
        slug = f"{re.sub(r'[^a-z0-9.+-]+', '-', slug.lower())[:60].strip('.-')}-{digest}".lstrip("-")
    return f"{folder or prefix}/{slug}.html"


def months_between(counts: Counter) -> list[list]:
    """[[month, count], ...] from the first to the last month in `counts`, empty months as 0."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:])
    series = []
    while True:
        key = f"{year:04d}-{month:02d}"
        series.append([key, counts.get(key, 0)])
        if key >= last:
            return series
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@dataclass(slots=True)
class PaperView:
    id: str
    title: str
    month: str | None
    date: str | None
    link: str | None


@dataclass(slots=True)
class Link:
    """A paper's relationship to an entity, with the sentence that says so."""

    paper: str
    relation: str
    evidence: str


@dataclass
class EntityView:
    id: str
    type: str
    name: str
    aliases: list[str]
    path: str
    links: list[Link] = field(default_factory=list)
    family: str | None = None            # Model -> its ModelFamily id
    models: list[str] = field(default_factory=list)  # ModelFamily -> its Model ids
    params: str | None = None

    @property
    def paper_count(self) -> int:
        return len(self.links)


def _lower_is_better() -> tuple[frozenset[str], tuple[str, ...]]:
    """Metric names (exact keys) and key fragments for which a lower value is a better score."""
    data = json.loads(resources.files("kg.report").joinpath("metric_direction.json").read_text("utf-8"))
    return frozenset(name_key(n) for n in data["lower_is_better"]), tuple(data["lower_is_better_if_contains"])


class ReportModel:
    """Everything the pages show, computed from `graph` in one pass over its relationships."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph
        self.papers: dict[str, PaperView] = {}
        self.entities: dict[str, EntityView] = {}
        self.paper_entities: dict[str, list[str]] = defaultdict(list)
        for node, attrs in graph.nodes(data=True):
            kind = attrs.get("type")
            if kind == "Paper":
                self.papers[node] = PaperView(node, attrs.get("title") or node, paper_month(attrs),
                                              paper_date(attrs), paper_link(attrs))
            elif kind in PAGE_TYPES:
                aliases = attrs.get("aliases") or []
                if isinstance(aliases, str):
                    aliases = aliases.split(";")
                name = attrs.get("name") or node
                self.entities[node] = EntityView(node, kind, name, _distinct_spellings(name, aliases),
                                                 page_path(node), params=attrs.get("params"))
        for source, target, rel, attrs in graph.edges(keys=True, data=True):
            if rel == "IN_FAMILY" and source in self.entities and target in self.entities:
                self.entities[source].family = target
                self.entities[target].models.append(source)
            elif source in self.papers and target in self.entities:
                self.entities[target].links.append(Link(source, rel, attrs.get("evidence") or ""))
                self.paper_entities[source].append(target)
        for entity in self.entities.values():
            if entity.type == "ModelFamily":
                entity.links = self._family_links(entity)
            entity.links.sort(key=self._link_order)
            entity.models.sort(key=lambda m: (-self.entities[m].paper_count, self.entities[m].name))
        self.lower_keys, self.lower_fragments = _lower_is_better()

    def warm(self) -> None:
        """Compute the shared indexes now, so that forked page writers inherit them."""
        _ = self.latest_month, self.boards_of, self._rank_order

    @cached_property
    def _rank_order(self) -> dict[str, tuple[int, str, str]]:
        """Most papers first, then by name and id."""
        return {node: (-entity.paper_count, entity.name, node) for node, entity in self.entities.items()}

    def _family_links(self, family: EntityView) -> list[Link]:
        """A family's papers: those of its models, each once, by its strongest relationship."""
        best: dict[str, Link] = {}
        for model in family.models:
            for link in self.entities[model].links:
                kept = best.get(link.paper)
                if kept is None or RELATIONS.index(link.relation) < RELATIONS.index(kept.relation):
                    best[link.paper] = link
        return list(best.values())

    def _link_order(self, link: Link) -> tuple:
        paper = self.papers[link.paper]
        month = paper.date or ""
        return (RELATIONS.index(link.relation) if link.relation in RELATIONS else len(RELATIONS),
                _descending(month), paper.title, paper.id)

    # -- entity pages -------------------------------------------------------------------------

    def papers_of(self, entity: EntityView) -> set[str]:
        return {link.paper for link in entity.links}

    def months_of(self, entity: EntityView) -> list[list]:
        return months_between(Counter(self.papers[link.paper].month for link in entity.links
                                      if self.papers[link.paper].month))

    def co_used(self, entity: EntityView, limit: int = MAX_USED_WITH) -> list[tuple[str, int]]:
        """Entities sharing the most papers with `entity` (a family's own models left out); ties
        go to the entity with more papers."""
        counts: Counter = Counter()
        skip = {entity.id, *entity.models}
        for paper in self.papers_of(entity):
            counts.update(other for other in self.paper_entities.get(paper, ()) if other not in skip)
        ranks = self._rank_order
        return heapq.nsmallest(limit, counts.items(), key=lambda kv: (-kv[1], ranks[kv[0]]))

    def neighbourhood(self, entity: EntityView) -> dict:
        """The entity's strongest papers and the entities most often used with it, for the graph
        view and the "most often with" list (both drawn by the page's script). Compact:
        papers [title, link], entities [name, type, page file name without folder and .html,
        shared papers], edges [paper, entity] by index."""
        papers = list(dict.fromkeys(link.paper for link in entity.links))[:NEIGHBOURHOOD_PAPERS]
        shared = self.co_used(entity, max(NEIGHBOURHOOD_ENTITIES, MAX_USED_WITH))
        index = {node: i for i, (node, _) in enumerate(shared)}
        edges = [[i, index[other]] for i, paper in enumerate(papers)
                 for other in dict.fromkeys(self.paper_entities.get(paper, ())) if other in index]
        return {"papers": [[_short(self.papers[p].title), self.papers[p].link or ""] for p in papers],
                "with": [[self.entities[n].name, self.entities[n].type,
                          self.entities[n].path.partition("/")[2][:-5], count] for n, count in shared],
                "edges": edges}

    def page_paths(self) -> set[str]:
        """Every entity and leaderboard page (their folders are made once, before writing)."""
        return {entity.path for entity in self.entities.values()} | {
            page_path(dataset.id, "leaderboard") for dataset, _ in self.leaderboard_datasets}

    def ranked_entities(self, kind: str) -> list[EntityView]:
        return sorted((e for e in self.entities.values() if e.type == kind),
                      key=lambda e: (-e.paper_count, e.name, e.id))

    # -- overview -----------------------------------------------------------------------------

    @cached_property
    def latest_month(self) -> str | None:
        return max((p.month for p in self.papers.values() if p.month), default=None)

    def papers_by_month(self) -> list[list]:
        return months_between(Counter(p.month for p in self.papers.values() if p.month))

    def new_in_latest_month(self) -> dict[str, list[tuple[EntityView, str]]]:
        """Datasets (new benchmarks), methods and models proposed by a paper of the latest month
        and seen in no earlier paper, with the proposing paper."""
        latest, found = self.latest_month, {}
        for kind in ("Dataset", "Method", "Model"):
            items = []
            if latest:
                for entity in self.ranked_entities(kind):
                    months = [self.papers[link.paper].month for link in entity.links]
                    if any(m and m < latest for m in months):
                        continue
                    proposer = next((link.paper for link in entity.links if link.relation == "PROPOSES"
                                     and self.papers[link.paper].month == latest), None)
                    if proposer:
                        items.append((entity, proposer))
                    if len(items) == NEW_PER_TYPE:
                        break
            found[kind] = items
        return found

    def counts_by_type(self) -> tuple[Counter, Counter]:
        nodes = Counter(attrs.get("type") for _, attrs in self.graph.nodes(data=True))
        edges = Counter(key for _, _, key in self.graph.edges(keys=True))
        return nodes, edges

    # -- leaderboards -------------------------------------------------------------------------

    @cached_property
    def leaderboard_datasets(self) -> list[tuple[EntityView, int]]:
        """Datasets with at least one reported result, most results first."""
        counts: Counter[str] = Counter()
        for _, target, rel in self.graph.edges(keys=True):
            if rel == "ON_DATASET" and target in self.entities:
                counts[target] += 1
        return sorted(((self.entities[d], n) for d, n in counts.items()),
                      key=lambda item: (-item[1], item[0].name, item[0].id))

    @cached_property
    def boards_of(self) -> set[str]:
        """Ids of the datasets that have a leaderboard page."""
        return {dataset.id for dataset, _ in self.leaderboard_datasets}

    def lower_is_better(self, metric: str | None) -> bool:
        key = name_key(metric or "")
        return key in self.lower_keys or any(fragment in key for fragment in self.lower_fragments)

    def leaderboard(self, dataset: EntityView) -> dict:
        """Rows (with date, link and pages) and, per metric, the best absolute score over time."""
        rows = results_on(self.graph, dataset.id)
        for row in rows:
            paper = self.papers[row["paper_id"]]
            row["date"], row["link"] = paper.date, paper.link
            row["subject_path"] = self.entities[row["subject_id"]].path if row["subject_id"] in self.entities else None
        absolute = [r for r in rows if r["kind"] == "absolute"]
        metrics = []
        for metric in dict.fromkeys(r["metric"] for r in absolute):
            scores = [r for r in absolute if r["metric"] == metric]
            lower = self.lower_is_better(metric)
            metrics.append({"metric": metric or "(no metric named)", "lower_is_better": lower,
                            "count": len(scores), "over_time": best_over_time(scores, lower),
                            "undated": sum(1 for r in scores if not r["date"]),
                            "by_subject": _best_by_subject(scores, lower)})
        return {"absolute": absolute, "other": [r for r in rows if r["kind"] != "absolute"],
                "metrics": metrics}

    # -- search -------------------------------------------------------------------------------

    def search_entries(self) -> list[list]:
        """[name, type, path, papers, keys, aliases] per entity page; keys are `name_key`s of
        every name the entity answers to (what `kg leaderboard` matches on)."""
        entries = []
        for entity in sorted(self.entities.values(), key=lambda e: (-e.paper_count, e.name, e.id)):
            names = node_names(self.graph.nodes[entity.id])
            keys = sorted({k for k in map(name_key, names) if k})
            entries.append([entity.name, entity.type, entity.path, entity.paper_count, keys,
                             entity.aliases[:5]])
        return entries


def _distinct_spellings(name: str, aliases: list[str]) -> list[str]:
    """The aliases that `name_key` does not already equate with the name or an earlier alias."""
    seen, kept = {name_key(name)}, []
    for alias in aliases:
        key = name_key(alias)
        if key and key not in seen:
            seen.add(key)
            kept.append(alias)
    return kept


def best_over_time(scores: list[dict], lower: bool) -> dict:
    """Every dated score, and the ones that beat every earlier score: the state of the art as a
    step line (held until the last dated score)."""
    dated = sorted((r for r in scores if r["date"]), key=lambda r: (r["date"], r["paper_id"]))
    points = [{"date": r["date"], "value": r["value"], "subject": r["subject"], "paper": r["paper"],
               "link": r["link"], "unit": r["unit"]} for r in dated]
    best, records = None, []
    for point in points:
        if best is None or (point["value"] < best if lower else point["value"] > best):
            best = point["value"]
            records.append(point)
    return {"scores": points, "best": records, "until": points[-1]["date"] if points else None}


def _best_by_subject(scores: list[dict], lower: bool, limit: int = 15) -> list[dict]:
    """Each subject's best score, best first (the chart when papers carry no dates)."""
    best: dict[str, dict] = {}
    for row in scores:
        subject = row["subject"] or "(no subject named)"
        kept = best.get(subject)
        if kept is None or (row["value"] < kept["value"] if lower else row["value"] > kept["value"]):
            best[subject] = {"subject": subject, "value": row["value"], "paper": row["paper"],
                             "link": row["link"]}
    ranked = sorted(best.values(), key=lambda r: (r["value"] if lower else -r["value"], r["subject"]))
    return ranked[:limit]


def _descending(text: str) -> tuple:
    """Sort key putting later dates first and undated last."""
    return (not text, tuple(-ord(c) for c in text))


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[:limit - 1].rstrip() + "…"
