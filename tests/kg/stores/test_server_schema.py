"""The schema the servers end up with: created by the first load, unchanged by the next ones (every
statement is idempotent), and what the saved queries rely on (unique ids, name indexes, full text)."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError

from kg.core.schema import NODE_LABELS
from kg.stores.cypher import NAMED_LABELS


def neo4j_schema(store) -> tuple[set, set]:
    constraints = {(row["name"], row["type"], tuple(row["labelsOrTypes"]), tuple(row["properties"]))
                   for row in store.query("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties")}
    indexes = {(row["name"], row["type"], tuple(row["labelsOrTypes"] or ()), tuple(row["properties"] or ()),
                row["state"])
               for row in store.query("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state")}
    return constraints, indexes


def test_neo4j_schema_is_created_once(neo4j_store, original):
    for statement in ("DROP INDEX paper_text IF EXISTS", "DROP CONSTRAINT paper_id IF EXISTS"):
        neo4j_store.query(statement)  # the suite's server already had a load: start from less
    neo4j_store.write(original)
    constraints, indexes = neo4j_schema(neo4j_store)
    assert constraints == {(f"{label.lower()}_id", "UNIQUENESS", (label,), ("id",)) for label in NODE_LABELS}
    assert {(f"{label.lower()}_name", "RANGE", (label,), ("name",), "ONLINE") for label in NAMED_LABELS} <= indexes
    assert ("paper_year", "RANGE", ("Paper",), ("year",), "ONLINE") in indexes
    assert ("paper_text", "FULLTEXT", ("Paper",), ("title", "abstract"), "ONLINE") in indexes
    # the constraints' own indexes, Neo4j's two token lookup indexes, nothing else
    assert {row[1] for row in indexes} == {"RANGE", "FULLTEXT", "LOOKUP"}
    assert len(indexes) == len(NODE_LABELS) + len(NAMED_LABELS) + 2 + 2
    neo4j_store.write(original)
    neo4j_store.create_schema()
    assert neo4j_schema(neo4j_store) == (constraints, indexes)


def test_neo4j_refuses_a_duplicate_id(neo4j_store, original):
    """The uniqueness constraints are enforced: the MERGE key cannot be duplicated by hand."""
    neo4j_store.write(original)
    paper = next(node for node, attrs in original.nodes(data=True) if attrs["type"] == "Paper")
    with pytest.raises(ConstraintError, match="already exists"):
        neo4j_store.query("CREATE (:Paper {id: $id})", {"id": paper})


def test_falkordb_indexes_are_created_once(falkordb_store, original):
    falkordb_store.write(original)
    indexes = {(row["label"], tuple(row["properties"])) for row in falkordb_store.query("CALL db.indexes()")}
    assert indexes == {(label, ("id", "name") if label in NAMED_LABELS else ("id", "year") if label == "Paper"
                        else ("id",)) for label in NODE_LABELS}
    falkordb_store.write(original)
    assert {(row["label"], tuple(row["properties"])) for row in falkordb_store.query("CALL db.indexes()")} == indexes
