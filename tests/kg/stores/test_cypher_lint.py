"""Every statement the writers send and every file under cypher/ passes Neo4j's own parser and
semantic analyser (@neo4j-cypher/language-support, run by tools/cypher-lint/lint.mjs)."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from kg.core.schema import NODE_LABELS, REL_TYPES
from kg.stores import cypher
from kg.stores.saved_queries import declared_parameters
from tests.conftest import ROOT, unavailable

LINTER = ROOT / "tools" / "cypher-lint"
CYPHER_FILES = sorted((ROOT / "cypher").rglob("*.cypher"))


def _require_linter() -> str:
    """node with the pinned package installed (`make test` runs npm ci); a failure in CI."""
    node = shutil.which("node")
    if node is None:
        unavailable("the Cypher linter", "Node.js is not installed")
    if not (LINTER / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        unavailable("the Cypher linter", f"the linter is not installed (run `npm ci --prefix {LINTER}`)")
    return node


def lint(items: list[dict]) -> dict[str, list[dict]]:
    """Diagnostics by item name, for items {name, statement, parameters?}: one node process
    (it takes seconds to start)."""
    node = _require_linter()
    payload = {"schema": {"labels": list(NODE_LABELS), "relationshipTypes": list(REL_TYPES)},
               "statements": items}
    run = subprocess.run([node, str(LINTER / "lint.mjs"), "--json"], input=json.dumps(payload),
                         capture_output=True, text=True, timeout=300, check=True)
    return {result["name"]: result["diagnostics"] for result in json.loads(run.stdout)}


CANARIES: list[dict[str, Any]] = [
    {"name": "canary typo", "statement": "MATCH (n) RETRN n", "parameters": []},
    {"name": "canary unbound", "statement": "MATCH (n) RETURN m", "parameters": []},
    {"name": "canary parameter", "statement": "// :param x => 1\nMATCH (n) WHERE n.id = $y RETURN n"},
    {"name": "canary fine", "statement": "// :param y => 1\nMATCH (n) WHERE n.id = $y RETURN n"},
]


@pytest.fixture(scope="module")
def diagnostics() -> dict[str, list[dict]]:
    """Everything linted in one go: canaries, writer statements, files (with the parameters their
    `// :param` headers declare, as Browser and cypher-shell would have them set)."""
    items: list[dict[str, Any]] = [*CANARIES,
             *({"name": statement, "statement": statement, "parameters": list(parameters)}
               for statement, parameters in cypher.writer_statements()),
             *({"name": str(path), "statement": path.read_text(encoding="utf-8"),
                "parameters": list(declared_parameters(path.read_text(encoding="utf-8"), str(path)))}
               for path in CYPHER_FILES)]
    return lint(items)


def test_the_linter_reports_errors(diagnostics):
    """The check can fail: a typo, an unknown variable and an undeclared parameter are caught."""
    assert diagnostics["canary typo"] and diagnostics["canary unbound"]
    assert diagnostics["canary parameter"]
    assert diagnostics["canary fine"] == []


def test_every_writer_statement_is_valid_neo4j_cypher(diagnostics):
    statements = [statement for statement, _ in cypher.writer_statements()]
    assert len(statements) > 40
    assert {s: diagnostics[s] for s in statements if diagnostics[s]} == {}


@pytest.mark.parametrize("path", CYPHER_FILES, ids=lambda path: path.name)
def test_every_cypher_file_is_valid_neo4j_cypher(diagnostics, path):
    assert diagnostics[str(path)] == []


def test_saved_queries_say_what_they_answer():
    queries = sorted((ROOT / "cypher" / "queries").glob("*.cypher"))
    assert len(queries) >= 12
    for path in queries:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("// ") and len(first) > 20, path.name


@pytest.mark.parametrize("name", sorted(cypher.MIRROR_FILES))
def test_cypher_files_mirror_the_module(name):
    path = ROOT / "cypher" / name
    assert path.read_text(encoding="utf-8") == cypher.mirror_script(name), (
        f"{path} is out of date: rewrite it with kg.stores.cypher.mirror_script({name!r})")
