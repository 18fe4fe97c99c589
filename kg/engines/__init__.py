"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

An engine maps batches of papers to their extraction JSON lines (`Engine`); all of them run
`kg.engines.worker.extract_batch`, so the output is byte-identical whatever runs it. Results come
back in input order, with a bounded number of batches in flight, so memory does not grow with the
corpus. No engine starts workers (or loads spaCy) before the first non-empty batch: a build served
entirely from the cache never pays for them.

A new engine is a module with a factory `(workers, scheduler) -> Engine`, named in `ENGINES`
(`kg --engine` takes its choices from there).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from kg.core.errors import BadOption
from kg.engines.local import make_local_engine
from kg.engines.worker import Item, one_blas_thread_per_process

BATCH_SIZE = 64  # papers per task: large enough to amortise a round trip, small enough to balance


class Engine(Protocol):
    def map(self, batches: Iterable[list[Item]]) -> Iterator[list[str]]:
        """The extraction lines of each batch, in input order (an empty batch gives [])."""

    def close(self) -> None:
        """Stop the workers this engine started."""


def _make_dask_engine(workers: int, scheduler: str | None = None) -> Engine:
    try:
        from kg.engines.dask import DaskEngine
    except ImportError as exc:
        raise BadOption("--engine dask needs the dask extra: pip install 'paperkg[dask]'") from exc
    return DaskEngine(workers, scheduler)


ENGINES: dict[str, Callable[[int, str | None], Engine]] = {
    "local": make_local_engine,
    "dask": _make_dask_engine,  # see docs/scaling.md
}


def make_engine(engine: str = "local", workers: int = 1, scheduler: str | None = None) -> Engine:
    """The engine for the CLI options `--engine`, `--workers` and `--scheduler`."""
    one_blas_thread_per_process()
    if workers < 1:
        raise BadOption(f"--workers must be at least 1 (got {workers})")
    factory = ENGINES.get(engine)
    if factory is None:
        raise BadOption(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    return factory(workers, scheduler)


__all__ = ["BATCH_SIZE", "ENGINES", "Engine", "Item", "make_engine"]
