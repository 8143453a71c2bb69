"""How long the text rules (N1–N8) take on the longest corpus report.

The editor re-checks on every keystroke, so three figures matter: cold (no text read yet: opening
a document), warm (nothing changed: re-checking costs a cache lookup per text) and one keystroke
(one text changed, the others cached). Each is printed as median and worst over the runs, and as
a ratio to a plain regex scan for digits over the same texts, measured in the same run.

    /work/venv-dev/bin/python bench/bench_text.py [runs]
"""
from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.rules import check  # noqa: E402
from forms.rules.textfigures import read_text  # noqa: E402
from tests.test_text_corpus import DOCUMENTS, corpus_report  # noqa: E402
from timing import timed

CORPUS = ROOT.parent / "shared" / "corpus"
N_CODES = [f"N{i}" for i in range(1, 9)]
DIGITS = re.compile(r"\d+")



def main(runs: int = 200) -> None:
    name = max(DOCUMENTS, key=lambda n: (CORPUS / f"{n}.txt").stat().st_size)
    report = corpus_report(CORPUS, name)
    texts = [report.text(k) for k in report.text_keys]
    size = sum(len(t) for t in texts)
    key = "overview.on_request"
    original = report.text(key)
    typed = iter(range(10**9))

    def keystroke():
        report.set_text(key, original + "一" * (next(typed) % 50))  # a new text each run

    baseline = timed(lambda: [DIGITS.findall(t) for t in texts], runs)
    cold = timed(lambda: check(report, codes=N_CODES), runs, before=read_text.cache_clear)
    warm = timed(lambda: check(report, codes=N_CODES), runs)
    key_press = timed(lambda: check(report, codes=N_CODES), runs, before=keystroke)
    report.set_text(key, original)

    base = statistics.median(baseline)
    print(f"text rules N1–N8 on {name} ({size} characters of text, {len(check(report, codes=N_CODES))} "
          f"warnings), {runs} runs each")
    print(f"{'':12}{'median ms':>10}{'worst ms':>10}{'× regex scan':>14}")
    for label, times in [("regex scan", baseline), ("cold", cold), ("warm", warm), ("keystroke", key_press)]:
        med = statistics.median(times)
        print(f"{label:12}{med * 1000:10.3f}{max(times) * 1000:10.3f}{med / base:14.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
