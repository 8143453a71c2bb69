"""The window fits the screen it opens on, and wide tables fit the page or keep their labels in sight."""
from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from forms.model.findings import Location
from gui_helpers import table_view


def test_the_window_opens_inside_the_free_area_of_its_screen(window):
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    assert window.page_stack.width() >= 0.6 * window.width()  # the page gets the room, not the navigator


def test_table_three_narrows_to_the_page_with_every_figure_whole(window):
    view = table_view(window, "applications")
    view.fit(5000)
    natural = view.width()
    view.fit(600)
    assert view.width() <= 600 < natural
    floor = QFontMetrics(view.font()).horizontalAdvance("9999")
    g = view.model().grid
    assert all(view.columnWidth(c) >= floor for c in range(g.label_cols, g.n_cols))


def test_on_a_page_too_narrow_for_the_table_its_row_labels_stay_at_the_left(qtbot, window):
    window.resize(window.minimumSize())
    view = table_view(window, "applications")
    page = window.current_page()
    view.fit(300)  # narrower than the floor: the page scrolls sideways
    page.horizontalScrollBar().setValue(page.horizontalScrollBar().maximum())
    window.go_to(Location(table="applications", row="granted", column="other_org"))
    page.horizontalScrollBar().setValue(page.horizontalScrollBar().maximum())
    frozen = [w for w in page.viewport().children() if type(w).__name__ == "FrozenLabels" and w.table is view]
    assert frozen and frozen[0].isVisible() and frozen[0].x() == 0


def test_a_long_title_of_last_years_report_wraps_rather_than_widening_the_cover_page(qtbot, window):
    window.show_page("cover")
    page = window.current_page()
    note = page.prior_note
    assert note.text().startswith("已附加上年报告")
    before = page.widget().minimumSizeHint().width()
    note.setText("已附加上年报告：" + "某某省某某市某某区人民政府办公室" * 4 + "2023年政府信息公开工作年度报告")
    assert page.widget().minimumSizeHint().width() <= before
    assert page.widget().minimumSizeHint().width() < 700  # a 1366-wide screen at 150 % leaves ~ 700 px to the page
