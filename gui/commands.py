"""Every edit is an undo command that calls Document methods only.

Compound edits (a pasted block, clearing a selection) are one command made of a SetCell per
cell, run inside `Document.batch()` so the rules run once.
"""
from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from PySide6.QtGui import QUndoCommand

from forms.model.findings import Finding, Location
from forms.model import Acknowledgement, CellValue, Report
from gui.document import Document
from forms.model.values import format_cell

TEXT_MERGE_ID = 1
TEXT_MERGE_SECONDS = 3.0  # typing with pauses shorter than this is one undo step


class _Command(QUndoCommand):
    """Reveals what it changed on undo and redo, but not when first done (the clerk is there)."""

    def __init__(self, doc: Document, text: str, *, part: bool = False):
        super().__init__(text)
        self.doc = doc
        self.part = part  # a piece of a compound command, which reveals for all its parts
        self._done_once = False

    def location(self) -> Location | None:
        return None

    def _reveal(self) -> None:
        loc = self.location()
        if self._done_once and loc is not None and not self.part:
            self.doc.reveal(loc)
        self._done_once = True


class SetCell(_Command):
    def __init__(self, doc: Document, table: str, row: str, column: str, value: CellValue, *,
                 part: bool = False):
        tspec = doc.report.spec.table(table)
        label = tspec.cell_label(row, column)
        shown = format_cell(value) or "空白"
        super().__init__(doc, f"{label}：{shown}", part=part)
        self.table, self.row, self.column = table, row, column
        self.new = value
        self.old = doc.report.entered(table, row, column)
        self.section = tspec.section

    def location(self) -> Location:
        return Location(section=self.section, table=self.table, row=self.row, column=self.column)

    def redo(self) -> None:
        self.doc.set_cell(self.table, self.row, self.column, self.new)
        self._reveal()

    def undo(self) -> None:
        self.doc.set_cell(self.table, self.row, self.column, self.old)
        self._reveal()


class SetCells(_Command):
    """A block of cells (paste, clear) as one step."""

    def __init__(self, doc: Document, table: str, values: dict[tuple[str, str], CellValue], text: str):
        super().__init__(doc, text)
        self.table = table
        self.first = next(iter(values), None)
        # Kept and run from Python: PySide drops the Python side of Qt-owned child commands.
        self.cells = [SetCell(doc, table, row, column, value, part=True) for (row, column), value in values.items()]

    def location(self) -> Location | None:
        if self.first is None:
            return None
        section = self.doc.report.spec.table(self.table).section
        return Location(section=section, table=self.table, row=self.first[0], column=self.first[1])

    def redo(self) -> None:
        with self.doc.batch():
            for cell in self.cells:
                cell.redo()
        self._reveal()

    def undo(self) -> None:
        with self.doc.batch():
            for cell in reversed(self.cells):
                cell.undo()
        self._reveal()


class SetText(_Command):
    """Typing in one text; consecutive typing in the same text merges into one step."""

    def __init__(self, doc: Document, key: str, value: str, *, session: int = 0, label: str = "文字"):
        super().__init__(doc, f"编辑{label}")
        self.key = key
        self.old = doc.report.text(key)
        self.new = value
        self.session = session
        self.stamp = time.monotonic()
        # Typing in the preface makes it the clerk's: it stops following the cover fields.
        self.old_by_hand = doc.report.sections.preface_by_hand if key == "preface" else None

    def id(self) -> int:
        return TEXT_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetText) and other.doc is self.doc and other.key == self.key
                and other.session == self.session and other.stamp - self.stamp < TEXT_MERGE_SECONDS):
            return False
        self.new = other.new
        self.stamp = other.stamp
        return True

    def location(self) -> Location:
        return Location(text=self.key)

    def redo(self) -> None:
        if self.old_by_hand is None:
            self.doc.set_text(self.key, self.new)
        else:
            self.doc.set_preface(self.new, True)
        self._reveal()

    def undo(self) -> None:
        if self.old_by_hand is None:
            self.doc.set_text(self.key, self.old)
        else:
            self.doc.set_preface(self.old, self.old_by_hand)
        self._reveal()


class SetField(_Command):
    """A cover field: year, title, organ name and level, address …"""

    def __init__(self, doc: Document, name: str, value: Any, label: str):
        super().__init__(doc, f"修改{label}")
        self.name = name
        self.old = doc.field(name)
        self.new = value
        self.old_preface = doc.report.sections.preface  # it may follow the field: undo puts it back exactly

    def location(self) -> Location:
        return Location(section="cover")

    def redo(self) -> None:
        self.doc.set_field(self.name, self.new)
        self._reveal()

    def undo(self) -> None:
        with self.doc.batch():
            self.doc.set_field(self.name, self.old)
            self.doc.set_preface(self.old_preface, self.doc.report.sections.preface_by_hand)
        self._reveal()


class ResetPreface(_Command):
    """Back to the standard opening paragraph, which follows the cover fields again."""

    def __init__(self, doc: Document):
        super().__init__(doc, "恢复标准前言")
        s = doc.report.sections
        self.old = (s.preface, s.preface_by_hand)

    def location(self) -> Location:
        return Location(text="preface")

    def redo(self) -> None:
        self.doc.set_preface("", False)
        self._reveal()

    def undo(self) -> None:
        self.doc.set_preface(*self.old)
        self._reveal()


class Acknowledge(_Command):
    """Mark a warning “已核实” with the clerk's explanation (or, with None, take the mark back)."""

    def __init__(self, doc: Document, finding: Finding, explanation: str | None, *, part: bool = False):
        text = f"标记“已核实”：{finding.code}" if explanation is not None else f"取消“已核实”：{finding.code}"
        super().__init__(doc, text, part=part)
        self.fingerprint = finding.fingerprint
        self.finding_location = finding.location
        self.old = doc.report.acknowledged.get(self.fingerprint)
        self.new = (Acknowledgement(code=finding.code, explanation=explanation, at=datetime.now().replace(microsecond=0))
                    if explanation is not None else None)

    def location(self) -> Location:
        return self.finding_location

    def redo(self) -> None:
        self.doc.set_acknowledgement(self.fingerprint, self.new)
        self._reveal()

    def undo(self) -> None:
        self.doc.set_acknowledgement(self.fingerprint, self.old)
        self._reveal()


class AcknowledgeAll(_Command):
    """Several findings (the blank cells of one row) marked or unmarked “已核实” as one step."""

    def __init__(self, doc: Document, findings: list[Finding], explanation: str | None):
        verb = "标记" if explanation is not None else "取消"
        super().__init__(doc, f"{verb}“已核实”：{findings[0].code}（{len(findings)} 项）")
        self.first = findings[0].location
        # Kept and run from Python, as in SetCells.
        self.parts = [Acknowledge(doc, f, explanation, part=True) for f in findings]

    def location(self) -> Location:
        return self.first

    def redo(self) -> None:
        with self.doc.batch():
            for part in self.parts:
                part.redo()
        self._reveal()

    def undo(self) -> None:
        with self.doc.batch():
            for part in reversed(self.parts):
                part.undo()
        self._reveal()


class SetPrior(_Command):
    """Attach (or replace) last year's report, against which Y1–Y4 check and texts are compared."""

    def __init__(self, doc: Document, prior: Report | None):
        super().__init__(doc, "附加上年报告" if doc.report.prior is None else "替换上年报告")
        self.old = doc.report.prior
        self.new = prior

    def redo(self) -> None:
        self.doc.set_prior(self.new)

    def undo(self) -> None:
        self.doc.set_prior(self.old)


class SetFinished(_Command):
    """“本表已填完”: from now on the table's blank cells are findings (A6), not progress."""

    def __init__(self, doc: Document, table: str, finished: bool):
        name = doc.report.spec.table(table).short_name
        super().__init__(doc, f"{name}{'标记为已填完' if finished else '取消已填完'}")
        self.table, self.new = table, finished
        self.old = table in doc.report.finished_tables

    def location(self) -> Location:
        return Location(section=self.doc.report.spec.table(self.table).section, table=self.table)

    def redo(self) -> None:
        self.doc.set_finished(self.table, self.new)
        self._reveal()

    def undo(self) -> None:
        self.doc.set_finished(self.table, self.old)
        self._reveal()
