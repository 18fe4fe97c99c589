"""A throw-away Neo4j 5.26 Community server from the Maven Central jars of tools/neo4j-server
(`make neo4j-server` fetches and builds them once): its own JVM, Bolt and HTTP (Neo4j Browser at
/browser/) on free loopback ports, a temporary directory, authentication on with a random password
handed over in the environment. For the tests and bench/load_neo4j.py (users run their own server
and name it by NEO4J_URI); needs Java 17+.
"""

from __future__ import annotations

import os
import secrets
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from kg.stores.falkordb_local import free_port
from tests.conftest import ROOT

SERVER_DIR = ROOT / "tools" / "neo4j-server"
BUILT_MARKER = SERVER_DIR / "target" / ".built"
MAIN_CLASS = "org.paperkg.neo4jserver.Neo4jServer"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"  # what the distribution's bin/neo4j-admin finally runs
READY_LINE = "PAPERKG NEO4J READY"
USER = "neo4j"
STARTUP_SECONDS = 300.0  # a cold JVM on a busy 2-core machine has taken over a minute
STOP_SECONDS = 60.0


def missing_requirement() -> str | None:
    """Why a server cannot start here (no Java, jars not built), or None."""
    if shutil.which("java") is None:
        return "Java is not installed (Neo4j needs Java 17)"
    if not BUILT_MARKER.is_file():
        if shutil.which("mvn") is None:
            return "Maven is not installed (it fetches the Neo4j jars: `make neo4j-server`)"
        return "the Neo4j jars are not built (run `make neo4j-server`)"
    return None


# C1 only: the JVM reaches "ready" on about half the CPU time (16 s instead of 31 s measured on
# this 2-core machine), at the price of slower code later: for tests, not for benchmarks.
FAST_START_FLAGS = ("-XX:TieredStopAtLevel=1",)


def java_command(*arguments: str, heap: str = "1g", main: str = MAIN_CLASS,
                 jvm_flags: tuple[str, ...] = ()) -> list[str]:
    """java with Neo4j's JVM flags (tools/neo4j-server/jvm.options) and the thin jars."""
    classpath = os.pathsep.join([str(SERVER_DIR / "target" / "classes"),
                                 str(SERVER_DIR / "target" / "lib" / "*")])
    return ["java", f"-Xms{heap}", f"-Xmx{heap}", f"@{SERVER_DIR / 'jvm.options'}", *jvm_flags,
            "-cp", classpath, main, *arguments]


def write_neo4j_admin(directory: Path) -> Path:
    """An executable `neo4j-admin` in `directory` that runs Neo4j's own admin tool from the same
    jars (`neo4j-admin database import full ...`); it needs NEO4J_HOME set to an existing directory."""
    command = " ".join(shlex.quote(part) for part in java_command(main=ADMIN_CLASS))
    script = Path(directory) / "neo4j-admin"
    script.write_text(f'#!/bin/sh\nexec {command} "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return script


class LocalNeo4j:
    """`with LocalNeo4j() as server:` ... `server.uri`, `server.password` ...; stopped and its
    directory removed on exit. `stop()` then `start()` restarts it on the same ports and data."""

    def __init__(self, password: str | None = None, *, heap: str = "1g", pagecache: str = "256m",
                 directory: Path | None = None, fast_start: bool = False):
        self.password = password or secrets.token_urlsafe(18)
        self.heap = heap
        self.pagecache = pagecache
        self.jvm_flags = FAST_START_FLAGS if fast_start else ()
        self.bolt_port = free_port()
        self.http_port = free_port()
        self._owns_directory = directory is None
        self.directory = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="paperkg-neo4j-"))
        self.process: subprocess.Popen | None = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def home(self) -> Path:
        """The DBMS home: data/ (databases, transactions) and logs/."""
        return self.directory / "home"

    @property
    def output_files(self) -> list[Path]:
        """Everything the server wrote: its stdout, stderr and logs (for secret checks)."""
        return sorted(path for path in self.directory.rglob("*")
                      if path.is_file() and (path.suffix == ".log" or path.name.startswith("server.")))

    def environment(self) -> dict[str, str]:
        """NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD for `kg load neo4j`."""
        return {"NEO4J_URI": self.uri, "NEO4J_USER": USER, "NEO4J_PASSWORD": self.password}

    def driver(self):
        from neo4j import GraphDatabase

        return GraphDatabase.driver(self.uri, auth=(USER, self.password))

    def start(self) -> LocalNeo4j:
        problem = missing_requirement()
        if problem:
            raise RuntimeError(problem)
        command = java_command("--bolt-port", str(self.bolt_port), "--http-port", str(self.http_port),
                               "--data", str(self.home), "--plugins", str(SERVER_DIR / "target" / "plugins"),
                               "--pagecache", self.pagecache, heap=self.heap, jvm_flags=self.jvm_flags)
        stdout = self.directory / "server.out"
        stdout.write_text("")
        with open(stdout, "a") as out, open(self.directory / "server.err", "a") as err:
            self.process = subprocess.Popen(command, stdout=out, stderr=err, cwd=SERVER_DIR,
                                            env={**os.environ, "NEO4J_PASSWORD": self.password},
                                            start_new_session=True)
        self._wait_until_ready(self.process, stdout)
        return self

    def _wait_until_ready(self, process: subprocess.Popen, stdout: Path) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if READY_LINE in stdout.read_text():
                return
            if process.poll() is not None:
                error = (self.directory / "server.err").read_text().strip().splitlines()
                raise RuntimeError(f"Neo4j exited at start (code {process.returncode}): "
                                   f"{error[0] if error else 'no output'}")
            time.sleep(0.2)
        self.stop(remove=False)
        raise RuntimeError(f"Neo4j was not ready within {STARTUP_SECONDS:.0f}s (see {self.directory})")

    def stop(self, *, remove: bool = False) -> None:
        """Stop the JVM (SIGTERM: Neo4j shuts down cleanly); `remove` deletes its directory."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if remove and self._owns_directory:
            shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> LocalNeo4j:
        try:
            return self.start()
        except BaseException:
            self.stop(remove=True)
            raise

    def __exit__(self, *exc) -> None:
        self.stop(remove=True)
