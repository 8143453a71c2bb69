"""The one timing loop every bench uses (run the benches as `python bench/bench_X.py`)."""
from __future__ import annotations

import statistics
import time
from typing import Callable


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


def alternating(cases: dict[str, Callable[[], object] | tuple[Callable[[], object], Callable[[], object]]],
                runs: int, *, warm: bool = False) -> dict[str, list[float]]:
    """Seconds per call of each case, the cases taking turns run after run (a baseline and what is
    measured against it see the same moments of a busy machine). A case is a function, or a
    (function, before) pair whose `before` runs untimed ahead of each call."""
    pairs = {name: case if isinstance(case, tuple) else (case, lambda: None) for name, case in cases.items()}
    if warm:
        for func, _ in pairs.values():
            func()
    times: dict[str, list[float]] = {name: [] for name in pairs}
    for run in range(runs):
        order = list(pairs.items())
        if run % 2:
            order.reverse()  # neither always first after the other
        for name, (func, before) in order:
            before()
            start = time.perf_counter()
            func()
            times[name].append(time.perf_counter() - start)
    return times


def spread(times: list[float], scale: float = 1000.0) -> str:
    """min / median / max, in ms by default."""
    return f"{min(times) * scale:.2f} / {statistics.median(times) * scale:.2f} / {max(times) * scale:.2f}"


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, int(0.95 * len(ordered)) - 1)]
