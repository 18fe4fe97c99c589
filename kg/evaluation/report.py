"""`kg eval` output: rich tables for people, one JSON document of every figure for scripts."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.table import Table

from kg.evaluation.gold import Finding, GoldScores
from kg.evaluation.run import EvalReport
from kg.evaluation.scier import ScierScores
from kg.evaluation.scores import PRF, Accuracy


def _accuracy(acc: Accuracy) -> str:
    return "-" if acc.value is None else f"{acc.value:.3f} ({acc.total})"


def _ratios(*values: float) -> str:
    return " / ".join(f"{v:.3f}" for v in values)


Row = tuple[str, Callable[[Any], str]]
SUMMARY_ROWS: dict[type, list[Row]] = {  # per kind of scores, the headline figures
    GoldScores: [
        ("entity F1 (named, typed)", lambda s: f"{s.entities['all'].f1:.3f}"),
        ("  entity P / R", lambda s: _ratios(s.entities["all"].precision, s.entities["all"].recall)),
        ("model family accuracy (of matched)", lambda s: _accuracy(s.family)),
        ("  (of all gold Models with one)", lambda s: _accuracy(s.family_of_gold)),
        ("proposed P / R / F1", lambda s: _ratios(s.proposed.precision, s.proposed.recall, s.proposed.f1)),
        ("results P / R (on value)", lambda s: _ratios(s.results.precision, s.results.recall)),
        ("  unit accuracy (of matched)", lambda s: _accuracy(s.result_fields["unit"])),
        ("  kind accuracy (of matched)", lambda s: _accuracy(s.result_fields["kind"])),
        ("  metric tie (of gold ties)", lambda s: _accuracy(s.result_fields["metric"])),
        ("  dataset tie (of gold ties)", lambda s: _accuracy(s.result_fields["dataset"])),
        ("  subject tie (of gold ties)", lambda s: _accuracy(s.result_fields["subject"])),
    ],
    ScierScores: [
        ("SciER typed mention F1", lambda s: f"{s.mentions['all'].f1:.3f}"),
        ("  SciER P / R", lambda s: _ratios(s.mentions["all"].precision, s.mentions["all"].recall)),
    ],
}


def summary_table(report: EvalReport) -> Table:
    """The headline figures, one column per set (the layout of the outside benchmark's table)."""
    table = Table(title="kg eval" + (f" without {', '.join(report.without)}" if report.without else ""),
                  header_style="bold")
    table.add_column("measure")
    for name, scores in report.sets.items():
        size = scores.papers if isinstance(scores, GoldScores) else scores.sentences
        table.add_column(f"{name}\n({size} {'papers' if isinstance(scores, GoldScores) else 'sentences'})",
                         justify="right")
    for kind, rows in SUMMARY_ROWS.items():
        if not any(isinstance(s, kind) for s in report.sets.values()):
            continue
        for label, cell in rows:
            table.add_row(label, *(cell(s) if isinstance(s, kind) else "" for s in report.sets.values()))
    return table


def prf_table(title: str, rows: dict[str, PRF]) -> Table:
    table = Table(title=title, header_style="bold")
    for column in ("", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right" if column else "left")
    for name, prf in rows.items():
        table.add_row(name, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}",
                      str(prf.tp), str(prf.fp), str(prf.fn))
    return table


ACCURACY_CAPTION = ("model family: matched gold Models that have one (of all gold: a missed Model "
                    "counts wrong); unit, kind: matched results; ties: matched results whose gold "
                    "has the tie")


def accuracy_table(title: str, rows: dict[str, Accuracy], caption: str | None = None) -> Table:
    table = Table(title=title, caption=caption, header_style="bold")
    for column in ("", "accuracy", "correct", "of"):
        table.add_column(column, justify="right" if column else "left")
    for name, acc in rows.items():
        table.add_row(name, "-" if acc.value is None else f"{acc.value:.3f}", str(acc.correct),
                      str(acc.total))
    return table


def _gold_tables(name: str, scores: GoldScores) -> list[Table]:
    return [prf_table(f"{name}: entities (named, by type)", scores.entities),
            prf_table(f"{name}: proposed names, results (matched on value)",
                      {"proposed": scores.proposed, "results": scores.results}),
            accuracy_table(f"{name}: accuracies",
                           {"model family": scores.family, "  of all gold": scores.family_of_gold}
                           | scores.result_fields, ACCURACY_CAPTION)]


def _scier_tables(name: str, scores: ScierScores) -> list[Table]:
    return [prf_table(f"{name}: mentions (micro, generic included; Model counts as Method)",
                      scores.mentions)]


DETAIL_TABLES: dict[type, Callable[[str, Any], list[Table]]] = {
    GoldScores: _gold_tables, ScierScores: _scier_tables}


def print_report(report: EvalReport, console: Console, notes: Console, details: bool = False) -> None:
    """The summary, each set's tables, and with `details` the errors of every set that is not
    blind (a note on `notes` says which sets keep theirs hidden)."""
    console.print(summary_table(report))
    for name, scores in report.sets.items():
        for table in DETAIL_TABLES[type(scores)](name, scores):
            console.print(table)
    if details:
        for name, findings in listed_findings(report).items():
            for finding in findings:
                console.out(f"{name}\t{finding.paper}\t{finding.kind}\t{finding.detail}",
                            highlight=False)
        _note_blind(report, notes)


def listed_findings(report: EvalReport) -> dict[str, list[Finding]]:
    """Set name -> its errors, for the sets whose errors may be read (not blind)."""
    return {name: scores.findings for name, scores in report.sets.items()
            if isinstance(scores, GoldScores) and name not in report.blind}


def _note_blind(report: EvalReport, notes: Console) -> None:
    hidden = [name for name in report.sets if name in report.blind]
    if hidden:
        notes.print(f"errors not listed for {', '.join(hidden)}: dev sets are scored, never read "
                    "(use --set arxiv-train, or name a file with --gold)", markup=False, highlight=False)


def report_json(report: EvalReport, details: bool = False) -> dict[str, Any]:
    """Every figure of the report (and with `details`, the listable errors) as plain JSON data."""
    data: dict[str, Any] = {
        "pipeline_version": report.pipeline_version, "without": report.without,
        "sets": {name: {"file": report.files.get(name), **scores.to_dict()}
                 for name, scores in report.sets.items()},
    }
    if details:
        data["errors"] = {name: [f.to_dict() for f in findings]
                          for name, findings in listed_findings(report).items()}
    return data


def print_json(report: EvalReport, console: Console, notes: Console, details: bool = False) -> None:
    console.out(json.dumps(report_json(report, details), indent=2), highlight=False)
    if details:
        _note_blind(report, notes)

