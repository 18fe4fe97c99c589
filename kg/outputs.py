"""Output safety: PaperKG writes only regular files, in places it made or recognises, one run at a time.

- An output directory (`kg build -o DIR`, `kg export --format neo4j-admin -o DIR`, `kg train-ner
  -o DIR`, `kg gazetteers -o DIR`) carries a marker file, MARKER_NAME. A directory is taken when it
  is new, empty, carries the marker, or holds nothing but PaperKG's own build outputs (a build from
  before the marker); anything else is refused, so a typo in `-o` never mixes a graph into, or
  deletes from, a directory of the user's files.
- A single output file (`kg extract -o`, `kg export -o`) replaces an existing path only when it is
  an empty regular file or one whose first bytes say PaperKG wrote it (`FileKind`); never a device,
  a FIFO, a socket, a symbolic link, a directory or a foreign file.
- A run holds an exclusive lock on its output directory (`flock` on the directory itself, released
  by the kernel when the process dies); a second run into it exits with `OutputBusy`.
- Files are written under a temporary name `.NAME.PID.RANDOM.tmp` and renamed into place. Temporary
  files whose process is gone are removed by the next run that writes there.
- A directory that cannot be written is reported before any work, by creating a probe file (which
  also catches read-only mounts and permission checks that root skips).
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.core.errors import OutputBusy, OutputRefused

MARKER_NAME = ".paperkg-output"
MARKER_TEXT = "This directory holds PaperKG outputs; `kg` commands may replace the files in it.\n"
# What `kg build` writes into its directory (a directory with only these is a PaperKG output).
BUILD_OUTPUTS = frozenset({"graph.json", "graph.graphml", "rejects.jsonl", "cache.sqlite",
                           "cache.sqlite-wal", "cache.sqlite-shm", "cache.sqlite-journal",
                           "cache.sqlite.corrupt"})
_TEMP_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
_OLD_TEMP_RE = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}$")  # mkstemp names before the pid
_UMASK = os.umask(0o022)
os.umask(_UMASK)
_SPECIAL_FILES = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a directory"),
                  (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                  (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


@dataclass(frozen=True)
class FileKind:
    """How PaperKG recognises one kind of file it writes: the bytes it starts with."""

    description: str
    prefixes: tuple[bytes, ...]

    def matches(self, head: bytes) -> bool:
        return head.startswith(self.prefixes)


GRAPH_JSON_FILE = FileKind("a PaperKG graph (JSON)", (b'{"directed": true, "multigraph": true, ',))
GRAPHML_FILE = FileKind("a GraphML file", (b"<?xml version='1.0' encoding='utf-8'?>\n<graphml ",))
EXTRACTIONS_FILE = FileKind("a PaperKG extraction file", (b'{"id": ',))
REJECTS_FILE = FileKind("a PaperKG rejects file", (b'{"origin": ',))
SQLITE_FILE = FileKind("an SQLite file", (b"SQLite format 3\x00",))
_KINDS = {"graph.json": GRAPH_JSON_FILE, "graph.graphml": GRAPHML_FILE, "rejects.jsonl": REJECTS_FILE,
          "cache.sqlite": SQLITE_FILE}


def is_output_directory(path: Path) -> bool:
    """Whether `path` is a directory PaperKG writes its outputs into (it carries the marker);
    False when that cannot be told (a directory that cannot be searched)."""
    try:
        return stat.S_ISREG(os.stat(Path(path) / MARKER_NAME).st_mode)
    except OSError:
        return False


def _special_kind(info: os.stat_result) -> str | None:
    return next((name for test, name in _SPECIAL_FILES if test(info.st_mode)), None)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def check_output_file(path: Path, kind: FileKind | None) -> None:
    """Refuse (OutputRefused) to write `path` unless it is absent, an empty regular file or a file of
    `kind`; check that its directory can be written, and remove temporary files of dead runs."""
    path = Path(path)
    check_replaceable(path, kind)
    directory = path.parent
    if directory.exists() and not directory.is_dir():
        raise OutputRefused(f"cannot write {path}: {directory} is not a directory")
    directory.mkdir(parents=True, exist_ok=True)
    probe_writable(directory)
    remove_stale_temps(directory, {path.name})


def check_replaceable(path: Path, kind: FileKind | None = None) -> None:
    """Refuse to replace anything but a regular file (and, with `kind`, a foreign non-empty one)."""
    info = _lstat(path)
    if info is None:
        return
    special = _special_kind(info)
    if special is not None:
        raise OutputRefused(f"{path} is {special}; PaperKG writes only regular files: choose "
                            f"another output path")
    if kind is not None and info.st_size and not kind.matches(_head(path)):
        raise OutputRefused(f"{path} exists and is not {kind.description}; PaperKG does not replace "
                            f"other files: remove it or choose another output path")


def _head(path: Path, size: int = 256) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as err:
        raise OutputRefused(f"cannot read {path} to check what it is: {err.strerror or err}") from None


def probe_writable(directory: Path) -> None:
    """OutputRefused when no file can be created in `directory` (permissions, read-only mount)."""
    try:
        fd, probe = tempfile.mkstemp(prefix=f".paperkg-probe.{os.getpid()}.", suffix=".tmp",
                                     dir=directory)
    except OSError as err:
        raise OutputRefused(f"cannot write to {directory}: {err.strerror or err}") from None
    os.close(fd)
    os.unlink(probe)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def remove_stale_temps(directory: Path, names: set[str] | frozenset[str],
                       old_style: bool = False) -> list[Path]:
    """Delete the temporary files of dead runs for the outputs `names` in `directory` (with
    `old_style`, also the pid-less names of earlier versions: only safe under the directory lock)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_RE.match(entry.name)
        stale = (match is not None and match["name"] in names | {"paperkg-probe"}
                 and not _process_alive(int(match["pid"])))
        if not stale and old_style and match is None:
            old = _OLD_TEMP_RE.match(entry.name)
            stale = old is not None and old["name"] in names
        if stale and entry.is_file(follow_symlinks=False):
            Path(entry.path).unlink(missing_ok=True)
            removed.append(Path(entry.path))
    return removed


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` that replaces it only when the block completes (`path` must
    not be a symbolic link, device, FIFO or directory)."""
    path = Path(path)
    check_replaceable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp's 0600 would hide the file from other users
        check_replaceable(path)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@contextmanager
def output_directory(path: Path) -> Iterator[Path]:
    """Take `path` as this run's output directory for the duration of the block: refuse a directory
    that is not PaperKG's, mark it, lock it (OutputBusy when another run holds it), check it can be
    written and remove what killed runs left behind."""
    path = Path(path)
    _check_claimable(path)
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            raise OutputBusy(f"another kg run is writing to {path}; wait for it to finish or "
                             f"choose another output directory") from None
        probe_writable(path)
        mark_directory(path)
        remove_stale_temps(path, BUILD_OUTPUTS, old_style=True)
        yield path
    finally:
        os.close(fd)  # releases the lock


def check_claimable(path: Path) -> None:
    """Refuse (OutputRefused) a `path` that is neither absent, an empty directory nor PaperKG's,
    creating nothing: for writers that make the directory themselves (`kg train-ner -o`, which
    then gets `mark_directory`)."""
    _check_claimable(Path(path), create=False)


def _check_claimable(path: Path, create: bool = True) -> None:
    info = _lstat(path)
    if info is not None and stat.S_ISLNK(info.st_mode):
        info = path.stat() if path.exists() else None
        if info is None:
            raise OutputRefused(f"{path} is a dangling symbolic link: choose another output directory")
    if info is None:
        if not create:
            return
        try:
            path.mkdir(parents=True)
        except FileExistsError:
            pass
        except OSError as err:
            raise OutputRefused(f"cannot create {path}: {err.strerror or err}") from None
        return
    if not stat.S_ISDIR(info.st_mode):
        raise OutputRefused(f"{path} is not a directory: the output must be a directory")
    if is_output_directory(path):
        return
    foreign = _foreign_entries(path)
    if foreign:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise OutputRefused(f"{path} is not a PaperKG output directory (it holds {shown}); choose a "
                            f"new or empty directory")


def _foreign_entries(path: Path) -> list[str]:
    """The entries of an unmarked directory that are not what an earlier `kg build` wrote."""
    try:
        names = sorted(os.listdir(path))
    except OSError as err:
        raise OutputRefused(f"cannot list {path}: {err.strerror or err}") from None
    foreign = []
    for name in names:
        temp = _TEMP_RE.match(name) or _OLD_TEMP_RE.match(name)
        if temp is not None and temp["name"] in BUILD_OUTPUTS:
            continue
        entry = path / name
        if name not in BUILD_OUTPUTS or not stat.S_ISREG(os.lstat(entry).st_mode):
            foreign.append(name)
        elif name in _KINDS and entry.stat().st_size and not _KINDS[name].matches(_head(entry)):
            foreign.append(name)
    return foreign


def mark_directory(path: Path) -> None:
    """Write the marker that makes `path` a PaperKG output directory (kept when already there)."""
    marker = Path(path) / MARKER_NAME
    if marker.is_file():
        return
    check_replaceable(marker)
    marker.write_text(MARKER_TEXT, encoding="utf-8")
