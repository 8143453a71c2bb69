"""How long the report core takes on the bundled sample: a full check, and a save + load.

The editor checks the whole report on every keystroke, so a full check (every rule family, the
2023 prior attached: A, F, Y and N) should stay well under 1 ms. Each figure is the median and the
worst over many runs, and the median as a ratio to a plain `json.loads` of the same file measured
in the same run (so a slower or busier machine moves both).

    .venv/bin/python bench/bench_core.py [runs]
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.model import store  # noqa: E402
from forms.rules import RULES, check  # noqa: E402
from timing import timed

SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"
TARGET_US = 1000.0



def main(runs: int = 2000) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    report = store.load(SAMPLE)
    check(report)  # import the rule families, warm the caches a keystroke would find warm
    core = [r.code for r in RULES if r.family != "text"]

    # One cell typed between two checks, as in the editor; the value toggles, so every other check
    # finds 表三 out of balance (A1, and N1/N2 for the figures the text quotes).
    cell = ("applications", "granted", "natural_person")
    original = report.entered(*cell)

    def type_a_digit():
        report.set_cell(*cell, original + 1 if report.entered(*cell) == original else original)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.json"
        store.save(report, path)
        results = {
            "json.loads (baseline)": timed(lambda: json.loads(text), runs),
            "full check": timed(lambda: check(report), runs),
            "full check, a cell typed before": timed(lambda: check(report), runs, type_a_digit),
            "A/F/Y rules only": timed(lambda: check(report, codes=core), runs),
            "load": timed(lambda: store.load(path), max(runs // 10, 20)),
            "save (fsync)": timed(lambda: store.save(report, path), max(runs // 10, 20)),
            "save + load": timed(lambda: (store.save(report, path), store.load(path)), max(runs // 10, 20)),
        }
    report.set_cell(*cell, original)

    base = statistics.median(results["json.loads (baseline)"])
    print(f"nianbao core on {SAMPLE.name} ({len(text.encode()) // 1024} kB, {runs} runs; "
          f"findings: {len(check(report))})")
    print(f"{'':34}{'median µs':>11}{'worst µs':>11}{'× json.loads':>14}")
    for name, times in results.items():
        median = statistics.median(times)
        print(f"{name:34}{median * 1e6:11.1f}{max(times) * 1e6:11.1f}{median / base:14.2f}")
    full = statistics.median(results["full check"]) * 1e6
    print(f"full check: {full:.0f} µs median, target under {TARGET_US:.0f} µs: "
          f"{'met' if full < TARGET_US else 'NOT MET'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
