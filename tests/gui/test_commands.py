"""Undo commands on a bare QUndoStack and a Document: no window, no widgets."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QUndoStack

from forms.model import store
from forms.model.findings import Severity
from gui.commands import Acknowledge, SetCell, SetCells, SetField, SetPrior, SetText
from gui.document import Document


def _doc(sample_path):
    return Document(store.load(sample_path))


def test_set_cell_undo_redo_and_the_findings_follow(qapp, sample_path):
    doc = _doc(sample_path)
    stack = QUndoStack()
    seen = []
    doc.cellsChanged.connect(seen.append)
    stack.push(SetCell(doc, "applications", "granted", "natural_person", 58))
    assert doc.report.entered("applications", "granted", "natural_person") == 58
    assert "A1" in {f.code for f in doc.findings}
    assert seen == ["applications"]
    stack.undo()
    assert doc.report.entered("applications", "granted", "natural_person") == 57
    assert doc.findings == []
    stack.redo()
    assert doc.report.entered("applications", "granted", "natural_person") == 58


def test_a_block_is_one_step_and_checks_once(qapp, sample_path):
    doc = _doc(sample_path)
    stack = QUndoStack()
    checks = []
    doc.findingsChanged.connect(lambda: checks.append(1))
    values = {("granted", "natural_person"): 1, ("granted", "commercial"): None, ("fees_not_a_row", "x"): 0}
    values.pop(("fees_not_a_row", "x"))
    stack.push(SetCells(doc, "applications", values, "粘贴"))
    assert stack.count() == 1 and len(checks) == 1
    assert doc.report.entered("applications", "granted", "commercial") is None
    stack.undo()
    assert doc.report.entered("applications", "granted", "commercial") == 6
    assert doc.report.entered("applications", "granted", "natural_person") == 57


def test_text_typing_merges_within_a_session_only(qapp, sample_path):
    doc = _doc(sample_path)
    stack = QUndoStack()
    base = doc.report.text("other")
    stack.push(SetText(doc, "other", base + "一", session=1))
    stack.push(SetText(doc, "other", base + "一二", session=1))
    stack.push(SetText(doc, "other", base + "一二三", session=2))
    stack.push(SetText(doc, "problems", "别处", session=2))
    assert stack.count() == 3
    stack.undo()
    stack.undo()
    assert doc.report.text("other") == base + "一二"
    stack.undo()
    assert doc.report.text("other") == base


def test_acknowledge_and_take_back(qapp, sample_path):
    doc = _doc(sample_path)
    stack = QUndoStack()
    stack.push(SetCell(doc, "applications", "withheld_state_secret", "natural_person", None))
    warning = next(f for f in doc.findings if f.severity is Severity.WARNING)
    stack.push(Acknowledge(doc, warning, "确无此类申请"))
    assert doc.report.acknowledged[warning.fingerprint].explanation == "确无此类申请"
    stack.push(Acknowledge(doc, warning, None))
    assert warning.fingerprint not in doc.report.acknowledged
    stack.undo()
    assert warning.fingerprint in doc.report.acknowledged
    stack.undo()
    assert doc.report.acknowledged == {}


def test_fields_and_prior(qapp, sample_path, sample_prior_path):
    doc = _doc(sample_path)
    stack = QUndoStack()
    stack.push(SetField(doc, "year", 2025, "报告年度"))
    assert doc.report.year == 2025
    stack.undo()
    assert doc.report.year == 2024
    old_prior = doc.report.prior
    stack.push(SetPrior(doc, None))
    assert doc.report.prior is None
    stack.push(SetPrior(doc, store.load(sample_prior_path)))
    assert doc.report.prior.year == 2023
    stack.undo()
    stack.undo()
    assert doc.report.prior is old_prior


def test_the_fee_keeps_its_decimals(qapp, sample_path):
    doc = _doc(sample_path)
    stack = QUndoStack()
    stack.push(SetCell(doc, "fees", "admin_fees", "amount", Decimal("0.0125")))
    assert doc.report.entered("fees", "admin_fees", "amount") == Decimal("0.0125")
