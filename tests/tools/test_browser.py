"""The shared browser tooling: the launcher opens a page served on loopback in Debian's headless
Chromium, reads it and screenshots it, and leaves no profile directory behind."""

from __future__ import annotations

import functools
import glob
import http.server
import tempfile
import threading

import pytest

from tests.browser import LAUNCHER, run_browser_script


@pytest.fixture
def served(tmp_path):
    """A page with a title computed by script, so the text only appears once JavaScript ran."""
    (tmp_path / "index.html").write_text(
        "<html><head><title>static</title></head><body><h1>PaperKG</h1>"
        "<script>document.title = ['page', 6 * 7].join(' ')</script></body></html>")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


def test_launcher_renders_a_page_and_screenshots_it(served, tmp_path):
    profiles_before = set(glob.glob(f"{tempfile.gettempdir()}/paperkg-chromium-*"))
    shot = tmp_path / "shot.png"
    run = run_browser_script(LAUNCHER, served, str(shot))
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "page 42"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 1000
    assert set(glob.glob(f"{tempfile.gettempdir()}/paperkg-chromium-*")) <= profiles_before
