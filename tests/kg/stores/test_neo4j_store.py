"""The Neo4j writer without a Neo4j server: a recording driver pins the exact statements and
parameters it sends (the statements the linter validated), and the real driver's failures
against a closed port become one-line errors."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kg.core.errors import MissingCredentials, StoreUnavailable
from kg.core.schema import NODE_LABELS, SCHEMA_RELATIONSHIPS
from kg.stores import cypher
from kg.stores.base import ORPHAN_RULES, OWNED_RELATIONSHIPS
from kg.stores.falkordb_local import free_port
from kg.stores.neo4j_store import Neo4jStore

_NO_CHANGES = SimpleNamespace(nodes_created=0, nodes_deleted=0, relationships_created=0,
                              relationships_deleted=0, properties_set=0)


class _Result:
    def __init__(self, statement: str):
        self._records = [{"deleted": 0}] if statement == cypher.WIPE_BATCH else []

    def __iter__(self):
        return iter(SimpleNamespace(data=lambda record=record: record) for record in self._records)

    def consume(self):
        return SimpleNamespace(counters=_NO_CHANGES)


class _Recorder:
    """Driver, session and transaction in one: logs (kind, statement, parameters, database)."""

    def __init__(self):
        self.sent: list[tuple[str, str, dict, str | None]] = []
        self.database = None

    def verify_connectivity(self):
        return None

    def session(self, database=None):
        self.database = database
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute_write(self, work, *args):
        return work(SimpleNamespace(run=self._recorder("managed")), *args)

    def run(self, statement, parameters=None):
        return self._recorder("auto-commit")(statement, parameters)

    def _recorder(self, kind):
        def run(statement, parameters=None):
            self.sent.append((kind, statement, dict(parameters or {}), self.database))
            return _Result(statement)
        return run

    def close(self):
        return None


@pytest.fixture
def recorded(original):
    driver = _Recorder()
    Neo4jStore(driver, database="papers").write(original, batch_size=10, wipe=True)
    return driver.sent


def test_sends_only_linted_statements_with_their_parameters(recorded):
    linted = dict(cypher.writer_statements())
    for _, statement, parameters, _ in recorded:
        assert statement in linted
        assert sorted(parameters) == sorted(linted[statement])


def _phase(statement: str) -> int:
    """0 wipe, 1 schema, 2 nodes, 3 relationships, 4 prune, 5 orphans."""
    phases = [{cypher.WIPE_BATCH}, set(cypher.NEO4J_SCHEMA),
              {cypher.merge_nodes(label) for label in NODE_LABELS},
              {cypher.merge_relationships(*rel) for rel in SCHEMA_RELATIONSHIPS},
              {cypher.prune_owned(label) for label in OWNED_RELATIONSHIPS},
              {cypher.delete_orphans(label) for label, _ in ORPHAN_RULES}]
    return next(number for number, statements in enumerate(phases) if statement in statements)


def test_order_wipe_schema_nodes_relationships_prune_orphans(recorded):
    phases = [_phase(statement) for _, statement, _, _ in recorded]
    assert phases == sorted(phases)
    assert set(phases) == {0, 1, 2, 3, 4, 5}
    schema = [statement for _, statement, _, _ in recorded if _phase(statement) == 1]
    assert schema == list(cypher.NEO4J_SCHEMA)


def test_data_goes_in_managed_transactions_schema_in_auto_commit(recorded):
    for kind, statement, _, database in recorded:
        assert database == "papers"
        assert kind == ("auto-commit" if statement in cypher.NEO4J_SCHEMA else "managed")


def test_parameters_carry_the_graph(recorded, original):
    node_rows = [row for _, statement, parameters, _ in recorded if "MERGE (n:" in statement
                 for row in parameters["rows"]]
    assert {row["id"]: row["props"] for row in node_rows} == {
        node: {k: v for k, v in attrs.items() if k != "type"}
        for node, attrs in original.nodes(data=True)}
    sent_relationships = {(row["source"], row["target"], statement.split("[r:")[1].split("]")[0])
                          for _, statement, parameters, _ in recorded if "MERGE (a)-" in statement
                          for row in parameters["rows"]}
    assert sent_relationships == set(original.edges(keys=True))
    assert all(len(parameters.get("rows", ())) <= 10 for _, _, parameters, _ in recorded)


def test_missing_credentials(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    with pytest.raises(MissingCredentials, match="NEO4J_URI"):
        Neo4jStore.from_env()


def test_server_down_is_one_line_without_the_password(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "hunter2-secret")
    with pytest.raises(StoreUnavailable) as caught:
        Neo4jStore.from_env()
    message = str(caught.value)
    assert message.startswith("error[KG007]: Neo4j at bolt://127.0.0.1:")
    assert "\n" not in message and "hunter2" not in message
