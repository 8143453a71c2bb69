"""Autosave + kill + restart: the edits of a killed editor are offered back at the next start."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings

from forms.model.store import RecoveryStore
from gui.context import AppContext
from gui.main_window import MainWindow
from gui_helpers import select, table_view, type_into_cell

DRIVER = Path(__file__).with_name("autosave_driver.py")
ROOT = Path(__file__).resolve().parents[2]


def _wait_for_recovery(folder: Path, proc: subprocess.Popen, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode("utf-8", "replace")
        for path in folder.glob("recovery-*.json"):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            doc = data["document"]
            if (doc["tables"]["applications"]["granted"]["natural_person"] == 777
                    and doc["sections"]["problems"].endswith("崩溃前写下的一句话。")):
                return data
        time.sleep(0.1)
    raise AssertionError("no recovery file with the edits appeared")


def test_a_killed_editor_loses_nothing(qtbot, tmp_path, report_path, interaction):
    profile = tmp_path / "profile"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(DRIVER), str(report_path), str(profile)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        _wait_for_recovery(profile / "recovery", proc)
    finally:
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up
        proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()

    interaction.answers["restore"] = "restore"
    context = AppContext(settings=QSettings(str(profile / "settings.ini"), QSettings.Format.IniFormat),
                         recovery=RecoveryStore(profile / "recovery"), interaction=interaction)
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.offer_recovery()
    report = window.doc.report
    assert report.entered("applications", "granted", "natural_person") == 777
    assert report.text("problems").endswith("崩溃前写下的一句话。")
    assert window.doc.path == report_path and window.doc.modified and window.isWindowModified()
    assert window.save()
    assert not list((profile / "recovery").glob("recovery-*.json"))
    window.close()
    assert not list((profile / "recovery").iterdir()), "the killed editor's lock is cleared too"


def test_the_edits_of_an_editor_still_running_are_not_offered(qtbot, window, context, interaction):
    view = table_view(window, "applications")
    select(view, "granted", "natural_person")
    type_into_cell(qtbot, view, "60")
    qtbot.waitUntil(context.recovery.path_for(window.doc.doc_id).exists, timeout=3000)
    second = MainWindow(context)
    qtbot.addWidget(second)
    assert not second.offer_recovery()
    assert "restore" not in interaction.asked


def test_declining_keeps_or_discards_as_asked(qtbot, window, context, interaction):
    view = table_view(window, "applications")
    select(view, "granted", "natural_person")
    type_into_cell(qtbot, view, "60")
    recovery = context.recovery.path_for(window.doc.doc_id)
    qtbot.waitUntil(recovery.exists, timeout=3000)
    window.autosaver._lock.unlock()  # as if this editor had been killed
    later = MainWindow(context)
    qtbot.addWidget(later)
    assert not later.offer_recovery() and recovery.exists()  # 以后再说
    interaction.answers["restore"] = "discard"
    assert not later.offer_recovery() and not recovery.exists()
