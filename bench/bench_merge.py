"""Consolidation (`nianbao merge`) at scale: serial against parallel, per unit and in total, peak memory.

Sets: 1,000 generated native unit files (varied figures and wording), 50 of them exported to DOCX,
10 PDFs (the corpus's, repeated), and — with `--big N` — N native units (a province: 10,000).
Each measurement runs `merge()` in a fresh process (so its peak memory is its own): first the
serial read (`workers=1`, the baseline), then the parallel read across the cores, alternating,
`runs` times each. The DOCX set takes turns with a floor: the same 50 reports as our own native
files, read serially (loading and checking them is all a consolidation must do; the rest is the
Word reader). Printed: min / median / max seconds, per unit, ÷ serial (the floor's row: DOCX serial
÷ floor), and the peak resident memory of the consolidating process and of its busiest worker,
with the growth over the process before reading (what the units kept cost).

    .venv/bin/python bench/bench_merge.py [--runs 3] [--big 10000] [--only native,docx,pdf]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CORPUS = ROOT.parent / "shared" / "corpus"
TARGET_S = 30.0  # 1,000 native or DOCX units on this 2-core machine


def _hwm_kb(pid: int | str = "self") -> int:
    """Peak resident memory of one process (VmHWM; getrusage's figure survives exec, this does not)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def child(folder: str, workers: int) -> None:
    """One measured merge; prints its figures as JSON."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from forms.merge.consolidate import files_in, merge
    paths = files_in(folder)
    pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn")) if workers > 1 else None
    before = _hwm_kb()
    start = time.perf_counter()
    result = merge(paths, workers=workers, executor=pool)
    seconds = time.perf_counter() - start
    worker = max((_hwm_kb(pid) for pid in (pool._processes or {}) if pool), default=0) if pool else 0
    if pool:
        pool.shutdown()
    print(json.dumps({"seconds": seconds, "units": len(paths), "included": len(result.consolidation.included()),
                      "rss_before_kb": before, "rss_kb": _hwm_kb(), "worker_rss_kb": worker}))


def measure(folder: Path, workers: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(folder), "--workers", str(workers)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def make_sets(base: Path, big: int, only: set[str]) -> dict[str, Path]:
    from merge_units import unit_report, write_units

    from forms.render.docx_writer import write_docx
    sets: dict[str, Path] = {}
    if "native" in only:
        sets["1,000 native"] = base / "native"
        write_units(sets["1,000 native"], 1000)
    if "docx" in only:
        docx = sets["50 DOCX"] = base / "docx"
        docx.mkdir()
        for i in range(50):
            write_docx(unit_report(i), docx / f"unit{i:03d}.docx")
        write_units(base / "docx-floor", 50)
    pdfs = sorted(CORPUS.glob("*.pdf"))
    if "pdf" in only and pdfs:
        folder = sets["10 PDF"] = base / "pdf"
        folder.mkdir()
        for i in range(10):
            shutil.copy(pdfs[i % len(pdfs)], folder / f"{i:02d}_{pdfs[i % len(pdfs)].name}")
    elif "pdf" in only:
        print(f"(no PDFs: {CORPUS} is absent)")
    if big:
        sets[f"{big:,} native"] = base / "big"
        write_units(sets[f"{big:,} native"], big)
    return sets


def _mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--big", type=int, default=0, help="also N native units, one parallel run")
    p.add_argument("--only", default="native,docx,pdf", help="the sets to run, of native,docx,pdf")
    p.add_argument("--child")
    p.add_argument("--workers", type=int, default=1)
    args = p.parse_args()
    if args.child:
        child(args.child, args.workers)
        return
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        sets = make_sets(Path(tmp), args.big, set(args.only.split(",")))
        print(f"sets generated in {time.perf_counter() - start:.0f} s; {cores} cores; {args.runs} runs each, "
              "serial and parallel alternating, each in a fresh process")
        print(f"{'set':<16}{'mode':<12}{'min':>8}{'median':>8}{'max':>8}{'per unit':>10}{'÷ serial':>10}"
              f"{'peak RSS':>10}{'growth':>9}{'worker':>9}")
        for name, folder in sets.items():
            big = name.endswith("native") and not name.startswith("1,000")
            modes = [("parallel", folder, cores)] if big else [("serial", folder, 1), ("parallel", folder, cores)]
            if name == "50 DOCX":
                modes.append(("floor: JSON", folder.parent / "docx-floor", 1))
            runs: dict[str, list[dict]] = {m: [] for m, _, _ in modes}
            for _ in range(1 if big else args.runs):
                for mode, where, workers in modes:
                    runs[mode].append(measure(where, workers))
            serial = statistics.median(r["seconds"] for r in runs["serial"]) if "serial" in runs else None
            for mode, got in runs.items():
                secs = [r["seconds"] for r in got]
                med = statistics.median(secs)
                units = got[0]["units"]
                rss = max(r["rss_kb"] for r in got)
                growth = max(r["rss_kb"] - r["rss_before_kb"] for r in got)
                ratio = "—" if not serial else f"{serial / med:.2f}" if mode.startswith("floor") else f"{med / serial:.2f}"
                print(f"{name:<16}{mode:<12}{min(secs):>7.1f}s{med:>7.1f}s{max(secs):>7.1f}s"
                      f"{med / units * 1000:>8.1f}ms{ratio:>10}{_mb(rss):>10}{_mb(growth):>9}"
                      f"{_mb(max(r['worker_rss_kb'] for r in got)):>9}")
        print(f"target: 1,000 native or DOCX units under {TARGET_S:.0f} s; memory growing with the cells kept")


if __name__ == "__main__":
    main()
