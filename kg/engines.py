"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine maps batches of papers to their extraction JSON lines with the same function
(`extract_batch`), so the output is byte-identical whatever runs it; engines only differ in where
that function runs. Results come back in input order, with a bounded number of batches in flight, so
memory does not grow with the corpus. No engine starts workers (or loads spaCy) before the first
non-empty batch: a build served entirely from the cache never pays for them.
"""

from __future__ import annotations

import ctypes
import functools
import json
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kg.core.errors import BadOption, PipelineError
from kg.core.records import Paper

Item = tuple[str, str, str]  # (id, title, abstract): all a worker needs of a paper
ENGINES = ("local", "dask")
BATCH_SIZE = 64  # papers per task: large enough to amortise a round trip, small enough to balance
_PIPELINE_LOCK = threading.Lock()  # one pipeline per process; spaCy components are not thread-safe
# glibc mallopt(): M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD (the largest value it accepts).
_MALLOC_OPTIONS = ((-1, 512 << 20), (-2, 64 << 20), (-3, 32 << 20))


def extract_batch(items: list[Item]) -> list[str]:
    """The extraction lines of `items`, in order, by this process's pipeline (loaded once)."""
    from extractors.pipeline import annotate

    papers = (Paper(id=pid, title=title, abstract=abstract) for pid, title, abstract in items)
    with _PIPELINE_LOCK:
        return [json.dumps(extraction.to_dict(), ensure_ascii=False)
                for _, extraction in annotate(papers, batch_size=max(len(items), 1))]


@functools.cache
def keep_freed_memory() -> None:
    """Ask glibc's malloc to keep freed memory for reuse instead of returning it to the system.

    The NER allocates and frees arrays of tens of MB per batch; by default each one is mapped and
    unmapped again, which cost 10% of extraction time in page faults and system calls. Nothing
    changes where the C library is not glibc."""
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library already loaded in this process
    except (OSError, TypeError, AttributeError):
        return
    for option, value in _MALLOC_OPTIONS:
        mallopt(option, value)


def load_pipeline_once() -> None:
    """Prepare this process for extraction and load its pipeline (at worker start-up, not inside
    the first batch)."""
    from extractors.pipeline import default_pipeline

    keep_freed_memory()
    default_pipeline()


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


def one_blas_thread_per_process() -> None:
    """One BLAS thread in every extraction process (workers inherit it; a user's explicit setting
    is kept). N workers on N cores with a BLAS thread per core each would oversubscribe the cores;
    a single process gained no speed from a second thread, for 60% more CPU time. It takes effect
    where NumPy is not yet imported, as in `kg`: engines are made before the pipeline loads."""
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")


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


def make_engine(engine: str = "local", workers: int = 1, scheduler: str | None = None):
    """The engine for the CLI options `--engine`, `--workers` and `--scheduler`."""
    one_blas_thread_per_process()
    if workers < 1:
        raise BadOption(f"--workers must be at least 1 (got {workers})")
    if engine not in ENGINES:
        raise BadOption(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if engine == "dask":
        try:
            from kg.engines_dask import DaskEngine
        except ImportError as exc:
            raise BadOption("--engine dask needs the dask extra: pip install 'paperkg[dask]'") from exc
        return DaskEngine(workers, scheduler)
    if scheduler:
        raise BadOption("--scheduler is an option of --engine dask")
    return ProcessPoolEngine(workers) if workers > 1 else InProcessEngine()
