"""The extraction cache on real SQLite files: versions, content keys, corrupt files, killed writers
(what the version digests: tests/extractors/test_version.py)."""

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from kg.cache import ExtractionCache, content_key
from kg.core.errors import OutputRefused
from kg.core.records import Paper
from tests.conftest import ROOT


def test_content_key_covers_id_title_and_abstract_only():
    paper = Paper(id="1", title="T", abstract="A", authors=["X"])
    assert content_key(paper) == content_key(Paper(id="1", title="T", abstract="A", year=2020))
    for other in (Paper(id="2", title="T", abstract="A"), Paper(id="1", title="T.", abstract="A"),
                  Paper(id="1", title="T", abstract="A "), Paper(id="1", title="TA", abstract="")):
        assert content_key(other) != content_key(paper)


def test_rows_survive_reopening_and_another_version_empties_the_file(tmp_path):
    path = tmp_path / "cache.sqlite"
    with ExtractionCache(path, version="v1") as cache:
        cache.put_many([(b"k1", '{"id": "1"}'), (b"k2", '{"id": "2", "text": "é\\u2028"}')])
    with ExtractionCache(path, version="v1") as cache:
        assert cache.get_many([b"k1", b"k2", b"k3"]) == {
            b"k1": '{"id": "1"}', b"k2": '{"id": "2", "text": "é\\u2028"}'}
        assert cache.hits == 2
    with ExtractionCache(path, version="v2") as cache:
        assert cache.get_many([b"k1", b"k2"]) == {} and cache.count() == 0


@pytest.mark.parametrize("kind", ["text", "sqlite"])
def test_a_file_that_is_not_a_cache_is_refused_and_left_as_it_was(tmp_path, kind):
    """`--cache mine.jsonl` once moved the user's file aside and made it an SQLite file."""
    path = tmp_path / "mine.jsonl"
    if kind == "text":
        path.write_text('{"id": "1", "title": "My own notes"}\n')
    else:
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE notes (body TEXT)")
    before = path.read_bytes()
    with pytest.raises(OutputRefused, match="not a PaperKG extraction cache"):
        ExtractionCache(path, version="v1")
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["mine.jsonl"]


def test_a_damaged_cache_is_set_aside(tmp_path, capsys):
    path = tmp_path / "cache.sqlite"
    with ExtractionCache(path, version="v1") as cache:
        cache.put_many([(b"k", "line")])
    damaged = path.read_bytes()[:100] + b"\xde\xad" * 8000  # the SQLite header survives
    path.write_bytes(damaged)
    with ExtractionCache(path, version="v1") as cache:
        assert cache.get_many([b"k"]) == {}
        cache.put_many([(b"k", "again")])
        assert cache.get_many([b"k"]) == {b"k": "again"}
    assert (tmp_path / "cache.sqlite.corrupt").read_bytes() == damaged
    assert "malformed" in capsys.readouterr().err


def test_an_empty_file_becomes_a_cache(tmp_path):
    path = tmp_path / "new.sqlite"
    path.touch()
    with ExtractionCache(path, version="v1") as cache:
        cache.put_many([(b"k", "line")])
    with ExtractionCache(path, version="v1") as cache:
        assert cache.get_many([b"k"]) == {b"k": "line"}


def test_a_killed_writer_loses_only_its_uncommitted_rows(tmp_path):
    path = tmp_path / "cache.sqlite"
    script = textwrap.dedent(f"""
        import os, signal
        from kg.cache import ExtractionCache
        cache = ExtractionCache({str(path)!r}, version="v1")
        cache.put_many([(b"committed", "a")])
        cache.set_meta("progress", {{"rows": 1}})  # commits
        cache.put_many([(b"pending", "b")])
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert run.returncode == -9, run.stderr
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with ExtractionCache(path, version="v1") as cache:
        assert cache.get_many([b"committed", b"pending"]) == {b"committed": "a"}
        assert cache.get_meta("progress") == {"rows": 1}


def test_two_runs_sharing_a_cache_both_keep_their_rows(tmp_path):
    """A run on a cache another run is writing to once lost its rows to "database is locked"
    (SQLite's 5 s default wait, while a run holds its transaction up to COMMIT_EVERY_SECONDS):
    the second writer now waits for the first one's transaction to end."""
    path, ready = tmp_path / "shared.sqlite", tmp_path / "first-holds-the-lock"
    ExtractionCache(path, version="v1").close()
    first = textwrap.dedent(f"""
        import pathlib, time
        from kg.cache import ExtractionCache
        cache = ExtractionCache({str(path)!r}, version="v1")
        cache.put_many([(b"first", "a")])  # the write lock, held until close
        pathlib.Path({str(ready)!r}).touch()
        time.sleep(6.5)
        cache.close()
    """)
    second = textwrap.dedent(f"""
        import pathlib, time
        from kg.cache import ExtractionCache
        while not pathlib.Path({str(ready)!r}).exists():
            time.sleep(0.05)
        cache = ExtractionCache({str(path)!r}, version="v1")
        cache.put_many([(b"second", "b")])
        cache.close()
    """)
    runs = [subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stderr=subprocess.PIPE, text=True)
            for script in (first, second)]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0] and errors == ["", ""], errors
    with ExtractionCache(path, version="v1") as cache:
        assert cache.get_many([b"first", b"second"]) == {b"first": "a", b"second": "b"}
