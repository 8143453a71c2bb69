"""The 导出 menu's functions with the dialogs answered by the test: gate, record, cancel, failure."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from forms.model import store
from forms.model.embed import from_json
from forms.model.embedded import read_embedded_docx, read_embedded_html
from gui.context import AppContext
from gui.export_ui import PreviewDialog, choose_reference_doc, export_report
from gui.interaction import Interaction


class Answers(Interaction):
    """The clerk's answers, as told, remembering what was asked."""

    def __init__(self, confirm=True, path: Path | None = None, docx: Path | None = None):
        self._confirm, self._path, self._docx = confirm, path, docx
        self.asked: list[str] = []
        self.suggested: Path | None = None
        self.errors: list[str] = []

    def confirm_export(self, parent, message):
        self.asked.append(message)
        return self._confirm

    def export_path(self, parent, kind, suggested):
        self.suggested = suggested
        return self._path

    def choose_reference_doc(self, parent, start):
        return self._docx

    def error(self, parent, title, message):
        self.errors.append(message)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def blank_report(sample_path, tmp_path):
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    data["tables"]["review_litigation"]["review"]["upheld"] = None
    path = tmp_path / "报告.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return store.load(path), path


def test_clean_report_exports_without_a_question(parent, sample_report, sample_path, tmp_path, settings):
    out = tmp_path / "报告.docx"
    answers = Answers(path=out)
    assert export_report(parent, AppContext(settings, None, answers), sample_report, sample_path, "docx") == out
    assert answers.asked == [] and answers.suggested == sample_path.with_suffix(".docx")
    assert from_json(read_embedded_docx(out)) == sample_report
    assert sample_report.exports == []


def test_errors_ask_first_and_declining_writes_and_records_nothing(parent, blank_report, tmp_path, settings):
    report, path = blank_report
    out = tmp_path / "报告.html"
    answers = Answers(confirm=False, path=out)
    assert export_report(parent, AppContext(settings, None, answers), report, path, "html") is None
    assert "空白" in answers.asked[0] and "结果维持" in answers.asked[0]
    assert not out.exists() and report.exports == []


def test_confirmed_export_is_recorded_in_the_report_and_the_file(parent, blank_report, tmp_path, settings):
    report, path = blank_report
    out = tmp_path / "报告.html"
    assert export_report(parent, AppContext(settings, None, Answers(path=out)), report, path, "html") == out
    assert len(report.exports) == 1 and report.exports[0].formats == ["html"]
    assert any(line.startswith("A6 ") for line in report.exports[0].open_findings)
    assert from_json(read_embedded_html(out.read_text(encoding="utf-8"))).exports == []  # recorded, not published


def test_cancelling_the_file_dialog_changes_nothing(parent, blank_report, settings):
    report, path = blank_report
    assert export_report(parent, AppContext(settings, None, Answers(path=None)), report, path, "docx") is None
    assert report.exports == []


def test_a_failed_write_is_reported_and_not_recorded(parent, blank_report, tmp_path, settings):
    report, path = blank_report
    answers = Answers(path=tmp_path / "没有这个文件夹" / "报告.docx")
    assert export_report(parent, AppContext(settings, None, answers), report, path, "docx") is None
    assert "无法写入" in answers.errors[0]
    assert report.exports == []


def test_exporting_over_the_file_being_edited_is_refused(parent, sample_report, sample_path, tmp_path, settings):
    copy = tmp_path / "报告.json"
    shutil.copy(sample_path, copy)
    before = copy.read_bytes()
    answers = Answers(path=copy)
    assert export_report(parent, AppContext(settings, None, answers), sample_report, copy, "html") is None
    assert answers.errors and copy.read_bytes() == before


def test_the_offices_word_template_is_remembered_and_used(parent, sample_report, tmp_path, settings):
    import docx
    from docx.shared import Mm
    letterhead = docx.Document()
    letterhead.sections[0].left_margin = Mm(31)
    template = tmp_path / "机关样式.docx"
    letterhead.save(template)
    assert choose_reference_doc(parent, AppContext(settings, None, Answers(docx=template))) == template
    out = tmp_path / "报告.docx"
    export_report(parent, AppContext(settings, None, Answers(path=out)), sample_report, None, "docx")
    assert round(docx.Document(str(out)).sections[0].left_margin.mm) == 31


def test_preview_shows_the_report_as_published(qtbot, sample_report):
    dialog = PreviewDialog(None, sample_report)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "青岚县人民政府2024年\n政府信息公开工作年度报告" in text  # broken where the Word title breaks
    assert "三、收到和处理政府信息公开申请情况" in text and "1487.2" in text
