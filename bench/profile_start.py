"""Where the editor's start-up goes: the steps of `nianbao --sample` timed one by one, in order.

A profile to read beside bench_gui.py's start-up figures (which time the whole start against a bare
window): each step in a fresh process, byte-code compiled as an installed package has it, several
starts, the median of each step. pydantic's own cost is split off (its import, then its first model)
to show what is ours. Steps marked * a bare PySide6 window pays too.

    .venv/bin/python bench/profile_start.py [starts]
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STEPS = """
import json, time
marks = []
def mark(name):
    marks.append((name, time.perf_counter()))
start = time.perf_counter()
import gui.launcher
gui.launcher._without_pydantic_plugins()
import pydantic; mark("import pydantic")
from pydantic import BaseModel
class First(BaseModel):
    a: int = 0
mark("pydantic: its first model")
import forms.model, forms.model.findings; mark("our models and the spec")
import forms.rules; mark("the rules' registry")
import tempfile, pathlib
from gui.applog import start_logging
start_logging(pathlib.Path(tempfile.mkdtemp())); mark("the log file")
import PySide6.QtWidgets; mark("* PySide6 QtCore, QtGui, QtWidgets")
from PySide6.QtCore import Qt; mark("the Qt namespace (its enum types)")
import gui.app, gui.main_window; mark("the editor's modules")
app = gui.app.create_application(); mark("* QApplication, fonts, style")
from PySide6.QtCore import QSettings, QTemporaryDir
from gui.context import AppContext
scratch = QTemporaryDir()
window = gui.main_window.MainWindow(AppContext(QSettings(scratch.path() + "/s.ini", QSettings.Format.IniFormat), None))
mark("the main window built")
window.open_sample(); mark("the sample opened (its first check)")
window.show()
while not window.doc.checked:
    app.processEvents()
for _ in range(3):
    app.processEvents()
mark("shown, painted, findings listed")
window.doc.undo_stack.setClean()
window.close()
steps, before = [], start
for name, at in marks:
    steps.append((name, (at - before) * 1000))
    before = at
print(json.dumps(steps))
"""


def main(starts: int = 7) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=tempfile.mkdtemp(prefix="nianbao-pyc-"),
               QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"))
    profile = tempfile.mkdtemp(prefix="nianbao-profile-")
    env["XDG_CONFIG_HOME"], env["XDG_DATA_HOME"] = f"{profile}/config", f"{profile}/data"
    runs = []
    for i in range(starts + 1):
        done = subprocess.run([sys.executable, "-c", STEPS], capture_output=True, text=True, cwd=ROOT, env=env,
                              timeout=120)
        if done.returncode != 0:
            raise SystemExit(done.stderr)
        if i:  # the first compiled the byte-code
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"the editor's start on the sample, step by step: median ms of {starts} starts (min–max)")
    total = 0.0
    for n, (name, _) in enumerate(runs[0]):
        times = [run[n][1] for run in runs]
        total += statistics.median(times)
        print(f"  {name:40}{statistics.median(times):7.1f}   ({min(times):.1f}–{max(times):.1f})")
    print(f"  {'sum of the medians':40}{total:7.1f}   (Python's own start-up before the first step not included)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
