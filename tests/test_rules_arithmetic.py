"""A1–A6: the arithmetic of the tables, on the sample report and on random balanced tables."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from forms.model.findings import Severity
from forms.model import new_report
from forms.rules import check
from forms.spec import load_spec

CHINESE = re.compile(r"[\u4e00-\u9fff]")
APPS = load_spec().table("applications")
APPLICANTS = [c.key for c in APPS.columns if not c.computed]
RESULT_ROWS = list(APPS.row("results_total").sum_of)
ENTERED_ROWS = [r.key for r in APPS.rows if not r.computed]


def found(report, code, **kw):
    return [f for f in check(report, **kw) if f.code == code]


def arithmetic(findings):
    return [f for f in findings if f.code.startswith("A")]


def test_the_sample_has_no_arithmetic_finding(sample_report):
    assert arithmetic(check(sample_report, final=True)) == []


# --- A1 ------------------------------------------------------------------------------------
def test_a1_fires_for_the_column_and_its_total(sample_report):
    sample_report.set_cell("applications", "new_received", "commercial", 13)  # was 11
    a1 = found(sample_report, "A1")
    assert [f.location.column for f in a1] == ["commercial", "total"]
    commercial = a1[0]
    assert commercial.severity is Severity.ERROR
    assert (commercial.location.section, commercial.location.table, commercial.location.row) == (
        "applications", "applications", None)
    assert (commercial.expected, commercial.actual) == (15, 13)  # 一 13 + 二 2 against （七）12 + 四 1
    assert "表三“商业企业”列不平衡" in commercial.message and "相差 2" in commercial.message
    total = a1[1]
    assert (total.expected, total.actual) == (160, 158) and "“总计”列" in total.message


def test_a1_counts_a_blank_as_zero_and_names_it(sample_report):
    sample_report.set_cell("applications", "carried_forward", "natural_person", None)  # was 3
    (a1, total) = found(sample_report, "A1")
    assert a1.location.column == "natural_person" and (a1.expected, a1.actual) == (135, 132)
    assert "四、结转下年度（空白）" in a1.message


def test_a1_is_silent_on_an_untouched_table():
    assert found(new_report(2024, "青岚县人民政府"), "A1") == []


# --- A2–A4: totals written in documents made elsewhere ------------------------------------
def test_a2_a_stated_results_total_that_is_not_the_sum(sample_report):
    stated = {"applications": {"results_total": {"natural_person": 130}}}
    (a2,) = found(sample_report, "A2", stated=stated)
    assert (a2.location.row, a2.location.column, a2.expected, a2.actual) == (
        "results_total", "natural_person", 132, 130)
    assert a2.severity is Severity.ERROR and "填写为 130" in a2.message and "之和为 132" in a2.message
    stated = {"applications": {"results_total": {"natural_person": 132}}}
    assert found(sample_report, "A2", stated=stated) == []


def test_a3_a_stated_row_total_that_is_not_the_sum(sample_report):
    stated = {"applications": {"granted": {"total": 70}}}
    (a3,) = found(sample_report, "A3", stated=stated)
    assert (a3.location.row, a3.location.column, a3.expected, a3.actual) == ("granted", "total", 68, 70)
    assert "表三“（一）予以公开”行“总计”列" in a3.message
    stated = {"applications": {"granted": {"total": 68}}}
    assert found(sample_report, "A3", stated=stated) == []


def test_a4_a_stated_review_total_that_is_not_the_sum(sample_report):
    stated = {"review_litigation": {"litigation_direct": {"total": 4}}}
    (a4,) = found(sample_report, "A4", stated=stated)
    assert (a4.location.table, a4.location.row, a4.location.column, a4.expected, a4.actual) == (
        "review_litigation", "litigation_direct", "total", 5, 4)
    assert "表四“未经复议直接起诉—总计”" in a4.message
    stated = {"review_litigation": {"litigation_direct": {"total": 5}}}
    assert found(sample_report, "A4", stated=stated) == []


def test_a2_a_wrong_results_total_is_one_error_not_also_an_a3(sample_report):
    """A published （七）总计 row whose 自然人 cell is 5 short of the rows above, yet which balances
    across as printed: the column is wrong (A2), the row is not (no A3); A1 quotes the printed total."""
    written = dict(sample_report.table_values("applications")["results_total"])
    written["natural_person"] -= 5
    written["total"] -= 5
    stated = {"applications": {"results_total": written}}
    findings = check(sample_report, stated=stated)
    assert {f.location.column for f in findings if f.code == "A2"} == {"natural_person", "total"}
    assert [f for f in findings if f.code == "A3"] == []
    a1 = [f for f in findings if f.code == "A1" and f.location.column == "total"]
    assert a1 and f"（七）总计（{written['total']}）" in a1[0].message


# --- A5 ------------------------------------------------------------------------------------
@pytest.mark.parametrize("cell, value, why", [
    (("applications", "granted", "research"), -1, "不能为负数"),
    (("review_litigation", "review", "other"), Decimal("0.5"), "应为整数"),
    (("fees", "admin_fees", "amount"), Decimal("-3.2"), "不能为负数"),
])
def test_a5_a_negative_count_a_fraction_of_a_case_a_negative_fee(sample_report, cell, value, why):
    sample_report.set_cell(*cell, value)
    (a5,) = found(sample_report, "A5")
    assert a5.severity is Severity.ERROR and why in a5.message
    assert (a5.location.table, a5.location.row, a5.location.column) == cell and a5.actual == value


def test_a5_a_fee_may_have_decimals(sample_report):
    sample_report.set_cell("fees", "admin_fees", "amount", Decimal("0.0035"))
    assert found(sample_report, "A5") == []


# --- A6 ------------------------------------------------------------------------------------
def test_a6_a_blank_cell_is_a_warning_and_an_error_for_the_final_report(sample_report):
    sample_report.set_cell("regulations", "rules", "repealed", None)
    (a6,) = found(sample_report, "A6")
    assert a6.severity is Severity.WARNING
    assert (a6.location.table, a6.location.row, a6.location.column) == ("regulations", "rules", "repealed")
    assert "表二（一）“规章”行“本年废止件数”列为空白" in a6.message and "请填 0" in a6.message
    (final,) = found(sample_report, "A6", final=True)
    assert final.severity is Severity.ERROR and final.fingerprint == a6.fingerprint


def test_a6_quotes_what_the_source_document_had(sample_report):
    sample_report.set_cell("applications", "other_fee_unpaid", "research", None)
    sample_report.source_texts["applications.other_fee_unpaid.research"] = "/"
    (a6,) = found(sample_report, "A6")
    assert "为“/”" in a6.message


@pytest.mark.parametrize("cell", [("fees", "admin_fees", "amount"), ("licensing", "administrative_license", "decisions")])
def test_a6_a_small_table_of_section_two_left_blank(sample_report, cell):
    """表二 is one section of four small tables: one of them left blank is not an empty section (F1)."""
    sample_report.set_cell(*cell, None)
    (a6,) = found(sample_report, "A6")
    assert (a6.location.table, a6.location.row, a6.location.column) == cell
    assert found(sample_report, "F1") == []


def test_a6_leaves_an_empty_section_two_to_f1(sample_report):
    for table in sample_report.spec.tables_of("active_disclosure"):
        for r, c in table.entered_cells():
            sample_report.set_cell(table.key, r, c, None)
    assert found(sample_report, "A6") == []
    (f1,) = found(sample_report, "F1")
    assert f1.location.section == "active_disclosure"


def test_a6_leaves_an_empty_table_to_f1():
    report = new_report(2024, "青岚县人民政府")
    report.drafting = False  # a report read from elsewhere: every blank is a finding
    report.set_cell("applications", "granted", "natural_person", 1)
    a6 = found(report, "A6")
    assert {f.location.table for f in a6} == {"applications"}
    assert len(a6) == 24 * 6 - 1


# --- properties ----------------------------------------------------------------------------
@st.composite
def balanced_columns(draw, blanks=False):
    """Entered cells of 表三 with 一 + 二 = （七） + 四 in every column."""
    cell = st.integers(0, 40) | st.none() if blanks else st.integers(0, 40)
    cells = {}
    for col in APPLICANTS:
        results = {r: draw(cell) for r in RESULT_ROWS}
        forward = draw(st.integers(0, 40))
        right = sum(v for v in results.values() if v is not None) + forward
        over = draw(st.integers(0, right))
        cells[col] = {**results, "carried_forward": forward, "carried_over": over,
                      "new_received": right - over}
    return cells


def _report_with(cells):
    report = new_report(2024, "青岚县人民政府")
    for col, rows in cells.items():
        for row, v in rows.items():
            report.set_cell("applications", row, col, v)
    return report


@settings(max_examples=100, deadline=None)
@given(balanced_columns(blanks=True))
def test_any_balanced_table_passes_a1(cells):
    assert found(_report_with(cells), "A1") == []


@settings(max_examples=150, deadline=None)
@given(balanced_columns(), st.sampled_from(ENTERED_ROWS), st.sampled_from(APPLICANTS), st.integers(1, 30),
       st.booleans())
def test_any_single_change_fails_a1_for_that_column_and_the_total_only(cells, row, col, delta, down):
    report = _report_with(cells)
    before = arithmetic(check(report))
    assert before == []
    old = report.entered("applications", row, col)
    new = old - delta if down and old >= delta else old + delta
    report.set_cell("applications", row, col, new)

    after = arithmetic(check(report))
    assert [(f.code, f.location.column) for f in after] == [("A1", col), ("A1", "total")]
    change = new - old
    side = 1 if row in ("new_received", "carried_over") else -1
    for f in after:
        assert f.expected - f.actual == side * change
        assert f.severity is Severity.ERROR and CHINESE.search(f.message)


# --- fingerprints --------------------------------------------------------------------------
def _core_fingerprints(report) -> dict:
    return {(f.code, f.location.column, f.location.row): f.fingerprint for f in check(report)
            if f.code[0] in "AFY"}


def test_fingerprints_stay_the_same_across_unrelated_edits(sample_report):
    sample_report.set_cell("applications", "granted", "research", 5)
    sample_report.set_cell("regulations", "rules", "issued", None)
    sample_report.set_text("overview.platform", "")
    sample_report.prior.set_cell("applications", "carried_forward", "commercial", 3)
    first = _core_fingerprints(sample_report)
    assert set(first) == {("A1", "research", None), ("A1", "total", None), ("A6", "issued", "rules"),
                          ("F2", None, None), ("Y1", "commercial", "carried_over"), ("Y1", "total", "carried_over")}

    sample_report.set_cell("applications", "granted", "research", 7)          # same error, other figures
    sample_report.set_cell("applications", "granted", "natural_person", 60)   # another column goes wrong too
    sample_report.set_text("problems", sample_report.text("problems") + "另有一条新问题。")
    sample_report.set_text("overview.intro", sample_report.text("overview.intro") + "全面加强政务公开。")
    sample_report.prior.set_cell("applications", "carried_forward", "commercial", 4)
    sample_report.organization.name = "青岚县政府办公室"
    after = _core_fingerprints(sample_report)
    for key, fp in first.items():
        assert after[key] == fp, key
    assert len(set(after.values())) == len(after)  # each place its own identity


# --- the registry --------------------------------------------------------------------------
@pytest.mark.parametrize("first", ["forms.rules.text", "forms.rules.cross_year", "forms.rules.arithmetic"])
def test_every_family_runs_whichever_module_was_imported_first(first, sample_path):
    """A GUI panel or a test that imports one family before the first check must not switch the others off."""
    import subprocess
    import sys
    script = (f"import {first}\n"
              "from forms.model import store\n"
              "from forms.rules import check\n"
              f"r = store.load({str(sample_path)!r})\n"
              "r.set_cell('applications', 'granted', 'natural_person', None)\n"
              "r.set_text('problems', '')\n"
              "r.prior.set_cell('applications', 'carried_forward', 'research', 2)\n"
              "print(' '.join(f.code for f in check(r)))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, encoding="utf-8", timeout=60)
    assert out.returncode == 0, out.stderr
    codes = out.stdout.split()
    assert {"A1", "A6", "F1", "Y1"} <= set(codes)
    assert codes.index("A1") < codes.index("F1") < codes.index("Y1")  # errors listed family by family


def test_a_warning_marked_checked_is_no_longer_open_but_an_error_always_is(sample_report):
    from datetime import datetime

    from forms.model import Acknowledgement
    from forms.rules import open_findings
    sample_report.set_cell("regulations", "rules", "issued", None)          # A6, a warning
    sample_report.set_cell("applications", "granted", "research", 2)       # A1, errors
    findings = [f for f in check(sample_report) if f.code.startswith("A")]
    for f in findings:
        sample_report.acknowledged[f.fingerprint] = Acknowledgement(code=f.code, explanation="已核实",
                                                                    at=datetime(2025, 1, 20, 9, 30))
    assert [f.code for f in open_findings(sample_report, findings)] == ["A1", "A1"]


def test_while_drafting_blanks_are_progress_until_the_table_is_marked_finished():
    report = new_report(2024, "青岚县人民政府")
    report.set_cell("applications", "new_received", "natural_person", 1)  # one row typed into a blank 表三
    assert found(report, "A6") == []
    assert report.fill_progress("applications") == (1, len(report.spec.table("applications").entered_cells()))
    report.finished_tables.append("applications")
    assert {f.location.table for f in found(report, "A6")} == {"applications"}
    # the export gate checks every table, drafting or not
    assert {f.location.table for f in check(report, final=True) if f.code == "A6"} >= {"applications"}


def test_while_drafting_a_column_still_being_filled_is_not_called_unbalanced():
    report = new_report(2024, "青岚县人民政府")
    report.set_cell("applications", "carried_over", "natural_person", 3)  # prefilled carry-over, nothing else yet
    assert found(report, "A1") == []
    assert found(report, "A1", final=True)  # the export gate still sees it
    report.set_cell("applications", "new_received", "natural_person", 5)
    report.set_cell("applications", "carried_forward", "natural_person", 0)
    for row in report.tables["applications"]:
        if report.tables["applications"][row]["natural_person"] is None:
            report.set_cell("applications", row, "natural_person", 0)
    assert "natural_person" in [f.location.column for f in found(report, "A1")]  # complete, and 8 ≠ 0
