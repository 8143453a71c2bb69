"""The editor's log file, and a message box for an error nobody would otherwise see.

On Windows the editor runs under pythonw, which has no console: without this a failed start-up is a
window that never appears. The log lives in the per-user log folder (on Windows
%LOCALAPPDATA%\\nianbao\\nianbao\\Logs) so that IT can be sent the file.
"""
from __future__ import annotations

import faulthandler
import logging
import os
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import platformdirs

from gui.names import APP_TITLE, APPLICATION, ORGANIZATION

LOG_NAME = "nianbao.log"
LOG_KEPT_BYTES, LOG_BACKUPS = 1_000_000, 2
log = logging.getLogger("nianbao")


def log_dir() -> Path:
    return platformdirs.user_log_path(APPLICATION, ORGANIZATION)


def start_logging(folder: Path | None = None) -> Path:
    """Log to a file (kept to a few MB); with no console, stray prints and crashes go there too."""
    folder = folder or log_dir()
    path = folder / LOG_NAME
    if any(getattr(h, "baseFilename", None) == str(path) for h in log.handlers):
        return path
    folder.mkdir(parents=True, exist_ok=True)
    _rotate(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    if sys.stderr is None:  # pythonw: print() and Qt's Python warnings would vanish
        sys.stdout = sys.stderr = open(folder / "console.log", "a", encoding="utf-8", buffering=1)
    if not faulthandler.is_enabled():
        faulthandler.enable(sys.stderr)  # a crash inside Qt leaves at least the Python stack behind
    previous = sys.excepthook

    def log_uncaught(kind, value, tb):
        log.error("未处理的错误：\n%s", "".join(traceback.format_exception(kind, value, tb)))
        previous(kind, value, tb)

    sys.excepthook = log_uncaught
    log.info("启动 %s，Python %s，%s，参数 %s", APP_TITLE, platform.python_version(), _system(), sys.argv[1:])
    return path


def _rotate(path: Path) -> None:
    """A full log moves aside to .1 (.1 to .2) when the editor starts. Not logging.handlers'
    rotating handler: that module loads sockets, pickle and queues into every start for a file
    one sitting never fills."""
    try:
        if path.stat().st_size < LOG_KEPT_BYTES:
            return
        for n in range(LOG_BACKUPS - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
    except OSError:
        pass  # no log yet, or another editor holds it open (Windows): keep writing where it is


def _system() -> str:
    if sys.platform == "win32":  # not platform.platform(): on Windows it runs a slow WMI query
        v = sys.getwindowsversion()
        return f"Windows {v.major}.{v.minor}.{v.build}"
    # Not platform.platform() either: it asks for the processor, which runs `uname -p` in a
    # child process on every start.
    return f"{platform.system()} {platform.release()} {platform.machine()}"


def show_error(title: str, text: str) -> None:
    """A message box with Qt if it loads; else the Windows one; else the console."""
    try:
        from PySide6.QtWidgets import QApplication

        from gui.interaction import Interaction
        app = QApplication.instance() or QApplication(["nianbao"])
        if app.platformName() not in ("offscreen", "minimal"):  # nobody could close a box there
            Interaction().error(None, title, text)
            return
    except Exception:  # Qt itself may be what failed to start
        log.exception("无法用 Qt 显示错误消息")
    if sys.platform == "win32":
        import ctypes
        ctypes.windll.user32.MessageBoxW(None, text, title, 0x10)  # MB_ICONERROR
        return
    if sys.stderr is not None:
        print(f"{title}：{text}", file=sys.stderr)


def guarded_start(start: Callable[[], int], log_path: Path) -> int:
    """Run the editor; an exception that escapes start-up is logged and shown, never lost."""
    try:
        return start()
    except Exception as exc:
        log.exception("启动失败")
        show_error(APP_TITLE, f"年报编辑器启动失败：{exc}\n\n详细信息已记录在：\n{log_path}\n"
                              "请把这个文件发给信息技术人员。")
        return 1
