"""A one-line label whose text changes without re-laying out its window.

QLabel.setText asks its layout for a new geometry on every change; in the status bar and the
findings panel that repainted the whole dock on every edit. This one has a fixed size and only
repaints itself. It fills its own background, so that repaint does not first repaint the
status bar, the dock and the window behind it (the pixels are the same).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

Run = tuple[str, QColor | None]  # a stretch of text, in a colour or the palette's


class QuietLabel(QWidget):
    def __init__(self, widest: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        fm = self.fontMetrics()
        self.setFixedSize(fm.horizontalAdvance(widest) + 12, fm.height() + 6)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._runs: list[Run] = []

    def text(self) -> str:
        return "".join(text for text, _ in self._runs)

    def setText(self, text: str) -> None:
        self.set_runs([(text, None)] if text else [])

    def clear(self) -> None:
        self.set_runs([])

    def set_runs(self, runs: list[Run]) -> None:
        if runs != self._runs:
            self._runs = runs
            self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        fm = self.fontMetrics()
        x, default = 4, self.palette().color(self.foregroundRole())
        rect = self.rect().adjusted(0, 0, 0, 0)
        for text, color in self._runs:
            painter.setPen(color or default)
            painter.drawText(rect.adjusted(x, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            x += fm.horizontalAdvance(text)
        painter.end()
