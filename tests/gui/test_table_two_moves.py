"""表二's four tables are one form: Down and Enter at the last row go on to the next table."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui_helpers import select, table_view


def _current(view):
    return view.model().cell_at(view.currentIndex())


def test_enter_at_the_last_row_of_a_table_two_part_moves_to_the_next_part(qtbot, window):
    first = table_view(window, "regulations")
    last_row = first.model().grid.table.rows[-1].key
    select(first, last_row, "issued")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    second = window.current_page().tables["licensing"]
    assert QApplication.focusWidget() is second
    assert _current(second)[0] == second.model().grid.table.rows[0].key
    qtbot.keyClick(second, Qt.Key.Key_Up)  # and back up
    assert QApplication.focusWidget() is first and _current(first)[0] == last_row


def test_down_arrow_at_the_last_row_moves_on_too(qtbot, window):
    first = table_view(window, "regulations")
    select(first, first.model().grid.table.rows[-1].key, "repealed")
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.current_page().tables["licensing"]
