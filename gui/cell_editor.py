"""Editing one cell: numbers only, with the reason beside the cell when the input is not one."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QStyle, QStyledItemDelegate, QWidget

from gui.table_model import KindRole, ValueRole
from gui import palette as colors

BLANK_HATCH = QColor(colors.BLANK_HATCH)


class CellValidator(QValidator):
    """Lets anything be typed (so the message can say what is wrong) but only accepts numbers."""

    def __init__(self, parse, parent=None):
        super().__init__(parent)
        self.parse = parse

    def validate(self, text: str, pos: int):
        try:
            self.parse(text)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


class InlineMessage(QLabel):
    """A red note under the cell being edited: why the input is not accepted."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("inlineMessage")
        self.setWordWrap(True)
        self.setStyleSheet(f"QLabel#inlineMessage {{ background: {colors.MESSAGE_BACKGROUND}; color: {colors.PROBLEM}; border: 1px solid {colors.MESSAGE_BORDER};"
                           " padding: 3px 6px; border-radius: 3px; }")
        self.hide()

    def show_at(self, widget: QWidget, rect: QRect, text: str) -> None:
        host = self.parentWidget()
        self.setText(text)
        self.setMaximumWidth(420)
        self.adjustSize()
        below = widget.mapTo(host, rect.bottomLeft() + QPoint(0, 2))
        if below.y() + self.height() > host.height():
            below = widget.mapTo(host, rect.topLeft() - QPoint(0, self.height() + 2))
        self.move(below)
        self.raise_()
        self.show()


class CellDelegate(QStyledItemDelegate):
    inputDiscarded = Signal(str)

    def __init__(self, view):  # the TableView it edits for
        super().__init__(view)
        self.view = view

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setValidator(CellValidator(self.view.model().parse, editor))
        editor.textEdited.connect(lambda text, e=editor: self._explain(e, text))
        return editor

    def _explain(self, editor: QLineEdit, text: str) -> None:
        try:
            self.view.model().parse(text)
        except ValueError as exc:
            editor.setStyleSheet(f"QLineEdit {{ border: 2px solid {colors.REFUSED_BORDER}; background: {colors.REFUSED_BACKGROUND}; }}")
            self.view.inline.show_at(editor, editor.rect(), f"{exc}（按 Esc 取消）")
            return
        editor.setStyleSheet("")
        self.view.inline.hide()

    def setEditorData(self, editor, index):
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index):
        model.setData(index, editor.text())

    def destroyEditor(self, editor, index):
        self.view.inline.hide()
        super().destroyEditor(editor, index)

    def eventFilter(self, editor, event):
        if (event.type() == QEvent.Type.FocusOut and isinstance(editor, QLineEdit)
                and not editor.hasAcceptableInput()):
            self.inputDiscarded.emit(f"输入“{editor.text()}”不是有效数字，未填入。")
        return super().eventFilter(editor, event)

    def paint(self, painter, option, index):
        tint = index.data(Qt.ItemDataRole.BackgroundRole)
        if tint is not None and option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, tint)  # the style paints either the tint or the selection
        super().paint(painter, option, index)
        if index.data(KindRole) == "entered" and index.data(ValueRole) is None:
            # Blank is not 0: a blank cell still waits for a figure.
            painter.save()
            painter.fillRect(option.rect.adjusted(1, 1, -1, -1), QBrush(BLANK_HATCH, Qt.BrushStyle.BDiagPattern))
            painter.restore()
