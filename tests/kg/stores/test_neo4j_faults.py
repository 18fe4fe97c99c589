"""Neo4j faults against the real server: a wrong password, a server down at start, an unreachable
host and a server stopped half way through a load each end `kg load neo4j` with one
`error[KG007]` line and exit code 1; a re-run after the server is back completes the load; the
password is in no output, log or command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.exports.node_link import read_graph
from kg.stores import neo4j_store
from kg.stores.falkordb_local import free_port
from tests.kg.stores.conftest import connect_neo4j, snapshot
from tests.kg.stores.neo4j_local import USER
from tests.kg.stores.test_load_cli import kg

UNRESOLVABLE = "bolt://paperkg-test.invalid:7687"  # .invalid never resolves (RFC 6761)


def assert_one_error_line(run, password: str) -> str:
    """exit 1, stderr exactly one `error[KG007]` line, the password nowhere; returns the line."""
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert run.stderr.startswith("error[KG007]: Neo4j at ") and run.stderr.count("\n") == 1, run.stderr
    assert "Traceback" not in output and password not in output
    return run.stderr.strip()


def test_wrong_password(neo4j_server, original_dir):
    run = kg("load", "neo4j", "--from", str(original_dir), NEO4J_URI=neo4j_server.uri, NEO4J_USER=USER,
             NEO4J_PASSWORD="not-the-password-42")
    line = assert_one_error_line(run, "not-the-password-42")
    assert "unauthorized" in line.lower() and neo4j_server.uri in line
    assert_password_kept_secret(neo4j_server, "not-the-password-42")


def test_server_down_at_start(original_dir):
    uri = f"bolt://127.0.0.1:{free_port()}"
    run = kg("load", "neo4j", "--from", str(original_dir), NEO4J_URI=uri, NEO4J_USER=USER,
             NEO4J_PASSWORD="sekrit-password-1")
    assert uri in assert_one_error_line(run, "sekrit-password-1")


def test_unreachable_host(original_dir):
    run = kg("load", "neo4j", "--from", str(original_dir), NEO4J_URI=UNRESOLVABLE, NEO4J_USER=USER,
             NEO4J_PASSWORD="sekrit-password-1")
    line = assert_one_error_line(run, "sekrit-password-1")
    assert "paperkg-test.invalid:7687" in line


@pytest.fixture
def short_retries(monkeypatch):
    """The driver retries a lost transaction for MAX_RETRY_SECONDS (60) so a load survives a server
    restart; a test that keeps the server down waits 3 seconds instead."""
    monkeypatch.setattr(neo4j_store, "MAX_RETRY_SECONDS", 3.0)


def test_server_stopped_half_way_then_rerun(neo4j_server, seeds_dir, short_retries, monkeypatch):
    """`kg load neo4j` (typer's CliRunner, in process) on the seeds graph; the server is stopped
    (SIGTERM) when the first relationship batch starts, after every node is written; the load
    fails with one line; the server comes back on the same data; the same command completes it."""
    connect_neo4j(neo4j_server).wipe()
    merge_relationships = neo4j_store.Neo4jStore.merge_relationships
    stopped = []

    def stop_server_first(self, *args):
        if not stopped:
            neo4j_server.stop()
            stopped.append(True)
        return merge_relationships(self, *args)

    monkeypatch.setattr(neo4j_store.Neo4jStore, "merge_relationships", stop_server_first)
    runner = CliRunner()
    arguments = ["load", "neo4j", "--from", str(seeds_dir), "--batch-size", "500", "--quiet"]
    failed = runner.invoke(app, arguments, env=neo4j_server.environment())
    assert stopped and failed.exit_code == 1, failed.output
    assert failed.stderr.startswith("error[KG007]: Neo4j at ") and failed.stderr.count("\n") == 1
    assert neo4j_server.password not in failed.output

    neo4j_server.start()
    monkeypatch.setattr(neo4j_store.Neo4jStore, "merge_relationships", merge_relationships)
    half = connect_neo4j(neo4j_server)
    papers = half.query("MATCH (p:Paper) RETURN count(p) AS n")[0]["n"]
    assert papers > 500 and half.query("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"] == 0
    rerun = runner.invoke(app, arguments, env=neo4j_server.environment())
    assert rerun.exit_code == 0, rerun.output
    assert snapshot(half.read()) == snapshot(read_graph(seeds_dir))
    half.close()
    assert_password_kept_secret(neo4j_server, neo4j_server.password)


def assert_password_kept_secret(server, password: str) -> None:
    """Not in anything the server wrote (stdout, stderr, debug/security/http/query logs) nor in
    the command line of its JVM: the launcher takes it from the environment."""
    files = server.output_files
    assert any(path.name == "security.log" for path in files)
    for path in files:
        assert password not in path.read_text(errors="replace"), path
    command_line = Path(f"/proc/{server.process.pid}/cmdline").read_bytes().decode(errors="replace")
    assert "Neo4jServer" in command_line and password not in command_line
