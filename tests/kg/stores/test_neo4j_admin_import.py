"""The bulk path for real: `kg export --format neo4j-admin` output imported by Neo4j's own
`neo4j-admin database import full` (the admin tool of the same Maven Central jars, run by the
exported neo4j-admin-import.sh as written), then a server started on the imported database: it
holds the graph, with the GraphML's counts."""

from __future__ import annotations

import os
import subprocess
from collections import Counter

from kg.exports.node_link import read_graph
from kg.stores.neo4j_store import Neo4jStore
from tests.kg.stores.conftest import snapshot
from tests.kg.stores.neo4j_local import USER, LocalNeo4j, write_neo4j_admin
from tests.kg.stores.test_load_cli import COUNTS, graphml_counts, kg


def without_empty_lists(graph_snapshot):
    """neo4j-admin reads an empty array cell as no value: a CSV cannot carry an empty list."""
    return tuple({key: {name: value for name, value in props.items() if value != []}
                  for key, props in part.items()} for part in graph_snapshot)


def test_exported_csvs_import_with_the_graphml_counts(neo4j_jars, seeds_dir, tmp_path):
    exported = kg("export", "--format", "neo4j-admin", "--from", str(seeds_dir), "-o", str(tmp_path / "kg-import"))
    assert exported.returncode == 0, exported.stderr
    (tmp_path / "bin").mkdir()
    write_neo4j_admin(tmp_path / "bin")
    server = LocalNeo4j(directory=tmp_path / "server", fast_start=True)
    server.home.mkdir(parents=True)
    imported = subprocess.run(["sh", str(tmp_path / "kg-import" / "neo4j-admin-import.sh")], capture_output=True,
                              text=True, timeout=900,
                              env={**os.environ, "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}",
                                   "NEO4J_HOME": str(server.home)})
    assert imported.returncode == 0, imported.stdout[-3000:] + imported.stderr[-3000:]
    assert "IMPORT DONE" in imported.stdout and "bad entries" not in imported.stdout.lower()
    with server:
        store = Neo4jStore.connect(server.uri, USER, server.password)
        nodes, edges = (Counter({row[0]: row[1] for row in map(tuple, (r.values() for r in store.query(q)))})
                        for q in COUNTS)
        assert (nodes, edges) == graphml_counts(seeds_dir)
        assert without_empty_lists(snapshot(store.read())) == without_empty_lists(snapshot(read_graph(seeds_dir)))
        store.close()
