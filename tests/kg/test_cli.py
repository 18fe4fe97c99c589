"""The `kg` commands through typer's CliRunner, on real files and the real pipeline."""

import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()
PAPERS = FIXTURES / "cli_papers.jsonl"  # 2 good papers, 1 empty record, 1 broken line, 1 duplicate


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    result = runner.invoke(app, ["build", str(PAPERS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_extract_writes_one_line_per_good_record_in_order(tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(PAPERS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["2406.00001", "2406.00002", "2406.00002"]
    records = {json.loads(line)["id"]: json.loads(line)
               for line in PAPERS.read_text().splitlines()[:2]}
    for line in lines:
        for mention in line["entities"]:
            source = records[line["id"]][mention["field"]]
            assert source[mention["start"]:mention["end"]] == mention["text"]
    rejects = [json.loads(line) for line in (tmp_path / "out.rejects.jsonl").read_text().splitlines()]
    assert [r["origin"].rsplit(":", 1)[1] for r in rejects] == ["3", "4"]


def test_build_writes_graph_files_and_summary(built):
    out, output = built
    graph = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert {d["type"] for _, d in graph.nodes(data=True)} >= {"Paper", "Author"}
    papers = [n for n, d in graph.nodes(data=True) if d["type"] == "Paper"]
    assert len(papers) == 2
    rejects = (out / "rejects.jsonl").read_text().splitlines()
    assert len(rejects) == 3 and f"duplicate of {PAPERS}:2 (id 2406.00002)" in rejects[-1]
    assert re.search(r"│ duplicates \(a paper read before\) +│ +1 │", output) and "graph.graphml" in output
    assert f"rejects: {out / 'rejects.jsonl'} (2 rejected, 1 duplicates)" in output


def test_stats_reads_a_built_graph(built):
    out, _ = built
    result = runner.invoke(app, ["stats", "--from", str(out)])
    assert result.exit_code == 0
    assert "Paper" in result.output and "AUTHORED" in result.output


def test_export_graphml_and_json(built, tmp_path):
    out, _ = built
    for fmt, name in (("graphml", "g.graphml"), ("json", "g.json")):
        result = runner.invoke(app, ["export", "--format", fmt, "--from", str(out), "-o",
                                     str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0


@pytest.mark.parametrize("args, code, reason", [
    (["build"], "KG004", "Missing argument 'INPUT...'. (see 'kg build --help')"),
    (["export", "--format", "xml", "-o", "x"], "KG004", "'xml' is not one of 'graphml', 'json', 'neo4j-admin'"),
    (["biuld", "examples"], "KG004", "No such command 'biuld'. Did you mean 'build'? (see 'kg --help')"),
    (["--bogus"], "KG004", "No such option: --bogus"),
    (["build", "examples", "--workers", "0"], "KG004", "Invalid value for '--workers' / '-w'"),
    (["load", "mongodb"], "KG004", "'mongodb' is not one of 'neo4j', 'falkordb'"),
    (["leaderboard"], "KG004", "Missing argument 'DATASET'."),
    (["stats", "--from", "{tmp}/nothing"], "KG003", "no graph in"),
    (["extract", "{tmp}/missing.jsonl", "-o", "{tmp}/o.jsonl"], "KG001", "input not found"),
])
def test_bad_usage_exits_1_with_one_line(tmp_path, args, code, reason):
    """Usage mistakes once drew typer's multi-line panels; now one `error[KGnnn]` line, exit 1."""
    result = runner.invoke(app, [arg.format(tmp=tmp_path) for arg in args], prog_name="kg")
    assert result.exit_code == 1, (args, result.output)
    assert result.output.startswith(f"error[{code}]: ") and result.output.count("\n") == 1, result.output
    assert reason in result.output


def test_usage_errors_go_to_stderr_of_the_real_command():
    run = subprocess.run([str(Path(sys.executable).parent / "kg"), "build", "--engine", "spark", "x"],
                         capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr.startswith("error[KG004]: Invalid value for '--engine'") and run.stderr.count("\n") == 1


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"kg (paperkg) {importlib.metadata.version('paperkg')}\n"


@pytest.mark.parametrize("command", ["extract", "build", "stats", "leaderboard", "export", "load", "eval",
                                     "train-ner", "gazetteers"])
def test_help_shows_plain_metavars(command):
    """Once `{inputs}...`, `<list[Path]>`, `<bool>`, `<path>` in the help."""
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}, prog_name="kg")
    assert result.exit_code == 0, result.output
    for typer_style in ("{", "<list", "<bool>", "<path>", "<int", "<str>", "<text>"):
        assert typer_style not in result.output, (command, typer_style)
    assert "Usage: kg " + command in result.output
    if command in ("extract", "build"):
        assert f"Usage: kg {command} [OPTIONS] INPUT..." in result.output


@pytest.mark.parametrize("command", ["train-ner", "gazetteers"])
def test_retraining_writes_to_a_user_path_unless_told_in_place(command, tmp_path):
    """`kg train-ner` and `kg gazetteers` once overwrote the package's shipped files by default."""
    result = runner.invoke(app, [command])
    assert result.exit_code == 1 and result.output.startswith("error[KG004]: give --output DIR for the new files, "
                                                              "or --in-place to replace the package's own")
    result = runner.invoke(app, [command, "--in-place", "-o", str(tmp_path / "new")])
    assert result.exit_code == 1 and "either --output or --in-place, not both" in result.output
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep")
    sample, pwc = str(FIXTURES / "scier_sample.jsonl"), FIXTURES / "pwc"
    data = (["--train", sample, "--dev", sample] if command == "train-ner"
            else ["--pwc", str(pwc), "--corpus", str(pwc / "corpus.jsonl")])
    result = runner.invoke(app, [command, *data, "-o", str(mine)])
    assert result.exit_code == 1 and "error[KG014]: " in result.output
    assert "not a PaperKG output directory" in result.output
    assert [path.name for path in mine.iterdir()] == ["notes.txt"]


def test_build_accepts_directories(tmp_path):
    data = tmp_path / "in"
    data.mkdir()
    shutil.copy(PAPERS, data / "a.jsonl")
    result = runner.invoke(app, ["build", str(data), "-o", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "graph.json").is_file()


def test_eval_without_an_unknown_component_is_a_usage_error():
    result = runner.invoke(app, ["eval", "--without", "no_such_component"])
    assert result.exit_code == 1
    assert "no pipeline component no_such_component" in result.output


def test_train_ner_with_missing_data_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["train-ner", "--train", str(tmp_path / "missing.jsonl"),
                                 "--dev", str(tmp_path / "missing-dev.jsonl"),
                                 "--gold", str(FIXTURES / "guide_sample.json"),
                                 "--corpus", str(FIXTURES / "scale_papers.jsonl"), "-o", str(tmp_path / "m")])
    assert result.exit_code == 1, result.output
    assert "missing.jsonl" in result.output and not (tmp_path / "m").exists()


def test_build_survives_control_characters_in_the_input(tmp_path):
    source = tmp_path / "ctl.jsonl"
    source.write_text('{"id": "c1", "title": "Form\\ffeed title", "abstract": "We use LoRA\\u000b on GSM8K."}\n',
                      encoding="utf-8")
    result = runner.invoke(app, ["build", str(source), "-o", str(tmp_path / "out"), "--quiet", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "out" / "graph.graphml").number_of_nodes() >= 2
