"""封面信息: the preface follows the cover fields until typed in; the sign-off date is a field."""
from __future__ import annotations

from PySide6.QtCore import QDate

from forms.model.findings import Location
from gui_helpers import commit_text


def _cover(window):
    assert window.go_to(Location(section="cover"))
    return window.current_page()


def test_changing_the_phone_changes_the_preface_shown_and_printed(qtbot, window):
    page = _cover(window)
    phone = page.lines["organization.phone"]
    phone.setText("0576-88880000")
    phone.editingFinished.emit()
    assert "0576-88880000" in page.preface.editor.toPlainText()
    window.undo_action.trigger()
    assert "0576-88880000" not in page.preface.editor.toPlainText()
    assert window.doc.report.organization.phone in page.preface.editor.toPlainText()


def test_typing_in_the_preface_stops_it_following_and_a_contradiction_is_found(qtbot, window):
    page = _cover(window)
    editor = page.preface.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, "另请致电：0576-11112222。")
    assert window.doc.report.sections.preface_by_hand
    assert "前言已手动修改" in page.preface_state.text()
    phone = page.lines["organization.phone"]
    phone.setText("0576-33334444")
    phone.editingFinished.emit()
    assert "0576-33334444" not in editor.toPlainText()  # the clerk's text is the clerk's
    assert any(f.code == "F7" and f.location.text == "preface" for f in window.doc.findings)
    page.preface_reset.click()
    assert not window.doc.report.sections.preface_by_hand
    assert "0576-33334444" in editor.toPlainText()
    assert not any(f.code == "F7" for f in window.doc.findings)


def test_the_sign_off_date_is_a_field_that_reaches_the_report(qtbot, window):
    page = _cover(window)
    assert page.sign_off_auto.isChecked() and not page.sign_off.isEnabled()
    page.sign_off_auto.setChecked(False)
    page.sign_off.setDate(QDate(2025, 1, 18))
    page.sign_off.editingFinished.emit()
    assert window.doc.report.sections.closing == "2025年1月18日"
    page.sign_off_auto.setChecked(True)
    assert window.doc.report.sections.closing == ""
