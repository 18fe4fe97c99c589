"""The report in a real browser: headless Chromium (tools/browser) opens the site from file://,
with no server and no network, and a reader's walk works with no console error: overview,
search (any spelling) -> entity page -> its leaderboard with a chart -> a click on the chart
opens the paper. Screenshots are kept in test-artifacts/report/ (or $PAPERKG_ARTIFACTS/report/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import build_graph
from kg.core.names import name_key
from kg.report.site import write_report
from tests.browser import run_browser_script
from tests.conftest import ARTIFACTS as TEST_ARTIFACTS
from tests.conftest import FIXTURES

SCRIPT = Path(__file__).with_name("check_report.mjs")
ARTIFACTS = TEST_ARTIFACTS / "report"
SPELLINGS = ["GSM-8K", "gsm 8k", "Transformers", "loss", "R&D", "Llama 3.1", ".NET.", "LLMs",
             "BERTs", "ResNet-50", "Ünïcode Ñame", "C++", "pass@1", "  Chain-of-Thought  ", "Δ-NeRF", "PixArt-Σ",
             "λ-Net"]


def walk(site: Path, shots: str, query: str, tmp_path: Path) -> dict:
    shots_dir = ARTIFACTS / shots
    shots_dir.mkdir(parents=True, exist_ok=True)
    keys = tmp_path / "spellings.json"
    keys.write_text(json.dumps(SPELLINGS))
    run = run_browser_script(SCRIPT, str(site), str(shots_dir), query, str(keys), timeout=180)
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["errors"] == [] and seen["pageRequests"] == [], (seen["errors"], seen["pageRequests"])
    for name in ("overview", "search", "entity", "leaderboard"):
        assert (shots_dir / f"{name}.png").stat().st_size > 5_000
    return seen


@pytest.fixture(scope="module")
def seeds_site(seeds_graph_dir, tmp_path_factory) -> Path:
    return write_report(seeds_graph_dir, tmp_path_factory.mktemp("seeds") / "site", show_progress=False).site


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> Path:
    """Four 2025 arXiv papers with dates: the leaderboard has a best-score-over-time line."""
    built = tmp_path_factory.mktemp("dated")
    build_graph([FIXTURES / "leaderboard_papers.jsonl"], built, show_progress=False)
    return write_report(built, built / "site", show_progress=False).site


def test_seeds_report_in_chromium(seeds_site, tmp_path):
    seen = walk(seeds_site, "seeds", "gsm 8k", tmp_path)
    overview = seen["overview"]
    assert overview["h1"] == "Overview" and overview["topLinks"] >= 20
    assert {c["id"] for c in overview["charts"] if c["drawn"] and c["points"]} >= {"nodes-by-type"}
    assert seen["search"]["results"][0] == "GSM8K"
    assert seen["search"]["keys"] == [name_key(s) for s in SPELLINGS]
    entity = seen["entity"]
    assert entity["url"].endswith("/dataset/gsm8k.html") and entity["h1"] == "GSM8K"
    assert entity["papers"] >= 5 and entity["evidence"] == entity["papers"]
    assert 5 <= entity["graphNodes"] <= 1 + 12 + 30 and entity["graphDrawn"]
    assert entity["coUsed"] >= 5 and entity["board"] == "../leaderboard/gsm8k.html"
    board = seen["leaderboard"]
    assert board["url"].endswith("/leaderboard/gsm8k.html") and board["h1"] == "GSM8K"
    assert board["charts"] and all(c["drawn"] and c["points"] for c in board["charts"])
    assert board["charts"][0]["kind"] == "subjects"  # the example corpus carries no dates
    assert board["ascending"] == sorted(board["before"])
    assert board["rows"] >= 5
    # The example papers have no link: clicking their bar stays on the page.
    assert board["clicked"] == board["url"]


def test_best_score_over_time_links_each_step_to_its_paper(dated_site, tmp_path):
    seen = walk(dated_site, "dated", "GSM-8k", tmp_path)
    board = seen["leaderboard"]
    steps = board["charts"][0]
    assert steps["kind"] == "steps" and steps["drawn"]
    assert steps["links"][0].startswith("https://arxiv.org/abs/")
    assert board["clicked"] == steps["links"][0]

