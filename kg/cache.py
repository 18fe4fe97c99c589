"""The extraction cache: one SQLite file mapping (paper content, pipeline version) -> extraction line.

A paper's extraction depends only on its id, title and abstract and on the pipeline (its version,
`extractors.version.pipeline_version`, given by the caller), so an unchanged paper is never
extracted twice by the same pipeline.
The file holds the rows of one pipeline version: opening it with another version empties it.
Rows are written in transactions, so a killed run loses at most its last uncommitted rows. A path that
holds anything but a PaperKG cache (another file, another SQLite database, a link or a device) is
refused before any work; a cache that is damaged is set aside (`*.corrupt`) and the run goes on
with a fresh one. Two runs sharing a cache wait for each other's transactions (BUSY_TIMEOUT_SECONDS).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.core.errors import OutputRefused
from kg.core.records import Paper
from kg.outputs import check_output_file
from kg.progress import stderr

CACHE_NAME = "cache.sqlite"
COMMIT_EVERY_ROWS = 2000
COMMIT_EVERY_SECONDS = 5.0
_LOOKUP_CHUNK = 500  # SQLite's default limit on bound parameters is 999 (older builds)
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 120.0  # a run holds its write transaction for at most COMMIT_EVERY_SECONDS


def content_key(paper: Paper) -> bytes:
    """What the extraction of `paper` depends on: its id (echoed in the line), title and abstract."""
    text = f"{paper.id}\0{paper.title}\0{paper.abstract}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).digest()


class ExtractionCache:
    """Extraction lines by content key, for one pipeline version (`extractors.version`); use as a
    context manager."""

    def __init__(self, path: Path, version: str, owned: bool = False):
        """`owned`: the path is the cache of an output directory, where any file under that name
        is a cache PaperKG made (when damaged, it is set aside); else a foreign file is refused."""
        self.path = Path(path)
        self.version = version
        self.hits = 0
        self.stored = 0
        self._uncommitted = 0
        self._last_commit = time.monotonic()
        self._db: sqlite3.Connection | None = None
        check_output_file(self.path, kind=None)
        if not owned:
            self._check_is_cache()
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            self._set_aside(exc)
            self._db = self._open()

    def _check_is_cache(self) -> None:
        """OutputRefused unless the path is absent, empty or an SQLite file PaperKG could have made."""
        if not self.path.is_file() or not self.path.stat().st_size:
            return
        with open(self.path, "rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                raise OutputRefused(f"{self.path} is not a PaperKG extraction cache (not an SQLite "
                                    f"file); choose another --cache path")
        try:
            with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS) as db:
                tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError:
            return  # damaged: set aside by _open
        if tables and not {"meta", "extractions"} <= tables:
            raise OutputRefused(f"{self.path} is an SQLite database but not a PaperKG extraction cache "
                                f"(tables {', '.join(sorted(tables))}); choose another --cache path")

    def _open(self) -> sqlite3.Connection:
        # explicit BEGIN/COMMIT below; a second run on the same file waits for our transaction
        db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS extractions "
                       "(key BLOB PRIMARY KEY, line BLOB NOT NULL) WITHOUT ROWID")
            row = db.execute("SELECT value FROM meta WHERE name = 'pipeline'").fetchone()
            if row is None or row[0] != self.version:
                db.execute("BEGIN")
                db.execute("DELETE FROM extractions")
                db.execute("DELETE FROM meta")
                db.execute("INSERT INTO meta VALUES ('pipeline', ?)", (self.version,))
                db.execute("COMMIT")
            db.execute("BEGIN")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _set_aside(self, exc: Exception) -> None:
        aside = self.path.with_name(self.path.name + ".corrupt")
        stderr.print(f"warning: extraction cache {self.path} is unreadable ({exc}); "
                     f"moved to {aside.name}, starting a new one", markup=False, highlight=False)
        for suffix in ("-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        os.replace(self.path, aside)

    def _failed(self, exc: Exception) -> None:
        """A cache that breaks mid-run is dropped for the rest of the run; the run itself goes on."""
        stderr.print(f"warning: extraction cache {self.path} failed ({exc}); continuing without it",
                     markup=False, highlight=False)
        self.close(commit=False)

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, str]:
        """The cached lines of those `keys` that are cached."""
        if self._db is None or not keys:
            return {}
        found: dict[bytes, str] = {}
        try:
            for lo in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[lo:lo + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, line in self._db.execute(
                        f"SELECT key, line FROM extractions WHERE key IN ({marks})", chunk):
                    found[key] = zlib.decompress(line).decode("utf-8", "surrogatepass")
        except (sqlite3.DatabaseError, zlib.error) as exc:
            self._failed(exc)
            return {}
        self.hits += len(found)
        return found

    def put_many(self, rows: Iterable[tuple[bytes, str]]) -> None:
        if self._db is None:
            return
        packed = [(key, zlib.compress(line.encode("utf-8", "surrogatepass"), 1)) for key, line in rows]
        try:
            self._db.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?)", packed)
            self._uncommitted += len(packed)
            self.stored += len(packed)
            if (self._uncommitted >= COMMIT_EVERY_ROWS
                    or time.monotonic() - self._last_commit >= COMMIT_EVERY_SECONDS):
                self._commit(self._db)
        except sqlite3.DatabaseError as exc:
            self._failed(exc)

    def _commit(self, db: sqlite3.Connection) -> None:
        db.execute("COMMIT")
        db.execute("BEGIN")
        self._uncommitted = 0
        self._last_commit = time.monotonic()

    def get_meta(self, name: str) -> dict | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
            return json.loads(row[0]) if row else None
        except (sqlite3.DatabaseError, ValueError) as exc:
            self._failed(exc)
            return None

    def set_meta(self, name: str, value: dict | None) -> None:
        """Store (or with None, forget) a small JSON record, committed with the pending rows."""
        if self._db is None:
            return
        try:
            if value is None:
                self._db.execute("DELETE FROM meta WHERE name = ?", (name,))
            else:
                self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                 (name, json.dumps(value, sort_keys=True)))
            self._commit(self._db)
        except sqlite3.DatabaseError as exc:
            self._failed(exc)

    def count(self) -> int:
        if self._db is None:
            return 0
        return self._db.execute("SELECT count(*) FROM extractions").fetchone()[0]

    def close(self, commit: bool = True) -> None:
        if self._db is None:
            return
        db, self._db = self._db, None
        try:
            db.execute("COMMIT" if commit else "ROLLBACK")
        except sqlite3.DatabaseError:
            pass  # nothing to save: the rows of the open transaction are lost, the file stays valid
        finally:
            db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
