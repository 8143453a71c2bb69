"""Work that takes seconds (LibreOffice's PDF) done off the GUI thread, behind a busy dialog with 取消.

The window keeps repainting: the GUI thread runs an event loop while the work runs.
"""
from __future__ import annotations

import threading
from typing import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 400  # a quick export does not flash a dialog


class _Job(QThread):
    """A QThread, not a Python thread: Qt's own PDF layout (no LibreOffice) needs a Qt event dispatcher."""
    done = Signal(object)  # None, or the exception the work raised

    def __init__(self, work: Callable[[threading.Event], None], parent: QObject | None = None):
        super().__init__(parent)
        self.work = work
        self.cancel = threading.Event()

    def run(self) -> None:
        try:
            self.work(self.cancel)
            outcome = None
        except Exception as exc:  # handed to the GUI thread, which says what went wrong
            outcome = exc
        self.done.emit(outcome)  # queued to the GUI thread, where the job object lives


def run_in_background(parent: QWidget | None, label: str, work: Callable[[threading.Event], None]) -> Exception | None:
    """Run `work(cancel_event)` on a worker thread; returns what it raised, or None."""
    job = _Job(work)
    dialog = QProgressDialog(label, "取消", 0, 0, parent)  # 0..0: a busy bar, not a percentage
    dialog.setWindowTitle("正在导出")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setValue(0)  # starts the minimum-duration timer

    def cancel() -> None:
        job.cancel.set()
        dialog.setLabelText("正在取消……")

    dialog.canceled.connect(cancel)
    outcome: list[Exception | None] = []
    loop = QEventLoop()
    job.done.connect(lambda result: (outcome.append(result), loop.quit()))
    job.start()
    loop.exec()
    job.wait()
    dialog.canceled.disconnect(cancel)
    dialog.close()
    dialog.deleteLater()
    return outcome[0]
