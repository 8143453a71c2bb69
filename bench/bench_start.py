"""What each command costs as a process: for a command, start-up is almost all of its time.

Each subcommand runs as `python -m gui.launcher …` (what the `nianbao` script does) on the
sample, and beside it, taking turns, the floor: a Python process that imports pydantic and loads
the report's JSON (less cannot read a report). Wall time and CPU time (user + system of the
child, which the machine's other load inflates less), min / median / max over the runs, and the
median CPU as a ratio to the floor's. Goal for `check`: < 1.5× the floor.

A second reference, not the floor: the same process building one pydantic model and validating the
JSON with it (plugin discovery off, as in `nianbao`). The first model built imports pydantic's schema machinery, which `import pydantic`
alone does not; every command that reads a report pays it, so this line shows what is left of
`check` once it is paid.

    .venv/bin/python bench/bench_start.py [runs]
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"
CORPUS = ROOT.parent / "shared" / "corpus"
CHECK_GOAL = 1.5
FLOOR, MODEL, CHECK = "floor: import pydantic, load the JSON", "reference: one pydantic model", "nianbao check"


def run_once(argv: list[str], env: dict) -> tuple[float, float]:
    """(wall s, CPU s) of one process. Waited for with wait4, which blocks until the child ends
    and returns its own rusage: `subprocess.run(timeout=…)` polls with sleeps of up to 50 ms, so
    its wall times came in steps of 50 ms."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    watchdog = threading.Timer(300, proc.kill)  # a hung command ends the bench, not the machine
    watchdog.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        watchdog.cancel()
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    return wall, usage.ru_utime + usage.ru_stime


def measure(runs: int, only: tuple[str, ...] = ()) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """(wall, CPU) seconds of each case (the floor first; `only`: these cases beside it)."""
    folder = Path(tempfile.mkdtemp(prefix="nianbao-start-"))
    report = folder / "report.json"
    shutil.copy(SAMPLE, report)
    nianbao = [sys.executable, "-m", "gui.launcher"]
    cases = {
        FLOOR: [sys.executable, "-c",
                                                   f"import json, pydantic; json.loads(open({str(report)!r}, encoding='utf-8').read())"],
        MODEL: [sys.executable, "-c",
                                          "import json, os\nos.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'  # as nianbao\n"
                                          "from pydantic import BaseModel\n"
                                          "class Report(BaseModel):\n    tables: dict = {}\n"
                                          f"Report.model_validate(json.loads(open({str(report)!r}, encoding='utf-8').read()))"],
        "nianbao --help": nianbao + ["--help"],
        CHECK: nianbao + ["check", str(report)],
        "nianbao check --json": nianbao + ["check", str(report), "--json"],
        "nianbao new": nianbao + ["new", "--year", "2025", "--org", "青岚县人民政府", "-o", str(folder / "new.json")],
        "nianbao prefill": nianbao + ["prefill", str(report), "-o", str(folder / "draft.json")],
        "nianbao export --html": nianbao + ["export", str(report), "--html", str(folder / "r.html"), "--force"],
        "nianbao export --docx": nianbao + ["export", str(report), "--docx", str(folder / "r.docx"), "--force"],
    }
    text = CORPUS / "shanghai_govoffice_2019.txt"
    if text.exists():
        cases["nianbao import (text)"] = nianbao + ["import", str(text), "-o", str(folder / "imported.json")]
    if only:
        cases = {name: argv for i, (name, argv) in enumerate(cases.items()) if i == 0 or name in only}
    # As installed: byte-code compiled once, kept out of the checkout.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="nianbao-pyc-")
    env["XDG_CONFIG_HOME"], env["XDG_DATA_HOME"] = str(folder / "config"), str(folder / "data")
    for argv in cases.values():
        run_once(argv, env)  # byte-code compiled
    wall: dict[str, list[float]] = {name: [] for name in cases}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    for i in range(runs):
        order = list(cases.items())
        for name, argv in (order if i % 2 == 0 else order[::-1]):
            w, c = run_once(argv, env)
            wall[name].append(w)
            cpu[name].append(c)
    return wall, cpu


def main(runs: int = 7) -> None:
    wall, cpu = measure(runs)
    floor, least = statistics.median(cpu[FLOOR]), min(cpu[FLOOR])
    print(f"each command as a process, {runs} runs taking turns (ms, min / median / max); × floor: CPU, the medians'"
          " ratio and the minimums' (the least disturbed run of each)")
    print(f"{'':40}{'wall':>22}{'CPU':>22}{'× floor':>9}{'(min)':>7}")
    for name in wall:
        w, c = wall[name], cpu[name]
        cell = lambda t: f"{min(t) * 1000:.0f} / {statistics.median(t) * 1000:.0f} / {max(t) * 1000:.0f}"  # noqa: E731
        print(f"{name:40}{cell(w):>22}{cell(c):>22}{statistics.median(c) / floor:9.2f}{min(c) / least:7.2f}")
    ratio = statistics.median(cpu[CHECK]) / floor
    model = statistics.median(cpu[MODEL])
    print(f"nianbao check beyond one pydantic model: {(statistics.median(cpu[CHECK]) - model) * 1000:.0f} ms CPU")
    print(f"nianbao check: {ratio:.2f}× the floor, {min(cpu[CHECK]) / least:.2f}× at the least "
          f"(goal < {CHECK_GOAL}×: {'met' if ratio < CHECK_GOAL else 'missed'})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
