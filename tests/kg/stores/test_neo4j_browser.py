"""The README's "graph in Neo4j Browser" section, followed word for word from `kg load neo4j` on,
against the test server: its load command run by bash with a .env made from .env.example; Neo4j
Browser in headless Chromium (Debian's chromium driven by playwright-core): log in, run the
README's `:param` line, paste the saved query, read the result table; its cypher-shell line. The
Browser screenshot is kept at test-artifacts/neo4j/browser-leaderboard.png (or under $PAPERKG_ARTIFACTS;
git-ignored)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.stores.saved_queries import QUERIES_DIR, SavedQuery, parameter_values
from tests.browser import run_browser_script
from tests.conftest import ARTIFACTS, ROOT
from tests.kg.stores.conftest import connect_neo4j
from tests.kg.stores.neo4j_local import SERVER_DIR

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION_START = README.index("## The graph in Neo4j Browser")
SECTION = README[SECTION_START:README.index("\n## ", SECTION_START + 1)]
SCREENSHOT = ARTIFACTS / "neo4j" / "browser-leaderboard.png"
BROWSER_SCRIPT = Path(__file__).with_name("neo4j_browser.mjs")


def readme_line(pattern: str) -> str:
    """The one line of the section's code blocks that matches, without its trailing comment."""
    blocks = re.findall(r"```[a-z]*\n(.*?)```", SECTION, re.DOTALL)
    lines = [line for block in blocks for line in block.splitlines() if re.search(pattern, line)]
    assert len(lines) == 1, lines
    return re.sub(r"\s+#[^'\"]*$", "", lines[0]).strip()


@pytest.fixture(scope="module")
def loaded_as_the_readme_says(neo4j_server, seeds_dir, tmp_path_factory):
    """A directory laid out as a checkout after `make demo` (kg-out/, .venv/, .env from
    .env.example with the server's address and password), and the README's load line run there."""
    home = tmp_path_factory.mktemp("readme")
    (home / "kg-out").symlink_to(seeds_dir)
    (home / ".venv").symlink_to(Path(sys.executable).parent.parent)
    settings = {"NEO4J_URI": f"neo4j://127.0.0.1:{neo4j_server.bolt_port}",
                "NEO4J_PASSWORD": neo4j_server.password}
    lines = [f"{line.split('=')[0]}={settings[line.split('=')[0]]}" if line.split("=")[0] in settings else line
             for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()]
    (home / ".env").write_text("\n".join(lines) + "\n", encoding="utf-8")
    command = readme_line(r"kg load neo4j")
    connect_neo4j(neo4j_server).wipe()
    load = subprocess.run(["bash", "-c", command], cwd=home, capture_output=True, text=True,
                          timeout=900, env={"PATH": "/usr/bin:/bin", "HOME": str(home)})
    assert load.returncode == 0, load.stderr
    assert neo4j_server.password not in load.stdout + load.stderr
    return load


def test_the_readme_load_command_writes_the_graph(loaded_as_the_readme_says, neo4j_server):
    assert "kg load neo4j" in loaded_as_the_readme_says.stdout
    store = connect_neo4j(neo4j_server)
    assert store.query("MATCH (p:Paper) RETURN count(p) AS papers")[0]["papers"] > 500
    store.close()


def shown(value) -> str:
    """A value as Browser's table shows it: strings in double quotes as they are (no escaping),
    floats with a point, null."""
    if value is None:
        return "null"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(shown(item) for item in value) + "]"
    return f'"{value}"' if isinstance(value, str) else str(value)


def test_browser_runs_a_saved_query_with_its_param_line(loaded_as_the_readme_says, neo4j_server):
    param_line = readme_line(r"^:param ")
    query = SavedQuery.read(QUERIES_DIR / "leaderboard.cypher")
    assert f"// {param_line}" in (QUERIES_DIR / "leaderboard.cypher").read_text()  # README = file header
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    browser = run_browser_script(BROWSER_SCRIPT, neo4j_server.http_url + "/", str(QUERIES_DIR / "leaderboard.cypher"),
                                 str(SCREENSHOT), param_line, timeout=600,
                                 env={"NEO4J_PASSWORD": neo4j_server.password})
    assert browser.returncode == 0, browser.stderr[-3000:]
    table = json.loads(browser.stdout)
    print(f"Neo4j Browser screenshot: {SCREENSHOT}")

    store = connect_neo4j(neo4j_server)
    expected = store.query(query.statement, parameter_values(query, store.query))
    store.close()
    assert table["url"].endswith("/browser/")  # the server's root sends a web browser to Browser
    assert table["columns"] == list(expected[0])
    assert table["rows"] == [[shown(value) for value in record.values()] for record in expected]
    assert table["status"].startswith(f"Started streaming {len(expected)} record")
    assert len(expected) >= 5 and SCREENSHOT.stat().st_size > 10_000


def test_the_readme_cypher_shell_line(loaded_as_the_readme_says, neo4j_server, tmp_path):
    """The README's cypher-shell command, run by bash with cypher-shell 5.26 from Maven Central
    (`make neo4j-server`) in place of the container's (no Docker engine here): the part after
    `docker compose exec -T -e NEO4J_PASSWORD neo4j` word for word, the server's address in
    NEO4J_URI and its password in NEO4J_PASSWORD, as `-e` passes it into the container."""
    command = " ".join(line.rstrip("\\").strip() for line in re.search(
        r"\n(docker compose exec[^\n]*cypher-shell[^\n]*\\\n[^\n]*)\n", SECTION)[1].splitlines())
    prefix = "docker compose exec -T -e NEO4J_PASSWORD neo4j "
    assert command.startswith(prefix + "cypher-shell ")
    assert "NEO4J_PASSWORD" not in command.removeprefix(prefix)  # read from the environment: a
    # password on the command line shows in `ps`, and one starting with "-" reads as an option
    shell = tmp_path / "cypher-shell"
    shell.write_text(f"#!/bin/sh\nexec java -cp '{SERVER_DIR / 'target' / 'cypher-shell' / '*'}' "
                     f"org.neo4j.shell.Main \"$@\"\n")
    shell.chmod(0o755)
    run = subprocess.run(["bash", "-c", command.removeprefix(prefix)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300,
                         env={"PATH": f"{tmp_path}:/usr/bin:/bin", "NEO4J_URI": neo4j_server.uri,
                              "NEO4J_PASSWORD": neo4j_server.password})
    assert run.returncode == 0, run.stderr
    query = SavedQuery.read(QUERIES_DIR / "leaderboard.cypher")
    store = connect_neo4j(neo4j_server)
    expected = store.query(query.statement, {"dataset": "GSM8K"})
    store.close()
    lines = run.stdout.splitlines()
    assert lines[0] == ", ".join(expected[0]) and len(lines) == 1 + len(expected)
    assert all(f'"{record["paper"]}"' in line for record, line in zip(expected, lines[1:], strict=True))
