"""FalkorDB specifics against the real server: an unreachable server, a wrong password or a
dropped connection is a one-line error. (Saved queries: test_saved_queries.py.)"""

from __future__ import annotations

import pytest

from kg.core.errors import MissingCredentials, StoreUnavailable
from kg.stores.falkordb_local import LocalFalkorDB, free_port
from kg.stores.falkordb_store import FalkorDBStore


def test_missing_url(monkeypatch):
    monkeypatch.delenv("FALKORDB_URL", raising=False)
    with pytest.raises(MissingCredentials, match="FALKORDB_URL"):
        FalkorDBStore.from_env()


def test_server_down():
    with pytest.raises(StoreUnavailable, match=r"^error\[KG007\]: FalkorDB at 127\.0\.0\.1:\d+ is unavailable"):
        FalkorDBStore(f"redis://127.0.0.1:{free_port()}")


def test_wrong_password_is_not_printed(falkordb_server):
    with pytest.raises(StoreUnavailable) as caught:
        FalkorDBStore(f"redis://:not-the-password@127.0.0.1:{falkordb_server.port}")
    assert "not-the-password" not in str(caught.value) and "\n" not in str(caught.value)


def test_dropped_connection_mid_load(original):
    with LocalFalkorDB() as server:
        store = FalkorDBStore(server.url, graph="dropped")

        def stop_server(step, rows, total):
            server.stop()

        with pytest.raises(StoreUnavailable, match="unavailable"):
            store.write(original, batch_size=5, on_progress=stop_server)
