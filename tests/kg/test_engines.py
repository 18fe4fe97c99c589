"""Every engine produces the same extraction lines and the same graph as `--workers 1`:
a local process pool, a Dask LocalCluster started by PaperKG, and a cluster given by address."""

import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from kg.build import EngineOptions, build_graph, extract_to_file
from kg.cli import app
from kg.engines_dask import PipelinePlugin
from kg.core.errors import BadOption, PipelineError
from tests.kg.test_build import PAPERS

runner = CliRunner()


@pytest.fixture(scope="module")
def in_process(tmp_path_factory):
    """Extraction lines and graph files of the in-process engine (`--workers 1`)."""
    out = tmp_path_factory.mktemp("in_process")
    extract_to_file([PAPERS], out / "x.jsonl", show_progress=False)
    build_graph([PAPERS], out, show_progress=False, use_cache=False)
    return {name: (out / name).read_bytes() for name in ("x.jsonl", "graph.json", "graph.graphml")}


@pytest.fixture(scope="module")
def cluster():
    """An external cluster, as `dask-scheduler` + `dask-worker --nthreads 2` would give."""
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                      dashboard_address=None) as local:
        yield local


def test_process_pool_matches_in_process(tmp_path, in_process):
    options = EngineOptions(workers=2, batch_size=2)  # 6 batches over 2 processes
    extract_to_file([PAPERS], tmp_path / "x.jsonl", show_progress=False, options=options)
    assert (tmp_path / "x.jsonl").read_bytes() == in_process["x.jsonl"]


def test_dask_local_cluster_builds_the_same_graph(tmp_path, in_process):
    result = runner.invoke(app, ["build", str(PAPERS), "-o", str(tmp_path), "--engine", "dask",
                                 "--workers", "2", "--no-cache", "--quiet"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.json").read_bytes() == in_process["graph.json"]
    assert (tmp_path / "graph.graphml").read_bytes() == in_process["graph.graphml"]


def test_dask_scheduler_address_extracts_the_same_lines(tmp_path, in_process, cluster):
    options = EngineOptions(engine="dask", scheduler=cluster.scheduler_address, batch_size=2)
    extract_to_file([PAPERS], tmp_path / "x.jsonl", show_progress=False, options=options)
    assert (tmp_path / "x.jsonl").read_bytes() == in_process["x.jsonl"]


def test_dask_worker_with_another_pipeline_is_refused(cluster):
    with Client(cluster) as client, pytest.raises(PipelineError, match="pipeline version"):
        client.register_plugin(PipelinePlugin("not this pipeline"))


def test_bad_engine_options_are_usage_errors(tmp_path):
    for options in (EngineOptions(engine="spark"), EngineOptions(scheduler="tcp://h:8786")):
        with pytest.raises(BadOption):
            extract_to_file([PAPERS], tmp_path / "x.jsonl", show_progress=False, options=options)
    result = runner.invoke(app, ["build", str(PAPERS), "-o", str(tmp_path), "--workers", "0"])
    assert result.exit_code == 1
