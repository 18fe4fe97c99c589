"""No secret in any output: passwords holding `/ # ? @ :` in NEO4J_URI, NEO4J_PASSWORD and
FALKORDB_URL, through the real command line (a real FalkorDB that requires the password, a Neo4j
port nothing listens on), grepped for in stdout, stderr and every file the runs write."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.stores.falkordb_local import LocalFalkorDB, free_port
from tests.conftest import FIXTURES, ROOT

# Each password is made of fragments that cannot occur by chance, around the characters that
# break naive URL parsing; a leaked fragment means a leaked (part of a) password.
FALKOR_SECRET = "FalkAlpha7/FalkBravo8#FalkCharlie9?FalkDelta0@FalkEcho1:FalkFox2"
NEO4J_URI_SECRET = "UriAlpha7/UriBravo8#UriCharlie9?UriDelta0@UriEcho1:UriFox2"
NEO4J_PASSWORD = "PwdAlpha7/PwdBravo8#PwdCharlie9?PwdDelta0@PwdEcho1:PwdFox2"
WRONG_SECRET = "WrongAlpha7/WrongBravo8#WrongCharlie9?WrongDelta0@WrongEcho1:WrongFox2"
SECRETS = (FALKOR_SECRET, NEO4J_URI_SECRET, NEO4J_PASSWORD, WRONG_SECRET)
FRAGMENTS = [fragment for secret in SECRETS
             for fragment in secret.replace("/", " ").replace("#", " ").replace("?", " ")
             .replace("@", " ").replace(":", " ").split()]


def leaks(text: str) -> list[str]:
    forms = {form for secret in SECRETS for form in (secret, quote(secret), quote(secret, safe=""))}
    return [piece for piece in (*forms, *FRAGMENTS) if piece in text]


@pytest.fixture(scope="module")
def secured_falkordb():
    with LocalFalkorDB(password=FALKOR_SECRET) as server:
        yield server


def kg(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("FALKORDB_", "NEO4J_"))}
    return subprocess.run([str(Path(sys.executable).parent / "kg"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=180, env={**environment, **env})


def test_no_password_appears_in_any_output(secured_falkordb, tmp_path):
    down = free_port()
    falkor_url = f"redis://:{FALKOR_SECRET}@127.0.0.1:{secured_falkordb.port}"
    everything = {"NEO4J_URI": f"bolt://neo4j:{NEO4J_URI_SECRET}@127.0.0.1:{down}",
                  "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": NEO4J_PASSWORD, "FALKORDB_URL": falkor_url}
    out = tmp_path / "out"
    bad_input = tmp_path / "in.jsonl"
    bad_input.write_text((FIXTURES / "cli_papers.jsonl").read_text() + "not json\n")
    runs = {
        "build": kg("build", str(bad_input), "-o", str(out), **everything),
        "load falkordb": kg("load", "falkordb", "--from", str(out), **everything),  # with progress
        "wrong password": kg("load", "falkordb", "--from", str(out), **{
            **everything, "FALKORDB_URL": f"redis://:{WRONG_SECRET}@127.0.0.1:{secured_falkordb.port}"}),
        "falkordb down": kg("load", "falkordb", "--from", str(out), **{
            **everything, "FALKORDB_URL": f"redis://:{FALKOR_SECRET}@127.0.0.1:{down}"}),
        "neo4j down": kg("load", "neo4j", "--from", str(out), **everything),
        "neo4j down, password in the URI only": kg("load", "neo4j", "--from", str(out),
                                                   NEO4J_URI=everything["NEO4J_URI"]),
    }
    malformed = {"port": ":99999", "name port": ":bolt", "IPv6": "[::1", "scheme": None}
    for name, tail in malformed.items():
        for variable, secret, scheme in (("NEO4J_URI", NEO4J_URI_SECRET, "bolt"),
                                         ("FALKORDB_URL", FALKOR_SECRET, "redis")):
            value = (f"http://user:{secret}@127.0.0.1:1" if tail is None
                     else f"{scheme}://user:{secret}@" + ("" if tail.startswith("[") else "127.0.0.1") + tail)
            target = "neo4j" if variable == "NEO4J_URI" else "falkordb"
            runs[f"{variable} {name}"] = kg("load", target, "--from", str(out), **{**everything, variable: value})
    expected = {"build": 0, "load falkordb": 0}
    for name, run in runs.items():
        assert run.returncode == expected.get(name, 1), (name, run.stderr)
        assert "Traceback" not in run.stderr, (name, run.stderr)
        if run.returncode:
            code = "KG007" if "down" in name or "wrong" in name else "KG008"
            assert run.stderr.startswith(f"error[{code}]") and run.stderr.count("\n") == 1, (name, run.stderr)
        assert not leaks(run.stdout + run.stderr), (name, leaks(run.stdout + run.stderr))
    assert "rows/s" in runs["load falkordb"].stdout
    written = [path for path in out.rglob("*") if path.is_file()]
    assert {path.name for path in written} >= {"graph.json", "graph.graphml", "rejects.jsonl", "cache.sqlite"}
    for path in written:
        assert not leaks(path.read_bytes().decode("utf-8", "replace")), path
