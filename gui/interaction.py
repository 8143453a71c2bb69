"""Every question the editor asks the clerk goes through here, so tests can answer instead.

One object, in the application context (gui.context.AppContext.interaction): the file actions,
the import and export flows and the findings panel all ask through it, never a dialog of their own.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets as dialogs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from forms.model.findings import Finding
from forms.model.store import Recovery

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from forms.importers import ImportResult

# The dialog classes are named through their module (dialogs.QMessageBox …): PySide6 builds a
# class, with all its enums, when it is first named, and no dialog is part of the editor's start.

REPORT_FILTER = "年报文件 (*.json)"
# Everything that opens, first: a clerk's last year's report is as often a PDF or Word file as ours.
OPEN_FILTER = ("年报和可导入的文档 (*.json *.docx *.doc *.wps *.html *.htm *.mht *.mhtml *.pdf *.txt);;"
               "年报文件 (*.json);;Word / WPS 文档 (*.docx *.doc *.wps);;网页 (*.html *.htm *.mht *.mhtml);;"
               "PDF (*.pdf);;文本 (*.txt);;所有文件 (*)")
IMPORT_FILTER = ("可导入的年度报告 (*.json *.docx *.doc *.wps *.html *.htm *.mht *.mhtml *.pdf *.txt);;"
                 "Word / WPS 文档 (*.docx *.doc *.wps);;"
                 "网页 (*.html *.htm *.mht);;PDF 文件 (*.pdf);;文本 (*.txt);;所有文件 (*)")
EXPORT_KINDS = {"docx": ("Word 文档", "Word 文档 (*.docx)", ".docx"),
                "html": ("网页", "网页 (*.html *.htm)", ".html"),
                "pdf": ("PDF", "PDF 文件 (*.pdf)", ".pdf"),
                "compare": ("数据对比", "网页 (*.html);;Word 文档 (*.docx)", ".html"),
                "infographic": ("图解", "PNG 图片 (*.png);;网页 (*.html);;PDF 文件 (*.pdf)", ".png")}


class Interaction:
    """Real dialogs."""

    def open_path(self, parent: QWidget | None, title: str, start: Path | None = None,
                  filters: str = OPEN_FILTER) -> Path | None:
        name, _ = dialogs.QFileDialog.getOpenFileName(parent, title, str(start or ""), filters)
        return Path(name) if name else None

    def open_paths(self, parent: QWidget | None, title: str, start: Path | None = None,
                   filters: str = OPEN_FILTER) -> list[Path]:
        names, _ = dialogs.QFileDialog.getOpenFileNames(parent, title, str(start or ""), filters)
        return [Path(n) for n in names]

    def open_folder(self, parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
        name = dialogs.QFileDialog.getExistingDirectory(parent, title, str(start or ""))
        return Path(name) if name else None

    def ask_text(self, parent: QWidget | None, title: str, prompt: str, current: str = "") -> str | None:
        text, ok = dialogs.QInputDialog.getText(parent, title, prompt, dialogs.QLineEdit.EchoMode.Normal, current)
        return text.strip() if ok else None

    def save_path(self, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        name, _ = dialogs.QFileDialog.getSaveFileName(parent, title, str(suggested), REPORT_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")

    def save_file(self, parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
        """Any file the editor writes besides reports (a CSV of the units …)."""
        name, _ = dialogs.QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        return Path(name) if name else None

    def file_changed(self, parent: QWidget | None, name: str, other: str | None) -> str:
        """The file changed on disk since this window read it: "save_as", "reload", "overwrite" or "cancel"."""
        who = f"已由{other}修改" if other else "在您打开后已被修改（另一个编辑器窗口、另一位同事或其他程序）"
        box = dialogs.QMessageBox(dialogs.QMessageBox.Icon.Warning, "文件已被修改",
                          f"“{name}”{who}。直接保存会覆盖对方保存的内容。", parent=parent)
        buttons = {box.addButton("另存为…", dialogs.QMessageBox.ButtonRole.AcceptRole): "save_as",
                   box.addButton("重新打开（放弃本窗口的修改）", dialogs.QMessageBox.ButtonRole.DestructiveRole): "reload",
                   box.addButton("仍然覆盖", dialogs.QMessageBox.ButtonRole.DestructiveRole): "overwrite",
                   box.addButton("取消", dialogs.QMessageBox.ButtonRole.RejectRole): "cancel"}
        box.exec()
        return buttons.get(box.clickedButton(), "cancel")

    def ask_save_changes(self, parent: QWidget | None, what: str) -> str:
        """"save", "discard" or "cancel"."""
        box = dialogs.QMessageBox(dialogs.QMessageBox.Icon.Warning, "保存修改", f"“{what}”有尚未保存的修改，是否保存？", parent=parent)
        box.setStandardButtons(dialogs.QMessageBox.StandardButton.Save | dialogs.QMessageBox.StandardButton.Discard
                               | dialogs.QMessageBox.StandardButton.Cancel)
        box.button(dialogs.QMessageBox.StandardButton.Save).setText("保存")
        box.button(dialogs.QMessageBox.StandardButton.Discard).setText("不保存")
        box.setDefaultButton(dialogs.QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {dialogs.QMessageBox.StandardButton.Save: "save",
                dialogs.QMessageBox.StandardButton.Discard: "discard"}.get(dialogs.QMessageBox.StandardButton(answer), "cancel")

    def offer_restore(self, parent: QWidget | None, recovery: Recovery) -> str:
        """"restore", "discard" or "later"."""
        source = str(recovery.source) if recovery.source else "（尚未保存的新报告）"
        box = dialogs.QMessageBox(dialogs.QMessageBox.Icon.Question, "恢复未保存的修改",
                          "上次编辑没有正常结束，找到自动保存的内容：\n\n"
                          f"报告：{recovery.report.display_title}\n文件：{source}\n"
                          f"自动保存于：{recovery.saved_at:%Y-%m-%d %H:%M:%S}\n\n是否恢复？", parent=parent)
        restore = box.addButton("恢复", dialogs.QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("丢弃", dialogs.QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("以后再说", dialogs.QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        return "restore" if clicked is restore else "discard" if clicked is discard else "later"

    def explanation(self, parent: QWidget | None, finding: Finding, current: str = "") -> str | None:
        text, ok = dialogs.QInputDialog.getText(parent, "标记为已核实",
                                        f"{finding.message}\n\n请简要说明核实情况（将保存在年报文件中）：",
                                        dialogs.QLineEdit.EchoMode.Normal, current)
        return text.strip() if ok else None

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        dialogs.QMessageBox.critical(parent, title, message)

    def info(self, parent: QWidget | None, title: str, message: str) -> None:
        dialogs.QMessageBox.information(parent, title, message)

    # --- importing last year's report ---------------------------------------------------------
    def choose_import(self, parent: QWidget | None, title: str) -> Path | None:
        return self.open_path(parent, title, None, IMPORT_FILTER)

    def import_progress(self, parent: QWidget | None, path: Path) -> QProgressDialog:
        dialog = dialogs.QProgressDialog(f"正在读取“{path.name}”…", "取消", 0, 100, parent)
        dialog.setWindowTitle("导入")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # only slow imports (long PDFs) show it
        return dialog

    def preview_import(self, parent: QWidget | None, result: ImportResult, action: str, warning: str = "") -> bool:
        """The recognised tables beside the source text; True when the clerk accepts them."""
        from gui.import_ui import PreviewDialog  # the import's widgets load with the first import
        return PreviewDialog(result, action, warning, parent).exec() == dialogs.QDialog.DialogCode.Accepted

    # --- exporting ------------------------------------------------------------------------------
    def confirm_export(self, parent: QWidget | None, message: str) -> bool:
        box = dialogs.QMessageBox(dialogs.QMessageBox.Icon.Warning, "报告尚有问题",
                          f"{message}\n\n仍要导出吗？导出时尚未解决的问题将记录在年报文件中。", parent=parent)
        export = box.addButton("仍然导出", dialogs.QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("取消", dialogs.QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is export

    def export_path(self, parent: QWidget | None, kind: str, suggested: Path) -> Path | None:
        what, filters, suffix = EXPORT_KINDS[kind]
        name, _ = dialogs.QFileDialog.getSaveFileName(parent, f"导出{what}", str(suggested), filters)
        if not name:
            return None
        path = Path(name)
        allowed = {suffix, ".htm", *re.findall(r"\*(\.\w+)", filters)}  # any format the dialog offers
        return path if path.suffix.lower() in allowed else path.with_name(path.name + suffix)

    def choose_reference_doc(self, parent: QWidget | None, start: Path | None) -> Path | None:
        return self.open_path(parent, "选择本机关的 Word 样式模板", start, "Word 文档 (*.docx)")
