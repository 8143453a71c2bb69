"""Y1–Y4: this year's report against last year's (the sample's 2023 report is attached as its prior)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from forms.model import store
from forms.model.findings import Severity
from forms.model import Report
from forms.rules import check


def found(report, code, **kw):
    return [f for f in check(report, **kw) if f.code == code]


def test_the_sample_agrees_with_its_prior(sample_report, sample_prior_path):
    assert sample_report.prior is not None and sample_report.prior.year == 2023
    assert [f for f in check(sample_report) if f.code.startswith("Y")] == []
    assert [f for f in check(sample_report, store.load(sample_prior_path)) if f.code.startswith("Y")] == []


def test_without_a_prior_no_cross_year_rule_runs(sample_report):
    sample_report.prior.set_cell("applications", "carried_forward", "commercial", 9)
    detached = sample_report.model_copy(update={"prior": None})
    assert [f for f in check(detached) if f.code.startswith("Y")] == []


# --- Y1 ------------------------------------------------------------------------------------
def test_y1_last_years_carried_forward_differs(sample_report):
    sample_report.prior.set_cell("applications", "carried_forward", "commercial", 3)  # this year's 二 is 2
    y1 = found(sample_report, "Y1")
    assert [f.location.column for f in y1] == ["commercial", "total"]
    f = y1[0]
    assert f.severity is Severity.ERROR and (f.expected, f.actual) == (3, 2)
    assert (f.location.section, f.location.table, f.location.row) == ("applications", "applications", "carried_over")
    assert "表三“二、上年结转政府信息公开申请数量”行“商业企业”列为 2" in f.message
    assert "2023 年" in f.message and "结转下年度继续办理" in f.message


def test_y1_with_the_prior_given_separately(sample_report, sample_prior_path):
    prior = store.load(sample_prior_path)
    prior.set_cell("applications", "carried_forward", "natural_person", 0)
    y1 = found(sample_report.model_copy(update={"prior": None}), "Y1", prior=prior)
    assert [(f.location.column, f.expected, f.actual) for f in y1] == [("natural_person", 0, 4), ("total", 4, 8)]


def test_y1_a_blank_carried_over_where_last_year_carried_cases_forward(sample_report):
    sample_report.set_cell("applications", "carried_over", "legal_service", None)
    (f, _total) = found(sample_report, "Y1")
    assert f.location.column == "legal_service" and (f.expected, f.actual) == (1, None)
    assert "为 空白" in f.message


def test_y1_a_blank_where_last_year_carried_nothing_is_left_to_a6(sample_report):
    sample_report.set_cell("applications", "carried_over", "research", None)
    assert found(sample_report, "Y1") == []
    assert len(found(sample_report, "A6")) == 1


def test_y1_against_a_2019_format_prior():
    prior = Report(template="national-2019", year=2020)
    prior.set_cell("applications", "carried_forward", "natural_person", 5)
    report = Report(year=2021)
    report.set_cell("applications", "carried_over", "natural_person", 5)
    assert found(report, "Y1", prior=prior) == []
    report.set_cell("applications", "carried_over", "natural_person", 2)
    (f,) = [f for f in found(report, "Y1", prior=prior) if f.location.column == "natural_person"]
    assert "2020 年" in f.message and (f.expected, f.actual) == (5, 2)


# --- Y2 ------------------------------------------------------------------------------------
def test_y2_documents_in_force_do_not_follow_from_last_year(sample_report):
    sample_report.set_cell("regulations", "normative_docs", "in_force", 45)  # 38 + 5 - 3 = 40
    (y2,) = found(sample_report, "Y2")
    assert y2.severity is Severity.WARNING and (y2.expected, y2.actual) == (40, 45)
    assert (y2.location.table, y2.location.row, y2.location.column) == ("regulations", "normative_docs", "in_force")
    assert "上年 38" in y2.message and "本年制发 5" in y2.message and "本年废止 3" in y2.message


def test_y2_is_silent_when_a_figure_is_missing(sample_report):
    sample_report.set_cell("regulations", "normative_docs", "in_force", 45)
    sample_report.set_cell("regulations", "normative_docs", "repealed", None)
    assert found(sample_report, "Y2") == []


# --- Y3 ------------------------------------------------------------------------------------
def test_y3_last_years_problems_copied_with_only_the_figures_changed(sample_report):
    sample_report.set_text("problems", sample_report.prior.text("problems").replace("2023", "2024"))
    (y3,) = found(sample_report, "Y3")
    assert y3.severity is Severity.WARNING and "五、存在的主要问题及改进情况" in y3.message and "几乎相同" in y3.message
    assert (y3.location.section, y3.location.text) == ("problems", "problems") and y3.actual >= 90


def test_y3_a_text_copied_by_prefill_and_not_yet_rewritten(sample_report):
    sample_report.copied_texts.append("other")
    (y3,) = found(sample_report, "Y3")
    assert y3.location.section == "other" and "尚未改写" in y3.message
    sample_report.set_text("other", sample_report.text("other") + "四、本年新增事项说明。")
    assert found(sample_report, "Y3") == []


def test_y3_is_silent_for_rewritten_and_for_very_short_texts(sample_report):
    assert found(sample_report, "Y3") == []
    sample_report.set_text("other", "未收取信息处理费。")
    sample_report.prior.set_text("other", "未收取信息处理费。")
    assert found(sample_report, "Y3") == []


# --- Y4 ------------------------------------------------------------------------------------
@pytest.mark.parametrize("cell, value", [
    (("licensing", "administrative_license", "decisions"), 1286 * 6),
    (("enforcement", "penalty", "decisions"), 400),
    (("fees", "admin_fees", "amount"), Decimal("15234.6")),
])
def test_y4_a_key_figure_jumps_more_than_fivefold(sample_report, cell, value):
    sample_report.set_cell(*cell, value)
    (y4,) = found(sample_report, "Y4")
    assert y4.severity is Severity.INFO and y4.actual == value and "5 倍" in y4.message
    assert (y4.location.table, y4.location.row, y4.location.column) == cell


@pytest.mark.parametrize("before, now, way", [(12, 1, "减少"), (2, 19, "增加"), (0, 50, "增加"), (50, 0, "减少")])
def test_y4_is_symmetric_and_says_which_way(sample_report, before, now, way):
    cell = ("enforcement", "penalty", "decisions")
    sample_report.prior.set_cell(*cell, before)
    sample_report.set_cell(*cell, now)
    (y4,) = [f for f in found(sample_report, "Y4") if f.location.row == "penalty"]
    assert way in y4.message and f"上年（{before}）" in y4.message and (y4.expected, y4.actual) == (before, now)


def test_y4_is_silent_for_small_counts_and_ordinary_changes(sample_report):
    sample_report.prior.set_cell("review_litigation", "review", "upheld", 0)
    sample_report.prior.set_cell("review_litigation", "review", "corrected", 0)
    sample_report.prior.set_cell("review_litigation", "review", "other", 0)
    sample_report.prior.set_cell("review_litigation", "review", "pending", 1)  # 1 -> 7: small numbers
    sample_report.set_cell("licensing", "administrative_license", "decisions", 1286 * 4)
    assert found(sample_report, "Y4") == []


def test_a_2019_format_report_is_checked_without_a_crash():
    """The editor can hold a 2019-format report (a 2020 report re-opened); every rule must cope."""
    prior = Report(template="national-2019", year=2019)
    prior.set_cell("applications", "carried_forward", "natural_person", 2)
    report = Report(template="national-2019", year=2020)
    report.set_cell("applications", "carried_over", "natural_person", 1)
    report.set_cell("review_litigation", "review", "upheld", 1)
    findings = check(report, prior)
    assert {"F1", "A6"} <= {f.code for f in findings}
    assert any(f.code == "A6" and f.location.table == "review_litigation" for f in findings)
