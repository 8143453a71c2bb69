"""Driving the editor as a clerk does: go to a table, type into a cell, commit Chinese text."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from forms.model.findings import Location
from gui.interaction import Interaction


def table_view(window, table: str):
    assert window.go_to(Location(table=table))
    return window.current_page().tables[table]


def select(view, row: str, column: str):
    view.select_cell(row, column)
    return view.model().index_of(row, column)


def type_into_cell(qtbot, view, text: str, finish=Qt.Key.Key_Return):
    """Type as a clerk does: the first key opens the editor, the rest go into it."""
    qtbot.keyClick(view, text[0])
    editor = QApplication.focusWidget()
    assert editor is not view, "typing did not open a cell editor"
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    if finish is not None:
        qtbot.keyClick(editor, finish)
        qtbot.wait(10)  # the delegate commits on a queued call
    return editor


def commit_text(widget, text: str) -> None:
    """What an input method (Pinyin, Wubi) sends when the clerk picks a phrase."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


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

    def open_paths(self, parent, title, start=None, filters=""):
        self.asked.append("open_paths")
        return self.answers.get("open_paths", [])

    def open_folder(self, parent, title, start=None):
        self.asked.append("open_folder")
        return self.answers.get("open_folder")

    def save_file(self, parent, title, suggested, filters):
        self.asked.append("save_file")
        return self.answers.get("save_file")

    def ask_text(self, parent, title, prompt, current=""):
        self.asked.append("ask_text")
        return self.answers.get("ask_text")

    def save_path(self, parent, title, suggested):
        self.asked.append("save_path")
        return self.answers.get("save_path")

    def file_changed(self, parent, name, other):
        self.asked.append(("file_changed", name, other))
        return self.answers.get("file_changed", "cancel")

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
