"""`kg export --format neo4j-admin`: CSVs for `neo4j-admin database import full`, the offline
bulk importer, for graphs too big to load through transactions.

One node file per label (`id:ID`, `:LABEL`, typed property columns) and one relationship file per
type (`:START_ID`, `:END_ID`, `:TYPE`, typed columns); lists are `;`-joined into `type[]` columns.
Beside them, neo4j-admin-import.sh holds the exact import command for these files.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kg.outputs import atomic_path
from kg.stores.base import store_properties

ARRAY_DELIMITER = ";"
IMPORT_SCRIPT = "neo4j-admin-import.sh"
_INT32 = range(-(2**31), 2**31)


def _scalar_type(values: list) -> str:
    """The neo4j-admin type of scalar values: int, long, double, boolean or string."""
    if not values or any(isinstance(value, list) for value in values):
        return "string"
    if all(isinstance(value, bool) for value in values):
        return "boolean"
    if any(isinstance(value, bool) or not isinstance(value, (int, float)) for value in values):
        return "string"
    if all(isinstance(value, int) for value in values):
        return "int" if all(value in _INT32 for value in values) else "long"
    return "double"


def column_type(values: list) -> str:
    """A column's type from its values; a column of lists is `type[]` of their items' type."""
    if values and all(isinstance(value, list) for value in values):
        return _scalar_type([item for value in values for item in value]) + "[]"
    return _scalar_type(values)


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_cell(item) for item in value)
    return str(value)


def _write_csv(path: Path, fixed: list[str], rows: list[tuple[list[str], dict]]) -> Path:
    """A CSV with the `fixed` header columns, then one typed column per property key."""
    keys = sorted({key for _, props in rows for key in props})
    types = {key: column_type([props[key] for _, props in rows if key in props]) for key in keys}
    header = fixed + [f"{key}:{types[key]}" for key in keys]
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for fixed_cells, props in rows:
            writer.writerow(fixed_cells + [_cell(props[key]) if key in props else "" for key in keys])
    return path


def _grouped(items: Iterable[tuple[str, tuple[list[str], dict]]]) -> dict[str, list]:
    groups: dict[str, list] = {}
    for name, row in items:
        groups.setdefault(name, []).append(row)
    return dict(sorted(groups.items()))


def write_neo4j_admin(graph: nx.MultiDiGraph, output: Path) -> list[Path]:
    """Write the import CSVs and the import script into directory `output`; returns the files."""
    output = Path(output)
    nodes = _grouped((attrs["type"], ([node, attrs["type"]],
                                      {k: v for k, v in store_properties(attrs).items() if k != "id"}))
                     for node, attrs in graph.nodes(data=True))
    relationships = _grouped((key, ([source, target, key], store_properties(attrs)))
                             for source, target, key, attrs in graph.edges(keys=True, data=True))
    node_files = [_write_csv(output / "nodes" / f"{label}.csv", ["id:ID", ":LABEL"], rows)
                  for label, rows in nodes.items()]
    relationship_files = [
        _write_csv(output / "relationships" / f"{rel_type}.csv", [":START_ID", ":END_ID", ":TYPE"], rows)
        for rel_type, rows in relationships.items()]
    script = output / IMPORT_SCRIPT
    script.write_text(import_script(node_files, relationship_files, output), encoding="utf-8")
    script.chmod(0o755)
    return [*node_files, *relationship_files, script]


def import_command(node_files: list[Path], relationship_files: list[Path], base: Path) -> list[str]:
    """The neo4j-admin arguments, with paths relative to `base`."""
    return (["neo4j-admin", "database", "import", "full", '"${NEO4J_DATABASE:-neo4j}"',
             "--overwrite-destination", f'--array-delimiter="{ARRAY_DELIMITER}"',
             "--multiline-fields=true"]
            + [f"--nodes={path.relative_to(base)}" for path in node_files]
            + [f"--relationships={path.relative_to(base)}" for path in relationship_files])


def import_script(node_files: list[Path], relationship_files: list[Path], base: Path) -> str:
    arguments = import_command(node_files, relationship_files, base)
    return ("#!/bin/sh\n"
            "# Written by `kg export --format neo4j-admin`. Imports these CSVs into a stopped Neo4j,\n"
            "# replacing the database (default neo4j). Run it where neo4j-admin is, e.g.\n"
            "#   docker compose run --rm neo4j sh /import/" + IMPORT_SCRIPT + "\n"
            "set -e\n"
            'cd "$(dirname "$0")"\n'
            + " ".join(arguments[:8]) + " \\\n  " + " \\\n  ".join(arguments[8:]) + "\n")
