"""How long the text rules (N1–N8) take: on the longest corpus report, and on long texts.

The editor re-checks on every keystroke. Each keystroke here types a text never seen before (a
counter goes into it), so no cache answers for it: one text changed, the others as they were.
Cold is opening a document (every text read for the first time: the caches cleared). Each figure
is min / median / max over the runs, and the median as a ratio to a plain regex scan for digits
over the same texts, the two taking turns in the same run.

Then linearity: a long report built from every corpus text (each copy's figures shifted, so no
stretch repeats), read cold at 1×, 4× and 16× its size beside the regex scan of the same text.
Goal: linear in the text and under 20× the scan.

    .venv/bin/python bench/bench_text.py [runs]
"""
from __future__ import annotations

import re
import statistics
import sys
from itertools import count
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.rules import check  # noqa: E402
from forms.rules.textfigures import clear_caches, read_text  # noqa: E402
from tests.test_text_corpus import DOCUMENTS, corpus_report  # noqa: E402
from timing import alternating, spread  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
N_CODES = [f"N{i}" for i in range(1, 9)]
DIGITS = re.compile(r"\d+")
SCAN_GOAL = 20.0


def _scan(texts):
    return lambda: [DIGITS.findall(t) for t in texts]


def keystrokes(runs: int) -> None:
    name = max(DOCUMENTS, key=lambda n: (CORPUS / f"{n}.txt").stat().st_size)
    report = corpus_report(CORPUS, name)
    texts = [report.text(k) for k in report.text_keys]
    key = "overview.on_request"
    original = report.text(key)
    typed = count()

    def keystroke():  # a text never seen before: the counter is new every time
        report.set_text(key, original + f"本段第{next(typed)}次修改。")

    times = alternating({
        "regex scan": _scan(texts),
        "cold (opening)": (lambda: check(report, codes=N_CODES), clear_caches),
        "warm (nothing changed)": lambda: check(report, codes=N_CODES),
        "keystroke": (lambda: check(report, codes=N_CODES), keystroke),
    }, runs, warm=True)
    report.set_text(key, original)
    base = statistics.median(times["regex scan"])
    print(f"text rules N1–N8 on {name} ({sum(map(len, texts))} characters of text, "
          f"{len(check(report, codes=N_CODES))} warnings), {runs} alternating runs")
    print(f"{'':24}{'min / median / max ms':>26}{'× regex scan':>14}")
    for label, t in times.items():
        print(f"{label:24}{spread(t):>26}{statistics.median(t) / base:14.1f}")


def long_text() -> str:
    """Every corpus text, each copy's figures shifted by its number: nothing repeats."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return "\n".join(re.sub(r"\d+", lambda m: str(int(m.group()) + n), t) for n, t in enumerate(texts))


LINEARITY_SIZES = (1, 4, 16)
LINEAR_GROWTH = 1.5  # time per character at the largest size over that at 1×: below this, linear


def measure_linearity(runs: int) -> tuple[int, list[tuple[int, int, list[float], float]]]:
    """Characters at 1×, and for each size (size, characters, read times, median scan) of a cold read."""
    unit = long_text()
    rows = []
    for n in LINEARITY_SIZES:
        text = "\n".join(re.sub(r"\d+", lambda m, i=i: str(int(m.group()) + 1000 * i), unit) for i in range(n))
        times = alternating({"scan": _scan([text]), "read": (lambda: read_text(text), clear_caches)}, runs)
        rows.append((n, len(text), times["read"], statistics.median(times["scan"])))
    return len(unit), rows


def worst_and_growth(rows) -> tuple[float, float]:
    """The worst ratio of a read to the scan, and the time per character at the largest size to that at 1×."""
    worst = max(statistics.median(read) / scan for _, _, read, scan in rows)
    per_char = [statistics.median(read) / chars for _, chars, read, _ in rows]
    return worst, per_char[-1] / per_char[0]


def linearity(runs: int) -> None:
    unit_chars, rows = measure_linearity(runs)
    print(f"\ncold read of a long text (corpus texts joined, {unit_chars} characters at 1×), {runs} alternating runs")
    print(f"{'size':>6}{'characters':>12}{'read ms min/med/max':>26}{'scan ms':>9}{'× scan':>8}{'ms per 100k':>13}")
    for n, chars, read, base in rows:
        med = statistics.median(read)
        print(f"{n:>5}×{chars:>12}{spread(read):>26}{base * 1000:9.2f}{med / base:8.1f}"
              f"{med / chars * 1e5 * 1000:13.2f}")
    worst, growth = worst_and_growth(rows)
    print(f"time per character at {LINEARITY_SIZES[-1]}× the text: {growth:.2f}× that at 1× "
          f"(linear: < {LINEAR_GROWTH}: {'met' if growth < LINEAR_GROWTH else 'missed'}); "
          f"goal < {SCAN_GOAL:.0f}× the scan at every size: {'met' if worst < SCAN_GOAL else 'missed'}")


if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    keystrokes(runs)
    linearity(max(5, runs // 20))
