"""Every question the editor asks the clerk goes through here, so tests can answer instead."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from forms.model.findings import Finding
from forms.model.store import Recovery

REPORT_FILTER = "年报文件 (*.json)"
OPEN_FILTER = "年报文件 (*.json);;可导入的文档 (*.docx *.html *.htm *.pdf *.txt);;所有文件 (*)"


class Interaction:
    """Real dialogs."""

    def open_path(self, parent: QWidget | None, title: str, start: Path | None = None,
                  filters: str = OPEN_FILTER) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(start or ""), filters)
        return Path(name) if name else None

    def save_path(self, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), REPORT_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")

    def ask_save_changes(self, parent: QWidget | None, what: str) -> str:
        """"save", "discard" or "cancel"."""
        box = QMessageBox(QMessageBox.Icon.Warning, "保存修改", f"“{what}”有尚未保存的修改，是否保存？", parent=parent)
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Save).setText("保存")
        box.button(QMessageBox.StandardButton.Discard).setText("不保存")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")

    def offer_restore(self, parent: QWidget | None, recovery: Recovery) -> str:
        """"restore", "discard" or "later"."""
        source = str(recovery.source) if recovery.source else "（尚未保存的新报告）"
        box = QMessageBox(QMessageBox.Icon.Question, "恢复未保存的修改",
                          "上次编辑没有正常结束，找到自动保存的内容：\n\n"
                          f"报告：{recovery.report.display_title}\n文件：{source}\n"
                          f"自动保存于：{recovery.saved_at:%Y-%m-%d %H:%M:%S}\n\n是否恢复？", parent=parent)
        restore = box.addButton("恢复", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("丢弃", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("以后再说", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        return "restore" if clicked is restore else "discard" if clicked is discard else "later"

    def explanation(self, parent: QWidget | None, finding: Finding, current: str = "") -> str | None:
        text, ok = QInputDialog.getText(parent, "标记为已核实",
                                        f"{finding.message}\n\n请简要说明核实情况（将保存在年报文件中）：",
                                        QLineEdit.EchoMode.Normal, current)
        return text.strip() if ok else None

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.critical(parent, title, message)

    def info(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.information(parent, title, message)
