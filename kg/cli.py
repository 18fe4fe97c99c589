"""The `kg` command line: each command parses its options and calls one plain function.

Errors the user can act on (`kg.core.errors.KGError`) and usage errors (typer's own included) print
one line, `error[KGnnn]: ...`, and exit 1. Help shows the README's metavars (INPUT..., DIR, N).
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterable
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, get_args

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from kg.core.errors import BadOption, KGError
from kg.core.schema import RESULT_KINDS
from kg.engines import ENGINES
from kg.evaluation.sets import EVAL_SETS, chosen_sets
from kg.exports import EXPORTS
from kg.leaderboard import BOARD_FORMATS, leaderboard
from kg.progress import counts_table, stderr, stdout, summary_table
from kg.query import ANSWER_FORMATS
from kg.stores import DEFAULT_BATCH_SIZE
from kg.stores.load import STORES

DEFAULT_OUT = Path("kg-out")

if TYPE_CHECKING:  # kg.build is imported by the commands that need it: `kg --help` starts fast
    from typer._click import Context
    from typer._click.exceptions import UsageError

    from kg.build import EngineOptions, RunSummary
else:  # typer vendors its own click; its UsageError is the base class of the public typer.BadParameter.
    UsageError = typer.BadParameter.__mro__[1]


def _one_line_usage_error(exc: UsageError, ctx: Context | None) -> typer.Exit:
    """Print a usage error as `error[KG004]: ...` on one line (typer would draw a panel)."""
    context = getattr(exc, "ctx", None) or ctx
    where = f" (see '{context.command_path} --help')" if context is not None else ""
    message = " ".join(exc.format_message().split())
    stderr.print(str(BadOption(message + where)), markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(1)


class _KGGroup(TyperGroup):
    """Exit code 1 for usage errors and `KGError`s, with a one-line reason and no traceback."""

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        _plain_metavars([option, *self.params] if option is not None else self.params)
        return option

    def make_context(self, info_name: str | None, args: list[str], parent: Context | None = None,
                     **extra: Any) -> Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `kg`: the help, as asked for
                exc.exit_code = 1
                raise
            raise _one_line_usage_error(exc, None) from None

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise _one_line_usage_error(exc, ctx) from None
        except KGError as exc:
            stderr.print(str(exc), markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None


def _metavar(param: TyperOption) -> str:
    """A metavar in the README's style for an option typer would show as `<path>`, `<int range>`."""
    kind = param.type_descriptor
    if kind.choices is not None:
        return "|".join(str(getattr(choice, "value", choice)) for choice in kind.choices)
    if kind.is_path:
        return "PATH"
    annotation = get_args(kind.annotation)[0] if kind.is_list else kind.annotation
    return {int: "N", float: "X"}.get(annotation, "TEXT")


def _plain_metavars(params: Iterable[object]) -> None:
    """Give `params` the README's metavars: `INPUT...`, `DIR`, `N`, `local|dask`, and none for a
    flag, instead of typer's `{inputs}...`, `<list[Path]>`, `<int range>` and `<bool>`."""
    for param in params:
        if isinstance(param, TyperArgument):
            shown = param.metavar or param.name.upper() + ("..." if param.nargs != 1 else "")
            param.metavar = shown
            piece = shown if param.required else f"[{shown}]"
            # typer's parameters are patched per instance: typer creates them from the signatures
            param.get_usage_pieces = lambda ctx, piece=piece: [piece]  # type: ignore[method-assign, misc]
            param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
        elif isinstance(param, TyperOption) and param.is_flag:
            param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
        elif isinstance(param, TyperOption) and param.metavar is None:
            param.metavar = _metavar(param)


class _KGCommand(TyperCommand):
    """A command whose usage line and help use plain metavars (`kg build [OPTIONS] INPUT...`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_metavars(self.params)

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        _plain_metavars([option] if option is not None else [])
        return option


def _version(show: bool) -> None:
    if show:
        typer.echo(f"kg (paperkg) {importlib.metadata.version('paperkg')}")
        raise typer.Exit()


def choices(name: str, values: Iterable[str]) -> type[Enum]:
    """The typer choice type of an option whose values come from a registry or a core Literal
    (so that a new engine, store or format is offered without editing the CLI)."""
    # The functional API makes a class; typeshed types the call as making a member.
    return Enum(name, [(value, value) for value in values], type=str)  # type: ignore[return-value]


if TYPE_CHECKING:  # the members are known at run time only; to mypy each choice type is an Enum of str
    Engine = StrEnum
    BoardFormat = StrEnum
    ResultKind = StrEnum
    ExportFormat = StrEnum
    LoadTarget = StrEnum
    EvalSetName = StrEnum
    AnswerFormat = StrEnum
else:
    Engine = choices("Engine", ENGINES)
    BoardFormat = choices("BoardFormat", BOARD_FORMATS)
    ResultKind = choices("ResultKind", RESULT_KINDS)
    ExportFormat = choices("ExportFormat", EXPORTS)
    LoadTarget = choices("LoadTarget", STORES)
    EvalSetName = choices("EvalSetName", EVAL_SETS)
    AnswerFormat = choices("AnswerFormat", ANSWER_FORMATS)
# defaults (an Enum member each)
LOCAL_ENGINE, TABLE_FORMAT, TABLE_ANSWER = Engine("local"), BoardFormat("table"), AnswerFormat("table")


app = typer.Typer(cls=_KGGroup, no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False,
                  help="PaperKG: a knowledge graph of ML research from paper abstracts.")


@app.callback()
def _options(version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_version,
                                                   help="Print the version and exit.")] = False) -> None:
    """PaperKG: a knowledge graph of ML research from paper abstracts."""

Inputs = Annotated[list[Path], typer.Argument(metavar="INPUT...",
                                              help="Input files or directories (format auto-detected, .gz ok).")]
FromDir = Annotated[Path, typer.Option("--from", metavar="DIR", help="Directory of a built graph.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1,
                                      help="Extraction processes (local) or LocalCluster workers (dask).")]

EngineOpt = Annotated[Engine, typer.Option("--engine", help="Where extraction runs (dask: see docs/scaling.md).")]
Scheduler = Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address "
                                               "(tcp://host:8786); default: a LocalCluster.")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the extraction cache.")]


def _engine_options(engine: Engine, workers: int, scheduler: str | None) -> EngineOptions:
    from kg.build import EngineOptions

    return EngineOptions(engine=engine.value, workers=workers, scheduler=scheduler)


def _print_run(title: str, summary: RunSummary) -> None:
    rows = [("records read", f"{summary.read:,}"), ("papers", f"{summary.papers:,}"),
            ("rejected (bad records)", f"{summary.rejected:,}"),
            ("duplicates (a paper read before)", f"{summary.duplicates:,}"),
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
        stdout.print(f"{name}: {path}{_rejects_breakdown(summary) if name == 'rejects' else ''}",
                     markup=False, highlight=False)


def _rejects_breakdown(summary: RunSummary) -> str:
    """What the rejects file holds, since duplicates and failed extractions are listed there too."""
    parts = [(summary.rejected, "rejected"), (summary.duplicates, "duplicates"),
             (summary.failed, "kept without entities")]
    return " (" + ", ".join(f"{count:,} {what}" for count, what in parts if count) + ")"


@app.command(cls=_KGCommand)
def extract(inputs: Inputs,
            output: Annotated[Path, typer.Option("--output", "-o", help="Extraction JSONL to write.")],
            quiet: Quiet = False, workers: Workers = 1, engine: EngineOpt = LOCAL_ENGINE,
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


@app.command(cls=_KGCommand)
def build(inputs: Inputs,
          output: Annotated[Path, typer.Option("--output", "-o", help="Output directory.")] = DEFAULT_OUT,
          quiet: Quiet = False, workers: Workers = 1, engine: EngineOpt = LOCAL_ENGINE,
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


@app.command(cls=_KGCommand)
def stats(source: FromDir = DEFAULT_OUT) -> None:
    """Node and relationship counts of a built graph."""
    from kg.stats import graph_counts

    nodes, edges = graph_counts(source)
    stdout.print(counts_table("Nodes", nodes, "label"))
    stdout.print(counts_table("Relationships", edges, "type"))


Dataset = Annotated[str, typer.Argument(help="Dataset name or alias (GSM8K, gsm-8k, ...).")]
Metric = Annotated[str | None, typer.Option("--metric", help="Only results measured by this metric.")]
Kinds = Annotated[list[ResultKind] | None, typer.Option(
    "--kind", help="Only results of this kind (repeatable): absolute scores, improvements, reductions, other numbers.")]


@app.command(name="leaderboard", cls=_KGCommand)
def leaderboard_command(dataset: Dataset, source: FromDir = DEFAULT_OUT, metric: Metric = None, kind: Kinds = None,
                        fmt: Annotated[BoardFormat, typer.Option("--format", help="Output format.")] = TABLE_FORMAT,
                        ) -> None:
    """Every reported result on DATASET in a built graph, by metric and value, with its evidence."""
    from kg.exports.node_link import read_graph

    rows = leaderboard(read_graph(source), dataset, metric, [k.value for k in kind or ()])
    BOARD_FORMATS[fmt.value](rows, dataset)


@app.command()
def report(source: FromDir = DEFAULT_OUT,
           output: Annotated[Path | None, typer.Option(
               "--output", "-o", help="Site folder to write (default: DIR/report).")] = None,
           quiet: Quiet = False) -> None:
    """Write an offline HTML explorer of a built graph: overview, entity pages, leaderboards, search."""
    from kg.report.site import write_report

    summary = write_report(source, output or source / "report", show_progress=not quiet)
    kinds = ("overview", "leaderboard index", "leaderboard", "entity", "search index")
    rows = [*((f"{kind} pages" if kind != "search index" else kind, f"{summary.pages[kind]:,}")
              for kind in kinds if kind in summary.pages),
            ("files", f"{summary.files:,}"), ("size", f"{summary.bytes / 1e6:,.1f} MB"),
            ("seconds", f"{summary.seconds:.1f}")]
    stdout.print(summary_table("kg report", rows))
    stdout.print(f"open {summary.index.as_uri()}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def query(name: Annotated[str | None, typer.Argument(
              help="A saved query (cypher/queries/NAME.cypher) or a Cypher file.")] = None,
          param: Annotated[list[str] | None, typer.Option(
              "--param", "-p", help="name=value (repeatable); defaults: the file's :param lines.")] = None,
          source: FromDir = DEFAULT_OUT,
          fmt: Annotated[AnswerFormat, typer.Option("--format", help="Output format.")] = TABLE_ANSWER,
          list_queries: Annotated[bool, typer.Option(
              "--list", help="List the saved queries, what they answer and their parameters.")] = False) -> None:
    """Run a saved Cypher query (or any Cypher file) on a built graph: no server to set up."""
    from kg.query import bind_parameters, find_query, queries_table, run_query, saved_queries

    if list_queries:
        stdout.print(queries_table(saved_queries()))
        return
    if name is None:
        raise BadOption("name a saved query or a Cypher file (`kg query --list` shows them)")
    saved = find_query(name)
    answer = run_query(source, saved, bind_parameters(saved, param or []))
    ANSWER_FORMATS[fmt.value](answer, saved.name)


@app.command(cls=_KGCommand)
def export(fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")],
           output: Annotated[Path, typer.Option("--output", "-o", help="File (or directory for neo4j-admin).")],
           source: FromDir = DEFAULT_OUT) -> None:
    """Write a built graph as GraphML, JSON or neo4j-admin import CSVs."""
    from kg.exports import export_graph

    for path in export_graph(source, fmt.value, output):
        stdout.print(f"wrote {path}", markup=False, highlight=False)


@app.command(cls=_KGCommand)
def load(target: Annotated[LoadTarget, typer.Argument(help="The server to write to.")],
         source: FromDir = DEFAULT_OUT,
         database: Annotated[str | None, typer.Option(
             help="Neo4j database / FalkorDB graph name (default: neo4j's default / paperkg).")] = None,
         batch_size: Annotated[int, typer.Option(min=1, help="Rows per write transaction.")] = DEFAULT_BATCH_SIZE,
         wipe: Annotated[bool, typer.Option(help="Delete everything in the database first.")] = False,
         quiet: Quiet = False) -> None:
    """Write a built graph to Neo4j (NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD) or FalkorDB (FALKORDB_URL)."""
    from kg.stores.load import load_graph, report_table

    report = load_graph(target.value, source, database=database, batch_size=batch_size,
                        wipe=wipe, show_progress=not quiet)
    stdout.print(report_table(report))


EVAL_SET_HELP = ("Set to score (repeatable); default: " + ", ".join(n for n, s in EVAL_SETS.items() if s.default)
                 + ". arxiv-train is the only set whose errors are listed.")


@app.command(name="eval", cls=_KGCommand)
def evaluate(sets: Annotated[list[EvalSetName] | None, typer.Option("--set", help=EVAL_SET_HELP)] = None,
             gold: Annotated[list[Path] | None, typer.Option(
                 help="Also score this guide-format gold file, every paper in it (repeatable; without --set, "
                      "only the files given are scored).")] = None,
             scier: Annotated[list[Path] | None, typer.Option(
                 help="Also score this SciER-format JSONL file (repeatable; as --gold).")] = None,
             details: Annotated[bool, typer.Option(
                 help="List each error (missed, spurious, wrong tie ...) of the sets that are not dev sets.")] = False,
             json_out: Annotated[bool, typer.Option(
                 "--json", help="Print every figure as one JSON document instead of the tables.")] = False,
             without: Annotated[list[str] | None, typer.Option(
                 help="Score with this pipeline component left out (repeatable), e.g. paperkg_ner for the rules "
                      "alone.")] = None,
             quiet: Quiet = False) -> None:
    """Score the extractor on the guide-annotated gold sets and SciER dev mentions."""
    from kg.evaluation.report import print_json, print_report
    from kg.evaluation.run import run_eval

    chosen = chosen_sets([s.value for s in sets or ()], gold, scier)
    report = run_eval(chosen, without=without, progress=not quiet)
    (print_json if json_out else print_report)(report, stdout, stderr, details=details)


def _retraining_output(output: Path | None, in_place: bool, shipped: Path) -> Path:
    """Where a retraining command writes: the user's `--output`, or the package's own files only
    when told `--in-place` (they are what every later run extracts with)."""
    if in_place and output is not None:
        raise BadOption("give either --output or --in-place, not both")
    if in_place:
        return shipped
    if output is None:
        raise BadOption(f"give --output DIR for the new files, or --in-place to replace the "
                        f"package's own ({shipped})")
    return output


InPlace = Annotated[bool, typer.Option(
    "--in-place", help="Replace the package's shipped files (what every later run uses).")]


@app.command(name="train-ner", cls=_KGCommand)
def train_ner(train: Annotated[Path | None, typer.Option(
                  metavar="FILE", help="SciER training sentences (default: ../shared/data/scier/train.jsonl).")] = None,
              dev: Annotated[Path | None, typer.Option(
                  metavar="FILE",
                  help="SciER dev sentences for model selection (default: ../shared/data/scier/dev.jsonl).")] = None,
              gold: Annotated[Path | None, typer.Option(
                  metavar="FILE", help="Guide-annotated arXiv gold; only its train split is read "
                                       "(default: ../shared/data/gold/arxiv2025_gold.json).")] = None,
              corpus: Annotated[Path | None, typer.Option(
                  metavar="FILE", help="Unlabelled abstracts JSONL(.gz) for the static vectors "
                                       "(default: ../shared/data/corpora/arxiv_cs_2025.jsonl.gz).")] = None,
              output: Annotated[Path | None, typer.Option(
                  "--output", "-o", metavar="DIR",
                  help="Pipeline directory to write (new, empty or an earlier output).")] = None,
              in_place: InPlace = False,
              seed: Annotated[int, typer.Option(help="Random seed of the training.")] = 7) -> None:
    """Train the scientific NER (five types, named or generic) on SciER train and the arXiv gold's
    train split, with static vectors from unlabelled abstracts; print the selection scores by label."""
    from extractors.ner_training import NER_MODEL_DIR, format_scores
    from extractors.ner_training import train_ner as train_model
    from kg.evaluation.split import ner_training_data
    from kg.outputs import check_claimable, mark_directory
    from kg.paths import shared_data

    target = _retraining_output(output, in_place, NER_MODEL_DIR)
    if not in_place:
        check_claimable(target)  # before reading the data and training: a foreign directory is refused
    data = ner_training_data(train or shared_data("scier", "train.jsonl"),
                             dev or shared_data("scier", "dev.jsonl"),
                             gold or shared_data("gold", "arxiv2025_gold.json"),
                             corpus or shared_data("corpora", "arxiv_cs_2025.jsonl.gz"))
    scores = train_model(data, target, seed)
    if not in_place:
        mark_directory(target)  # the trained pipeline replaced the directory whole
    stdout.print(format_scores(scores), markup=False, highlight=False)


@app.command(cls=_KGCommand)
def gazetteers(pwc: Annotated[Path | None, typer.Option(
                   metavar="DIR", help="Papers with Code catalogues (default: ../shared/data/pwc).")] = None,
               corpus: Annotated[Path | None, typer.Option(
                   metavar="FILE", help="arXiv abstracts JSONL(.gz) telling common words from names "
                                        "(default: ../shared/data/corpora/arxiv_cs_2025.jsonl.gz).")] = None,
               output: Annotated[Path | None, typer.Option(
                   "--output", "-o", metavar="DIR",
                   help="Directory for the pattern files (new, empty or an earlier output).")] = None,
               in_place: InPlace = False) -> None:
    """Rebuild the gazetteer pattern files from the PwC catalogues and the curated additions."""
    from contextlib import nullcontext

    from extractors.gazetteers import DATA_DIR, build_gazetteers
    from kg.outputs import output_directory
    from kg.paths import shared_data

    target = _retraining_output(output, in_place, DATA_DIR)
    with nullcontext() if in_place else output_directory(target):
        written = build_gazetteers(pwc or shared_data("pwc"), target,
                                   corpus or shared_data("corpora", "arxiv_cs_2025.jsonl.gz"))
    stdout.print(counts_table("Gazetteer patterns", written, "file"))


def main() -> None:
    app()
