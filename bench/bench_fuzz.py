"""Fuzzing every reader and the native loader: thousands of mutated documents, each read in a
child process with a time and a memory bound (tests/fixtures/bounded.py).

    .venv/bin/python bench/bench_fuzz.py [--cases 3000] [--seed 1] [--timeout 20] [--workers 2]

Prints cases tried, crashes, hangs, the worst time and the worst peak RSS (start-up included),
then the crashes and hangs themselves (the file is kept under the printed folder).
The standing test (tests/test_fuzz.py) runs a few hundred of the same cases.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
import bounded  # noqa: E402
import fuzzing  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="nianbao-fuzz-"))
    base = fuzzing.seeds(folder / "seeds")
    cases = fuzzing.hostile_cases(folder / "hostile") + fuzzing.mutants(
        base, args.cases, random.Random(args.seed), folder / "cases")
    started = time.perf_counter()
    results = bounded.run_all(cases, args.timeout, workers=args.workers)
    bad = [r for r in results if r.outcome in ("crash", "hang")]
    slowest = max(results, key=lambda r: r.seconds)
    biggest = max(results, key=lambda r: r.rss_mb)
    counts = {k: sum(r.outcome == k for r in results) for k in ("read", "refused", "crash", "hang")}
    print(f"cases tried: {len(results)} ({counts['read']} read, {counts['refused']} refused with a message) "
          f"in {time.perf_counter() - started:.0f} s")
    print(f"crashes: {counts['crash']}   hangs (> {args.timeout:.0f} s): {counts['hang']}")
    print(f"worst time: {slowest.seconds:.2f} s ({slowest.case})")
    print(f"worst RSS: {biggest.rss_mb:.0f} MB ({biggest.case})")
    print("slowest: " + ", ".join(f"{r.case} {r.seconds:.2f} s"
                                  for r in sorted(results, key=lambda r: -r.seconds)[:5]))
    print(f"files: {folder}")
    for r in bad[:20]:
        print(f"--- {r.outcome}: {r.case}\n{r.message.strip()[-1500:]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
