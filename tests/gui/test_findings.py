"""Live checking in the window: findings appear and go as the clerk types, and lead to their place."""
from __future__ import annotations

from PySide6.QtCore import Qt

from forms.model.findings import Severity
from gui.findings_panel import group_findings
from gui.table_model import TINTS
from gui_helpers import select, table_view, type_into_cell

T = "applications"


def _codes(window):
    return [f.code for f in window.doc.findings]


def test_a1_appears_and_disappears_as_the_clerk_types(qtbot, window):
    view = table_view(window, T)
    assert "A1" not in _codes(window)
    select(view, "new_received", "natural_person")
    type_into_cell(qtbot, view, "132")
    a1 = [f for f in window.doc.findings if f.code == "A1"]
    assert sorted(f.location.column for f in a1) == ["natural_person", "total"]
    panel_rows = [f.code for _, _, items in window.panel.model.groups for f in items]
    assert "A1" in panel_rows
    assert "错误 2" in window.counts_label.text()
    tinted = view.model().index_of("new_received", "natural_person")
    assert tinted.data(Qt.ItemDataRole.BackgroundRole) == TINTS[Severity.ERROR]
    assert "不平衡" in tinted.data(Qt.ItemDataRole.ToolTipRole)
    select(view, "new_received", "natural_person")
    type_into_cell(qtbot, view, "131")
    assert "A1" not in _codes(window)
    assert tinted.data(Qt.ItemDataRole.BackgroundRole) is None
    assert window.panel.summary.text() == "未发现问题。"


def _blank_a_cell(qtbot, window, row="withheld_state_secret", column="natural_person"):
    view = table_view(window, T)
    select(view, row, column)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    return view


def _click_finding(qtbot, window, code):
    model = window.panel.model
    for g, (_, _, items) in enumerate(model.groups):
        for r, f in enumerate(items):
            if f.code == code:
                index = model.index(r, 1, model.index(g, 0))
                rect = window.panel.view.visualRect(index)
                qtbot.mouseClick(window.panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                return f
    raise AssertionError(f"{code} is not in the panel")


def test_clicking_a_finding_lands_on_its_cell(qtbot, window):
    view = _blank_a_cell(qtbot, window)  # A6: a blank where the format wants a number
    window.show_page("overview")
    f = _click_finding(qtbot, window, "A6")
    assert (f.location.row, f.location.column) == ("withheld_state_secret", "natural_person")
    assert window.current_page().tables.get(T) is view
    assert view.model().cell_at(view.currentIndex()) == ("withheld_state_secret", "natural_person")
    assert view.hasFocus()


def test_clicking_a_text_finding_selects_the_text(qtbot, window):
    doc = window.doc
    doc.set_text("other", "")  # F1: 六 must not be empty
    _click_finding(qtbot, window, "F1")
    editor = window.current_page().editors["other"]
    assert editor.hasFocus()


def test_f8_and_shift_f8_walk_the_findings(qtbot, window):
    _blank_a_cell(qtbot, window, "withheld_state_secret", "natural_person")
    _blank_a_cell(qtbot, window, "withheld_security_stability", "natural_person")
    view = table_view(window, T)
    order = [f for key, _, items in group_findings(window.doc) if key != "verified" for f in items]
    assert len(order) == 2
    qtbot.keyClick(view, Qt.Key.Key_F8)
    first = view.model().cell_at(view.currentIndex())
    qtbot.keyClick(view, Qt.Key.Key_F8)
    second = view.model().cell_at(view.currentIndex())
    assert {first, second} == {("withheld_state_secret", "natural_person"), ("withheld_security_stability", "natural_person")}
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.model().cell_at(view.currentIndex()) == first


def test_a_warning_marked_verified_keeps_its_explanation_and_can_be_undone(qtbot, window, interaction):
    _blank_a_cell(qtbot, window)
    f = _click_finding(qtbot, window, "A6")
    assert f.severity is Severity.WARNING
    interaction.answers["explanation"] = "本年确无此类申请，原表即为空白"
    qtbot.mouseClick(window.panel.verify, Qt.MouseButton.LeftButton)
    ack = window.doc.report.acknowledged[f.fingerprint]
    assert ack.code == "A6" and ack.explanation == "本年确无此类申请，原表即为空白"
    groups = {key: items for key, _, items in window.panel.model.groups}
    assert [x.fingerprint for x in groups["verified"]] == [f.fingerprint] and "warning" not in groups
    cell = table_view(window, T).model().index_of("withheld_state_secret", "natural_person")
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is None
    window.undo_action.trigger()
    assert f.fingerprint not in window.doc.report.acknowledged
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == TINTS[Severity.WARNING]


def test_errors_cannot_be_marked_verified(qtbot, window, interaction):
    view = table_view(window, T)
    select(view, "new_received", "natural_person")
    type_into_cell(qtbot, view, "132")
    _click_finding(qtbot, window, "A1")
    assert not window.panel.verify.isEnabled()
    window.panel.acknowledge_current()
    assert "explanation" not in interaction.asked and window.doc.report.acknowledged == {}


def test_a_report_opened_with_findings_shows_them_grouped_and_expanded(qtbot, window, tmp_path, sample_path):
    import json
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    data["tables"]["applications"]["granted"]["natural_person"] += 1
    path = tmp_path / "不平衡.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert window.open_path(path)
    panel = window.panel
    errors = panel.model.index(0, 0)
    assert errors.data() == "错误（2）"
    assert panel.view.isExpanded(errors) and panel.view.isFirstColumnSpanned(0, errors.parent())
    assert panel.summary.text().startswith("错误 2 项")
