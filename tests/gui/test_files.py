"""Files: save and reopen the same document, the unsaved-changes question, recent files, autosave."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from forms.model import store
from gui.main_window import MainWindow
from gui.settings import recent_files
from gui_helpers import commit_text, select, table_view, type_into_cell


def _edit_a_bit(qtbot, window):
    view = table_view(window, "applications")
    select(view, "granted", "natural_person")
    type_into_cell(qtbot, view, "60")
    window.doc.set_text("problems", window.doc.report.text("problems") + "补充一句。")


def test_save_and_reopen_gives_the_identical_document(qtbot, window, context, report_path):
    _edit_a_bit(qtbot, window)
    qtbot.keyClick(window.current_page().tables["applications"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified() and not window.doc.modified
    saved = store.dumps(window.doc.report)
    assert report_path.read_text(encoding="utf-8") == saved
    again = MainWindow(context)
    qtbot.addWidget(again)
    assert again.open_path(report_path)
    assert store.dumps(again.doc.report) == saved
    assert again.doc.report.entered("applications", "granted", "natural_person") == 60


def test_save_as_writes_a_new_file_and_remembers_it(qtbot, window, interaction, tmp_path):
    target = tmp_path / "另存" / "2024年报.json"
    target.parent.mkdir()
    interaction.answers["save_path"] = target
    window.save_as()
    assert json.loads(target.read_text(encoding="utf-8"))["year"] == 2024
    assert window.doc.path == target and target.name in window.windowTitle()
    assert recent_files(window.context.settings)[0] == target.resolve()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, interaction, report_path):
    _edit_a_bit(qtbot, window)
    interaction.answers["save_changes"] = "cancel"
    assert not window.close()
    assert window.isVisible() and window.doc is not None
    interaction.answers["save_changes"] = "save"
    assert window.close()
    assert store.load(report_path).entered("applications", "granted", "natural_person") == 60


def test_the_sample_is_saved_elsewhere_never_over_itself(qtbot, window, interaction, tmp_path, sample_path):
    before = sample_path.read_bytes()
    assert window.open_sample()
    _edit_a_bit(qtbot, window)
    interaction.answers["save_path"] = tmp_path / "mine.json"
    assert window.save()
    assert "save_path" in interaction.asked and sample_path.read_bytes() == before


def test_a_file_that_is_not_a_report_is_refused_with_a_chinese_message(qtbot, window, interaction, tmp_path):
    bad = tmp_path / "坏文件.json"
    bad.write_text('{"application": "nianbao", "format": 1, "year": ', encoding="utf-8")
    assert not window.open_path(bad)
    assert interaction.errors and "坏文件.json" in interaction.errors[0] and "损坏" in interaction.errors[0]
    assert window.doc is not None  # the open report stays


def test_start_page_creates_a_new_report(qtbot, window):
    window.actions_["new"].trigger()
    assert window.central.currentWidget() is window.start_page
    page = window.start_page
    page.year.setValue(2025)
    page.org.clear()
    commit_text(page.org, "青岚县教育局")
    page.level.setCurrentText("政府部门")
    qtbot.keyClick(page.org, Qt.Key.Key_Return)
    report = window.doc.report
    assert (report.year, report.organization.name, report.organization.level.value) == (2025, "青岚县教育局", "政府部门")
    assert window.doc.path is None and window.doc.modified


def test_autosave_writes_a_recovery_file_soon_after_a_change_and_a_save_removes_it(qtbot, window, context):
    _edit_a_bit(qtbot, window)
    recovery = context.recovery.path_for(window.doc.doc_id)
    qtbot.waitUntil(recovery.exists, timeout=3000)
    data = json.loads(recovery.read_text(encoding="utf-8"))
    assert data["document"]["tables"]["applications"]["granted"]["natural_person"] == 60
    assert "自动保存于" in window.autosave_label.text()
    window.save()
    assert not recovery.exists()


def test_layout_is_remembered(qtbot, window, context):
    window.resize(777, 555)  # within the 800 × 600 offscreen screen, which caps restored sizes
    window.splitter.setSizes([233, 500])
    window.save_layout()
    again = MainWindow(context)
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (777, 555)
    assert again.splitter.sizes()[0] == 233


def test_ctrl_s_while_typing_in_a_cell_saves_what_is_typed(qtbot, window, report_path):
    view = table_view(window, "applications")
    select(view, "granted", "natural_person")
    editor = type_into_cell(qtbot, view, "61", finish=None)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.load(report_path).entered("applications", "granted", "natural_person") == 61
    assert not window.doc.modified


def test_ctrl_s_in_a_cover_field_saves_the_field(qtbot, window, report_path):
    page = window.show_page("cover")
    phone = page.lines["organization.phone"]
    phone.setFocus()
    phone.selectAll()
    qtbot.keyClicks(phone, "0576-88888888")
    qtbot.keyClick(phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.load(report_path).organization.phone == "0576-88888888"


def test_on_a_short_screen_the_start_page_scrolls_rather_than_squashing_its_fields(qtbot, window):
    window.actions_["new"].trigger()
    page = window.start_page
    window.resize(window.minimumSize())  # as tall as 200 % leaves on a laptop
    qtbot.waitUntil(lambda: window.height() <= window.minimumSize().height() + 1, timeout=1000)
    QApplication.processEvents()
    for field in (page.year, page.org, page.level):
        assert field.height() >= field.minimumSizeHint().height(), type(field).__name__
