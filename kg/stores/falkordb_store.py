"""FalkorDB through its native (RESP) protocol and the `falkordb` client.

Not through its Bolt endpoint: that one crashes on parameter payloads of a few KB, and a load
sends megabytes per batch. Each statement is atomic on the server, so a batch is all or nothing.

FALKORDB_URL is parsed by kg.stores.uris (a password may hold `/ # ? @ :`) and only ever shown
redacted. The client inlines parameters into the query text, which FalkorDB reads up to the first
U+0000: a NUL in any string is therefore stored as U+FFFD, one character for one, so lengths and
offsets stay valid (every other character, control characters included, is stored as it is).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from typing import Any

from kg.core.errors import MalformedSetting, MissingCredentials, StoreUnavailable
from kg.stores import cypher
from kg.stores.base import Changes, Row
from kg.stores.cypher_store import CypherStore
from kg.stores.uris import parse_uri

DEFAULT_GRAPH = "paperkg"
URL_VARIABLE = "FALKORDB_URL"
SCHEMES = ("redis", "rediss", "falkor", "falkors")
REDIS_SCHEMES = {"falkor": "redis", "falkors": "rediss"}
DEFAULT_PORT = 6379
CONNECT_TIMEOUT_SECONDS = 10.0
# A reply may take long: one 2,000-row batch of a 40k-paper graph took over redis-py's 5 s
# default on a loaded machine. A dead server still fails at once (the connection drops).
REPLY_TIMEOUT_SECONDS = 600.0
NUL, NUL_STORED_AS = "\x00", "\ufffd"
_DATABASE_PATH = re.compile(r"^(?:/\d*)?$")
_COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
             "properties_set", "properties_removed")


def storable(value: Any) -> Any:
    """`value` with U+0000 replaced by U+FFFD in every string inside it (see the module docstring)."""
    if isinstance(value, str):
        return value.replace(NUL, NUL_STORED_AS) if NUL in value else value
    if isinstance(value, list):
        return [storable(item) for item in value]
    if isinstance(value, dict):
        return {key: storable(item) for key, item in value.items()}
    return value


class FalkorDBStore(CypherStore):
    name = "falkordb"
    schema = cypher.FALKORDB_SCHEMA

    def __init__(self, url: str, graph: str = DEFAULT_GRAPH, **client_options: Any) -> None:
        """`client_options` go to the redis client (socket_timeout: how long to wait for a reply,
        REPLY_TIMEOUT_SECONDS unless given; None waits for ever)."""
        import redis.exceptions
        from falkordb import FalkorDB

        self._unavailable = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError,
                             redis.exceptions.AuthenticationError,
                             redis.exceptions.AuthorizationError,
                             redis.exceptions.NoPermissionError)
        self._response_error = redis.exceptions.ResponseError
        self.uri = parse_uri(url, URL_VARIABLE, SCHEMES, DEFAULT_PORT)
        if not _DATABASE_PATH.match(self.uri.rest):
            raise MalformedSetting(f"{URL_VARIABLE} may end in a database number (/0) but holds "
                                   f"nothing else after host:port (it is {str(self.uri)!r})")
        self.address = self.uri.address
        self.graph_name = graph
        try:
            self._db = FalkorDB.from_url(self.uri.url(REDIS_SCHEMES.get(self.uri.scheme)),
                                         socket_connect_timeout=CONNECT_TIMEOUT_SECONDS,
                                         **{"socket_timeout": REPLY_TIMEOUT_SECONDS, **client_options})
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
        return StoreUnavailable(f"FalkorDB at {self.address} is unavailable: {self.uri.scrub(reason)}")

    def _run(self, statement: str, parameters: dict[str, Any]) -> tuple[list[Row], Changes]:
        try:
            result = self._graph.query(statement, storable(parameters))
        except self._unavailable as exc:
            raise self._error(exc) from None
        columns = [column[1] for column in result.header]
        records = [dict(zip(columns, row, strict=True)) for row in result.result_set]
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
