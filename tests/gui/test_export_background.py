"""Exports run off the GUI thread behind a busy dialog with 取消; the window keeps repainting."""
from __future__ import annotations

import stat
import sys
import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from forms.render import office
from gui import export_ui
from gui.export_job import run_in_background


def _answer_export(monkeypatch, window, out) -> None:
    ask = window.context.interaction
    monkeypatch.setattr(ask, "confirm_export", lambda parent, message: True, raising=False)
    monkeypatch.setattr(ask, "export_path", lambda parent, kind, suggested: out, raising=False)


def _cancel_when_shown(qtbot, ticks: list) -> None:
    def poll():
        ticks.append(time.monotonic())  # the GUI thread is free while the work runs
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                next(b for b in w.findChildren(QPushButton) if b.text() == "取消").click()
                return
        QTimer.singleShot(50, poll)
    QTimer.singleShot(50, poll)


def test_slow_work_keeps_the_event_loop_running_and_cancel_reaches_it(qtbot, window):
    ticks: list[float] = []
    worker_threads = []

    def work(cancel: threading.Event) -> None:
        worker_threads.append(threading.current_thread())
        if not cancel.wait(10):
            raise AssertionError("not cancelled")
        raise office.Cancelled("已取消。")

    _cancel_when_shown(qtbot, ticks)
    started = time.monotonic()
    outcome = run_in_background(window, "正在导出……", work)
    assert isinstance(outcome, office.Cancelled)
    assert time.monotonic() - started < 5
    assert worker_threads[0] is not threading.main_thread()
    assert len(ticks) >= 5  # timers fired (and the window painted) throughout


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for LibreOffice")
def test_cancelling_a_pdf_export_stops_libreoffice_and_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexec sleep 30\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(office, "find_soffice", lambda: str(fake))
    out = tmp_path / "报告.pdf"
    _answer_export(monkeypatch, window, out)
    ticks: list[float] = []
    _cancel_when_shown(qtbot, ticks)
    started = time.monotonic()
    assert export_ui.export_report(window, window.context, window.doc.report, window.doc.path, "pdf") is None
    assert time.monotonic() - started < 10
    assert not out.exists() and window.doc.report.exports == []


def test_an_export_of_a_saved_report_with_warnings_leaves_it_saved(qtbot, window, tmp_path, monkeypatch):
    window.doc.report.tables["review_litigation"]["review"]["upheld"] = None  # an open A6
    window.save()
    assert not window.doc.modified
    out = tmp_path / "报告.html"
    _answer_export(monkeypatch, window, out)
    window.export("html")
    assert out.exists() and not window.doc.modified
    from forms.model import store
    assert len(store.load(window.doc.path).exports) == 1  # the record is in the file
    assert "报告.html" in window.statusBar().currentMessage()


def test_qt_pdf_engine_works_off_the_gui_thread(qtbot, window, tmp_path):
    """Where LibreOffice is missing (many Windows desktops), Qt lays the PDF out on the worker thread."""
    from gui.pdf import write_pdf
    out = tmp_path / "报告.pdf"
    report = window.doc.report.model_copy(deep=True)
    assert run_in_background(window, "正在导出……", lambda cancel: write_pdf(report, out, engine="qt")) is None
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 10_000
