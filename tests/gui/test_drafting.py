"""Drafting: blanks are progress (navigator, status bar, under each table) until a table is marked finished."""
from __future__ import annotations

from forms.model import new_report
from gui_helpers import select, table_view, type_into_cell


def test_typing_one_row_into_a_blank_table_three_raises_no_blank_cell_warnings(qtbot, window):
    window.open_report(new_report(2025, "青岚县人民政府"), untitled="草稿", modified=True)
    view = table_view(window, "applications")
    select(view, "new_received", "natural_person")
    for _ in range(6):
        type_into_cell(qtbot, view, "1", finish=None)
        qtbot.keyClick(window.focusWidget(), "\t")
    assert not [f for f in window.doc.findings if f.code == "A6"]
    filled, total = window.doc.report.fill_progress("applications")
    assert filled == 6
    assert f"已填 {filled} / {total} 格" in window.current_page().progress["applications"].count.text()
    item = window.navigator._items[("applications", None)]
    assert item.text(1) == f"{filled}/{total}"
    assert "表格已填" in window.progress_label.text()
    # marked finished: now its blanks are findings, and undo takes the mark back
    window.current_page().progress["applications"].finished.setChecked(True)
    assert {f.location.table for f in window.doc.findings if f.code == "A6"} == {"applications"}
    window.undo_action.trigger()
    assert not [f for f in window.doc.findings if f.code == "A6"]
    assert not window.current_page().progress["applications"].finished.isChecked()


def test_the_final_check_counts_blanks_as_the_export_gate_does(qtbot, window, interaction):
    draft = new_report(2025, "青岚县人民政府")
    draft.set_cell("applications", "new_received", "natural_person", 3)  # 表三 begun, not finished
    window.open_report(draft, untitled="草稿", modified=True)
    assert not [f for f in window.doc.findings if f.code == "A6"]
    window.actions_["final_check"].trigger()
    assert "空白" in interaction.infos[-1]
