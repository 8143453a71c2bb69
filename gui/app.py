"""Starting the editor: `nianbao [FILE]`, or `nianbao --screenshot OUT.png [FILE] [--section KEY]`."""
from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from gui.names import APP_TITLE, APPLICATION, ORGANIZATION


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="nianbao", description=f"{APP_TITLE}：政府信息公开工作年度报告。")
    p.add_argument("file", nargs="?", type=Path, help="要打开的年报文件（不写则显示开始页）")
    p.add_argument("--sample", action="store_true", help="打开示例年报（青岚县人民政府 2024 年度）的副本")
    p.add_argument("--screenshot", type=Path, metavar="OUT.png", help="在后台绘制窗口，保存为 PNG 图片后退出")
    p.add_argument("--section", metavar="KEY",
                   help="截图时显示的部分：cover、overview、active_disclosure、applications、review_litigation、"
                        "problems、other，或表格名（如 regulations）；汇总报告可用 merge 显示汇总页")
    return p


def create_application(argv0: str = "nianbao"):
    """The QApplication, set up for Chinese clerks on Windows (and working elsewhere)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from gui.fonts import apply_application_font
    from gui.i18n import install_chinese
    from gui.icons import app_icon

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        if sys.platform == "win32":  # own taskbar button and icon instead of python.exe's
            import ctypes
            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("nianbao.editor")
        app = QApplication([argv0])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_TITLE)
    install_chinese(app)
    apply_application_font(app)
    app.setWindowIcon(app_icon())
    return app


def run_editor(argv: list[str]) -> int:
    try:
        from forms.commands import speak_chinese
        speak_chinese()
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # No cycle collection until the window has painted: start-up allocates many objects and frees
    # few, so the collector's passes over them would only delay the first paint.
    gc.disable()
    # The report core first: once PySide6 is loaded it reads the source of every module imported
    # after it (for its __feature__ switches), which costs a noticeable part of start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")  # we use none; looking for them scans every package
    import importlib.resources.readers  # noqa: F401 (the reader of resources.files())
    import forms.model.findings  # noqa: F401
    import forms.spec.layout  # noqa: F401
    import forms.rules  # noqa: F401
    import forms.specs  # noqa: F401
    import forms.model.store  # noqa: F401
    app = create_application()
    if args.screenshot:
        gc.enable()
        from gui.screenshot import take_screenshot
        return take_screenshot(args.screenshot, args.file, args.section)

    from gui.context import default_context
    from gui.files import after_first_paint
    from gui.main_window import MainWindow
    window = MainWindow(default_context())
    if not window.offer_recovery():
        if args.file:
            window.open_path(args.file)
        elif args.sample:
            window.open_sample(check_later=True)  # the rules load while the window first paints
        # else: the window shows the start page (new, from last year's, open, recent)
    window.show()  # after opening: the first paint shows the report, not an empty frame
    after_first_paint(window, gc.enable)
    return app.exec()
