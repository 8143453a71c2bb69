"""Every table model and the findings model pass Qt's own model checks."""
from __future__ import annotations

import pytest

from forms.model import store
from forms.spec import load_spec
from gui.document import Document
from gui.findings_panel import FindingsModel
from gui.table_model import TableModel


@pytest.mark.parametrize("table", [t.key for t in load_spec().tables])
def test_table_model_is_a_well_behaved_qt_model(qtmodeltester, sample_path, table):
    doc = Document(store.load(sample_path))
    model = TableModel(doc, table)
    qtmodeltester.check(model, force_py=True)
    row, column = next(iter(doc.report.tables[table].items()))[0], None
    column = next(iter(doc.report.tables[table][row]))
    doc.set_cell(table, row, column, None)  # a finding tints the cell: still a valid model
    qtmodeltester.check(model, force_py=True)


def test_findings_model_is_a_well_behaved_qt_model(qtmodeltester, sample_path):
    doc = Document(store.load(sample_path))
    doc.set_cell("applications", "granted", "natural_person", 1)
    doc.set_cell("applications", "granted", "commercial", None)
    model = FindingsModel(doc)
    model.refresh()
    assert model.rowCount() == 2  # 错误, 警告
    qtmodeltester.check(model, force_py=True)
