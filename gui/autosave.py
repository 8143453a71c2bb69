"""Autosave: a recovery file a few seconds after each change, so a crash loses seconds, not a morning.

A lock file beside each recovery file says "this document is open in a running editor": a second
editor started meanwhile does not offer to restore it, while the lock of a killed editor is stale.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from forms.model.store import Recovery, RecoveryStore
from gui.document import Document


def _lock_path(store: RecoveryStore, doc_id: str) -> str:
    return str(store.folder / f"recovery-{doc_id}.lock")


def doc_id_of(recovery: Recovery) -> str:
    return Path(recovery.path).stem.removeprefix("recovery-")


def orphaned_recoveries(store: RecoveryStore) -> list[Recovery]:
    """Recovery files whose editor is no longer running, newest first."""
    for lock_path in store.folder.glob("recovery-*.lock"):
        if not lock_path.with_suffix(".json").exists():  # a killed editor that had nothing to save
            lock = QLockFile(str(lock_path))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                lock.unlock()  # removes the file
    found = []
    for rec in store.pending():
        lock = QLockFile(_lock_path(store, doc_id_of(rec)))
        lock.setStaleLockTime(0)  # stale only when its process is gone, however old
        if lock.tryLock(0):
            lock.unlock()
            found.append(rec)
    return found


class Autosaver(QObject):
    saved = Signal(datetime)

    def __init__(self, doc: Document, store: RecoveryStore, interval_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.doc, self.store = doc, store
        store.folder.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(_lock_path(store, doc.doc_id))
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.flush)
        doc.changed.connect(self._schedule)
        if doc.modified:
            self._schedule()

    def _schedule(self) -> None:
        # Not restarted by further edits: continuous typing is still saved every interval.
        if not self.timer.isActive():
            self.timer.start()

    def flush(self) -> None:
        self.timer.stop()
        if not self.doc.modified:
            return
        try:
            self.store.write(self.doc.doc_id, self.doc.report, self.doc.path)
        except OSError:
            return  # a full disk must not interrupt the clerk; the next change tries again
        self.saved.emit(datetime.now())

    def discard(self) -> None:
        self.timer.stop()
        self.store.discard(self.doc.doc_id)

    def close(self) -> None:
        self.discard()
        self.doc.changed.disconnect(self._schedule)
        self._lock.unlock()
