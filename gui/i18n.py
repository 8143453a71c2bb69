"""Qt's own Chinese translation, so standard buttons and menus read 确定 / 取消 / 撤销."""
from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication


def install_chinese(app: QApplication) -> QTranslator | None:
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_zh_CN", qt_dir) or _load_bundled(translator):
        app.installTranslator(translator)
        return translator
    return None


def _load_bundled(translator: QTranslator) -> bool:
    try:
        folder = resources.files("resources").joinpath("i18n")
        with resources.as_file(folder) as path:
            return translator.load("qtbase_zh_CN", str(path))
    except (ModuleNotFoundError, FileNotFoundError):
        return False
