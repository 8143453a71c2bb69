"""The real editor window, with settings, recovery files and dialogs kept inside the test."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from forms.model.store import RecoveryStore
from gui.context import AppContext
from gui.interaction import Interaction


class ScriptedInteraction(Interaction):
    """Answers the editor's questions from a dict and records what it said."""

    def __init__(self):
        self.answers: dict = {"save_changes": "discard", "restore": "later"}
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.asked: list[str] = []

    def open_path(self, parent, title, start=None, filters=""):
        self.asked.append("open_path")
        return self.answers.get("open_path")

    def save_path(self, parent, title, suggested):
        self.asked.append("save_path")
        return self.answers.get("save_path")

    def ask_save_changes(self, parent, what):
        self.asked.append("save_changes")
        return self.answers["save_changes"]

    def offer_restore(self, parent, recovery):
        self.asked.append("restore")
        return self.answers["restore"]

    def explanation(self, parent, finding, current=""):
        self.asked.append("explanation")
        return self.answers.get("explanation")

    def error(self, parent, title, message):
        self.errors.append(message)

    def info(self, parent, title, message):
        self.infos.append(message)


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
