"""The one timing loop every bench uses (run the benches as `python bench/bench_X.py`)."""
from __future__ import annotations

import time


def timed(func, runs: int, before=lambda: None, *, warm: bool = False) -> list[float]:
    """Seconds each call of func took; `before` runs untimed ahead of each call."""
    if warm:
        func()  # caches (templates, spec, grids) warm, as a running editor has them
    times = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times
