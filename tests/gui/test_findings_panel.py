"""Blank cells in the findings panel: one line a table row, the cells under it."""
from __future__ import annotations

from PySide6.QtCore import Qt

from forms.model import store
from forms.commands.check import _lines
from forms.model.findings import Severity
from forms.rules import check
from gui.commands import AcknowledgeAll, SetCells
from gui.document import Document
from gui.findings_panel import FindingsModel, FindingsPanel
from gui.table_model import TINTS
from gui_helpers import table_view

T = "applications"
ORGS = ["commercial", "research", "social_welfare", "legal_service", "other_org"]
ROW_LABEL = "表三“1.属于国家秘密”行的 5 格（商业企业、科研机构、社会公益组织、法律服务机构、其他）为空白：没有发生的请填 0。"


def _clear(window, cells):
    """What the clerk does by selecting cells and pressing Delete: one undo step."""
    window.doc.undo_stack.push(SetCells(window.doc, T, {cell: None for cell in cells}, "清除"))


def _lines_of(panel, group="warning"):
    """(rule, text, number of children) for each line under a severity group."""
    model = panel.model
    top = next(model.index(r, 0) for r in range(model.rowCount()) if model.group_of(model.index(r, 0)) == group)
    return [(model.index(r, 0, top).data(), model.index(r, 1, top).data(), model.rowCount(model.index(r, 0, top)))
            for r in range(model.rowCount(top))]


def _row_entry(panel, group="warning"):
    model = panel.model
    return next(i for i in model.row_entries() if model.group_of(i) == group)


def _click(qtbot, panel, index):
    panel.view.scrollTo(index)
    rect = panel.view.visualRect(index.siblingAtColumn(1))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _cursor(window):
    """The cell under the cursor on the page shown (without going anywhere)."""
    view = window.current_page().tables[T]
    assert view.hasFocus()
    return view.model().cell_at(view.currentIndex())


def test_blank_cells_of_a_row_share_one_line_and_the_counts_stay_per_cell(window):
    _clear(window, [("withheld_state_secret", c) for c in ORGS] + [("withheld_security_stability", "natural_person")])
    panel = window.panel
    lines = _lines_of(panel)
    assert ("A6", ROW_LABEL, 5) in lines
    single = [line for line in lines if "三安全一稳定" in line[1]]
    assert single == [("A6", "表三“3.危及“三安全一稳定””行“自然人”列为空白：没有发生的请填 0。", 0)]
    assert len(lines) == 2
    assert panel.model.index(0, 0).data() == "警告（6）"
    assert panel.summary.text() == "错误 0 项，警告 6 项，提示 0 项"
    assert "警告 6" in window.counts_label.text()
    row = _row_entry(panel)
    assert not panel.view.isExpanded(row)  # short until the clerk opens it
    cells = [panel.model.index(r, 1, row).data() for r in range(5)]
    assert cells[0] == "表三“1.属于国家秘密”行“商业企业”列为空白：没有发生的请填 0。"


def test_the_panel_and_the_command_line_word_a_blank_row_alike(window):
    _clear(window, [("withheld_state_secret", c) for c in ORGS])
    printed = _lines(window.doc.report, window.doc.findings)
    assert printed == [f"[警告] A6 {ROW_LABEL}"]
    assert _lines_of(window.panel)[0][1] == ROW_LABEL


def test_a_row_line_goes_to_its_first_blank_and_a_cell_line_to_that_cell(qtbot, window):
    _clear(window, [("withheld_state_secret", c) for c in ORGS])
    panel = window.panel
    window.show_page("overview")
    row = _row_entry(panel)
    _click(qtbot, panel, row)
    assert _cursor(window) == ("withheld_state_secret", "commercial")
    assert panel.verify.isEnabled()
    panel.view.expand(row)
    _click(qtbot, panel, panel.model.index(2, 0, row))
    assert _cursor(window) == ("withheld_state_secret", "social_welfare")


def test_f8_steps_through_the_cells_of_a_row_one_by_one(qtbot, window):
    row = "withheld_state_secret"
    _clear(window, [(row, c) for c in ORGS[:3]] + [("withheld_security_stability", "natural_person")])
    view = table_view(window, T)
    seen = []
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_F8)
        seen.append(view.model().cell_at(view.currentIndex()))
    assert seen == [(row, "commercial"), (row, "research"), (row, "social_welfare"),
                    ("withheld_security_stability", "natural_person")]
    assert window.panel.model.finding(window.panel.view.currentIndex()).location.column == "natural_person"
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.model().cell_at(view.currentIndex()) == (row, "social_welfare")
    assert window.panel.view.isExpanded(_row_entry(window.panel))  # the row opened to show its cell
    _click(qtbot, window.panel, _row_entry(window.panel))  # the row stands for its first cell
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.model().cell_at(view.currentIndex()) == (row, "research")


def test_verifying_a_row_line_verifies_all_its_cells_in_one_undo_step(qtbot, window, interaction):
    _clear(window, [("withheld_state_secret", c) for c in ORGS])
    panel, doc = window.panel, window.doc
    blanks = list(panel.model.findings_at(_row_entry(panel)))
    _click(qtbot, panel, _row_entry(panel))
    interaction.answers["explanation"] = "原表即为空白"
    qtbot.mouseClick(panel.verify, Qt.MouseButton.LeftButton)
    assert {doc.report.acknowledged[f.fingerprint].explanation for f in blanks} == {"原表即为空白"}
    assert [key for key, _, _ in panel.model.groups] == ["verified"]
    assert _lines_of(panel, "verified") == [("A6", ROW_LABEL + "（已核实：原表即为空白）", 5)]
    assert doc.undo_stack.undoText() == "标记“已核实”：A6（5 项）"
    cell = table_view(window, T).model().index_of("withheld_state_secret", "research")
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is None
    window.undo_action.trigger()
    assert doc.report.acknowledged == {}
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == TINTS[Severity.WARNING]
    window.redo_action.trigger()
    _click(qtbot, panel, _row_entry(panel, "verified"))
    assert panel.unverify.isEnabled() and not panel.verify.isEnabled()
    qtbot.mouseClick(panel.unverify, Qt.MouseButton.LeftButton)
    assert doc.report.acknowledged == {}
    assert doc.undo_stack.undoText() == "取消“已核实”：A6（5 项）"


def test_verifying_one_cell_of_a_row_leaves_the_others_open(qtbot, window, interaction):
    _clear(window, [("withheld_state_secret", c) for c in ORGS])
    panel, doc = window.panel, window.doc
    row = _row_entry(panel)
    panel.view.expand(row)
    child = panel.model.index(1, 0, row)
    research = panel.model.finding(child)
    _click(qtbot, panel, child)
    interaction.answers["explanation"] = "确无"
    qtbot.mouseClick(panel.verify, Qt.MouseButton.LeftButton)
    assert list(doc.report.acknowledged) == [research.fingerprint]
    assert _lines_of(panel)[0][1].startswith("表三“1.属于国家秘密”行的 4 格（商业企业、社会公益组织")
    assert panel.view.isExpanded(_row_entry(panel))  # still open where the clerk was working
    assert _lines_of(panel, "verified") == [("A6", research.message + "（已核实：确无）", 0)]


def test_blank_rows_are_errors_when_final_and_cannot_be_verified(qtbot, sample_path, interaction):
    report = store.load(sample_path)
    for c in ORGS:
        report.set_cell(T, "withheld_state_secret", c, None)
    doc = Document(report)
    doc.findings = check(report, final=True)  # how a final check (定稿) grades blanks
    panel = FindingsPanel(doc, interaction)
    qtbot.addWidget(panel)
    assert _lines_of(panel, "error") == [("A6", ROW_LABEL, 5)]
    panel.view.setCurrentIndex(_row_entry(panel, "error"))
    assert not panel.verify.isEnabled()
    panel.acknowledge_current()
    assert "explanation" not in interaction.asked and doc.report.acknowledged == {}


def test_findings_model_with_blank_rows_is_a_well_behaved_qt_model(qtmodeltester, sample_path):
    report = store.load(sample_path)
    for c in ORGS:
        report.set_cell(T, "withheld_state_secret", c, None)
        report.set_cell(T, "other_fee_unpaid", c, None)
    report.set_cell(T, "withheld_security_stability", "natural_person", None)
    doc = Document(report)
    model = FindingsModel(doc)
    model.refresh()
    qtmodeltester.check(model, force_py=True)
    blanks = [f for f in doc.findings if f.location.row == "withheld_state_secret"]
    doc.undo_stack.push(AcknowledgeAll(doc, blanks, "核实"))
    model.refresh()
    assert model.group_of(model.index_of(blanks[0].fingerprint)) == "verified"
    assert model.rowCount(model.index(1, 0)) == 1  # 已核实: the row, its 5 cells under it
    qtmodeltester.check(model, force_py=True)


def test_an_edit_changes_the_panel_line_by_line_keeping_what_the_clerk_selected(window, qtmodeltester):
    """A cell that breaks a balance adds its lines and one that restores it takes them away,
    without the list being rebuilt: the line the clerk selected stays selected and in view."""
    panel, doc = window.panel, window.doc
    qtmodeltester.check(panel.model, force_py=True)  # stays connected: every later change is checked
    resets = []
    panel.model.modelAboutToBeReset.connect(lambda: resets.append(True))
    _clear(window, [("withheld_state_secret", c) for c in ORGS])
    panel.view.setCurrentIndex(_row_entry(panel))
    before = len(doc.findings)
    granted = doc.report.entered(T, "granted", "natural_person")
    doc.undo_stack.push(SetCells(doc, T, {("granted", "natural_person"): granted + 1}, "改"))
    assert len(doc.findings) > before
    assert any(f.code == "A1" for f in panel.model.open_findings())
    assert panel.model.findings_at(panel.view.currentIndex())[0].location.row == "withheld_state_secret"
    doc.undo_stack.undo()
    assert len(doc.findings) == before and not any(f.code == "A1" for f in panel.model.open_findings())
    assert panel.model.findings_at(panel.view.currentIndex())[0].location.row == "withheld_state_secret"
    assert resets == []
