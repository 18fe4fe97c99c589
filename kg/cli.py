"""The `kg` command line: each command parses its options and calls one plain function.

Errors the user can act on (`kg.core.errors.KGError`) and usage errors print one line and exit 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from kg.core.errors import KGError
from kg.core.schema import RESULT_KINDS
from kg.engines import ENGINES
from kg.evaluation.sets import EVAL_SETS, chosen_sets
from kg.exports import EXPORTS
from kg.leaderboard import BOARD_FORMATS, leaderboard
from kg.progress import counts_table, stderr, stdout, summary_table
from kg.stores import DEFAULT_BATCH_SIZE
from kg.stores.load import STORES

DEFAULT_OUT = Path("kg-out")


# typer vendors its own click; its UsageError is the base class of the public typer.BadParameter.
UsageError = typer.BadParameter.__mro__[1]


class _KGGroup(TyperGroup):
    """Exit code 1 for usage errors and `KGError`s, with a one-line reason and no traceback."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            exc.exit_code = 1
            raise

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            exc.exit_code = 1
            raise
        except KGError as exc:
            stderr.print(str(exc), markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None


def choices(name: str, values: Iterable[str]) -> type[Enum]:
    """The typer choice type of an option whose values come from a registry or a core Literal
    (so that a new engine, store or format is offered without editing the CLI)."""
    return Enum(name, [(value, value) for value in values], type=str)


app = typer.Typer(cls=_KGGroup, no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False,
                  help="PaperKG: a knowledge graph of ML research from paper abstracts.")

Inputs = Annotated[list[Path], typer.Argument(help="Input files or directories (format auto-detected, .gz ok).")]
FromDir = Annotated[Path, typer.Option("--from", help="Directory of a built graph.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1,
                                      help="Extraction processes (local) or LocalCluster workers (dask).")]


Engine = choices("Engine", ENGINES)
EngineOpt = Annotated[Engine, typer.Option("--engine", help="Where extraction runs (dask: see docs/scaling.md).")]
Scheduler = Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address "
                                               "(tcp://host:8786); default: a LocalCluster.")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the extraction cache.")]


def _engine_options(engine: Engine, workers: int, scheduler: str | None):
    from kg.build import EngineOptions

    return EngineOptions(engine=engine.value, workers=workers, scheduler=scheduler)


def _print_run(title: str, summary) -> None:
    rows = [("records read", f"{summary.read:,}"), ("papers", f"{summary.papers:,}"),
            ("rejected", f"{summary.rejected:,}"), ("duplicates", f"{summary.duplicates:,}"),
            ("kept without entities (pipeline failed)", f"{summary.failed:,}"),
            ("seconds", f"{summary.seconds:.1f}")]
    if summary.cached:
        rows.append(("extractions from cache", f"{summary.cached:,}"))
    if summary.up_to_date:
        rows.append(("outputs", "up to date (unchanged inputs and code)"))
    if summary.seconds and summary.papers:
        rows.append(("papers/s", f"{summary.papers / summary.seconds:,.0f}"))
    stdout.print(summary_table(title, rows))
    if summary.nodes:
        stdout.print(counts_table("Nodes", summary.nodes, "label"))
        stdout.print(counts_table("Relationships", summary.edges, "type"))
    for name, path in summary.outputs.items():
        stdout.print(f"{name}: {path}", markup=False, highlight=False)


@app.command()
def extract(inputs: Inputs,
            output: Annotated[Path, typer.Option("--output", "-o", help="Extraction JSONL to write.")],
            quiet: Quiet = False, workers: Workers = 1, engine: EngineOpt = Engine("local"),
            scheduler: Scheduler = None,
            cache: Annotated[Path | None, typer.Option("--cache", help="Extraction cache (SQLite) "
                                                       "to read and extend; default: none.")] = None,
            no_cache: NoCache = False) -> None:
    """Extract entities, proposals and reported numbers: one JSON line per input record."""
    from kg.build import extract_to_file

    summary = extract_to_file(inputs, output, show_progress=not quiet,
                              options=_engine_options(engine, workers, scheduler),
                              cache_path=None if no_cache else cache)
    _print_run("kg extract", summary)


@app.command()
def build(inputs: Inputs,
          output: Annotated[Path, typer.Option("--output", "-o", help="Output directory.")] = DEFAULT_OUT,
          quiet: Quiet = False, workers: Workers = 1, engine: EngineOpt = Engine("local"),
          scheduler: Scheduler = None,
          cache: Annotated[Path | None, typer.Option("--cache", help="Extraction cache (SQLite); "
                                                     "default: DIR/cache.sqlite.")] = None,
          no_cache: NoCache = False) -> None:
    """Extract, deduplicate, resolve and assemble the graph; write GraphML and JSON.

    Papers in the extraction cache are not extracted again.
    Unchanged inputs and code leave intact outputs as they are."""
    from kg.build import build_graph

    summary = build_graph(inputs, output, show_progress=not quiet,
                          options=_engine_options(engine, workers, scheduler),
                          use_cache=not no_cache, cache_path=cache)
    _print_run("kg build", summary)


@app.command()
def stats(source: FromDir = DEFAULT_OUT) -> None:
    """Node and relationship counts of a built graph."""
    from kg.stats import graph_counts

    nodes, edges = graph_counts(source)
    stdout.print(counts_table("Nodes", nodes, "label"))
    stdout.print(counts_table("Relationships", edges, "type"))


BoardFormat = choices("BoardFormat", BOARD_FORMATS)
ResultKind = choices("ResultKind", RESULT_KINDS)


@app.command(name="leaderboard")
def leaderboard_command(dataset: Annotated[str, typer.Argument(help="Dataset name or alias (GSM8K, gsm-8k, ...).")],
                        source: FromDir = DEFAULT_OUT,
                        metric: Annotated[str | None, typer.Option("--metric", help="Only results measured by this metric.")] = None,
                        kind: Annotated[list[ResultKind] | None, typer.Option("--kind", help="Only results of this kind (repeatable): absolute scores, improvements, reductions, other numbers.")] = None,
                        fmt: Annotated[BoardFormat, typer.Option("--format", help="Output format.")] = BoardFormat("table")) -> None:
    """Every reported result on DATASET in a built graph, by metric and value, with its evidence."""
    from kg.exports.node_link import read_graph

    rows = leaderboard(read_graph(source), dataset, metric, [k.value for k in kind or ()])
    BOARD_FORMATS[fmt.value](rows, dataset)


ExportFormat = choices("ExportFormat", EXPORTS)


@app.command()
def export(fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")],
           output: Annotated[Path, typer.Option("--output", "-o", help="File (or directory for neo4j-admin).")],
           source: FromDir = DEFAULT_OUT) -> None:
    """Write a built graph as GraphML, JSON or neo4j-admin import CSVs."""
    from kg.exports import export_graph

    for path in export_graph(source, fmt.value, output):
        stdout.print(f"wrote {path}", markup=False, highlight=False)


LoadTarget = choices("LoadTarget", STORES)


@app.command()
def load(target: Annotated[LoadTarget, typer.Argument(help="The server to write to.")],
         source: FromDir = DEFAULT_OUT,
         database: Annotated[str | None, typer.Option(help="Neo4j database / FalkorDB graph name (default: neo4j's default / paperkg).")] = None,
         batch_size: Annotated[int, typer.Option(min=1, help="Rows per write transaction.")] = DEFAULT_BATCH_SIZE,
         wipe: Annotated[bool, typer.Option(help="Delete everything in the database first.")] = False,
         quiet: Quiet = False) -> None:
    """Write a built graph to Neo4j (NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD) or FalkorDB (FALKORDB_URL)."""
    from kg.stores.load import load_graph, report_table

    report = load_graph(target.value, source, database=database, batch_size=batch_size,
                        wipe=wipe, show_progress=not quiet)
    stdout.print(report_table(report))


EvalSetName = choices("EvalSetName", EVAL_SETS)
EVAL_SET_HELP = ("Set to score (repeatable); default: " + ", ".join(n for n, s in EVAL_SETS.items() if s.default)
                 + ". arxiv-train is the only set whose errors are listed.")


@app.command(name="eval")
def evaluate(sets: Annotated[list[EvalSetName] | None, typer.Option("--set", help=EVAL_SET_HELP)] = None,
             gold: Annotated[list[Path] | None, typer.Option(help="Also score this guide-format gold file, every paper in it (repeatable; without --set, only the files given are scored).")] = None,
             scier: Annotated[list[Path] | None, typer.Option(help="Also score this SciER-format JSONL file (repeatable; as --gold).")] = None,
             details: Annotated[bool, typer.Option(help="List each error (missed, spurious, wrong tie ...) of the sets that are not dev sets.")] = False,
             json_out: Annotated[bool, typer.Option("--json", help="Print every figure as one JSON document instead of the tables.")] = False,
             without: Annotated[list[str] | None, typer.Option(help="Score with this pipeline component left out (repeatable), e.g. paperkg_ner for the rules alone.")] = None,
             quiet: Quiet = False) -> None:
    """Score the extractor on the guide-annotated gold sets and SciER dev mentions."""
    from kg.evaluation.report import print_json, print_report
    from kg.evaluation.run import run_eval

    chosen = chosen_sets([s.value for s in sets or ()], gold, scier)
    report = run_eval(chosen, without=without, progress=not quiet)
    (print_json if json_out else print_report)(report, stdout, stderr, details=details)


@app.command(name="train-ner")
def train_ner(train: Annotated[Path | None, typer.Option(help="SciER training sentences (default: ../shared/data/scier/train.jsonl).")] = None,
              dev: Annotated[Path | None, typer.Option(help="SciER dev sentences for model selection (default: ../shared/data/scier/dev.jsonl).")] = None,
              output: Annotated[Path | None, typer.Option("--output", "-o", help="Pipeline directory to write (default: the package's extractors/ner_model).")] = None,
              seed: Annotated[int, typer.Option(help="Random seed of the training.")] = 7) -> None:
    """Train the scientific NER (Method, Dataset, Task) on SciER; print dev P/R/F1 by type."""
    from extractors.ner_training import NER_MODEL_DIR, format_scores, train_ner as train_model
    from kg.paths import shared_data

    scores = train_model(train or shared_data("scier", "train.jsonl"), dev or shared_data("scier", "dev.jsonl"),
                   output or NER_MODEL_DIR, seed)
    stdout.print(format_scores(scores), markup=False, highlight=False)


@app.command()
def gazetteers(pwc: Annotated[Path | None, typer.Option(help="Papers with Code catalogues (default: ../shared/data/pwc).")] = None,
               corpus: Annotated[Path | None, typer.Option(help="arXiv abstracts JSONL(.gz) telling common words from names (default: ../shared/data/corpora/arxiv_cs_2025.jsonl.gz).")] = None,
               output: Annotated[Path | None, typer.Option("--output", "-o", help="Directory for the pattern files (default: the package's extractors/data).")] = None) -> None:
    """Rebuild the gazetteer pattern files from the PwC catalogues and the curated additions."""
    from extractors.gazetteers import DATA_DIR, build_gazetteers
    from kg.paths import shared_data

    written = build_gazetteers(pwc or shared_data("pwc"),
                               output or DATA_DIR,
                               corpus or shared_data("corpora", "arxiv_cs_2025.jsonl.gz"))
    stdout.print(counts_table("Gazetteer patterns", written, "file"))


def main() -> None:
    app()
