"""The window's status bar: a message longer than the room left of the permanent labels ends in
“…” (whole in its tooltip) instead of running cut into the first label.

Elided when painted, not when shown: a message shown while the window is still being laid out
(a file opened at start-up) would otherwise stay cut to the room it had then.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStatusBar, QStyle, QStyleOption, QWidget

_LEFT = 6  # where QStatusBar starts its message
_GAP = 16  # between the message and the first permanent label, as between the labels


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self.messageChanged.connect(self.setToolTip)  # the whole message on hover; none once it is gone

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch)

    def message_room(self) -> int:
        """Pixels the message may take: up to the leftmost permanent label, less a gap."""
        shown = [w.geometry().left() for w in self._permanent if w.isVisible()]
        return max(0, (min(shown) if shown else self.width()) - _GAP - _LEFT)

    def shown_message(self) -> str:
        """The message as it is drawn: cut to the room, with “…”."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight, self.message_room())

    def paintEvent(self, event) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # QStatusBar's own drawing, with the message elided instead of clipped.
        painter = QPainter(self)
        style, option = self.style(), QStyleOption()
        option.initFrom(self)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self._permanent:
            if widget.isVisible():
                frame = QStyleOption()
                frame.rect, frame.palette = widget.geometry().adjusted(-2, -1, 2, 1), self.palette()
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, widget)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRect(_LEFT, 0, self.message_room(), self.height()),
                         Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine,
                         self.shown_message())
