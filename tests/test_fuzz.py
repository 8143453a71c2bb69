"""Every reader and the native loader under mutation, each case in a child process with a time and a
memory bound: a malformed file is read or refused with a Chinese message naming it — never a
traceback, a hang or a runaway allocation (thousands of cases: bench/bench_fuzz.py)."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
import bounded  # noqa: E402
import fuzzing  # noqa: E402

CASES = 200
HANG_S = 20.0      # per case; the bench prints how long the slowest one really took
MAX_RSS_MB = 300   # per case, the reading process's peak including the interpreter and its libraries


POSIX = pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the bounded reader forks (POSIX)")


def _verdict(results: list[bounded.Outcome]) -> None:
    bad = [f"{r.outcome}: {r.case}: {r.message.strip()[-600:]}" for r in results if r.outcome in ("crash", "hang")]
    assert not bad, "\n".join(bad)
    heavy = [f"{r.case}: {r.rss_mb:.0f} MB" for r in results if r.rss_mb > MAX_RSS_MB]
    assert not heavy, heavy


@POSIX
def test_mutated_documents_are_read_or_refused_within_bounds(tmp_path):
    base = fuzzing.seeds(tmp_path / "seeds")
    cases = fuzzing.mutants(base, CASES, random.Random(12), tmp_path / "cases", max_bytes=512 * 1024)
    results = bounded.run_all(cases, HANG_S)
    _verdict(results)
    kinds = {c.path.suffix for c in cases}
    assert {".json", ".docx", ".html", ".txt", ".pdf", ".mht"} <= kinds
    assert any(r.outcome == "refused" for r in results) and any(r.outcome == "read" for r in results)


@POSIX
def test_the_inputs_that_once_hung_are_refused_with_a_message_within_bounds(tmp_path):
    cases = fuzzing.hostile_cases(tmp_path, scale=0.25)
    results = {r.case: r for r in bounded.run_all(cases, HANG_S)}
    _verdict(list(results.values()))
    said = {name: r.message for name, r in results.items()}
    assert "表格" in said["wide_spans.html"]
    assert "解压后超过" in said["inflating.pdf"]
    assert "密码" in said["password.pdf"]
    assert "万字" in said["one_line.txt"] and "万字" in said["paragraphs.html"]
    assert "嵌套" in said["nested.mht"]
    for name in ("grid_span.docx", "grid_span_2g.docx"):  # the span is clipped: the report still reads
        assert results[name].outcome == "read", said[name]
