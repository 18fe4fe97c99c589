"""What runs inside an extraction process, whichever engine started it: the one place where the
graph side calls the text side's pipeline.

Every engine maps batches of papers to their extraction JSON lines with `extract_batch`, so the
output is byte-identical whatever runs it; engines only differ in where that function runs.
The pipeline is imported inside the functions: importing this module must not load spaCy (and
NumPy) before `one_blas_thread_per_process` has run, nor in a build served from the cache.
"""

from __future__ import annotations

import ctypes
import functools
import json
import os
import threading

from kg.core.records import Paper

Item = tuple[str, str, str]  # (id, title, abstract): all a worker needs of a paper
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


def one_blas_thread_per_process() -> None:
    """One BLAS thread in every extraction process (workers inherit it; a user's explicit setting
    is kept). N workers on N cores with a BLAS thread per core each would oversubscribe the cores;
    a single process gained no speed from a second thread, for 60% more CPU time. It takes effect
    where NumPy is not yet imported, as in `kg`: engines are made before the pipeline loads."""
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
