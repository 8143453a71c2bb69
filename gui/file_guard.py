"""Two editors on one file: a lock beside the file names who has it open, and a save checks that the
file is still the one this window read — otherwise the clerk chooses (as Word does) instead of the
last save silently winning.

The lock is Qt's QLockFile (`.~lock.<name>#`, as LibreOffice names its own): it records the process
and the computer, and a lock whose process is gone is stale, so a crash never locks a file for good.
A folder where no lock can be written (read-only share) still gets the modification check.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLockFile


def stamp(path: Path) -> tuple[int, int] | None:
    """What tells one version of the file from the next: its modification time and size."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class FileGuard:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.read_as = stamp(self.path)
        self._lock = QLockFile(str(self.path.with_name(f".~lock.{self.path.name}#")))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone
        self.locked = self._lock.tryLock(0)

    def other_editor(self) -> str | None:
        """Who else has the file open, in Chinese; None when nobody (or the lock cannot tell)."""
        if self.locked:
            return None
        info = self._lock.getLockInfo()  # PySide6: (pid, hostname, appname); pid 0 when unreadable
        pid, host = (info[0], info[1]) if isinstance(info, tuple) and len(info) >= 2 else (0, "")
        if not pid:
            return None
        return f"计算机“{host}”上的另一个年报编辑器（进程 {pid}）"

    def changed_on_disk(self) -> bool:
        return self.read_as is not None and stamp(self.path) != self.read_as

    def saved(self) -> None:
        self.read_as = stamp(self.path)
        if not self.locked:
            self.locked = self._lock.tryLock(0)

    def release(self) -> None:
        if self.locked:
            self._lock.unlock()
            self.locked = False
