"""Neo4j through the official driver: managed write transactions (retried by the driver on
transient errors and lost leaders), one per batch; schema DDL in auto-commit transactions.

NEO4J_URI is parsed by kg.stores.uris and only ever shown redacted; the driver gets it without
credentials, which come from NEO4J_USER / NEO4J_PASSWORD (or, when those are unset, from the URI)."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from kg.core.errors import MalformedSetting, MissingCredentials, StoreUnavailable
from kg.stores import cypher
from kg.stores.base import Changes, Row
from kg.stores.cypher_store import CypherStore
from kg.stores.uris import ServerURI, parse_uri, scrub

if TYPE_CHECKING:  # the driver is an optional extra, imported when a store is opened
    from neo4j import Driver, ManagedTransaction, Session

T = TypeVar("T")

CREDENTIAL_VARIABLES = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")
SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")
DEFAULT_PORT = 7687
MAX_RETRY_SECONDS = 60.0
_COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
             "properties_set")


def _run_in_transaction(tx: ManagedTransaction, statement: str,
                        parameters: dict[str, Any]) -> tuple[list[Row], Changes]:
    result = tx.run(statement, parameters)
    records = [record.data() for record in result]
    counters = result.consume().counters
    return records, +Counter({name: getattr(counters, name) for name in _COUNTERS})


def _reason(exc: Exception, secrets: tuple[str, ...] = ()) -> str:
    text = (getattr(exc, "message", None) or str(exc) or type(exc).__name__).splitlines()[0]
    return scrub(text, secrets)


class Neo4jStore(CypherStore):
    name = "neo4j"
    schema = cypher.NEO4J_SCHEMA

    def __init__(self, driver: Driver, database: str | None = None, address: str = "Neo4j",
                 secrets: tuple[str, ...] = ()) -> None:
        """`driver` is a `neo4j.Driver` (see `from_env`); `database` None is the server default;
        `secrets` are scrubbed from any server message shown."""
        from neo4j import exceptions

        self._unavailable = (exceptions.ServiceUnavailable, exceptions.SessionExpired,
                             exceptions.AuthError, exceptions.DatabaseUnavailable)
        self._client_error = exceptions.ClientError
        self._driver = driver
        self.database = database
        self.address = address
        self._secrets = secrets
        try:
            self._guard(driver.verify_connectivity)
        except StoreUnavailable:
            driver.close()
            raise

    @classmethod
    def from_env(cls, database: str | None = None) -> Neo4jStore:
        uri = parse_uri(os.environ["NEO4J_URI"], "NEO4J_URI", SCHEMES, DEFAULT_PORT) \
            if os.environ.get("NEO4J_URI") else None
        user = os.environ.get("NEO4J_USER") or (uri.username if uri else None)
        password = os.environ.get("NEO4J_PASSWORD") or (uri.password if uri else None)
        missing = [name for name, value in zip(CREDENTIAL_VARIABLES, (uri, user, password), strict=True) if not value]
        if missing or uri is None or user is None or password is None:  # (the Nones are in `missing`)
            raise MissingCredentials(f"set {', '.join(missing)} to load into Neo4j "
                                     f"(e.g. NEO4J_URI=neo4j://localhost:7687)")
        return cls.connect(uri, user, password, database)

    @classmethod
    def connect(cls, uri: ServerURI | str, user: str, password: str, database: str | None = None, *,
                max_retry_seconds: float | None = None) -> Neo4jStore:
        """A store on a new driver; a transaction that fails on a lost connection or a server
        restart is retried for `max_retry_seconds` (default MAX_RETRY_SECONDS)."""
        from neo4j import GraphDatabase
        from neo4j.exceptions import ConfigurationError

        if isinstance(uri, str):
            uri = parse_uri(uri, "NEO4J_URI", SCHEMES, DEFAULT_PORT)
        secrets = _secrets(uri, password)
        try:
            driver = GraphDatabase.driver(uri.url(credentials=False), auth=(user, password),
                                          max_transaction_retry_time=MAX_RETRY_SECONDS
                                          if max_retry_seconds is None else max_retry_seconds)
        except (ConfigurationError, ValueError) as exc:
            raise MalformedSetting(f"NEO4J_URI cannot be used: {_reason(exc, secrets)} "
                                   f"(it is {str(uri)!r})") from None
        return cls(driver, database, address=str(uri), secrets=secrets)

    def _guard(self, call: Callable[..., T], *args: object) -> T:
        try:
            return call(*args)
        except self._unavailable as exc:
            raise StoreUnavailable(f"Neo4j at {self.address} is unavailable: "
                                   f"{_reason(exc, self._secrets)}") from None
        except self._client_error as exc:
            if not (exc.code or "").endswith("DatabaseNotFound"):
                raise
            raise StoreUnavailable(f"Neo4j at {self.address}: {_reason(exc, self._secrets)}") from None

    def _session(self) -> Session:
        return self._driver.session(database=self.database)

    def _run(self, statement: str, parameters: dict[str, Any]) -> tuple[list[Row], Changes]:
        def managed() -> tuple[list[Row], Changes]:
            with self._session() as session:
                return session.execute_write(_run_in_transaction, statement, parameters)
        return self._guard(managed)

    def _run_schema(self, statement: str) -> None:
        def auto_commit() -> None:
            with self._session() as session:
                session.run(statement).consume()
        self._guard(auto_commit)

    def close(self) -> None:
        self._driver.close()


def _secrets(uri: ServerURI, password: str) -> tuple[str, ...]:
    """What must never appear in a message: the password and the URI as written."""
    written = os.environ.get("NEO4J_URI") if uri.password else None
    return tuple(secret for secret in (password, uri.password, written) if secret)
