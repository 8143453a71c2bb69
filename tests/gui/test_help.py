"""帮助: F1 opens the user guide; each finding opens its rule in the catalogue; 已核实 needs a reason."""
from __future__ import annotations

from PySide6.QtCore import Qt

from forms.model.findings import Severity
from gui.help import catalogue_html, guide_markdown


def _select_first(window, code):
    panel = window.panel
    finding = next(f for f in window.doc.findings if f.code == code)
    assert panel.select(finding.fingerprint)
    return finding


def test_f1_opens_the_user_guide_covering_a_years_work(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window.help_window
    assert help_window.isVisible() and help_window.tabs.currentWidget() is help_window.guide
    text = help_window.guide.toPlainText()
    for step in ("从上年报告新建", "前言", "本表已填完", "标记为已核实", "定稿检查", "导出", "汇总"):
        assert step in text, step


def test_this_rule_explained_opens_the_catalogue_at_the_findings_code(qtbot, window):
    window.doc.report.tables["applications"]["granted"]["natural_person"] += 1
    window.doc.recheck()
    _select_first(window, "A1")
    assert window.panel.explain.isEnabled()
    window.panel.explain.click()
    rules = window.help_window.rules
    assert window.help_window.tabs.currentWidget() is rules
    assert "A1 表三各列不平衡" in rules.toPlainText()
    assert rules.verticalScrollBar().value() <= rules.verticalScrollBar().maximum()


def test_every_rule_code_is_in_the_catalogue_page_and_the_guide_ships():
    html = catalogue_html()
    for code in ("A1", "A6", "F7", "Y5", "Y6", "N1", "H1"):
        assert f'name="{code}"' in html
    assert guide_markdown().startswith("# 使用说明")


def test_verifying_a_warning_needs_a_reason(qtbot, window, interaction):
    window.doc.report.sections.overview.active += "本年度收到申请999件。"
    window.doc.recheck()
    warning = next(f for f in window.doc.findings if f.severity is Severity.WARNING)
    window.panel.select(warning.fingerprint)
    interaction.answers["explanation"] = "  "
    window.panel.acknowledge_current()
    assert warning.fingerprint not in window.doc.report.acknowledged
    assert "理由" in interaction.infos[-1]
    interaction.answers["explanation"] = "经核对登记台账无误"
    window.panel.acknowledge_current()
    assert window.doc.report.acknowledged[warning.fingerprint].explanation == "经核对登记台账无误"


def test_about_names_the_version(qtbot, window, interaction):
    window.actions_["about"].trigger()
    assert "版本" in interaction.infos[-1]


def test_toolbar_tooltips_say_more_than_the_label(qtbot, window):
    from PySide6.QtWidgets import QToolBar
    toolbar = window.findChild(QToolBar, "mainToolBar")
    for action in toolbar.actions():
        if action.isSeparator():
            continue
        assert action.toolTip() != action.text() and action.toolTip().startswith(action.text().rstrip("…")), action.text()


def test_the_status_bar_and_nianbao_check_count_warnings_alike(qtbot, window, capsys):
    import re
    from forms.commands import main
    window.doc.report.sections.overview.active += "本年度收到申请999件。"
    window.doc.recheck()
    warnings = [f for f in window.doc.findings if f.severity is Severity.WARNING]
    window.panel.select(warnings[0].fingerprint)
    window.context.interaction.answers["explanation"] = "经核对无误"
    window.panel.acknowledge_current()
    window.save()
    main(["check", str(window.doc.path)])
    out = capsys.readouterr().out
    shown = re.search(r"警告 (\d+)", window.counts_label.text()).group(1)
    assert f"{shown} 个警告" in out and "已核实" in out


def test_the_web_preview_opens_at_the_title(qtbot, window):
    from gui.export_ui import PreviewDialog
    dialog = PreviewDialog(window, window.doc.report)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.browser.verticalScrollBar().value() == 0
    assert dialog.browser.textCursor().position() == 0
    free = dialog.screen().availableGeometry()  # its 关闭 button stays on a short screen
    assert dialog.height() < free.height() and dialog.width() < free.width()


def test_an_unsaved_report_is_named_once_in_the_window_title(qtbot, window):
    from forms.model import new_report
    window.open_report(new_report(2025, "青岚县人民政府"), untitled="青岚县人民政府2025年政府信息公开工作年度报告",
                       modified=True)
    assert window.windowTitle().count("青岚县人民政府2025年") == 1


def test_a_long_status_message_ends_in_an_ellipsis_before_the_file_label(qtbot, window):
    bar = window.statusBar()
    long = "已导出：" + "很长的文件名" * 30 + ".docx"
    bar.showMessage(long, 5000)  # said before the window has its final size: cut when drawn, not now
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: bar.message_room() > 100, timeout=1000)
    shown = bar.shown_message()
    assert shown.endswith("…") and len(shown) > 10
    assert bar.fontMetrics().horizontalAdvance(shown) < window.file_label.geometry().left()
    assert bar.currentMessage() == long and bar.toolTip() == long
    bar.grab()  # drawn without a warning
    bar.clearMessage()
    assert bar.toolTip() == ""
