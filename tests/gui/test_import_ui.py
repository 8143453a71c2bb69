"""The 从上年报告新建 preview and flow, with dialogs answered by the test."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from forms.importers import import_report
from forms.model import new_report
from gui import import_ui
from gui_helpers import ScriptedInteraction

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


class Answers(ScriptedInteraction):
    def __init__(self, path, accept=True):
        super().__init__()
        self.path, self.accept = path, accept
        self.previews, self.errors = [], []

    def choose_import(self, parent, title):
        return self.path

    def preview_import(self, parent, result, action, warning=""):
        self.previews.append((result, action, warning))
        return self.accept

    def error(self, parent, title, message):
        self.errors.append(message)


@pytest.fixture
def answers(context):
    def install(path, accept=True):
        a = Answers(path, accept)
        context.interaction = a
        return a
    return install


def test_preview_shows_tables_source_and_notes(qtbot, corpus_dir):
    result = import_report(corpus_dir / "hongze_district_2023.pdf")
    dialog = import_ui.PreviewDialog(result, "新建 2024 年度草稿")
    qtbot.addWidget(dialog)
    review = dialog.tables["review_litigation"]
    assert review.item(0, 0).text() == "10"               # 行政复议 结果维持
    assert review.item(0, 4).text() == "0"                # its 总计 as written
    assert review.item(0, 4).background().color() == import_ui.WRONG
    apps = dialog.tables["applications"]
    assert apps.item(0, 0).toolTip() == "原文：“21”"
    assert "21 0 0 0 0 0 21" in dialog.source.toPlainText() or "| 21 |" in dialog.source.toPlainText()
    notes = [dialog.notes.item(i).text() for i in range(dialog.notes.count())]
    assert any("A4" in n for n in notes)
    # clicking a note goes to its cell
    a4 = next(i for i in range(dialog.notes.count()) if "A4" in dialog.notes.item(i).text())
    dialog.notes.itemClicked.emit(dialog.notes.item(a4))
    assert dialog.tabs.currentWidget() is review
    assert (review.currentRow(), review.currentColumn()) == (0, 4)
    ok = dialog.findChild(import_ui.QDialogButtonBox).button(import_ui.QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "新建 2024 年度草稿"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == import_ui.QDialog.DialogCode.Accepted


def test_new_from_prior_returns_the_prefilled_draft(qtbot, answers, context):
    a = answers(FIXTURES / "qinglan_transport_2023_gb2312.html")
    draft = import_ui.new_from_prior(None, context)
    assert draft.year == 2024 and draft.organization.name == "青岚县交通运输局"
    assert draft.tables["applications"]["carried_over"]["natural_person"] == 5
    assert draft.prior.year == 2023
    assert a.previews[0][1] == "新建 2024 年度草稿"


def test_cancelled_preview_gives_nothing(qtbot, answers, context):
    answers(FIXTURES / "qinglan_transport_2023.docx", accept=False)
    assert import_ui.new_from_prior(None, context) is None


def test_unreadable_file_is_said(qtbot, answers, context, tmp_path):
    bad = tmp_path / "旧.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    a = answers(bad)
    assert import_ui.new_from_prior(None, context) is None
    assert "另存为" in a.errors[0] and not a.previews


def test_attach_prior_warns_of_a_wrong_year(qtbot, answers, context):
    a = answers(FIXTURES / "qinglan_transport_2023.docx")
    prior = import_ui.attach_prior(None, context, new_report(2025, "青岚县交通运输局"))
    assert prior.year == 2023 and prior.prior is None
    assert "应为 2024 年度" in a.previews[0][2]


def test_slow_import_can_be_cancelled(qtbot, answers, context, corpus_dir, monkeypatch):
    """The clerk presses 取消 while a PDF is read: the worker stops at the next page."""
    a = answers(corpus_dir / "huaian_city_2024.pdf")

    class CancelAtOnce(QProgressDialog):
        def __init__(self, *args):
            super().__init__(*args)
            self.setMinimumDuration(0)
            import_ui.QTimer.singleShot(0, self.cancel)

    monkeypatch.setattr(a, "import_progress", lambda parent, path: CancelAtOnce("读取", "取消", 0, 100))
    assert import_ui.new_from_prior(None, context) is None
    assert not a.previews and not a.errors


def test_editor_menu_opens_the_draft_and_attaches_undoably(qtbot, window, answers, corpus_dir):
    answers(corpus_dir / "hongze_district_2023.pdf")
    window.new_from_prior()
    report = window.doc.report
    assert (report.year, report.organization.name) == (2024, "洪泽区人民政府")
    assert report.prior.year == 2023 and "problems" in report.copied_texts
    a = answers(corpus_dir / "hongze_district_2023.txt")  # replace it with the copied text version
    window.doc.set_prior(None)
    window.attach_prior()
    assert window.doc.report.prior.year == 2023 and a.previews[0][2] == ""  # the right year: no warning
    window.doc.undo_stack.undo()
    assert window.doc.report.prior is None


def test_preview_of_table_three_keeps_its_row_groups_and_readable_columns(qtbot, sample_path):
    result = import_report(sample_path)
    dialog = import_ui.PreviewDialog(result, "新建 2025 年度草稿")
    qtbot.addWidget(dialog)
    apps = dialog.tables["applications"]
    labels = [apps.verticalHeaderItem(i).text() for i in range(apps.rowCount())]
    assert "（三）不予公开 › 1.属于国家秘密" in labels and "三、本年度办理结果 › （一）予以公开" in labels
    assert apps.horizontalHeaderItem(1).text() == "法人或其他组织\n商业企业"
    metrics = apps.fontMetrics()
    for column in range(apps.columnCount()):  # every figure and label line fits its column
        longest = max(apps.horizontalHeaderItem(column).text().split("\n"), key=metrics.horizontalAdvance)
        assert apps.columnWidth(column) >= metrics.horizontalAdvance(longest)
