"""`kg export`: every format of the EXPORTS registry writes the built graph and is offered by the
CLI; an unknown format is a usage error."""

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.core.errors import BadOption
from kg.exports import EXPORTS, export_graph
from kg.exports.node_link import read_graph
from tests.conftest import FIXTURES

runner = CliRunner()
ORIGINAL = FIXTURES / "stores" / "original"


def test_every_format_writes_the_graph(tmp_path):
    original = read_graph(ORIGINAL)
    [graphml] = export_graph(ORIGINAL, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(graphml, force_multigraph=True)
    assert sorted(back.edges(data="type")) == sorted(original.edges(keys=True))  # ids are e0, ...
    [node_link] = export_graph(ORIGINAL, "json", tmp_path / "json" / "graph.json")
    assert nx.utils.graphs_equal(read_graph(node_link.parent), original)
    written = export_graph(ORIGINAL, "neo4j-admin", tmp_path / "admin")
    assert {path.parent.name for path in written} == {"nodes", "relationships", "admin"}
    assert list(EXPORTS) == ["graphml", "json", "neo4j-admin"]


def test_an_unknown_format_is_a_usage_error(tmp_path):
    with pytest.raises(BadOption, match="graphml, json, neo4j-admin"):
        export_graph(ORIGINAL, "xml", tmp_path / "g.xml")
    result = runner.invoke(app, ["export", "--format", "xml", "--from", str(ORIGINAL), "-o", "x"])
    assert result.exit_code == 1 and "graphml" in result.output and "neo4j-admin" in result.output
