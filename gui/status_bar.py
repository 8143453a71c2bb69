"""The window's status bar: a message longer than the room left of the permanent labels ends in
“…” (whole on its tooltip and from currentMessage) instead of running cut into the first label."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStatusBar, QWidget

_GAP = 16  # between the message and the first permanent label, as between the labels


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._permanent: list[QWidget] = []
        self._whole = ""
        self.messageChanged.connect(self._on_message_changed)

    def _on_message_changed(self, message: str) -> None:
        if not message:  # timed out or cleared
            self._whole = ""
            self.setToolTip("")

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:
        self._permanent.append(widget)
        super().addPermanentWidget(widget, stretch)

    def message_room(self) -> int:
        """Pixels the message may take: up to the leftmost permanent label, less a gap."""
        shown = [w.geometry().left() for w in self._permanent if w.isVisible()]
        right = min(shown) if shown else self.width()
        return max(0, right - _GAP - self.layout().contentsMargins().left() - 6)

    def currentMessage(self) -> str:
        """The message in full, as it was said (the bar may show it cut short)."""
        return self._whole if super().currentMessage() else ""

    def showMessage(self, text: str, timeout: int = 0) -> None:
        self._whole = text
        self.setToolTip(text)
        room = self.message_room()  # none while the bar is not laid out, or the labels fill it: kept whole
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room) if room else text
        super().showMessage(shown, timeout)
