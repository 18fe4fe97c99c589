"""The local engines: a process pool extracts the same lines as `--workers 1`; bad engine options
are usage errors."""

import pytest
from typer.testing import CliRunner

from kg.build import EngineOptions, extract_to_file
from kg.cli import app
from kg.core.errors import BadOption
from kg.engines import ENGINES, make_engine
from kg.engines.local import InProcessEngine, ProcessPoolEngine
from tests.kg.test_build import PAPERS

runner = CliRunner()


def test_process_pool_matches_in_process(tmp_path, in_process):
    options = EngineOptions(workers=2, batch_size=2)  # 6 batches over 2 processes
    extract_to_file([PAPERS], tmp_path / "x.jsonl", show_progress=False, options=options)
    assert (tmp_path / "x.jsonl").read_bytes() == in_process["x.jsonl"]


def test_the_registry_makes_each_engine():
    assert list(ENGINES) == ["local", "dask"]
    assert isinstance(make_engine("local", 1), InProcessEngine)
    pool = make_engine("local", 3)
    assert isinstance(pool, ProcessPoolEngine) and pool.workers == 3
    pool.close()


def test_bad_engine_options_are_usage_errors(tmp_path):
    for options in (EngineOptions(engine="spark"), EngineOptions(scheduler="tcp://h:8786")):
        with pytest.raises(BadOption):
            extract_to_file([PAPERS], tmp_path / "x.jsonl", show_progress=False, options=options)
    result = runner.invoke(app, ["build", str(PAPERS), "-o", str(tmp_path), "--workers", "0"])
    assert result.exit_code == 1
    result = runner.invoke(app, ["build", str(PAPERS), "-o", str(tmp_path), "--engine", "spark"])
    assert result.exit_code == 1 and "spark" in result.output
