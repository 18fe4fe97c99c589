"""`kg report` writes a static site: the pages, the shipped scripts, a search index, a summary;
it replaces its own previous report and nothing else."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.core.errors import BadOption
from kg.report.site import MARKER, page_json, write_report
from tests.conftest import FIXTURES

runner = CliRunner()
STORE_GRAPH = FIXTURES / "stores" / "original"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return write_report(STORE_GRAPH, tmp_path_factory.mktemp("report") / "site", show_progress=False)


def test_every_page_is_written(site):
    root = site.site
    assert site.pages == {"overview": 1, "leaderboard index": 1, "search index": 1, "leaderboard": 2, "entity": 15}
    for path in ("index.html", "leaderboards.html", "search-index.js", "method/lora.html",
                 "modelfamily/llama.html", "leaderboard/gsm8k.html", "static/app.js",
                 "static/vendor/chart.umd.min.js", "static/vendor/cytoscape.LICENSE", MARKER):
        assert (root / path).is_file(), path
    assert site.files == len([p for p in root.rglob("*") if p.is_file()])
    assert site.bytes > 600_000  # the vendored libraries


def test_pages_load_only_local_files(site):
    for page in site.site.rglob("*.html"):
        html = page.read_text()
        for ref in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
            assert not re.match(r"^[a-z]+:", ref) or ref == "data:,", (page, ref)
            if not ref.startswith("data:"):
                assert (page.parent / ref).resolve().is_file(), (page, ref)


def test_entity_page_content(site):
    html = (site.site / "dataset" / "gsm8k.html").read_text()
    assert "<h1 id=\"entity-name\">GSM8K</h1>" in html
    assert "GSM-8K" not in html  # the same name under name_key: not listed as another spelling
    assert '<span class="alias">Low-Rank Adaptation</span>' in (site.site / "method" / "lora.html").read_text()
    assert 'href="https://arxiv.org/abs/2401.00001"' in html and "GSM8K is mentioned" in html
    assert 'href="../leaderboard/gsm8k.html"' in html and 'href="../modelfamily/llama.html"' not in html
    data = re.search(r'<script type="application/json" id="neighbourhood-data">(.*?)</script>', html).group(1)
    assert ["LoRA", "Method", "lora", 3] in json.loads(data)["with"]


def test_leaderboard_page_separates_scores_from_improvements(site):
    html = (site.site / "leaderboard" / "gsm8k.html").read_text()
    scores = html[html.index('id="scores"'):]
    assert scores.index("56.3") < scores.index("48.1") and 'data-chart="steps"' in html


def test_search_index_is_a_script(site):
    text = (site.site / "search-index.js").read_text()
    assert text.startswith("window.KG_SEARCH=")
    entries = json.loads(text[len("window.KG_SEARCH="):].rstrip().rstrip(";"))
    assert ["LoRA", "Method", "method/lora.html", 3] == entries[next(
        i for i, e in enumerate(entries) if e[0] == "LoRA")][:4]


def test_json_in_a_page_cannot_close_its_script_tag():
    text = page_json({"evidence": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"evidence": "</script><script>alert(1)</script> & <!--"}


def test_a_second_run_replaces_the_report(tmp_path):
    target = tmp_path / "site"
    write_report(STORE_GRAPH, target, show_progress=False)
    (target / "stale.html").write_text("old")
    write_report(STORE_GRAPH, target, show_progress=False)
    assert not (target / "stale.html").exists() and (target / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder left


def test_a_folder_that_is_not_a_report_is_left_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BadOption, match="is not a PaperKG report"):
        write_report(STORE_GRAPH, tmp_path, show_progress=False)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_single_process_writes_the_same_site(tmp_path, site):
    serial = write_report(STORE_GRAPH, tmp_path / "serial", show_progress=False, workers=1)
    assert serial.pages == site.pages
    for page in site.site.rglob("*.html"):
        assert (serial.site / page.relative_to(site.site)).read_text() == page.read_text()


def test_cli_prints_a_summary_and_where_to_open_it(tmp_path):
    result = runner.invoke(app, ["report", "--from", str(STORE_GRAPH), "-o", str(tmp_path / "r"), "-q"])
    assert result.exit_code == 0, result.output
    assert "entity pages" in result.output and "size" in result.output
    assert f"open {(tmp_path / 'r' / 'index.html').resolve().as_uri()}" in result.output


def test_cli_without_a_graph(tmp_path):
    result = runner.invoke(app, ["report", "--from", str(tmp_path)])
    assert result.exit_code == 1 and result.output.startswith("error[KG003]")
