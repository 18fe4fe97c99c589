"""`--engine dask`: extraction as Dask bags on a LocalCluster or on the cluster behind a scheduler.

Workers import PaperKG from their own installation (every host needs the same version installed):
the client ships a worker plugin once, which loads the pipeline once per worker process and refuses a
worker whose pipeline version differs from the client's. See docs/scaling.md.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

import dask.bag
from distributed import Client, Future, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from extractors.version import pipeline_version
from kg.core.errors import BadOption, PipelineError
from kg.engines.worker import Item, extract_batch, load_pipeline_once

BATCHES_PER_THREAD = 4


class PipelinePlugin(WorkerPlugin):
    """Loads the extraction pipeline when a worker joins; a worker that would extract differently
    (another PaperKG or extractors/ data) fails the registration instead of producing other output."""

    name = "paperkg-pipeline"

    def __init__(self, expected_version: str):
        self.expected_version = expected_version

    def setup(self, worker) -> None:
        if pipeline_version() != self.expected_version:
            raise PipelineError(f"Dask worker {worker.address} has pipeline version "
                                f"{pipeline_version()}, the client {self.expected_version}: install "
                                "the same PaperKG on every host")
        load_pipeline_once()


def extract_partition(batches: list[list[Item]]) -> list[list[str]]:
    """One bag partition: batches of papers -> their extraction lines."""
    return [extract_batch(batch) for batch in batches]


class DaskEngine:
    """Each window of batches is a Dask bag with one batch per partition, four per worker thread
    (so a slow batch rarely leaves a worker idle at the end of a window). Two windows are in flight,
    so workers do not wait for the client to read input or write output."""

    def __init__(self, workers: int, scheduler: str | None = None):
        self.workers = workers
        self.scheduler = scheduler
        self.window = BATCHES_PER_THREAD * workers
        self._client: Client | None = None
        self._cluster: LocalCluster | None = None

    def _connect(self) -> Client:
        if self._client is not None:
            return self._client
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout="30s")
            else:
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                             processes=True, dashboard_address=None,
                                             silence_logs=logging.ERROR)
                self._client = Client(self._cluster)
        except OSError as exc:
            raise BadOption(f"cannot reach the Dask scheduler {self.scheduler}: {exc}") from exc
        self._client.register_plugin(PipelinePlugin(pipeline_version()))
        self.window = max(self.window, BATCHES_PER_THREAD * sum(self._client.nthreads().values()))
        return self._client

    def _submit(self, window: list[list[Item]]) -> Future | list[list[str]]:
        if not any(window):  # all cached: no cluster needed
            return [[] for _ in window]
        bag = dask.bag.from_sequence(window, partition_size=1).map_partitions(extract_partition)
        return self._connect().compute(bag)

    def map(self, batches: Iterable[list[Item]]) -> Iterator[list[str]]:
        batches = iter(batches)
        pending: deque[Future | list[list[str]]] = deque()
        while window := list(islice(batches, self.window)):
            pending.append(self._submit(window))
            if len(pending) > 1:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None


def _result(submitted: Future | list[list[str]]) -> list[list[str]]:
    return submitted if isinstance(submitted, list) else submitted.result()
