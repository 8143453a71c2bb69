"""Runs the real editor on a report, makes a clerk's edits, then waits to be killed.

Used by test_recovery.py: python autosave_driver.py REPORT PROFILE_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from forms.model.findings import Location
from forms.model.store import RecoveryStore
from gui.app import create_application
from gui.context import AppContext
from gui.main_window import MainWindow


def main(report: Path, profile: Path) -> int:
    app = create_application()
    context = AppContext(settings=QSettings(str(profile / "settings.ini"), QSettings.Format.IniFormat),
                         recovery=RecoveryStore(profile / "recovery"), autosave_ms=500)
    window = MainWindow(context)
    window.open_path(report)
    window.show()

    def edit() -> None:
        window.go_to(Location(table="applications"))
        model = window.current_page().tables["applications"].model()
        model.setData(model.index_of("granted", "natural_person"), "777")
        window.go_to(Location(text="problems"))
        editor = window.current_page().editors["problems"]
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        event = QInputMethodEvent("", [])
        event.setCommitString("崩溃前写下的一句话。")
        QApplication.sendEvent(editor, event)
        print("EDITED", flush=True)

    QTimer.singleShot(0, edit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
