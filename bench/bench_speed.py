"""The speed a clerk feels, in one table: each measure beside its anchor and its goal.

Runs the parts of the other benches that carry a goal, in this order (each taking turns with its
anchor in the same run, as those benches do):
  cell edits on 表三 of the sample            bench_gui.py (a)
  start-up to the findings shown, memory     bench_gui.py (b), (c)
  `nianbao check` as a process               bench_start.py
  cold read of a long text by the text rules bench_text.py (linearity)
Their own scripts print the detail (every command, every size, min / median / max).

    .venv/bin/python bench/bench_speed.py [edits] [starts] [process runs]
"""
from __future__ import annotations

import statistics
import sys

import bench_gui
import bench_start
import bench_text
from timing import p95


def _verdict(met: bool) -> str:
    return "met" if met else "missed"


def main(edits: int = 200, starts: int = 7, runs: int = 7) -> None:
    rows = []
    wall, _ = bench_gui.bench_edits(edits)
    worst, p95_ms, median = max(wall) * 1000, p95(wall) * 1000, statistics.median(wall) * 1000
    rows.append((f"cell edit → findings panel updated, {edits} edits (wall)",
                 f"worst {worst:.1f} ms, p95 {p95_ms:.1f}, median {median:.1f}",
                 "one frame at 60 Hz: 16 ms", "worst < 16 ms, p95 < 8 ms",
                 _verdict(worst < bench_gui.EDIT_WORST_MS and p95_ms < bench_gui.EDIT_P95_MS)))

    r = bench_gui.start_ratios(*bench_gui.measure_starts(starts))
    rows.append((f"start → findings shown with the sample, {starts} starts",
                 f"{r['shown']:.2f}× (complete first paint {r['painted']:.2f}×; pairwise "
                 f"{min(r['pairwise']):.2f}–{max(r['pairwise']):.2f}×)",
                 f"bare PySide6 window painted: {r['bare_ms']:.0f} ms", f"< {bench_gui.START_GOAL:.0f}×",
                 _verdict(r["shown"] < bench_gui.START_GOAL)))
    memory = r["shown_mb"] / r["bare_mb"]
    rows.append(("editor memory with the findings shown (RSS)", f"{r['shown_mb']:.0f} MB = {memory:.2f}×",
                 f"bare window: {r['bare_mb']:.0f} MB", f"< {bench_gui.MEMORY_GOAL}×",
                 _verdict(memory < bench_gui.MEMORY_GOAL)))

    _, cpu = bench_start.measure(runs, only=(bench_start.MODEL, bench_start.CHECK))
    floor, model, check = (statistics.median(cpu[name]) for name in (bench_start.FLOOR, bench_start.MODEL,
                                                                      bench_start.CHECK))
    rows.append((f"`nianbao check` on the sample as a process, {runs} runs (CPU)",
                 f"{check * 1000:.0f} ms = {check / floor:.2f}× (one pydantic model alone: {model / floor:.2f}×)",
                 f"import pydantic, load the JSON: {floor * 1000:.0f} ms", f"< {bench_start.CHECK_GOAL}×",
                 _verdict(check / floor < bench_start.CHECK_GOAL)))

    _, text_rows = bench_text.measure_linearity(5)
    worst_ratio, growth = bench_text.worst_and_growth(text_rows)
    largest = text_rows[-1][1]
    rows.append((f"text rules, cold read of a long report (up to {largest:,} characters)",
                 f"worst {worst_ratio:.1f}× the scan; per character at {bench_text.LINEARITY_SIZES[-1]}× the text "
                 f"{growth:.2f}× that at 1×",
                 "a regex scan of the same text", f"linear, < {bench_text.SCAN_GOAL:.0f}×",
                 _verdict(worst_ratio < bench_text.SCAN_GOAL and growth < bench_text.LINEAR_GROWTH)))

    print(f"speed a clerk feels ({' '.join(['.venv/bin/python bench/bench_speed.py', *sys.argv[1:]])})\n")
    print("| measure | now | anchor in the same run | goal | |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    numbers = [int(a) for a in sys.argv[1:4]]
    main(*numbers)
