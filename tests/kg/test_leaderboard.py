"""Leaderboards from a graph built through the real path (`kg build` on real arXiv abstract sentences).

The fixture holds four 2025 arXiv papers (title and the sentences reporting numbers) that write the
benchmark as "GSM8K" and "GSM8k"; the expected rows are read off those sentences by hand.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import build_graph
from kg.cli import app
from kg.core.errors import UnknownDataset
from kg.exports.node_link import read_graph
from kg.leaderboard import leaderboard
from tests.conftest import FIXTURES

PAPERS = FIXTURES / "leaderboard_papers.jsonl"
runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("board")
    build_graph([PAPERS], out, show_progress=False, use_cache=False)
    return out


@pytest.fixture(scope="module")
def graph(built):
    return read_graph(built)


def test_spellings_of_a_dataset_find_one_board(graph):
    boards = [leaderboard(graph, name) for name in ("GSM8K", "gsm8k", "GSM-8K", "GSM8k")]
    assert all(board == boards[0] for board in boards)
    papers = {row["paper_id"] for row in boards[0]}
    assert papers == {"paper:arxiv:2505.12392", "paper:arxiv:2504.09402", "paper:arxiv:2505.14999",
                      "paper:arxiv:2508.05311"}


def test_scores_sorted_by_metric_then_best_first_with_paper_year_and_evidence(graph):
    rows = leaderboard(graph, "GSM8K")
    scores = [(row["metric"], row["value"], row["paper_id"]) for row in rows if row["kind"] == "absolute"]
    # "an accuracy gain of 8.6% on GSM8K from 57.54% to 66.19%": both numbers are Accuracy on GSM8K;
    # the scores that name no metric come after the named ones
    assert scores == [("Accuracy", 66.19, "paper:arxiv:2505.12392"), ("Accuracy", 57.54, "paper:arxiv:2505.12392"),
                      (None, 96.66, "paper:arxiv:2504.09402"), (None, 90.7, "paper:arxiv:2505.14999")]
    gains = {(row["value"], row["unit"]) for row in rows if row["kind"] == "improvement"}
    assert gains == {(8.6, "%"), (5.3, "%")}
    eorm = next(row for row in rows if row["value"] == 90.7)
    assert eorm["subject"] in {"EORM", "Llama-3-8B"}  # the method, or the model it ran with
    assert eorm["year"] == 2025
    assert eorm["paper"] == "Learning to Rank Chain-of-Thought: An Energy-Based Approach with Outcome Supervision"
    assert "achieving 90.7% on GSM8k and 63.7% on MATH" in eorm["evidence"]
    metrics = [row["metric"] for row in rows]
    assert metrics == sorted(metrics, key=lambda m: (m is None, m or ""))


def test_a_list_of_results_goes_to_each_dataset(graph):
    assert [row["value"] for row in leaderboard(graph, "ASDiv")] == [94.61]


def test_metric_filter(graph):
    rows = leaderboard(graph, "GSM8K", metric="accuracy")
    assert rows and {row["metric"] for row in rows} == {"Accuracy"}


def test_kind_filter(graph):
    rows = leaderboard(graph, "GSM8K")
    scores = leaderboard(graph, "GSM8K", kinds=["absolute"])
    assert scores == [row for row in rows if row["kind"] == "absolute"] and len(scores) == 4
    both = leaderboard(graph, "GSM8K", kinds=["absolute", "improvement"])
    assert {row["kind"] for row in both} == {"absolute", "improvement"} and len(both) == 6


def test_unknown_dataset_suggests_close_names(graph):
    with pytest.raises(UnknownDataset) as error:
        leaderboard(graph, "GSM8")
    assert "GSM8K" in str(error.value)


def test_cli_formats(built):
    result = runner.invoke(app, ["leaderboard", "GSM8K", "--from", str(built), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) >= 3 and all(isinstance(row["value"], float) for row in rows)
    result = runner.invoke(app, ["leaderboard", "gsm8k", "--from", str(built), "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, *lines = result.output.splitlines()
    assert header.startswith("dataset,metric,value,unit,kind,subject,paper,year,evidence")
    assert len(lines) == len(rows)
    result = runner.invoke(app, ["leaderboard", "GSM8K", "--from", str(built)])
    assert result.exit_code == 0 and "96.66%" in result.output
    result = runner.invoke(app, ["leaderboard", "GSM8K", "--from", str(built), "--format", "json",
                                 "--kind", "improvement"])
    assert result.exit_code == 0 and {row["kind"] for row in json.loads(result.output)} == {"improvement"}
    result = runner.invoke(app, ["leaderboard", "GSM8K", "--from", str(built), "--kind", "best"])
    assert result.exit_code == 1 and "best" in result.output
    result = runner.invoke(app, ["leaderboard", "Imagenett", "--from", str(built)])
    assert result.exit_code == 1 and "error[KG006]" in result.output


def test_an_unknown_metric_suggests_the_metrics_of_the_dataset(built):
    """`kg leaderboard --metric nosuch` gave 0 rows and no suggestion."""
    result = runner.invoke(app, ["leaderboard", "GSM8K", "--from", str(built), "--metric", "acuracy"])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert result.output.startswith("error[KG006]: no result on GSM8K is measured by 'acuracy'; "
                                    "did you mean Accuracy?")
    result = runner.invoke(app, ["leaderboard", "GSM8K", "--from", str(built), "--metric", "nosuch"])
    assert result.exit_code == 1 and "(its metrics: Accuracy" in result.output


def test_a_piped_table_is_not_cut_at_80_columns(built):
    """Piped, the table once folded its cells to fit 80 columns ("improvemen t")."""
    run = subprocess.run([str(Path(sys.executable).parent / "kg"), "leaderboard", "GSM8K", "--from", str(built)],
                         capture_output=True, text=True, timeout=120,
                         env={key: value for key, value in os.environ.items() if key != "COLUMNS"})
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert max(map(len, lines)) > 80 and any("│ improvement │" in line for line in lines)
    assert "Learning to Rank Chain-of-Thought: An Energy-Based Approach with Outcome Supervision" in run.stdout
