"""The timing helper the bench scripts share: the best of several runs, on the clock they choose."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_seconds(run: Callable[[], object], repeats: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """The shortest of `repeats` runs of `run` (the least disturbed by the rest of the machine);
    `clock` is wall time by default, `time.process_time` for CPU time."""
    times = []
    for _ in range(repeats):
        started = clock()
        run()
        times.append(clock() - started)
    return min(times)
