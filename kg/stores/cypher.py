"""Every Cypher statement PaperKG sends to a server, in one place.

Labels and relationship types cannot be parameters in Cypher, so they are formatted into the
statements, but only from the fixed schema (`kg.core.schema.NODE_LABELS` / `REL_TYPES`); every value
is a parameter. The same statements run on Neo4j and FalkorDB except the schema DDL: Neo4j gets
uniqueness constraints on `id` (which also index it) and named `IF NOT EXISTS` indexes, FalkorDB
(no constraints in Cypher, no `IF NOT EXISTS`) gets plain range indexes and the store ignores
"already indexed". cypher/schema.cypher, cypher/schema.falkordb.cypher and cypher/load.cypher
mirror these lists; the tests lint all of them with Neo4j's own parser and run them on a real
FalkorDB.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.core.schema import ENTITY_LABELS, NODE_LABELS, REL_TYPES, SCHEMA_RELATIONSHIPS
from kg.stores.base import ORPHAN_RULES, OWNED_RELATIONSHIPS

# Labels whose nodes are looked up by name (saved queries, Browser search).
NAMED_LABELS: tuple[str, ...] = ("Author", *ENTITY_LABELS, "ModelFamily")



def _label(name: str) -> str:
    if name not in NODE_LABELS:
        raise ValueError(f"{name!r} is not a node label of the schema")
    return name


def _rel_type(name: str) -> str:
    if name not in REL_TYPES:
        raise ValueError(f"{name!r} is not a relationship type of the schema")
    return name


def merge_nodes(label: str) -> str:
    """Create or replace the nodes of `$rows` ({id, props}); props carry id too, so `SET n =`
    drops properties the graph no longer has and keeps the key."""
    return f"UNWIND $rows AS row MERGE (n:{_label(label)} {{id: row.id}}) SET n = row.props"


def merge_relationships(source: str, rel_type: str, target: str) -> str:
    """Create or replace the relationships of `$rows` ({source, target, props}) between existing
    nodes; the endpoint labels make both lookups index seeks."""
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{_label(source)} {{id: row.source}}) "
            f"MATCH (b:{_label(target)} {{id: row.target}}) "
            f"MERGE (a)-[r:{_rel_type(rel_type)}]->(b) SET r = row.props")


def prune_owned(label: str) -> str:
    """Delete the relationships owned by the nodes of `$rows` ({id, keep}) that are not in keep
    (`TYPE|other id` keys): what a re-extracted paper no longer says."""
    direction, only_type = OWNED_RELATIONSHIPS[label]
    rel = f"[r:{_rel_type(only_type)}]" if only_type else "[r]"
    pattern = f"-{rel}->" if direction == "out" else f"-{rel}-"
    return (f"UNWIND $rows AS row MATCH (n:{_label(label)} {{id: row.id}}){pattern}(x) "
            f"WHERE NOT (type(r) + '|' + x.id) IN row.keep DELETE r")


def delete_orphans(label: str) -> str:
    """Delete the nodes of `label` left with no relationship (see `ORPHAN_RULES`), except the ids
    in `$keep` (nodes the graph itself holds that way)."""
    direction = dict(ORPHAN_RULES)[label]
    pattern = "()-->(n)" if direction == "in" else "(n)-->()"
    return f"MATCH (n:{_label(label)}) WHERE NOT {pattern} AND NOT n.id IN $keep DETACH DELETE n"


WIPE_BATCH = "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted"
READ_NODES = "MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props"
READ_RELATIONSHIPS = ("MATCH (a)-[r]->(b) "
                      "RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props")

NEO4J_SCHEMA: tuple[str, ...] = (
    *(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
      f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" for label in NODE_LABELS),
    *(f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)"
      for label in NAMED_LABELS),
    "CREATE INDEX paper_year IF NOT EXISTS FOR (n:Paper) ON (n.year)",
    "CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract]",
)

FALKORDB_SCHEMA: tuple[str, ...] = (
    *(f"CREATE INDEX FOR (n:{label}) ON (n.id)" for label in NODE_LABELS),
    *(f"CREATE INDEX FOR (n:{label}) ON (n.name)" for label in NAMED_LABELS),
    "CREATE INDEX FOR (n:Paper) ON (n.year)",
)


def _load_statements() -> Iterator[tuple[str, tuple[str, ...]]]:
    """(statement, parameter names) of the load steps, in load order."""
    for label in NODE_LABELS:
        yield merge_nodes(label), ("rows",)
    for relationship in SCHEMA_RELATIONSHIPS:
        yield merge_relationships(*relationship), ("rows",)
    for label in OWNED_RELATIONSHIPS:
        yield prune_owned(label), ("rows",)
    for label, _ in ORPHAN_RULES:
        yield delete_orphans(label), ("keep",)


LOAD_STATEMENTS: tuple[str, ...] = tuple(statement for statement, _ in _load_statements())

# cypher/<file>: (header lines, statements): the module's statements as files a person can read.
MIRROR_FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "schema.cypher": (("PaperKG schema for Neo4j 5: `kg load neo4j` runs these statements first.",),
                      NEO4J_SCHEMA),
    "schema.falkordb.cypher": (("PaperKG schema for FalkorDB (no constraints, no IF NOT EXISTS):",
                                "`kg load falkordb` runs these first and ignores 'already indexed'."),
                               FALKORDB_SCHEMA),
    "load.cypher": (("The statements `kg load` sends after the schema, in this order, once per batch",
                     "of rows. A reference, not a script to run by hand.",
                     ":param rows => []", ":param keep => []"),
                    LOAD_STATEMENTS),
}


def mirror_script(file_name: str) -> str:
    """The text of cypher/<file_name>: its header, then the statements `;`-terminated."""
    header, statements = MIRROR_FILES[file_name]
    lines = [*header, "Generated from kg/stores/cypher.py; a test keeps this file equal to it."]
    return "".join(f"// {line}\n" for line in lines) + "".join(f"{s};\n" for s in statements)


def writer_statements() -> Iterator[tuple[str, tuple[str, ...]]]:
    """(statement, parameter names) for everything the writers can send: what the linter checks."""
    for statement in (*NEO4J_SCHEMA, *FALKORDB_SCHEMA, READ_NODES, READ_RELATIONSHIPS):
        yield statement, ()
    yield WIPE_BATCH, ("limit",)
    yield from _load_statements()
