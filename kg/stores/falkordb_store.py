"""FalkorDB through its native (RESP) protocol and the `falkordb` client.

Not through its Bolt endpoint: that one crashes on parameter payloads of a few KB, and a load
sends megabytes per batch. Each statement is atomic on the server, so a batch is all or nothing.
"""

from __future__ import annotations

import os
from collections import Counter
from urllib.parse import urlsplit

from kg.core.errors import MissingCredentials, StoreUnavailable
from kg.stores import cypher
from kg.stores.cypher_store import CypherStore

DEFAULT_GRAPH = "paperkg"
URL_VARIABLE = "FALKORDB_URL"
_COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
             "properties_set", "properties_removed")


def server_address(url: str) -> str:
    """host:port of a FalkorDB URL, for messages: never the password in it."""
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}"


class FalkorDBStore(CypherStore):
    name = "falkordb"
    schema = cypher.FALKORDB_SCHEMA

    def __init__(self, url: str, graph: str = DEFAULT_GRAPH):
        import redis.exceptions
        from falkordb import FalkorDB

        self._unavailable = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError,
                             redis.exceptions.AuthenticationError,
                             redis.exceptions.AuthorizationError,
                             redis.exceptions.NoPermissionError)
        self._response_error = redis.exceptions.ResponseError
        self.address = server_address(url)
        self.graph_name = graph
        try:
            self._db = FalkorDB.from_url(url)
            self._db.connection.ping()
        except self._unavailable as exc:
            raise self._error(exc) from None
        self._graph = self._db.select_graph(graph)

    @classmethod
    def from_env(cls, graph: str | None = None) -> FalkorDBStore:
        url = os.environ.get(URL_VARIABLE)
        if not url:
            raise MissingCredentials(f"set {URL_VARIABLE} (e.g. redis://localhost:6379) to load into FalkorDB")
        return cls(url, graph or DEFAULT_GRAPH)

    def _error(self, exc: Exception) -> StoreUnavailable:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return StoreUnavailable(f"FalkorDB at {self.address} is unavailable: {reason}")

    def _run(self, statement: str, parameters: dict) -> tuple[list[dict], Counter]:
        try:
            result = self._graph.query(statement, parameters)
        except self._unavailable as exc:
            raise self._error(exc) from None
        columns = [column[1] for column in result.header]
        records = [dict(zip(columns, row)) for row in result.result_set]
        changes = Counter({name: int(getattr(result, name)) for name in _COUNTERS})
        return records, +changes

    def _run_schema(self, statement: str) -> None:
        try:
            self._run(statement, {})
        except self._response_error as exc:
            if "already indexed" not in str(exc):
                raise

    def close(self) -> None:
        self._db.connection.close()
