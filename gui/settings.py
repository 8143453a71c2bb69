"""Where the editor keeps its settings, recent files and recovery files."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from gui.names import APPLICATION, ORGANIZATION

MAX_RECENT = 10


def recovery_dir() -> Path:
    """Per-user, per-machine (on Windows %LOCALAPPDATA%\\nianbao\\nianbao\\recovery): not synced with a
    roaming profile, whose copy of an editor's lock would look alive on another PC."""
    local = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(local) / "recovery"


def default_settings() -> QSettings:
    """The clerk's settings (on Windows %APPDATA%\\nianbao\\nianbao.ini, roaming with the profile)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]


def recent_files(settings: QSettings) -> list[Path]:
    return [Path(p) for p in _as_list(settings.value("recent_files"))]


def add_recent_file(settings: QSettings, path: Path) -> list[Path]:
    path = Path(path).resolve()
    files = [path] + [p for p in recent_files(settings) if p != path]
    files = files[:MAX_RECENT]
    settings.setValue("recent_files", [str(p) for p in files])
    return files


def remove_recent_file(settings: QSettings, path: Path) -> None:
    settings.setValue("recent_files", [str(p) for p in recent_files(settings) if p != Path(path)])
