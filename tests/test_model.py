"""The document: what the clerk entered, blanks that are not zeros, totals that are computed."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st
from pydantic import ValidationError

from forms.model import CellNotEnterable, Report, new_report

CHINESE = re.compile(r"[\u4e00-\u9fff]")
APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]


@pytest.fixture
def report() -> Report:
    return new_report(2024, "青岚县人民政府")


def test_a_new_report_is_all_blank_not_zero(report):
    for table in report.spec.tables:
        for r, c in table.cells():
            assert report.value(table.key, r, c) is None, (table.key, r, c)
    report.set_cell("applications", "new_received", "natural_person", 0)
    assert report.value("applications", "new_received", "natural_person") == 0
    assert report.value("applications", "new_received", "natural_person") is not None
    # a total of one 0 and five blanks is 0, not blank
    assert report.value("applications", "new_received", "total") == 0
    assert report.value("applications", "carried_over", "total") is None


def test_row_and_column_totals_are_computed_with_blanks_inside_counting_zero(report):
    report.set_cell("applications", "granted", "natural_person", 7)
    report.set_cell("applications", "granted", "commercial", 2)
    report.set_cell("applications", "withheld_third_party", "natural_person", 1)
    report.set_cell("applications", "other_misc", "research", 4)
    assert report.value("applications", "granted", "total") == 9
    assert report.value("applications", "results_total", "natural_person") == 8
    assert report.value("applications", "results_total", "commercial") == 2
    assert report.value("applications", "results_total", "research") == 4
    assert report.value("applications", "results_total", "social_welfare") is None
    assert report.value("applications", "results_total", "total") == 14

    report.set_cell("review_litigation", "review", "upheld", 3)
    report.set_cell("review_litigation", "review", "pending", 1)
    assert report.value("review_litigation", "review", "total") == 4
    assert report.value("review_litigation", "litigation_direct", "total") is None


def test_changing_a_cell_changes_the_totals_that_depend_on_it(report):
    report.set_cell("applications", "granted", "natural_person", 7)
    assert report.value("applications", "results_total", "total") == 7
    report.set_cell("applications", "granted", "natural_person", None)
    assert report.value("applications", "results_total", "total") is None


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_table_values_agree_with_value_cell_by_cell(data):
    report = new_report(2024, "青岚县人民政府")
    for table in ("applications", "review_litigation"):
        tspec = report.spec.table(table)
        for r, c in tspec.entered_cells():
            report.set_cell(table, r, c, data.draw(st.none() | st.none() | st.integers(0, 500)))  # blanks: 2 in 3
    for table in ("applications", "review_litigation"):
        tspec = report.spec.table(table)
        values = report.table_values(table)
        for r, c in tspec.cells():
            assert values[r][c] == report.value(table, r, c), (table, r, c)
        for r in tspec.rows:
            if not r.computed:
                parts = [values[r.key][k] for k in APPLICANTS if table == "applications"]
                if parts and any(p is not None for p in parts):
                    assert values[r.key]["total"] == sum(p for p in parts if p is not None)


def test_the_fee_is_a_decimal_kept_exactly(report):
    report.set_cell("fees", "admin_fees", "amount", Decimal("1234.5678"))
    assert report.entered("fees", "admin_fees", "amount") == Decimal("1234.5678")
    assert isinstance(report.entered("fees", "admin_fees", "amount"), Decimal)
    # a float typed by a program is taken at its printed value, not its binary one
    report.set_cell("fees", "admin_fees", "amount", 0.1)
    assert report.entered("fees", "admin_fees", "amount") == Decimal("0.1")
    report.set_cell("fees", "admin_fees", "amount", "25534.03")
    assert report.entered("fees", "admin_fees", "amount") == Decimal("25534.03")
    # a whole amount is a whole number
    report.set_cell("fees", "admin_fees", "amount", Decimal("12"))
    assert report.entered("fees", "admin_fees", "amount") == 12


def test_set_cell_returns_the_previous_value_for_undo(report):
    assert report.set_cell("applications", "granted", "natural_person", 5) is None
    assert report.set_cell("applications", "granted", "natural_person", 0) == 5
    assert report.set_cell("applications", "granted", "natural_person", None) == 0
    assert report.entered("applications", "granted", "natural_person") is None


@pytest.mark.parametrize("cell", [
    ("applications", "results_total", "natural_person"),
    ("applications", "new_received", "total"),
    ("applications", "results_total", "total"),
    ("review_litigation", "review", "total"),
])
def test_a_computed_cell_cannot_be_entered(report, cell):
    with pytest.raises(CellNotEnterable) as exc:
        report.set_cell(*cell, 3)
    assert "合计" in str(exc.value) and "不能直接填写" in str(exc.value)
    assert isinstance(exc.value, KeyError)  # callers that catch KeyError keep working
    assert report.value(*cell) is None


@pytest.mark.parametrize("cell, named", [
    (("nosuchtable", "granted", "natural_person"), "nosuchtable"),
    (("applications", "nosuchrow", "natural_person"), "nosuchrow"),
    (("applications", "granted", "nosuchcolumn"), "nosuchcolumn"),
])
def test_an_unknown_cell_is_refused_in_chinese(report, cell, named):
    with pytest.raises(CellNotEnterable) as exc:
        report.set_cell(*cell, 1)
    assert CHINESE.search(str(exc.value)) and named in str(exc.value)
    assert "'" not in str(exc.value)  # not KeyError's repr quoting


@pytest.mark.parametrize("tables, named", [
    ({"nosuchtable": {}}, "nosuchtable"),
    ({"applications": {"nosuchrow": {}}}, "nosuchrow"),
    ({"applications": {"granted": {"nosuchcolumn": 1}}}, "nosuchcolumn"),
    ({"applications": {"results_total": {"natural_person": 1}}}, "results_total"),
    ({"applications": {"granted": {"total": 1}}}, "total"),
])
def test_a_document_with_unknown_or_computed_cells_is_refused_in_chinese(tables, named):
    with pytest.raises(ValidationError) as exc:
        Report(year=2024, tables=tables)
    message = exc.value.errors()[0]["msg"]
    assert CHINESE.search(message) and named in message


@pytest.mark.parametrize("bad", [True, "十二", "12件", Decimal("NaN"), Decimal("Infinity"), [1]])
def test_a_cell_that_is_not_a_number_is_refused_in_chinese(report, bad):
    with pytest.raises(ValueError) as exc:
        report.set_cell("applications", "granted", "natural_person", bad)
    assert CHINESE.search(str(exc.value))
    assert report.entered("applications", "granted", "natural_person") is None


def test_what_a_document_from_elsewhere_holds_is_kept_for_the_rules_to_name(report):
    """A negative count or a fraction read from another document is A5's to report, not a load failure."""
    report.set_cell("applications", "granted", "natural_person", -2)
    report.set_cell("applications", "granted", "commercial", Decimal("1.5"))
    assert report.entered("applications", "granted", "natural_person") == -2
    assert report.value("applications", "granted", "total") == Decimal("-0.5")


def test_a_document_holds_no_written_totals_that_could_disagree_with_its_cells():
    """Totals a source wrote belong to its import; the document computes its own."""
    with pytest.raises(ValidationError):
        Report(year=2024, stated_totals={"applications": {"granted": {"total": 9}}})
    report = Report(year=2024)
    assert report.value("applications", "granted", "total") is None
    report.set_cell("applications", "granted", "natural_person", 4)
    assert report.value("applications", "granted", "total") == 4


def test_years_outside_reason_are_refused():
    for year in (1800, 3000):
        with pytest.raises(ValidationError):
            new_report(year, "青岚县人民政府")


def test_texts_are_set_and_returned_for_undo(report):
    assert report.set_text("overview.on_request", "全年收到申请 12 件。") == ""
    assert report.text("overview.on_request") == "全年收到申请 12 件。"
    assert "全年收到申请 12 件。" in report.overview_text()
    assert report.set_text("notes.applications", "说明") == ""
    assert report.sections.notes == {"applications": "说明"}
    report.set_text("notes.applications", "")
    assert report.sections.notes == {}
    report.copied_texts.append("problems")
    report.set_text("problems", "本年新写的问题。")
    assert report.copied_texts == []  # rewritten: no longer a copy of last year's
    assert report.display_title == "青岚县人民政府2024年政府信息公开工作年度报告"
