"""The reference every engine must reproduce: the in-process engine's lines and graph files."""

import pytest

from kg.build import build_graph, extract_to_file
from tests.kg.test_build import PAPERS


@pytest.fixture(scope="module")
def in_process(tmp_path_factory):
    """Extraction lines and graph files of the in-process engine (`--workers 1`)."""
    out = tmp_path_factory.mktemp("in_process")
    extract_to_file([PAPERS], out / "x.jsonl", show_progress=False)
    build_graph([PAPERS], out / "build", show_progress=False, use_cache=False)
    return {"x.jsonl": (out / "x.jsonl").read_bytes(),
            **{name: (out / "build" / name).read_bytes() for name in ("graph.json", "graph.graphml")}}
