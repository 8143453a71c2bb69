"""One open report: the model, its file, its undo stack, and its findings kept up to date.

Undo commands call the methods here (never the widgets); each method changes the report
and says what changed, so every view and the checker follow the model.
"""
from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from forms.model.findings import Finding, Location, OpenFindings
from forms.model import Acknowledgement, CellValue, Report
from forms.model.preface import follow_cover
from forms.rules import check


# Characters of text above which the rules run on a worker thread: reading a long section (a
# 1 MB paste) takes longer than a frame, and the editor must never stop answering the clerk.
LONG_TEXT = 100_000


class Document(QObject):
    cellsChanged = Signal(str)        # table key
    textChanged = Signal(str)         # text key: "overview.intro", "problems", "notes.fees" …
    metaChanged = Signal()            # year, organ, title
    priorChanged = Signal()
    findingsChanged = Signal()
    changed = Signal()                # anything: autosave, window title
    modifiedChanged = Signal(bool)
    revealRequested = Signal(object)  # a forms.model.findings.Location an undo/redo just changed
    _checkedAside = Signal(int, object)  # (generation, findings) from the worker thread
    consolidationChanged = Signal()   # a consolidated report's set of units (汇总)

    def __init__(self, report: Report, path: Path | None = None, *, doc_id: str | None = None,
                 untitled_name: str = "", check_now: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self.report = report
        self.path = Path(path) if path else None
        self.untitled_name = untitled_name or report.display_title  # the name until it has a file
        self.doc_id = doc_id or uuid.uuid4().hex[:12]
        self.undo_stack = QUndoStack(self)
        self.findings: list[Finding] = []
        self.open = OpenFindings([], {})  # the findings still open: what every view marks
        self.checked = False  # the rules have run at least once
        self._dirty_outside_undo = False
        self._batch_depth = 0
        self._pending: set[tuple[str, str]] = set()
        self._generation = 0      # edits checked so far; a worker's result for an older one is stale
        self._checking_aside = False
        self._checkedAside.connect(self._aside_done)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        if check_now:
            self.recheck()

    def _clean_changed(self, _clean: bool) -> None:
        self.modifiedChanged.emit(self.modified)

    # --- state -------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self._dirty_outside_undo or not self.undo_stack.isClean()

    def mark_modified(self) -> None:
        """A change made outside the undo stack (an export record, a restored recovery)."""
        was = self.modified
        self._dirty_outside_undo = True
        self.changed.emit()
        if not was:
            self.modifiedChanged.emit(True)

    def mark_saved(self, path: Path) -> None:
        self.path = Path(path)
        self._dirty_outside_undo = False
        self.undo_stack.setClean()
        self.modifiedChanged.emit(self.modified)
        self.changed.emit()

    def recheck(self) -> None:
        """Run the rules; on a report with long texts, on a worker thread (the findings follow
        when it is done; until then the last ones stay shown)."""
        self._generation += 1
        if sum(len(self.report.text(k)) for k in self.report.text_keys) > LONG_TEXT:
            self._check_aside()
        else:
            self._show(check(self.report))

    @property
    def checking(self) -> bool:
        """A check is running on the worker thread."""
        return self._checking_aside

    def _show(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.open = OpenFindings(self.findings, self.report.acknowledged)
        self.checked = True
        self.findingsChanged.emit()

    def _check_aside(self) -> None:
        if self._checking_aside:
            return  # the edit is checked when the running check is done (_aside_done)
        self._checking_aside = True
        generation, copy = self._generation, self.report.model_copy(deep=True)  # texts are shared, not copied
        threading.Thread(target=lambda: self._checkedAside.emit(generation, check(copy)), daemon=True,
                         name="nianbao-check").start()

    def _aside_done(self, generation: int, findings: list[Finding]) -> None:
        self._checking_aside = False
        if generation == self._generation:
            self._show(findings)
        else:  # edited meanwhile: check what the report is now
            self._check_aside()

    # --- edits (called by commands) ----------------------------------------------------
    @contextmanager
    def batch(self):
        """Several edits, one recheck and one notification per thing changed."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if not self._batch_depth:
                self._flush()

    def _notify(self, kind: str, key: str = "") -> None:
        self._pending.add((kind, key))
        if not self._batch_depth:
            self._flush()

    def _flush(self) -> None:
        pending, self._pending = self._pending, set()
        if not pending:
            return
        for kind, key in sorted(pending):
            if kind == "cells":
                self.cellsChanged.emit(key)
            elif kind == "text":
                self.textChanged.emit(key)
            elif kind == "meta":
                self.metaChanged.emit()
            elif kind == "prior":
                self.priorChanged.emit()
            elif kind == "consolidation":
                self.consolidationChanged.emit()
        self.recheck()
        self.changed.emit()

    def set_cell(self, table: str, row: str, column: str, value: CellValue) -> CellValue:
        old = self.report.set_cell(table, row, column, value)
        self._notify("cells", table)
        return old

    def set_text(self, key: str, value: str) -> str:
        old = self.report.set_text(key, value)
        self._notify("text", key)
        return old

    def set_preface(self, text: str, by_hand: bool) -> tuple[str, bool]:
        """The opening paragraph and whether the clerk wrote it; returns the previous pair (for undo)."""
        s = self.report.sections
        old = (s.preface, s.preface_by_hand)
        s.preface, s.preface_by_hand = text, by_hand
        self._notify("text", "preface")
        return old

    def field(self, name: str) -> Any:
        """A cover field by dotted name: "year", "title", "organization.name" …"""
        target: Any = self.report
        for part in name.split("."):
            target = getattr(target, part)
        return target

    def set_field(self, name: str, value: Any) -> Any:
        old = self.field(name)
        *parents, last = name.split(".")
        target: Any = self.report
        for part in parents:
            target = getattr(target, part)
        setattr(target, last, value)
        self._notify("meta")
        followed = follow_cover(self.report, name, old, value)
        if followed is not None:  # a preface not typed by hand follows the cover (电话 changed: so does it)
            self.report.sections.preface = followed
            self._notify("text", "preface")
        return old

    def set_finished(self, table: str, finished: bool) -> bool:
        """Mark a table filled in (its blanks become A6 findings) or back to drafting; returns the old mark."""
        done = self.report.finished_tables
        old = table in done
        if finished and not old:
            done.append(table)
        elif not finished and old:
            done.remove(table)
        self._notify("cells", table)
        return old

    def set_acknowledgement(self, fingerprint: str, ack: Acknowledgement | None) -> Acknowledgement | None:
        old = self.report.acknowledged.get(fingerprint)
        if ack is None:
            self.report.acknowledged.pop(fingerprint, None)
        else:
            self.report.acknowledged[fingerprint] = ack
        self._notify("ack")
        return old

    def set_prior(self, prior: Report | None) -> Report | None:
        old = self.report.prior
        self.report.prior = prior
        self._notify("prior")
        return old

    def set_years(self, prior: Report | None, earlier: list[Report]) -> tuple[Report | None, list[Report]]:
        """Last year's report and the older ones, for the 对比 page; returns the previous pair (undo)."""
        old = self.report.prior, list(self.report.earlier)
        self.report.earlier = earlier
        self.report.prior = prior
        self._notify("prior")
        return old

    def restore_consolidation(self, snap) -> None:
        """Put a consolidated report's units, and the tables summed from them, as in `snap`."""
        from forms.merge.consolidate import restore
        restore(self.report, snap)
        with self.batch():
            for table in self.report.tables:
                self._notify("cells", table)
            self._notify("consolidation")

    def reveal(self, location: Location) -> None:
        self.revealRequested.emit(location)
