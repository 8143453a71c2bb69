"""Filling the official tables in the real window: typing, rejection, paste, copy, delete, undo."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit

from gui.table_model import COMPUTED_BACKGROUND, KindRole
from gui.cell_editor import BLANK_HATCH
from gui_helpers import commit_text, select, table_view, type_into_cell

T = "applications"


def test_typing_a_number_enters_it_updates_the_total_and_moves_down(qtbot, window):
    view = table_view(window, T)
    select(view, "new_received", "natural_person")
    type_into_cell(qtbot, view, "140")
    report = window.doc.report
    assert report.entered(T, "new_received", "natural_person") == 140
    total = view.model().index_of("new_received", "total")
    assert total.data() == "159"  # 140 + 11 + 1 + 0 + 4 + 3
    assert view.model().cell_at(view.currentIndex()) == ("carried_over", "natural_person")
    assert window.isWindowModified()


def test_thousands_separator_and_full_width_digits_are_numbers(qtbot, window):
    view = table_view(window, "licensing")
    select(view, "administrative_license", "decisions")
    type_into_cell(qtbot, view, "1,352")
    assert window.doc.report.entered("licensing", "administrative_license", "decisions") == 1352
    select(view, "administrative_license", "decisions")
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.clear()
    commit_text(editor, "２０４８")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(10)
    assert window.doc.report.entered("licensing", "administrative_license", "decisions") == 2048


def test_the_fee_takes_decimals_but_counts_do_not(qtbot, window):
    fees = table_view(window, "fees")
    select(fees, "admin_fees", "amount")
    type_into_cell(qtbot, fees, "12.3456")
    assert window.doc.report.entered("fees", "admin_fees", "amount") == Decimal("12.3456")
    view = table_view(window, T)
    select(view, "granted", "research")
    editor = type_into_cell(qtbot, view, "2.5")
    assert editor.isVisible() and view.inline.isVisible()
    assert "整数" in view.inline.text()


def test_text_in_a_cell_is_rejected_beside_the_cell_and_nothing_changes(qtbot, window):
    view = table_view(window, T)
    select(view, "granted", "natural_person")
    editor = type_into_cell(qtbot, view, "57a")
    assert isinstance(editor, QLineEdit) and editor.isVisible(), "the editor stays open on bad input"
    assert view.inline.isVisible() and "不是数字" in view.inline.text()
    assert window.doc.report.entered(T, "granted", "natural_person") == 57
    assert window.doc.undo_stack.count() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not view.inline.isVisible()


def test_totals_are_read_only_and_look_different(qtbot, window):
    view = table_view(window, T)
    model = view.model()
    total = model.index_of("new_received", "total")
    assert not model.flags(total) & Qt.ItemFlag.ItemIsEditable
    assert model.data(total, Qt.ItemDataRole.BackgroundRole) == COMPUTED_BACKGROUND
    assert model.data(model.index_of("new_received", "natural_person"), Qt.ItemDataRole.BackgroundRole) is None
    assert model.index_of("results_total", "research").data(KindRole) == "computed"
    assert not model.setData(total, "5")


def _has_color(image, rect, color: QColor) -> bool:
    return any(image.pixelColor(x, y) == color for x in range(rect.left() + 2, rect.right() - 2)
               for y in range(rect.top() + 2, rect.bottom() - 2))


def test_blank_and_zero_look_different(qtbot, window):
    view = table_view(window, T)
    model = view.model()
    select(view, "granted", "social_welfare")
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    blank, zero = model.index_of("granted", "social_welfare"), model.index_of("partially_granted", "social_welfare")
    assert window.doc.report.entered(T, "granted", "social_welfare") is None
    assert (blank.data(), zero.data()) == ("", "0")
    view.clearSelection()
    view.setCurrentIndex(model.index_of("new_received", "natural_person"))
    image = view.viewport().grab().toImage()
    assert _has_color(image, view.visualRect(blank), BLANK_HATCH)
    assert not _has_color(image, view.visualRect(zero), BLANK_HATCH)


def test_paste_a_block_from_a_spreadsheet_is_one_undo_step(qtbot, window):
    view = table_view(window, T)
    report = window.doc.report
    select(view, "new_received", "natural_person")
    QApplication.clipboard().setText("100\t12\t2\r\n5\t3\t1\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    got = [[report.entered(T, r, c) for c in ("natural_person", "commercial", "research")]
           for r in ("new_received", "carried_over")]
    assert got == [[100, 12, 2], [5, 3, 1]]
    assert window.doc.undo_stack.count() == 1
    window.undo_action.trigger()
    assert report.entered(T, "new_received", "natural_person") == 131
    assert report.entered(T, "carried_over", "research") == 0
    window.redo_action.trigger()
    assert report.entered(T, "carried_over", "research") == 1


def test_a_paste_with_a_word_in_it_changes_nothing_and_says_where(qtbot, window):
    view = table_view(window, T)
    select(view, "new_received", "natural_person")
    assert not view.paste_text("1\t2\n3\t无数据\n")
    assert window.doc.report.entered(T, "new_received", "natural_person") == 131
    assert view.inline.isVisible() and "上年结转" in view.inline.text() and "商业企业" in view.inline.text()
    assert not view.paste_text("1\t2\t3\t4\t5\t6\t7\t8\n")
    assert "超出" in view.inline.text()


def test_paste_over_the_total_column_skips_it(qtbot, window):
    view = table_view(window, T)
    select(view, "carried_over", "other_org")
    assert view.paste_text("9\t999\n")
    assert window.doc.report.entered(T, "carried_over", "other_org") == 9
    assert view.model().index_of("carried_over", "total").data() == "16"


def test_copy_a_block_gives_tab_separated_lines(qtbot, window):
    view = table_view(window, T)
    model = view.model()
    view.setCurrentIndex(model.index_of("new_received", "natural_person"))
    view.selectionModel().select(
        __import__("PySide6.QtCore", fromlist=["QItemSelection"]).QItemSelection(
            model.index_of("new_received", "other_org"), model.index_of("carried_over", "total")),
        view.selectionModel().SelectionFlag.ClearAndSelect)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "3\t150\r\n1\t8\r\n"


def test_delete_clears_and_undo_brings_it_back(qtbot, window):
    view = table_view(window, T)
    select(view, "granted", "natural_person")
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.doc.report.entered(T, "granted", "natural_person") is None
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.report.entered(T, "granted", "natural_person") == 57
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.report.entered(T, "granted", "natural_person") is None


def test_tab_skips_totals_like_a_form(qtbot, window):
    view = table_view(window, T)
    select(view, "new_received", "other_org")
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.model().cell_at(view.currentIndex()) == ("carried_over", "natural_person")
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.model().cell_at(view.currentIndex()) == ("carried_over", "commercial")


def test_review_table_is_one_line_of_fifteen_cells(qtbot, window):
    view = table_view(window, "review_litigation")
    model = view.model()
    assert model.grid.n_cols == 15
    select(view, "litigation_direct", "pending")
    type_into_cell(qtbot, view, "2")
    assert model.index_of("litigation_direct", "total").data() == str(
        sum(window.doc.report.entered("review_litigation", "litigation_direct", c) or 0
            for c in ("upheld", "corrected", "other", "pending")))


def test_undo_of_an_edit_elsewhere_shows_where_it_happened(qtbot, window):
    view = table_view(window, T)
    select(view, "granted", "natural_person")
    type_into_cell(qtbot, view, "58")
    window.show_page("overview")
    window.undo_action.trigger()
    assert window.current_page().tables.get(T) is view
    assert view.model().cell_at(view.currentIndex()) == ("granted", "natural_person")


def test_the_column_labels_of_table_three_stay_in_sight_while_scrolling(qtbot, window):
    from gui.table_view import StickyHeader
    view = table_view(window, T)
    page = window.current_page()
    sticky = page.viewport().findChild(StickyHeader)
    assert not sticky.isVisible()
    select(view, "new_received", "natural_person")
    for _ in range(24):  # down to the last row with the arrow key: the page follows the cursor
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.model().cell_at(view.currentIndex()) == ("carried_forward", "natural_person")
    cell = view.visualRect(view.currentIndex())
    top_left = view.viewport().mapTo(page.viewport(), cell.topLeft())
    assert 0 <= top_left.y() and top_left.y() + cell.height() <= page.viewport().height()
    qtbot.waitUntil(sticky.isVisible, timeout=1000)
    assert sticky.y() == 0 and sticky.model() is view.model()
    page.verticalScrollBar().setValue(0)
    assert not sticky.isVisible()


def test_a_cell_tooltip_gives_last_years_figure(qtbot, window):
    view = table_view(window, T)
    tip = view.model().index_of("new_received", "total").data(Qt.ItemDataRole.ToolTipRole)
    prior = window.doc.report.prior
    assert f"上年（2023 年）：{prior.value(T, 'new_received', 'total')}" in tip


def test_blanks_filled_with_zero_in_one_step(qtbot, window):
    view = table_view(window, T)
    for row, column in (("granted", "research"), ("other_misc", "commercial")):
        select(view, row, column)
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [f.code for f in window.doc.findings].count("A6") == 2
    steps = window.doc.undo_stack.count()
    window.actions_["fill_zero"].trigger()
    report = window.doc.report
    assert report.entered(T, "granted", "research") == 0 == report.entered(T, "other_misc", "commercial")
    assert "A6" not in [f.code for f in window.doc.findings]
    assert window.doc.undo_stack.count() == steps + 1


def test_in_a_small_window_the_cell_moved_to_shows_whole_below_the_column_labels(qtbot, window):
    """At 200 % on a laptop the page has room for the header and about one row: the row the cursor
    reaches must not hide behind the column labels kept at the top."""
    from gui.table_view import StickyHeader
    window.resize(800, 500)
    view = table_view(window, T)
    page = window.current_page()
    sticky = page.viewport().findChild(StickyHeader)
    select(view, "new_received", "natural_person")
    QApplication.processEvents()
    assert page.viewport().height() < 2 * sticky.height()  # room for the labels and a row or two, no more
    for _ in range(8):
        qtbot.keyClick(view, Qt.Key.Key_Down)
        QApplication.processEvents()
        cell = view.visualRect(view.currentIndex())
        top = view.viewport().mapTo(page.viewport(), cell.topLeft()).y()
        covered = sticky.height() if sticky.isVisible() else 0
        assert top >= covered, view.model().cell_at(view.currentIndex())
    for _ in range(8):
        qtbot.keyClick(view, Qt.Key.Key_Up)
        QApplication.processEvents()
        cell = view.visualRect(view.currentIndex())
        top = view.viewport().mapTo(page.viewport(), cell.topLeft()).y()
        assert top >= (sticky.height() if sticky.isVisible() else 0)
        assert top + cell.height() <= page.viewport().height() or top == (sticky.height() if sticky.isVisible() else 0)
