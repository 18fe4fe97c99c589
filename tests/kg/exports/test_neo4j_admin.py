"""`kg export --format neo4j-admin`: typed CSV headers, every row, and the import script."""

import csv

from typer.testing import CliRunner

from kg.cli import app
from kg.exports.node_link import read_graph
from kg.outputs import MARKER_NAME
from tests.conftest import FIXTURES

runner = CliRunner()
ORIGINAL = FIXTURES / "stores" / "original"


def test_export_neo4j_admin_headers(tmp_path):
    original = read_graph(ORIGINAL)
    run = runner.invoke(app, ["export", "--format", "neo4j-admin", "--from", str(ORIGINAL),
                              "-o", str(tmp_path)])
    assert run.exit_code == 0, run.output
    papers = list(csv.reader(open(tmp_path / "nodes" / "Paper.csv", encoding="utf-8")))
    assert papers[0][:2] == ["id:ID", ":LABEL"]
    header = dict(column.split(":", 1) for column in papers[0][2:])
    assert header["year"] == "int" and header["authors"] == "string[]" and header["title"] == "string"
    row = dict(zip([column.split(":")[0] for column in papers[0]], papers[1], strict=True))
    first = original.nodes[row["id"]]
    assert row["authors"].split(";") == first["authors"] and row["abstract"] == first["abstract"]
    uses = list(csv.reader(open(tmp_path / "relationships" / "USES.csv", encoding="utf-8")))
    assert uses[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert {"count:int", "score:double", "evidence:string"} <= set(uses[0])
    assert {(u, v) for u, v, _, *_ in uses[1:]} == {
        (u, v) for u, v, key in original.edges(keys=True) if key == "USES"}
    script = (tmp_path / "neo4j-admin-import.sh").read_text()
    assert "neo4j-admin database import full" in script
    assert script.count("--nodes=") == len({a["type"] for _, a in original.nodes(data=True)})
    assert "--relationships=relationships/USES.csv" in script
    assert run.output.count("wrote") == len([path for path in tmp_path.rglob("*.*") if path.name != MARKER_NAME])
