"""What keeps a page or a dialog usable on a small screen (a laptop at 200 %, 1366×768 at 150 %)."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def fill_scrolling(host: QWidget, content: QWidget) -> QScrollArea:
    """The content in a frameless scroll area filling the host: a screen shorter than the page
    scrolls it instead of squashing its fields."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    outer = QVBoxLayout(host)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll


def size_to_screen(window: QWidget, width: int, height: int) -> None:
    """The size a window would like, or what its screen has room for (the title bar and borders kept in)."""
    free = window.screen().availableGeometry()
    window.resize(min(width, free.width() - 40), min(height, free.height() - 60))
