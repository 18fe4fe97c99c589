"""Output safety (kg.outputs) through the real command line: what `-o` and `--cache` may replace,
the output directory's marker and lock, leftovers of killed runs, read-only places, and builds that
read nothing good. Every case writes real files in a temporary directory."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.outputs import MARKER_NAME, output_directory, remove_stale_temps
from tests.conftest import FIXTURES, ROOT, permission_checks_apply

runner = CliRunner()
PAPERS = FIXTURES / "cli_papers.jsonl"
KG = str(Path(sys.executable).parent / "kg")


def kg(*args: str, **options) -> subprocess.CompletedProcess:
    """The installed `kg` in its own process, as a user runs it."""
    return subprocess.run([KG, *args], cwd=ROOT, capture_output=True, text=True, timeout=300, **options)


def one_line_error(result, code: str) -> str:
    """The whole output of a refused command: one `error[code]` line, no traceback, exit code 1."""
    if isinstance(result, subprocess.CompletedProcess):
        exit_code, output = result.returncode, result.stdout + result.stderr
    else:
        exit_code, output = result.exit_code, result.output
    assert exit_code == 1, output
    assert output.startswith(f"error[{code}]: ") and output.count("\n") == 1, output
    return output


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "out"
    result = runner.invoke(app, ["build", str(PAPERS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


# --- single output files: kg export -o, kg extract -o ---------------------------------------

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_export_to_a_device_is_refused_and_the_device_stays_a_device(built):
    result = runner.invoke(app, ["export", "--format", "json", "--from", str(built), "-o", "/dev/full"])
    assert "is a device" in one_line_error(result, "KG014")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("fmt", ["json", "graphml"])
def test_export_through_a_symlink_or_fifo_is_refused(built, tmp_path, fmt):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    (tmp_path / "link").symlink_to(target)
    os.mkfifo(tmp_path / "fifo")
    for name, what in (("link", "a symbolic link"), ("fifo", "a FIFO")):
        result = runner.invoke(app, ["export", "--format", fmt, "--from", str(built), "-o", str(tmp_path / name)])
        assert what in one_line_error(result, "KG014")
    assert (tmp_path / "link").is_symlink() and stat.S_ISFIFO(os.lstat(tmp_path / "fifo").st_mode)
    assert target.read_text() == "keep me"


@pytest.mark.parametrize("fmt, name", [("json", "g.json"), ("graphml", "g.graphml")])
def test_export_replaces_its_own_files_but_not_foreign_ones(built, tmp_path, fmt, name):
    path = tmp_path / name
    for _ in range(2):  # a new file, then its own file again
        result = runner.invoke(app, ["export", "--format", fmt, "--from", str(built), "-o", str(path)])
        assert result.exit_code == 0, result.output
    path.write_text("my own notes\n")
    result = runner.invoke(app, ["export", "--format", fmt, "--from", str(built), "-o", str(path)])
    assert "not a PaperKG graph" in one_line_error(result, "KG014") or "not a GraphML" in result.output
    assert path.read_text() == "my own notes\n"
    path.write_text("")  # an empty file holds nothing to lose
    assert runner.invoke(app, ["export", "--format", fmt, "--from", str(built), "-o", str(path)]).exit_code == 0


def test_extract_does_not_replace_foreign_outputs(tmp_path):
    out = tmp_path / "x.jsonl"
    out.write_text("title,abstract\nmine,mine\n")
    result = runner.invoke(app, ["extract", str(PAPERS), "-o", str(out), "--quiet"])
    assert "not a PaperKG extraction file" in one_line_error(result, "KG014")
    out.unlink()
    (tmp_path / "x.rejects.jsonl").write_text("my list of rejected ideas\n")
    result = runner.invoke(app, ["extract", str(PAPERS), "-o", str(out), "--quiet"])
    assert "not a PaperKG rejects file" in one_line_error(result, "KG014")
    assert not out.exists() and (tmp_path / "x.rejects.jsonl").read_text() == "my list of rejected ideas\n"


def test_cache_refuses_a_file_that_is_not_a_paperkg_cache(tmp_path):
    mine = tmp_path / "mine.jsonl"
    mine.write_bytes(PAPERS.read_bytes())
    result = runner.invoke(app, ["extract", str(PAPERS), "-o", str(tmp_path / "x.jsonl"), "--cache",
                                 str(mine), "--quiet"])
    assert "not a PaperKG extraction cache" in one_line_error(result, "KG014")
    assert mine.read_bytes() == PAPERS.read_bytes() and not (tmp_path / "mine.jsonl.corrupt").exists()


# --- output directories: marker, foreign directories, lock, leftovers ------------------------

def test_build_marks_its_directory_and_refuses_a_foreign_one(tmp_path):
    mine = tmp_path / "home"
    mine.mkdir()
    (mine / "thesis.tex").write_text("\\documentclass{article}")
    result = runner.invoke(app, ["build", str(PAPERS), "-o", str(mine), "--quiet"])
    assert "not a PaperKG output directory (it holds thesis.tex)" in one_line_error(result, "KG014")
    assert sorted(p.name for p in mine.iterdir()) == ["thesis.tex"]
    result = runner.invoke(app, ["build", str(PAPERS), "-o", str(tmp_path / "new"), "--quiet"])
    assert result.exit_code == 0 and (tmp_path / "new" / MARKER_NAME).is_file()


def test_a_build_directory_from_before_the_marker_is_recognised(built, tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    for name in ("graph.json", "graph.graphml", "rejects.jsonl", "cache.sqlite"):
        (old / name).write_bytes((built / name).read_bytes())
    (old / ".graph.json.k2j4h5g6").write_text("partial")  # a temporary file of an earlier version
    result = runner.invoke(app, ["build", str(PAPERS), "-o", str(old), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (old / MARKER_NAME).is_file() and not (old / ".graph.json.k2j4h5g6").exists()


def test_a_second_run_into_a_locked_directory_exits_1(built, tmp_path):
    """Two builds into one directory once both exited 0, the last writer winning silently."""
    before = (built / "graph.json").read_bytes()
    with output_directory(built):  # this process is the first run, holding the lock
        second = kg("build", str(PAPERS), "-o", str(built), "--quiet")
    assert "another kg run is writing to" in one_line_error(second, "KG015")
    assert (built / "graph.json").read_bytes() == before
    assert runner.invoke(app, ["build", str(PAPERS), "-o", str(built), "--quiet"]).exit_code == 0


def test_temporary_files_of_a_killed_build_are_removed_by_the_next_run(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_bad.jsonl").write_text("not json\n")  # the rejects file is opened first
    for i, path in enumerate(sorted((ROOT / "examples").iterdir())):
        (inputs / f"b{i}_{path.name}").symlink_to(path)
    out = tmp_path / "out"
    run = subprocess.Popen([KG, "build", str(inputs), "-o", str(out), "--quiet"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while not list(out.glob(".rejects.jsonl.*.tmp")) and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert list(out.glob(".*.tmp")), "the build ended before it was killed"
    result = runner.invoke(app, ["build", str(PAPERS), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert not list(out.glob(".*.tmp")) and (out / "graph.json").is_file()


def test_stale_temporary_files_of_live_processes_are_kept(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    for pid in (dead, str(os.getpid())):
        (tmp_path / f".graph.json.{pid}.abc123.tmp").write_text("partial")
    (tmp_path / f".notes.txt.{dead}.abc123.tmp").write_text("not ours to judge")
    removed = remove_stale_temps(tmp_path, {"graph.json"})
    assert [path.name for path in removed] == [f".graph.json.{dead}.abc123.tmp"]
    assert len(list(tmp_path.iterdir())) == 2


# --- read-only places and builds that read nothing good --------------------------------------

def test_a_read_only_output_directory_is_a_clear_error_before_extraction(tmp_path):
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        build = kg("build", str(PAPERS), "-o", str(locked), "--quiet", preexec_fn=permission_checks_apply)
        extract = kg("extract", str(PAPERS), "-o", str(locked / "x.jsonl"), "--quiet",
                     preexec_fn=permission_checks_apply)
    finally:
        locked.chmod(0o755)
    for run in (build, extract):
        message = one_line_error(run, "KG014")
        assert f"cannot write to {locked}: Permission denied" in message and "corrupt" not in message
    assert list(locked.iterdir()) == []


def test_a_build_that_reads_no_good_record_keeps_the_existing_graph(built, tmp_path):
    """`kg build x.png -o DIR` once replaced a good graph with an empty one, exit 0."""
    graph = (built / "graph.json").read_bytes(), (built / "graph.graphml").read_bytes()
    picture = tmp_path / "x.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = runner.invoke(app, ["build", str(picture), "-o", str(built), "--quiet"])
    message = one_line_error(result, "KG016")
    assert "no good record among the 1 record read" in message and "left as it was" in message
    assert ((built / "graph.json").read_bytes(), (built / "graph.graphml").read_bytes()) == graph
    (reject,) = [json.loads(line) for line in (built / "rejects.jsonl").read_text().splitlines()]
    assert "not a text file (a PNG image)" in reject["reason"]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["build", str(empty), "-o", str(tmp_path / "out"), "--quiet"])
    assert "the inputs hold no records; no graph was written" in one_line_error(result, "KG016")


def test_build_into_its_own_input_directory(tmp_path):
    """`kg build in -o in/out` once read its own new cache.sqlite as input on its first run."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "papers.jsonl").write_bytes(PAPERS.read_bytes())
    for _ in range(2):
        result = runner.invoke(app, ["build", str(inputs), "-o", str(inputs / "out"), "--quiet"])
        assert result.exit_code == 0, result.output
        rejects = [json.loads(line) for line in (inputs / "out" / "rejects.jsonl").read_text().splitlines()]
        assert [Path(r["origin"]).name for r in rejects] == ["papers.jsonl:3", "papers.jsonl:4", "papers.jsonl:5"]
    assert "up to date" in result.output
