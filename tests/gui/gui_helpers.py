"""Driving the editor as a clerk does: go to a table, type into a cell, commit Chinese text."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from forms.model.findings import Location


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
