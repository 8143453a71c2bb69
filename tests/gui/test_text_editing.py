"""The text sections: Chinese through an input method, undo in sensible steps, findings underlined."""
from __future__ import annotations

from PySide6.QtCore import Qt

from forms.model.findings import Location
from gui_helpers import commit_text


def _editor(window, key):
    assert window.go_to(Location(text=key))
    return window.current_page().editors[key]


def test_chinese_typed_through_an_input_method_reaches_the_report(qtbot, window):
    editor = _editor(window, "problems")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, "下一步将加强培训。")
    assert window.doc.report.text("problems").endswith("下一步将加强培训。")
    block = editor.parentWidget()
    assert block.count.text() == f"{sum(not c.isspace() for c in window.doc.report.text('problems'))} 字"


def test_typing_merges_into_one_undo_step_and_a_new_paragraph_starts_another(qtbot, window):
    editor = _editor(window, "other")
    before = window.doc.report.text("other")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    for phrase in ("本年度", "未收取", "信息处理费。"):
        commit_text(editor, phrase)
    assert window.doc.undo_stack.count() == 1
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    commit_text(editor, "另起一段。")
    assert window.doc.undo_stack.count() == 2
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.report.text("other") == before + "本年度未收取信息处理费。"
    assert editor.toPlainText() == window.doc.report.text("other")
    window.undo_action.trigger()
    assert window.doc.report.text("other") == before == editor.toPlainText()
    window.redo_action.trigger()
    assert editor.toPlainText().endswith("信息处理费。")


def test_a_finding_with_a_text_span_is_underlined_and_goes_when_fixed(qtbot, window):
    editor = _editor(window, "overview.intro")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, "统计期限为2023年1月1日至2023年12月31日。")
    spans = editor.underlined()
    assert [f.code for _, _, f in spans] == ["F4"]
    start, end, _ = spans[0]
    assert editor.toPlainText()[start:end].startswith("2023年1月1日")
    assert editor.extraSelections()
    window.undo_action.trigger()
    assert editor.underlined() == [] and not editor.extraSelections()


def test_last_years_text_is_shown_beside_when_a_prior_is_attached(qtbot, window):
    editor = _editor(window, "problems")
    block = editor.parentWidget()
    assert block.prior.isVisible()
    assert block.prior.text() == window.doc.report.prior.text("problems")
    assert "2023" in block.prior_label.text()


def test_cover_fields_are_undoable_edits(qtbot, window):
    page = window.show_page("cover")
    name = page.lines["organization.name"]
    name.clear()
    commit_text(name, "青岚县人民政府办公室")
    name.editingFinished.emit()
    assert window.doc.report.organization.name == "青岚县人民政府办公室"
    assert "青岚县人民政府办公室" in window.windowTitle()
    window.undo_action.trigger()
    assert window.doc.report.organization.name == "青岚县人民政府" == name.text()
