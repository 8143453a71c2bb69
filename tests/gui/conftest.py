"""The real editor window, with settings, recovery files and dialogs kept inside the test."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from forms.model.store import RecoveryStore
from gui.context import AppContext
from gui_helpers import ScriptedInteraction


@pytest.fixture(scope="session", autouse=True)
def chinese_application(qapp):
    from gui.app import create_application
    return create_application()


@pytest.fixture
def interaction() -> ScriptedInteraction:
    return ScriptedInteraction()


@pytest.fixture
def context(tmp_path, interaction) -> AppContext:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(settings=settings, recovery=RecoveryStore(tmp_path / "recovery"),
                      interaction=interaction, autosave_ms=200)


@pytest.fixture
def report_path(tmp_path, sample_path) -> Path:
    path = tmp_path / "report.json"
    shutil.copy(sample_path, path)
    return path


@pytest.fixture
def window(qtbot, context, report_path):
    from gui.main_window import MainWindow
    w = MainWindow(context)
    qtbot.addWidget(w)
    assert w.open_path(report_path)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.context.interaction.answers["save_changes"] = "discard"
