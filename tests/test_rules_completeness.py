"""F1–F6: completeness and form, each on the sample report changed the way clerks get it wrong."""
from __future__ import annotations

from decimal import Decimal

import pytest

from forms.model.findings import Severity
from forms.model import OrgLevel
from forms.rules import check


def found(report, code, **kw):
    return [f for f in check(report, **kw) if f.code == code]


def test_the_sample_is_complete(sample_report):
    assert [f for f in check(sample_report) if f.code.startswith("F")] == []


# --- F1 ------------------------------------------------------------------------------------
@pytest.mark.parametrize("key, heading", [("problems", "五、存在的主要问题及改进情况"),
                                          ("other", "六、其他需要报告的事项")])
def test_f1_an_empty_text_section(sample_report, key, heading):
    sample_report.set_text(key, "  \n ")
    (f1,) = found(sample_report, "F1")
    assert f1.severity is Severity.ERROR and f1.message == f"“{heading}”尚未填写。"
    assert (f1.location.section, f1.location.text) == (key, key)


def test_f1_the_overview_counts_its_five_topics_not_only_the_intro(sample_report):
    sample_report.set_text("overview.intro", "")
    assert found(sample_report, "F1") == []
    for key in ["overview.intro"] + [f"overview.{t.key}" for t in sample_report.spec.topics]:
        sample_report.set_text(key, "")
    (f1,) = found(sample_report, "F1")
    assert f1.location.section == "overview" and "一、总体情况" in f1.message


def test_f1_an_empty_table_section(sample_report):
    for r, c in sample_report.spec.table("review_litigation").entered_cells():
        sample_report.set_cell("review_litigation", r, c, None)
    (f1,) = found(sample_report, "F1")
    assert (f1.location.section, f1.location.table) == ("review_litigation", "review_litigation")
    assert "四、政府信息公开行政复议、行政诉讼情况" in f1.message and "表格尚未填写" in f1.message
    assert found(sample_report, "A6") == []  # one finding for the empty table, not fifteen
    sample_report.set_cell("review_litigation", "review", "upheld", 0)
    assert found(sample_report, "F1") == []


# --- F2 ------------------------------------------------------------------------------------
def test_f2_a_topic_the_overview_leaves_out(sample_report):
    sample_report.set_text("overview.platform", "")
    (f2,) = found(sample_report, "F2")
    assert f2.severity is Severity.WARNING
    assert "（四）政府信息公开平台建设" in f2.message
    assert (f2.location.section, f2.location.text) == ("overview", "overview.platform")


def test_f2_a_topic_written_inside_another_paragraph_counts(sample_report):
    sample_report.set_text("overview.platform", "")
    sample_report.set_text("overview.intro", sample_report.text("overview.intro") + "同时加强政务公开平台建设。")
    assert found(sample_report, "F2") == []


def test_f2_a_topic_covered_under_another_heading_counts(sample_report):
    """沭阳县 2025: 信息清理 and 公开指南 written under （三）平台 cover 政府信息管理."""
    sample_report.set_text("overview.management", "")
    sample_report.set_text("overview.platform", "（三）精细化建设公开平台。组织开展过期信息清理，更新完善公开指南。")
    assert found(sample_report, "F2") == []


# --- F3 ------------------------------------------------------------------------------------
NO_FEE = "二、2024年，县政府共办理人大代表建议61件、政协提案88件，办理结果均已公开。"


@pytest.mark.parametrize("other", [
    NO_FEE,
    "本年度行政事业性收费1487.2万元。" + NO_FEE,  # 表二（八） is not the 信息处理费
    "本机关严格执行《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。",
    "2024年，本机关严格按照信息处理费有关规定执行。",
])
def test_f3_the_fee_is_not_stated(sample_report, other):
    sample_report.set_text("other", other)
    (f3,) = found(sample_report, "F3")
    assert f3.severity is Severity.WARNING and "信息处理费" in f3.message and "表二（八）" in f3.message
    assert (f3.location.section, f3.location.text) == ("other", "other")


# How real reports state the fee, each read as a statement (an amount, or none charged).
FEE_WORDINGS = [
    "2020年，无收取信息处理费情况。",
    "本年度未收取信息处理费。",
    "本机关没有收取信息处理费。",
    "本年度不涉及信息处理费。",
    "本年度未产生信息处理费。",
    "未发生信息处理费。",
    "2024年共收取信息处理费0元。",
    "全年收取政府信息公开信息处理费 0 元。",
    "本年度共收取信息处理费０元。",
    "本年度信息处理费为零。",
    "本年度信息处理费收取金额为0。",
    "信息处理费收取情况：无。",
    "本年度收取信息处理费三百元。",
    "2024年共收取信息处理费300元。",
    "本年度收取信息处理费0.03万元，均已上缴国库。",
    "全县行政机关收取信息处理费共计380元，其中民政局1件，收取380元。",
    "2023年度，县发展和改革局政府信息公开未发生收费情况。",  # shuyang_fgj_2023: no word 信息处理费
    "2025 年度本机关未收取信息公开处理费。",
    "本年度信息公开处理费收费情况\n2024 年，市科委未发生政府信息公开收费事项。",  # the heading, then the sentence
    "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关本年度未收取任何费用。",
    "关于信息处理费。本年度未收取。",
    "全年未向申请人收取信息处理费。",
    "本机关本年度不存在收取信息处理费的情况。",
    "本年度无信息处理费收费事项。",
    "本机关免收信息处理费。",
    "依申请公开工作中未收取任何费用。",
]


@pytest.mark.parametrize("other", FEE_WORDINGS)
def test_f3_the_fee_is_stated(sample_report, other):
    sample_report.set_text("other", "一、本年度政务公开工作要点落实情况良好。\n" + other)
    assert found(sample_report, "F3") == []


@pytest.mark.parametrize("other", [
    "本年度行政事业性收费1487.2万元，信息处理费按规定执行。",  # an amount, but not the fee's
    "本机关不断规范信息处理费收取工作。",  # 不 of 不断 is not a none
    "本机关严格执行《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。本年度行政事业性收费1487.2万元。",
])
def test_f3_a_sentence_that_names_the_fee_without_saying_it(sample_report, other):
    sample_report.set_text("other", other)
    assert [f.code for f in found(sample_report, "F3")] == ["F3"]


# --- F4 ------------------------------------------------------------------------------------
def test_f4_a_statistical_period_of_another_year(sample_report):
    text = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
    sample_report.set_text("preface", text)
    (f4,) = found(sample_report, "F4")
    assert f4.severity is Severity.WARNING and (f4.expected, f4.actual) == (2024, 2023)
    assert f4.location.text == "preface"
    start, end = f4.location.span
    assert text[start:end] == "2023年1月1日起至2023年12月31日"
    sample_report.set_text("preface", text.replace("2023", "2024"))
    assert found(sample_report, "F4") == []


def test_f4_a_title_of_another_year(sample_report):
    sample_report.title = "青岚县人民政府2023年政府信息公开工作年度报告"
    (f4,) = found(sample_report, "F4")
    assert f4.location.text == "title" and "2024" in f4.message
    sample_report.title = "青岚县人民政府2024年政府信息公开工作年度报告"
    assert found(sample_report, "F4") == []


# --- F5 ------------------------------------------------------------------------------------
def test_f5_rows_of_the_2019_format_in_a_2021_format_report(sample_report):
    sample_report.legacy = {"format_2019_items": ["（六）其他处理", "本年新制作数量"]}
    (f5,) = found(sample_report, "F5")
    assert f5.severity is Severity.WARNING
    assert "（六）其他处理" in f5.message and "本年新制作数量" in f5.message and "2021 年版" in f5.message


def test_f5_is_silent_for_a_report_of_2020(sample_report):
    sample_report.prior = None
    sample_report.year = 2020
    sample_report.legacy = {"format_2019_items": ["（六）其他处理"]}
    assert found(sample_report, "F5") == []


# --- F6 ------------------------------------------------------------------------------------
def test_f6_the_fee_written_in_yuan(sample_report):
    sample_report.source_texts["fees.admin_fees.amount"] = "14872000元"
    (f6,) = found(sample_report, "F6")
    assert f6.severity is Severity.WARNING and "14872000元" in f6.message and "万元" in f6.message
    assert (f6.location.table, f6.location.row, f6.location.column) == ("fees", "admin_fees", "amount")


def test_f6_an_implausible_amount_for_the_organ(sample_report):
    sample_report.set_cell("fees", "admin_fees", "amount", Decimal("14872000"))
    (f6,) = found(sample_report, "F6")
    assert "数额异常大" in f6.message and f6.actual == 14872000
    sample_report.set_cell("fees", "admin_fees", "amount", Decimal("200000"))
    assert found(sample_report, "F6") == []  # a county government may collect that much
    sample_report.organization.level = OrgLevel.DEPARTMENT
    assert len(found(sample_report, "F6")) == 1  # a department may not


def test_f6_amounts_written_in_wan_yuan_pass(sample_report):
    sample_report.source_texts["fees.admin_fees.amount"] = "1487.2万元"
    assert found(sample_report, "F6") == []


def test_f4_a_period_that_names_its_year_once(sample_report):
    """“从2023年1月1日到12月31日止”, as the Shanghai reports write it."""
    text = "本年度报告中所列数据统计期限从2023年1月1日到12月31日止。"
    sample_report.set_text("preface", text)
    (f4,) = found(sample_report, "F4")
    assert (f4.expected, f4.actual) == (2024, 2023)
    assert text[slice(*f4.location.span)] == "2023年1月1日到12月31日"
    sample_report.set_text("preface", text.replace("2023", "2024"))
    assert found(sample_report, "F4") == []
