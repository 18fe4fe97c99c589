"""`kg report`: write the static site of a built graph, readable from file:// with no server.

Pages are Jinja2 templates filled from `ReportModel`; the data a chart or the graph view needs is
inlined in the page as JSON (Chromium refuses fetch() of local files), the search index is a
script (`search-index.js`) loaded when the search box is first used. Scripts and styles ship in
`kg/report/static/` (vendored libraries: `make report-assets`). The site is written to a
temporary folder beside SITE and swapped in whole, so a killed run leaves the old site intact.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from kg.core.errors import BadOption
from kg.exports.node_link import read_graph
from kg.progress import page_progress, stderr
from kg.report.entity_page import EntityPage, Frame
from kg.report.model import PAGE_TYPES, TOP_PER_TYPE, EntityView, PaperView, ReportModel, page_path

MARKER = ".paperkg-report"  # marks a folder `kg report` wrote, so re-running may replace it
SEARCH_INDEX = "search-index.js"
CHUNK_PAGES = 500  # pages per task of a worker process
DEFAULT_WORKERS = min(2, os.cpu_count() or 1)
PACKAGE = resources.files("kg.report")
RELATION_WORDS = {"PROPOSES": "proposes", "EVALUATES_ON": "evaluates on", "USES": "uses",
                  "ADDRESSES": "addresses", "USES_METRIC": "uses metric",
                  "COMPARES_WITH": "compares with", "MENTIONS": "mentions"}
TYPE_WORDS = {"Method": "Methods", "Dataset": "Datasets", "Task": "Tasks", "Metric": "Metrics",
              "Model": "Models", "ModelFamily": "Model families"}


@dataclass
class ReportSummary:
    site: Path
    pages: dict[str, int] = field(default_factory=dict)  # by kind: entity, leaderboard, ...
    bytes: int = 0
    files: int = 0
    seconds: float = 0.0

    @property
    def index(self) -> Path:
        return self.site / "index.html"


def page_json(data) -> str:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' left to end it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _paper_link(paper: PaperView) -> Markup:
    if paper.link:
        return Markup(f'<a href="{escape(paper.link)}" rel="noreferrer">{escape(paper.title)}</a>')
    return escape(paper.title)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(PACKAGE.joinpath("templates"))),
                      autoescape=True, auto_reload=False, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["json"] = page_json
    env.globals.update(relation_words=RELATION_WORDS, type_words=TYPE_WORDS, page_path=page_path,
                       paper_link=_paper_link)
    return env


def _prepare(site: Path) -> None:
    """Refuse to overwrite a folder that is not a previous report."""
    if site.exists() and (not site.is_dir() or (any(site.iterdir()) and not (site / MARKER).exists())):
        raise BadOption(f"{site} exists and is not a PaperKG report; choose another -o folder")


def _swap_in(staging: Path, site: Path) -> None:
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
        os.replace(site, old / "site")
        os.replace(staging, site)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, site)


class SiteWriter:
    """Renders the pages of `model` into `root`: `jobs` lists one call per page."""

    def __init__(self, model: ReportModel, root: Path, source: Path):
        self.model, self.root, self.source = model, root, source
        self.env = _environment()
        self.env.globals["entity_link"] = self.entity_link
        self.entity_page = EntityPage(model, Frame(self.env), page_json,
                                      {d.id: page_path(d.id, "leaderboard") for d, _ in model.leaderboard_datasets},
                                      RELATION_WORDS, self.paper_cell)
        self.counts: Counter = Counter()
        self._paper_cells: dict[str, str] = {}
        self.jobs: list[Callable[[], None]] = [self.overview, self.leaderboard_index, self.search_index]
        self.jobs += [partial(self.leaderboard, dataset) for dataset, _ in model.leaderboard_datasets]
        self.jobs += [partial(self.entity, entity) for entity in model.entities.values()]

    def entity_link(self, root: str, entity: EntityView) -> Markup:
        """<a> to an entity's page, for the templates."""
        return Markup(f'<a class="entity t-{entity.type}" href="{root}{escape(entity.path)}">{escape(entity.name)}</a>')

    def _write(self, path: str, template: str, kind: str, **context) -> None:
        html = self.env.get_template(template).render(root="../" * path.count("/"),
                                                       model=self.model, **context)
        (self.root / path).write_bytes(html.encode("utf-8"))
        self.counts[kind] += 1

    def overview(self) -> None:
        model = self.model
        nodes, edges = model.counts_by_type()
        top = {kind: model.ranked_entities(kind)[:TOP_PER_TYPE] for kind in PAGE_TYPES}
        self._write("index.html", "index.html", "overview", nodes=nodes, edges=edges, top=top,
                    new=model.new_in_latest_month(), latest=model.latest_month,
                    months=model.papers_by_month(), source=str(self.source),
                    boards=model.leaderboard_datasets[:TOP_PER_TYPE],
                    undated=sum(1 for p in model.papers.values() if not p.month))

    def leaderboard_index(self) -> None:
        self._write("leaderboards.html", "leaderboards.html", "leaderboard index",
                    boards=self.model.leaderboard_datasets)

    def search_index(self) -> None:
        text = "window.KG_SEARCH=" + page_json(self.model.search_entries()) + ";\n"
        (self.root / SEARCH_INDEX).write_text(text, encoding="utf-8")
        self.counts["search index"] += 1

    def leaderboard(self, dataset: EntityView) -> None:
        self._write(page_path(dataset.id, "leaderboard"), "leaderboard.html", "leaderboard",
                    dataset=dataset, board=self.model.leaderboard(dataset))

    def entity(self, entity: EntityView) -> None:
        (self.root / entity.path).write_bytes(self.entity_page.html(entity).encode("utf-8"))
        self.counts["entity"] += 1

    def paper_cell(self, paper_id: str) -> str:
        """The paper and date cells of a paper's row (cached: a paper is listed on the page of each
        of its entities)."""
        cells = self._paper_cells.get(paper_id)
        if cells is None:
            paper = self.model.papers[paper_id]
            cells = self._paper_cells[paper_id] = f"<td>{_paper_link(paper)}</td><td>{paper.date or ''}</td>"
        return cells

    def run(self, start: int, stop: int) -> Counter:
        """Write pages [start, stop) of `jobs`; the pages written, by kind."""
        self.counts = Counter()
        for job in self.jobs[start:stop]:
            job()
        return self.counts


_FORKED: SiteWriter | None = None  # the writer a forked worker inherits


def _run_forked(bounds: tuple[int, int]) -> tuple[int, Counter]:
    if _FORKED is None:  # (set before the pool forks)
        raise RuntimeError("a report worker started without the site writer")
    return bounds[1] - bounds[0], _FORKED.run(*bounds)


def _write_pages(writer: SiteWriter, workers: int, show_progress: bool) -> Counter:
    """Every page, in `workers` forked processes when the platform forks (they share the model)."""
    global _FORKED
    total = len(writer.jobs)
    chunks = [(i, min(i + CHUNK_PAGES, total)) for i in range(0, total, CHUNK_PAGES)]
    counts: Counter = Counter()
    results: Iterator[tuple[int, Counter]]
    with ExitStack() as stack:
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            _FORKED = writer
            # The model's objects move to a generation the collector never visits: a forked worker
            # would otherwise copy every memory page its collections touch (at 40k papers that was
            # most of the build's system time).
            gc.freeze()
            stack.callback(gc.unfreeze)
            pool = stack.enter_context(multiprocessing.get_context("fork").Pool(workers))
            results = pool.imap_unordered(_run_forked, chunks)
        else:
            results = ((stop - start, writer.run(start, stop)) for start, stop in chunks)
        progress = stack.enter_context(page_progress(show_progress))
        task = progress.add_task("writing pages", total=total)
        for done, written in results:
            counts.update(written)
            progress.advance(task, done)
    _FORKED = None
    return counts


def write_report(source: Path, site: Path, show_progress: bool = True,
                 workers: int = DEFAULT_WORKERS) -> ReportSummary:
    """Write the report of the graph built in `source` to the folder `site`."""
    started = time.perf_counter()
    site = Path(site)
    _prepare(site)
    with stderr.status("reading the graph", spinner="dots") if show_progress else nullcontext():
        graph = read_graph(source)
    with stderr.status("indexing papers and entities", spinner="dots") if show_progress else nullcontext():
        model = ReportModel(graph)
        model.warm()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    try:
        with resources.as_file(PACKAGE.joinpath("static")) as static:  # (the package's own folder)
            shutil.copytree(static, staging / "static")
        (staging / MARKER).write_text("written by `kg report`; the next run replaces this folder\n")
        for folder in {path.rpartition("/")[0] for path in model.page_paths()}:
            (staging / folder).mkdir(parents=True, exist_ok=True)
        counts = _write_pages(SiteWriter(model, staging, Path(source)), workers, show_progress)
        os.chmod(staging, 0o755)
        _swap_in(staging, site)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    summary = ReportSummary(site=site.resolve(), pages=dict(counts))
    for path in site.rglob("*"):
        if path.is_file():
            summary.files += 1
            summary.bytes += path.stat().st_size
    summary.seconds = time.perf_counter() - started
    return summary
