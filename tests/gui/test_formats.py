"""A 2019-format report in the editor: its own tables, built from national-2019.json as the 2021
tables are from national-2021.json, and only the findings of rules that apply to it."""
from __future__ import annotations

from pathlib import Path

import pytest

from forms.importers import import_report
from forms.model import store
from forms.spec import load_spec
from gui.document import Document
from gui.table_model import TableModel

FIXTURE = Path(__file__).parent.parent / "fixtures" / "import" / "qinglan_transport_2020_format2019.docx"
SPEC_2019 = load_spec("national-2019")


@pytest.fixture
def report_2019():
    return import_report(FIXTURE).report


@pytest.mark.parametrize("table", [t.key for t in SPEC_2019.tables])
def test_the_2019_tables_are_well_behaved_qt_models(qtmodeltester, report_2019, table):
    model = TableModel(Document(report_2019), table)
    qtmodeltester.check(model, force_py=True)


def test_a_2019_report_opens_with_its_own_tables(qtbot, context, tmp_path, report_2019):
    from gui.main_window import MainWindow
    path = tmp_path / "2020.json"
    store.save(report_2019, path)
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.open_path(path)
    page = window._page("active_disclosure")
    assert set(page.tables) == {t.key for t in SPEC_2019.tables_of("active_disclosure")}  # （九） included
    licensing = page.tables["licensing"].model()
    headers = {licensing.data(licensing.index(0, c)) for c in range(licensing.columnCount())}
    assert {"上一年项目数量", "本年增/减", "处理决定数量"} <= headers
    codes = {f.code for f in window.doc.findings}
    assert codes.isdisjoint({"F2", "F3", "F5", "F6"})
    window.context.interaction.answers["save_changes"] = "discard"
