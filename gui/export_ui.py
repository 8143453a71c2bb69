"""The 导出 menu's work: ask (through the context's Interaction), then the core's export flow
(forms.render.export) with Qt's PDF engine plugged in; and the HTML preview."""
from __future__ import annotations

from pathlib import Path

from functools import partial

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from forms.model import Report
from forms.render.view import export_notes
from forms.render.export import ExportError, publish, refuse_output
from forms.render.gate import assess, describe
from forms.render.html_writer import html_text
from forms.render.office import Cancelled
from gui.context import AppContext
from gui.export_job import run_in_background
from gui.interaction import EXPORT_KINDS
from gui.pdf import set_html, write_pdf
from gui.small_screen import size_to_screen

REFERENCE_KEY = "export/reference_doc"


def _suggested(report: Report, source_path: Path | None, kind: str) -> Path:
    suffix = EXPORT_KINDS[kind][2]
    if source_path is not None:
        return Path(source_path).with_suffix(suffix)
    return Path.home() / f"{report.display_title}{suffix}"


def reference_doc(settings) -> Path | None:
    """The office's own Word style template, if one was chosen and still exists."""
    value = settings.value(REFERENCE_KEY)
    path = Path(str(value)) if value else None
    return path if path is not None and path.is_file() else None


def choose_reference_doc(parent: QWidget | None, context: AppContext) -> Path | None:
    """Let the clerk pick the office's Word template for the Word export; cancel keeps the current one."""
    path = context.interaction.choose_reference_doc(parent, reference_doc(context.settings))
    if path is not None:
        context.settings.setValue(REFERENCE_KEY, str(path))
    return path


def export_report(parent: QWidget | None, context: AppContext, report: Report, source_path: Path | None,
                  kind: str) -> Path | None:
    """Gate, ask where, write, record. Returns the file written, or None (cancelled or failed)."""
    ask = context.interaction
    verdict = assess(report)
    if verdict.blocking and not ask.confirm_export(parent, describe(verdict)):
        return None
    path = ask.export_path(parent, kind, _suggested(report, source_path, kind))
    if path is None:
        return None
    try:
        refuse_output(path, source_path)
    except ExportError as exc:
        ask.error(parent, "导出失败", str(exc))
        return None
    # The worker writes a copy: the clerk's report may change (autosave, a late keystroke) meanwhile.
    snapshot = report.model_copy(deep=True)
    reference = reference_doc(context.settings)
    records: list = []

    def work(cancel) -> None:
        records.append(publish(snapshot, verdict, {kind: path}, reference_doc=reference,
                               pdf_engine=partial(write_pdf, cancel=cancel)))

    failure = run_in_background(parent, f"正在导出{EXPORT_KINDS[kind][0]}“{path.name}”……", work)
    if isinstance(failure, Cancelled):
        return None
    if isinstance(failure, ExportError):
        ask.error(parent, "导出失败", str(failure))
        return None
    if failure is not None:
        raise failure
    if records and records[0] is not None:
        report.exports.append(records[0])  # what went out with open findings, in the clerk's report
    if notes := export_notes(snapshot):
        ask.info(parent, "导出说明", "\n".join(notes))
    return path


class PreviewDialog(QDialog):
    """The web page as it will be published, inside the editor (Qt's rich text, not a browser)."""

    def __init__(self, parent: QWidget | None, report: Report):
        super().__init__(parent)
        self.setWindowTitle(f"预览网页 — {report.display_title}")
        self.setMinimumSize(480, 360)  # fixed bounds: size hints never need passing on
        size_to_screen(self, 900, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        set_html(self.browser.document(), html_text(report, embed_data=False, for_qt=True))
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)  # opens at the title, not the end
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def preview_html(parent: QWidget | None, report: Report) -> None:
    PreviewDialog(parent, report).exec()
