"""The application as a Chinese Windows clerk meets it: Qt's own buttons in Chinese, CJK fonts first."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from gui.fonts import UI_FAMILIES


def test_standard_buttons_read_in_chinese(qapp):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    message = QMessageBox(QMessageBox.Icon.Question, "t", "t",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert message.button(QMessageBox.StandardButton.Yes).text().startswith("是")


def test_windows_cjk_fonts_come_before_the_free_ones(qapp):
    families = QApplication.font().families()
    assert families[:2] == ["Microsoft YaHei UI", "Microsoft YaHei"]
    assert families.index("SimSun") < families.index("Noto Sans CJK SC")
    assert families == UI_FAMILIES


def test_the_sample_opens_and_its_undo_stack_starts_clean(qtbot, context):
    from gui.main_window import MainWindow
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.open_sample()
    assert window.doc.path is None and not window.doc.modified
    assert window.doc.report.organization.name == "青岚县人民政府"
    assert "示例年报" in window.windowTitle()


def test_the_start_page_offers_the_year_being_drafted():
    from datetime import date

    from gui.start_page import likely_report_year
    assert likely_report_year(date(2027, 1, 20)) == 2026   # January: last year's report is due
    assert likely_report_year(date(2027, 3, 30)) == 2026
    assert likely_report_year(date(2026, 12, 5)) == 2026   # December: drafting this year's already
