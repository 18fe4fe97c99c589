"""`kg build` / `kg extract` with the extraction cache, on a real fixture and the real pipeline."""

import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from kg.build import EngineOptions, build_graph, extract_to_file
from tests.conftest import FIXTURES, ROOT

PAPERS = FIXTURES / "scale_papers.jsonl"  # 12 short ML abstracts with entities and numbers
SMALL_BATCHES = EngineOptions(batch_size=3)  # several batches, so cached and new papers interleave


def _outputs(out_dir):
    return {name: (out_dir / name).read_bytes() for name in ("graph.json", "graph.graphml")}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A build without the cache: what every cached build must reproduce byte for byte."""
    out = tmp_path_factory.mktemp("reference")
    summary = build_graph([PAPERS], out, show_progress=False, use_cache=False)
    assert summary.papers == 12 and summary.edges["REPORTS"] > 0
    assert not (out / "cache.sqlite").exists()
    return _outputs(out)


def test_unchanged_rebuild_is_up_to_date_and_rewrites_nothing(tmp_path, reference):
    first = build_graph([PAPERS], tmp_path, show_progress=False, options=SMALL_BATCHES)
    assert first.cached == 0 and not first.up_to_date
    assert _outputs(tmp_path) == reference
    stamps = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("graph.*")}
    again = build_graph([PAPERS], tmp_path, show_progress=False, options=SMALL_BATCHES)
    assert again.up_to_date and again.papers == 12
    assert (again.nodes, again.edges) == (first.nodes, first.edges)
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("graph.*")} == stamps


def test_missing_output_is_rebuilt_from_the_cache(tmp_path, reference):
    build_graph([PAPERS], tmp_path, show_progress=False, options=SMALL_BATCHES)
    (tmp_path / "graph.json").unlink()
    rebuilt = build_graph([PAPERS], tmp_path, show_progress=False, options=SMALL_BATCHES)
    assert rebuilt.cached == 12 and not rebuilt.up_to_date
    assert _outputs(tmp_path) == reference


def test_added_papers_are_the_only_ones_extracted(tmp_path, reference):
    lines = PAPERS.read_text().splitlines(keepends=True)
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(lines[::2]))  # every other paper first, the rest interleaved later
    build_graph([inputs], tmp_path / "out", show_progress=False, options=SMALL_BATCHES)
    inputs.write_text("".join(lines))
    grown = build_graph([inputs], tmp_path / "out", show_progress=False, options=SMALL_BATCHES)
    assert grown.cached == 6 and grown.papers == 12
    assert _outputs(tmp_path / "out") == reference


def test_a_cache_of_another_pipeline_version_is_not_used(tmp_path, reference):
    build_graph([PAPERS], tmp_path, show_progress=False)
    with sqlite3.connect(tmp_path / "cache.sqlite") as db:
        db.execute("UPDATE meta SET value = 'an older pipeline' WHERE name = 'pipeline'")
    rebuilt = build_graph([PAPERS], tmp_path, show_progress=False)
    assert rebuilt.cached == 0 and not rebuilt.up_to_date
    assert _outputs(tmp_path) == reference


def test_a_corrupt_cache_does_not_stop_the_build(tmp_path, reference):
    build_graph([PAPERS], tmp_path, show_progress=False)
    (tmp_path / "cache.sqlite").write_bytes(b"\0garbage" * 512)  # the build's own cache, damaged
    summary = build_graph([PAPERS], tmp_path, show_progress=False)
    assert summary.papers == 12 and _outputs(tmp_path) == reference
    assert build_graph([PAPERS], tmp_path, show_progress=False).up_to_date


def test_extract_with_cache_returns_identical_lines(tmp_path):
    cache = tmp_path / "extractions.sqlite"
    first = extract_to_file([PAPERS], tmp_path / "a.jsonl", show_progress=False, cache_path=cache)
    second = extract_to_file([PAPERS], tmp_path / "b.jsonl", show_progress=False, cache_path=cache)
    assert (first.cached, second.cached) == (0, 12)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    ids = [json.loads(line)["id"] for line in (tmp_path / "b.jsonl").read_text().splitlines()]
    assert ids == [f"s{i:02}" for i in range(1, 13)]


def test_a_build_served_from_the_cache_never_loads_spacy(tmp_path):
    build_graph([PAPERS], tmp_path, show_progress=False)
    (tmp_path / "graph.graphml").unlink()
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from kg.build import EngineOptions, build_graph
        summary = build_graph([{str(PAPERS)!r}], Path({str(tmp_path)!r}), show_progress=False,
                              options=EngineOptions(workers=2))
        assert summary.cached == 12, summary
        print(sorted(name for name in sys.modules if name.split(".")[0] in ("spacy", "thinc")))
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
    assert (tmp_path / "graph.graphml").is_file()


@pytest.fixture
def pipeline_failing_on_marker():
    """The in-process pipeline with a real extra component that fails on papers saying EXPLODE."""
    from spacy.language import Language

    from extractors.pipeline import default_pipeline

    if "explode_on_marker" not in Language.factories:
        @Language.component("explode_on_marker")
        def explode_on_marker(doc):
            if "EXPLODE" in doc.text:
                raise RuntimeError("boom")
            return doc

    nlp = default_pipeline()
    nlp.add_pipe("explode_on_marker", first=True)
    yield
    nlp.remove_pipe("explode_on_marker")


def test_a_paper_the_pipeline_fails_on_is_kept_and_reported(tmp_path, pipeline_failing_on_marker):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "ok", "title": "LoRA on GSM8K", "abstract": "We fine-tune with LoRA."}) + "\n"
        + json.dumps({"id": "bad", "title": "EXPLODE", "abstract": "We fine-tune with LoRA."}) + "\n",
        encoding="utf-8")
    summary = build_graph([source], tmp_path / "out", show_progress=False, use_cache=False)
    assert (summary.papers, summary.failed) == (2, 1)
    [reject] = [json.loads(line) for line in (tmp_path / "out" / "rejects.jsonl").read_text().splitlines()]
    assert reject["id"] == "bad" and "RuntimeError: boom" in reject["reason"]
    graph = json.loads((tmp_path / "out" / "graph.json").read_text())
    assert {"paper:bad", "paper:ok"} <= {node["id"] for node in graph["nodes"]}
    lines_out = tmp_path / "x.jsonl"
    extracted = extract_to_file([source], lines_out, show_progress=False)
    assert extracted.failed == 1
    assert [json.loads(line).get("error") is not None for line in lines_out.read_text().splitlines()] == [False, True]
