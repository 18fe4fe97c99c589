"""`--engine local`: extraction in this process (`--workers 1`) or in a pool of local processes."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kg.core.errors import BadOption, PipelineError
from kg.engines.worker import Item, extract_batch, load_pipeline_once


def _ordered(submit: Callable[[list[Item]], Future], batches: Iterable[list[Item]],
             in_flight: int) -> Iterator[list[str]]:
    """`submit` each batch, at most `in_flight` ahead of the one being returned; results in order."""
    window: deque[Future | None] = deque()
    for batch in batches:
        window.append(submit(batch) if batch else None)
        if len(window) > in_flight:
            head = window.popleft()
            yield head.result() if head is not None else []
    while window:
        head = window.popleft()
        yield head.result() if head is not None else []


class InProcessEngine:
    """`--workers 1`: the pipeline runs here, in the calling process."""

    def map(self, batches: Iterable[list[Item]]) -> Iterator[list[str]]:
        for batch in batches:
            if batch:
                load_pipeline_once()
            yield extract_batch(batch) if batch else []

    def close(self) -> None:
        """Nothing to release."""


class ProcessPoolEngine:
    """`--workers N`: N local processes (spawned, so no state is shared), each loading the pipeline
    once when it starts."""

    def __init__(self, workers: int):
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def _submit(self, batch: list[Item]) -> Future:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, initializer=load_pipeline_once,
                                             mp_context=multiprocessing.get_context("spawn"))
        return self._pool.submit(extract_batch, batch)

    def map(self, batches: Iterable[list[Item]]) -> Iterator[list[str]]:
        try:
            yield from _ordered(self._submit, batches, in_flight=3 * self.workers)
        except BrokenProcessPool as exc:
            raise PipelineError(f"an extraction worker process died ({exc}); out of memory? "
                                "try fewer --workers") from exc

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def make_local_engine(workers: int, scheduler: str | None = None) -> InProcessEngine | ProcessPoolEngine:
    """This process for one worker, else a pool of `workers` processes."""
    if scheduler:
        raise BadOption("--scheduler is an option of --engine dask")
    return ProcessPoolEngine(workers) if workers > 1 else InProcessEngine()
