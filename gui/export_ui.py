"""The 导出 menu's work: ask (through the context's Interaction), then the core's export flow
(forms.render.export) with Qt's PDF engine plugged in; and the HTML preview."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from forms.model import Report
from forms.render.export import ExportError, publish, refuse_output
from forms.render.gate import assess, describe
from forms.render.html_writer import html_text
from gui.context import AppContext
from gui.interaction import EXPORT_KINDS
from gui.pdf import set_html, write_pdf

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
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        refuse_output(path, source_path)
        publish(report, verdict, {kind: path}, reference_doc=reference_doc(context.settings), pdf_engine=write_pdf)
        failure = None
    except ExportError as exc:
        failure = exc
    finally:
        QApplication.restoreOverrideCursor()
    if failure is not None:
        ask.error(parent, "导出失败", str(failure))
        return None
    return path


class PreviewDialog(QDialog):
    """The web page as it will be published, inside the editor (Qt's rich text, not a browser)."""

    def __init__(self, parent: QWidget | None, report: Report):
        super().__init__(parent)
        self.setWindowTitle(f"预览网页 — {report.display_title}")
        self.resize(900, 760)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        set_html(self.browser.document(), html_text(report, embed_data=False, for_qt=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def preview_html(parent: QWidget | None, report: Report) -> None:
    PreviewDialog(parent, report).exec()
