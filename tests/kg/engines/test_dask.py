"""`--engine dask` produces the same extraction lines and the same graph as `--workers 1`, on a
Dask LocalCluster started by PaperKG and on a cluster given by address; a worker with another
pipeline is refused."""

import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from kg.build import EngineOptions, extract_to_file
from kg.cli import app
from kg.core.errors import PipelineError
from kg.engines.dask import PipelinePlugin
from tests.kg.test_build import PAPERS

runner = CliRunner()


@pytest.fixture(scope="module")
def cluster():
    """An external cluster, as `dask-scheduler` + `dask-worker --nthreads 2` would give."""
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                      dashboard_address=None) as local:
        yield local


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
