"""The application's icon, for the window and the taskbar (the application sets it before any window exists)."""
from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon


def app_icon() -> QIcon:
    with resources.as_file(resources.files("resources").joinpath("icons/nianbao.svg")) as path:
        return QIcon(str(path)) if path.exists() else QIcon()
