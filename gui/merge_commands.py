"""Undoable changes to a consolidated report's set of units: add, exclude, take back, re-read, 本级."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from forms.merge.consolidate import snapshot
from forms.model import Report
from gui.document import Document


class ConsolidationEdit(QUndoCommand):
    """`change` edits the report's consolidation (through forms.merge); undo puts back the units,
    the log and the tables as they were, redo as they became."""

    def __init__(self, doc: Document, text: str, change: Callable[[Report], None]):
        super().__init__(text)
        self.doc = doc
        self.change = change
        self.before = snapshot(doc.report)
        self.after = None

    def redo(self) -> None:
        if self.after is None:
            self.change(self.doc.report)
            self.after = snapshot(self.doc.report)
        self.doc.restore_consolidation(self.after)

    def undo(self) -> None:
        self.doc.restore_consolidation(self.before)
