"""The `kg` commands through typer's CliRunner, on real files and the real pipeline."""

import json
import shutil

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
    assert "duplicates" in output and "graph.graphml" in output


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


def test_bad_usage_exits_1_with_one_line(tmp_path):
    cases = [["build"], ["stats", "--from", str(tmp_path / "nothing")],
             ["extract", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")],
             ["export", "--format", "xml", "-o", "x"]]
    for args in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 1, (args, result.output)
    result = runner.invoke(app, ["stats", "--from", str(tmp_path / "nothing")])
    assert result.output.strip().startswith("error[KG003]") and "Traceback" not in result.output


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
                                 "--dev", str(tmp_path / "missing-dev.jsonl"), "-o", str(tmp_path / "m")])
    assert result.exit_code == 1, result.output
    assert "missing.jsonl" in result.output and not (tmp_path / "m").exists()


def test_build_survives_control_characters_in_the_input(tmp_path):
    source = tmp_path / "ctl.jsonl"
    source.write_text('{"id": "c1", "title": "Form\\ffeed title", "abstract": "We use LoRA\\u000b on GSM8K."}\n',
                      encoding="utf-8")
    result = runner.invoke(app, ["build", str(source), "-o", str(tmp_path / "out"), "--quiet", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "out" / "graph.graphml").number_of_nodes() >= 2
