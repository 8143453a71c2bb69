"""The 导出 menu's work: the gate dialog, the file dialog, writing, recording; and the HTML preview.

Dialogs go through `ExportDialogs`, so tests answer them instead of a clerk.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QTextBrowser,
                               QVBoxLayout, QWidget)

from forms.model import Report
from forms.render import ReferenceDocError, assess, describe, html_text, record_export, write_docx, write_html
from forms.render.office import OfficeError
from gui.pdf import set_html, write_pdf
from gui.settings import default_settings

KINDS = {"docx": ("Word 文档", "Word 文档 (*.docx)", ".docx"),
         "html": ("网页", "网页 (*.html *.htm)", ".html"),
         "pdf": ("PDF", "PDF 文件 (*.pdf)", ".pdf")}
REFERENCE_KEY = "export/reference_doc"


class ExportDialogs:
    """Real dialogs."""

    def confirm(self, parent: QWidget | None, message: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "报告尚有问题",
                          f"{message}\n\n仍要导出吗？导出时尚未解决的问题将记录在年报文件中。", parent=parent)
        export = box.addButton("仍然导出", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is export

    def save_path(self, parent: QWidget | None, kind: str, suggested: Path) -> Path | None:
        what, filters, suffix = KINDS[kind]
        name, _ = QFileDialog.getSaveFileName(parent, f"导出{what}", str(suggested), filters)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() in (suffix, ".htm") else path.with_name(path.name + suffix)

    def open_docx(self, parent: QWidget | None, start: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "选择本机关的 Word 样式模板", str(start or ""),
                                              "Word 文档 (*.docx)")
        return Path(name) if name else None

    def error(self, parent: QWidget | None, message: str) -> None:
        QMessageBox.critical(parent, "导出失败", message)


def _suggested(report: Report, source_path: Path | None, kind: str) -> Path:
    suffix = KINDS[kind][2]
    if source_path is not None:
        return Path(source_path).with_suffix(suffix)
    return Path.home() / f"{report.display_title}{suffix}"


def reference_doc(settings=None) -> Path | None:
    """The office's own Word style template, if one was chosen and still exists."""
    value = (settings or default_settings()).value(REFERENCE_KEY)
    path = Path(str(value)) if value else None
    return path if path is not None and path.is_file() else None


def choose_reference_doc(parent: QWidget | None, *, dialogs: ExportDialogs | None = None,
                         settings=None) -> Path | None:
    """Let the clerk pick the office's Word template for the Word export; cancel keeps the current one."""
    settings = settings or default_settings()
    path = (dialogs or ExportDialogs()).open_docx(parent, reference_doc(settings))
    if path is not None:
        settings.setValue(REFERENCE_KEY, str(path))
    return path


def _write(report: Report, kind: str, path: Path, reference: Path | None) -> None:
    if kind == "docx":
        write_docx(report, path, reference_doc=reference)
    elif kind == "html":
        write_html(report, path)
    else:
        write_pdf(report, path, reference_doc=reference)


def export_report(parent: QWidget | None, report: Report, source_path: Path | None, kind: str, *,
                  dialogs: ExportDialogs | None = None, settings=None) -> Path | None:
    """Gate, ask where, write, record. Returns the file written, or None (cancelled or failed)."""
    dialogs = dialogs or ExportDialogs()
    verdict = assess(report)
    if verdict.blocking and not dialogs.confirm(parent, describe(verdict)):
        return None
    path = dialogs.save_path(parent, kind, _suggested(report, source_path, kind))
    if path is None:
        return None
    if source_path is not None and path.exists() and path.resolve() == Path(source_path).resolve():
        dialogs.error(parent, f"不能导出到正在编辑的文件“{path.name}”，请另选文件名。")
        return None
    record = record_export(report, [kind], verdict)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        _write(report, kind, path, reference_doc(settings) if kind != "html" else None)
        failure = None
    except (OSError, ReferenceDocError, OfficeError) as exc:
        failure = exc
    finally:
        QApplication.restoreOverrideCursor()
    if failure is not None:
        if record is not None:
            report.exports.remove(record)  # nothing went out
        dialogs.error(parent, f"无法写入“{path}”（{failure.strerror or failure}）。"
                      if isinstance(failure, OSError) else str(failure))
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
