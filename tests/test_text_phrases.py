"""What the text rules read in a sentence, what they leave alone, and what the clerk is told."""
from __future__ import annotations

import pytest

from forms.model import OrgLevel, new_report
from forms.rules import check
from forms.rules.text import comparisons
from forms.rules.textfigures import read_claims, read_figures

N_CODES = [f"N{i}" for i in range(1, 9)]


def kinds(text: str) -> list[tuple[str, object]]:
    return [(f.kind, f.value) for f in read_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("本年度新收政府信息公开申请三十六件。", [("received_new", 36)]),
    ("全年共受理政府信息公开申请１７件。", [("received", 17)]),
    ("全年收到政府信息公开申请 34 件。", [("received", 34)]),
    ("共收到依申请信息公开26件。", [("received", 26)]),
    ("受理政府信息公开申请1.2万件。", [("received", 12000)]),
    ("上年结转政府信息公开申请2件。", [("carried_over", 2)]),
    ("受理申请1295件，办结 1191 件（含上年结转 189 件）。",
     [("received", 1295), ("handled", 1191), ("carried_over", 189)]),
    ("答复政府信息公开申请805件。", [("handled", 805)]),
    ("受理申请749件；共办理718件，结转下一年31件。", [("received", 749), ("handled_any", 718), ("carried_forward", 31)]),
    ("另有72件申请按照《条例》顺延到下年度答复。", [("carried_forward", 72)]),
    ("结转下年度继续办理5件。", [("carried_forward", 5)]),
    ("予以公开及部分公开258件，不予公开35件，无法提供265件，不予处理158件，其他处理0件。",
     [("granted+partial", 258), ("withheld", 35), ("unavailable", 265), ("rejected", 158), ("other_processing", 0)]),
    ("予以公开一百零五件，部分公开 9 件。", [("granted", 105), ("partially_granted", 9)]),
    ("同意公开答复9件，无法提供的10件。", [("granted", 9), ("unavailable", 10)]),
    ("信息公开类行政复议7件，诉讼9件。", [("review", 7), ("litigation", 9)]),
    ("涉及政府信息公开的行政诉讼两件。", [("litigation", 2)]),
    ("本年有1件涉及政府信息公开工作的行政复议。", [("review", 1)]),
    ("未经复议直接起诉4件，复议后起诉3件。", [("litigation_direct", 4), ("litigation_after_review", 3)]),
    ("行政复议351件，其中结果维持72件，尚未审结37件；行政诉讼46件，其中结果纠正5件。",
     [("review", 351), ("review.upheld", 72), ("review.pending", 37), ("litigation", 46),
      ("litigation_direct+litigation_after_review.corrected", 5)]),
    ("本年制发行政规范性文件3件，废止规章2件，现行有效规范性文件８件。",
     [("normative_docs", 3), ("rules", 2), ("normative_docs", 8)]),
    ("全年主动公开市政府规章 22 件、行政规范性文件 34 件。", [("rules", 22), ("normative_docs", 34)]),
    # The part after 其中 is not the whole.
    ("全县共受理申请150件，其中县政府办受理政府信息公开申请30件。", [("received", 150)]),
    ("本年制发行政规范性文件5件，废止3件，现行有效40件。",
     [("normative_docs", 5), ("normative_docs", 3), ("normative_docs", 40)]),
    # PDF text breaks lines inside words.
    ("全市共受理政府信息公开申请 3119 件，答\n复 3050 件。", [("received", 3119), ("handled", 3050)]),
])
def test_phrases_read(text, expected):
    assert kinds(text) == expected


def test_regulation_columns_follow_the_verb():
    columns = [(f.kind, f.column) for f in read_figures("本年制发行政规范性文件3件，废止规章2件，现行有效规范性文件8件。")]
    assert columns == [("normative_docs", "issued"), ("rules", "repealed"), ("normative_docs", "in_force")]


@pytest.mark.parametrize("text", [
    "申请数量较去年回落12.3%，予以公开占33.9%。",
    "本报告所列数据统计期限为2024年1月1日至2024年12月31日。",
    "根据国办公开办函〔2021〕30号和《条例》（国令第711号）编制。",
    "电话：0517-87290606，邮编：223100。",
    "其中自然人申请741件，法人或其他组织申请8件。",
    "在政府网站平台主动发布各类政府信息 1136 条，公开政府常务会议 7 期，召开新闻发布会12场，组织培训4次。",
    "全年受理网络问政182件。",
    "受理政府信息公开申请近300件，答复100余件。",
    "刊登政府规章、规范性文件等112件，部门规范性文件45件。",
    "依法做好相关行政复议、行政诉讼案件的应诉工作，全县共办理相关案件 74 件。",
    "审核规范性文件20件，清理规章3件。",
    "（26.78%，含申请人主动撤回 157 件）。",
    "健全完善规章制度5项。",
    "化解各类争议纠纷33件，发出催办提示84次。",
    "行政复议和行政诉讼共5件。",
    "受理政府信息公开申请在线提交功能上线。全年承办人大代表建议和政协提案，按期办结61件。",
    "各部门共受理政府信息公开申请120件。",
    "通过网络受理政府信息公开申请90件，当面受理申请5件，信函申请3件。",
    "废止3件。",  # 3 of what? No 规章/规范性文件 before it in the sentence
])
def test_phrases_left_alone(text):
    assert kinds(text) == []


def test_spans_point_at_the_phrase_in_the_original_text():
    text = "2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已答复。"
    (f,) = read_figures(text)
    assert text[f.span[0]:f.span[1]] == "受理政府\n信息公开申请 17 件"
    assert f.phrase == "受理政府信息公开申请17件"
    assert (f.scope, f.scope_word) == ("own", "区政府办代表区政府")


def test_scope_words():
    assert read_figures("全区共受理政府信息公开申请40件。")[0].scope == "area"
    assert read_figures("本机关受理政府信息公开申请5件。")[0].scope == "own"
    # “因本机关不掌握等原因” names a reason, not a scope.
    assert read_figures("因本机关不掌握等原因无法提供265件。")[0].scope is None


@pytest.mark.parametrize("text, kind, groups", [
    ("信息公开类行政复议7件，诉讼9件，均获维持。", "all_upheld",
     ("review", "litigation_direct", "litigation_after_review")),
    ("涉及的行政复议案件均获维持。", "all_upheld", ("review",)),
    ("行政诉讼案件全部胜诉。", "all_won", ("litigation_direct", "litigation_after_review")),
    ("继续保持零败诉。", "none_lost", ("litigation_direct", "litigation_after_review")),
    ("申请人均为自然人。", "all_natural_persons", ()),
    ("本年度未收到政府信息公开申请。", "none_received", ()),
    ("未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。", "no_cases", ("review", "litigation")),
    ("本年度无行政复议案件。", "no_cases", ("review",)),
])
def test_claims_read(text, kind, groups):
    (claim,) = read_claims(text)
    assert (claim.kind, claim.groups) == (kind, groups)


@pytest.mark.parametrize("text", [
    "全年未收到因政府信息公开工作被申请行政复议的情况。",
    "未收到申请人的补正材料。",
    "各项工作均获维持。",  # 维持 of what? Nothing in 表四 to hold it against
    "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。",
])
def test_claims_left_alone(text):
    assert [c.kind for c in read_claims(text)] in ([], ["none_lost"])


def test_years_named_before_a_figure():
    figures = read_figures("2023年受理政府信息公开申请127件，去年办结120件；2024年受理政府信息公开申请150件。")
    assert [(f.value, f.period) for f in figures] == [(127, "2023"), (120, "prior"), (150, "2024")]
    # A date is not a year said about the figure.
    (f,) = read_figures("截至2024年12月31日，现行有效规范性文件8件。")
    assert f.period == ""


def test_reading_is_cached_by_text():
    text = "受理政府信息公开申请17件。"
    assert read_figures(text) is read_figures("".join(["受理政府信息公开申请17件。"]))


# --- the rules on a report ----------------------------------------------------------------
def report(level=OrgLevel.GOVERNMENT, **texts):
    r = new_report(2024, "青岚县人民政府", level)
    for key, text in texts.items():
        r.set_text(key.replace("__", "."), text)
    return r


def fill(r, table, row, column, value):
    r.set_cell(table, row, column, value)
    return r


def text_findings(r):
    return check(r, codes=N_CODES)


def test_n1_accepts_either_reading_of_受理_and_says_which_matched():
    r = report(overview__on_request="全县共受理政府信息公开申请12件。")
    fill(r, "applications", "new_received", "natural_person", 10)
    fill(r, "applications", "carried_over", "natural_person", 2)
    assert text_findings(r) == []
    (c,) = comparisons(r)
    assert c.matched.label == "新收＋上年结转"


def test_n1_新收_means_only_新收():
    r = report(overview__on_request="本年新收政府信息公开申请12件。")
    fill(r, "applications", "new_received", "natural_person", 10)
    fill(r, "applications", "carried_over", "natural_person", 2)
    (f,) = text_findings(r)
    assert (f.code, f.actual, f.expected) == ("N1", 12, 10)
    assert f.message == "一、总体情况（二）依申请公开写“新收政府信息公开申请12件”，但表三“本年新收”申请总计为10件。"


def test_n1_names_both_readings_when_neither_matches():
    r = report(overview__intro="全县共受理政府信息公开申请13件。")
    fill(r, "applications", "new_received", "natural_person", 10)
    fill(r, "applications", "carried_over", "natural_person", 2)
    (f,) = text_findings(r)
    assert f.code == "N1" and f.location.text == "overview.intro"
    assert "为10件" in f.message and "为12件" in f.message and f.message.endswith("均不相符。")
    assert [x["label"] for x in f.details["readings"]] == ["新收", "新收＋上年结转"]


def test_blank_cells_and_uncovered_figures_give_no_warning():
    r = report(overview__on_request="受理政府信息公开申请13件，行政复议2件，信息处理费收取100元。")
    assert text_findings(r) == []


def test_n2_groups_sum_their_rows():
    r = report(overview__on_request="不予公开5件，无法提供4件。")
    fill(r, "applications", "withheld_state_secret", "natural_person", 2)
    fill(r, "applications", "withheld_third_party", "commercial", 3)
    fill(r, "applications", "unavailable_not_held", "natural_person", 3)
    (f,) = text_findings(r)
    assert (f.code, f.subject, f.actual, f.expected) == ("N2", "无法提供4件", 4, 3)
    assert f.details["cell"] == {"table": "applications", "row": "unavailable_not_held", "column": "total"}


def test_n3_litigation_is_both_groups_together():
    r = report(overview__on_request="行政诉讼3件。")
    fill(r, "review_litigation", "litigation_direct", "upheld", 2)
    fill(r, "review_litigation", "litigation_after_review", "pending", 1)
    assert text_findings(r) == []
    r.set_text("overview.on_request", "行政诉讼2件。")
    (f,) = text_findings(r)
    assert (f.code, f.expected) == ("N3", 3)
    assert "未经复议直接起诉与复议后起诉之和" in f.message


def test_n4_维持_and_胜诉_against_corrected_or_pending_零败诉_only_against_corrected():
    r = report(overview__on_request="行政诉讼1件，零败诉。")
    fill(r, "review_litigation", "litigation_direct", "pending", 1)
    assert text_findings(r) == []
    r.set_text("overview.on_request", "行政诉讼1件，均胜诉。")
    (f,) = text_findings(r)
    assert f.code == "N4" and "未经复议直接起诉—尚未审结”为1件" in f.message
    assert f.details["cell"] == {"table": "review_litigation", "row": "litigation_direct", "column": "pending"}


def test_n5_natural_persons_and_none_received():
    r = report(overview__on_request="申请人均为自然人。")
    fill(r, "applications", "new_received", "natural_person", 3)
    fill(r, "applications", "new_received", "research", 1)
    (f,) = text_findings(r)
    assert f.code == "N5" and f.details["cell"]["column"] == "research"
    r.set_text("overview.on_request", "本年度未收到政府信息公开申请。")
    (f,) = text_findings(r)
    assert f.code == "N5" and f.details["table_value"] == 4


def test_n6_own_figure_in_a_government_report():
    r = report(overview__on_request="县政府办代表县政府受理政府信息公开申请5件。")
    fill(r, "applications", "new_received", "natural_person", 40)
    (f,) = text_findings(r)
    assert f.code == "N6" and "口径" in f.message
    # Both figures written: the own figure beside the consolidated one is legitimate.
    r.set_text("overview.on_request", "全县共受理政府信息公开申请40件，其中县政府办代表县政府受理政府信息公开申请5件。")
    assert text_findings(r) == []


def test_n6_a_county_figure_in_a_department_report_is_not_the_department_s():
    r = report(OrgLevel.DEPARTMENT, overview__on_request="全县共受理政府信息公开申请300件，本局受理12件。")
    fill(r, "applications", "new_received", "natural_person", 12)
    assert text_findings(r) == []


def test_n7_regulations():
    r = report(overview__active="本年制发行政规范性文件5件，现行有效规范性文件8件。")
    fill(r, "regulations", "normative_docs", "issued", 3)
    fill(r, "regulations", "normative_docs", "in_force", 8)
    (f,) = text_findings(r)
    assert (f.code, f.actual, f.expected) == ("N7", 5, 3)
    assert f.details["cell"] == {"table": "regulations", "row": "normative_docs", "column": "issued"}


def test_n8_unpaid_fee_and_silence_on_the_fee():
    r = report(other="无。")
    fill(r, "applications", "other_fee_unpaid", "natural_person", 2)
    (f,) = text_findings(r)
    assert f.code == "N8" and f.location.text == "other"
    r.set_text("other", "本年度未收取信息处理费。")
    assert text_findings(r) == []


def test_figures_in_problems_and_notes_are_checked_too():
    r = report(problems="全年答复政府信息公开申请9件，仍有不足。")
    r.set_text("notes.applications", "本年新收政府信息公开申请7件。")
    fill(r, "applications", "new_received", "natural_person", 8)
    fill(r, "applications", "granted", "natural_person", 8)
    found = {f.location.text: f for f in text_findings(r)}
    assert found["problems"].message.startswith("五、存在的主要问题及改进情况写“答复政府信息公开申请9件”")
    assert found["notes.applications"].message.startswith("表三下的说明写“新收政府信息公开申请7件”")


def test_false_alarm_sentences_with_filled_tables_give_nothing():
    r = report(overview__intro="申请数量较去年回落12.3%。依据国办公开办函〔2021〕30号。电话：0517-87290606。",
               overview__active="网站发布信息1136条，召开会议12次，培训4次。",
               overview__on_request="受理政府信息公开申请8件，其中自然人申请5件，法人申请3件。")
    fill(r, "applications", "new_received", "natural_person", 5)
    fill(r, "applications", "new_received", "commercial", 3)
    assert text_findings(r) == []


def test_last_year_s_figure_quoted_for_comparison_is_not_checked():
    r = report(overview__on_request="2023年受理政府信息公开申请127件，2024年受理政府信息公开申请150件，上年结转3件。")
    fill(r, "applications", "new_received", "natural_person", 150)
    fill(r, "applications", "carried_over", "natural_person", 3)
    assert text_findings(r) == []
    assert [c.figure.value for c in comparisons(r)] == [150, 3]


def test_n3_no_cases_claimed_while_the_table_counts_some():
    r = report(overview__oversight="全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。")
    fill(r, "review_litigation", "review", "upheld", 0)
    fill(r, "review_litigation", "litigation_after_review", "upheld", 2)
    (f,) = text_findings(r)
    assert f.code == "N3" and "复议后起诉—总计”为2件" in f.message
    assert f.details["cell"] == {"table": "review_litigation", "row": "litigation_after_review", "column": "total"}


def test_n7_a_list_of_counts_of_the_same_documents():
    r = report(overview__active="本年制发行政规范性文件5件，废止3件，现行有效40件。")
    fill(r, "regulations", "normative_docs", "issued", 5)
    fill(r, "regulations", "normative_docs", "repealed", 3)
    fill(r, "regulations", "normative_docs", "in_force", 41)
    (f,) = text_findings(r)
    assert (f.code, f.subject, f.expected) == ("N7", "现行有效40件", 41)


@pytest.mark.parametrize("text, expected", [
    ("其中同意公开或部分公开共81件，公开率为30.80%。", [("granted+partial", 81)]),
    ("全区共发生涉及政府信息公开的行政诉讼案件2件，被纠错0件。",
     [("litigation", 2), ("litigation_direct+litigation_after_review.corrected", 0)]),
    ("答复政府信息公开申请34430件（含上年度转结），均在法定期限内予以答复。", [("handled", 34430)]),
])
def test_phrases_of_other_published_reports(text, expected):
    assert kinds(text) == expected


def test_n7_published_regulations_may_include_the_repealed():
    r = report(overview__active="主动公开市政府规章13件（含新制定5件，修改4件，废止4件）。")
    fill(r, "regulations", "rules", "issued", 9)
    fill(r, "regulations", "rules", "repealed", 4)
    assert text_findings(r) == []
    assert [c.matched.label for c in comparisons(r)] == ["本年制发件数＋本年废止件数", "本年废止件数"]


def test_n7_a_city_wide_count_beside_the_city_government_s_own():
    r = report(overview__active="全市共主动公开行政规范性文件707件。在市政府网站发布市政府和市政府办公厅行政规范性文件50件。")
    fill(r, "regulations", "normative_docs", "issued", 50)
    assert text_findings(r) == []
    r.set_text("overview.active", "全市共主动公开行政规范性文件707件。")
    (f,) = text_findings(r)
    assert f.code == "N7" and f.actual == 707


def test_a_comparison_with_last_year_does_not_date_the_figure():
    (f,) = read_figures("申请数量较上年增长5%，共受理政府信息公开申请100件。")
    assert f.period == ""
    (f,) = read_figures("较2023年有所增加，2024年共受理政府信息公开申请100件。")
    assert f.period == "2024"


def test_the_sample_report_s_text_agrees_with_its_tables(sample_report):
    compared = comparisons(sample_report)
    assert len(compared) >= 10 and all(c.matched for c in compared)
    assert text_findings(sample_report) == []


def test_n2_a_reason_named_without_等_may_count_its_row_alone():
    r = report(overview__on_request="因本机关不掌握相关政府信息无法提供252件。")
    fill(r, "applications", "unavailable_not_held", "natural_person", 252)
    fill(r, "applications", "unavailable_needs_creation", "natural_person", 44)
    assert text_findings(r) == []
    assert comparisons(r)[0].matched.label == "1.本机关不掌握相关政府信息"
    # With 等 the sentence speaks of the whole group (上海 2019: 265 vs 337).
    r.set_text("overview.on_request", "因本机关不掌握等原因无法提供252件。")
    (f,) = text_findings(r)
    assert (f.code, f.expected) == ("N2", 296)


def test_pasted_junk_is_read_without_stalling_the_editor():
    """Long digit runs are identifiers, not counts; a run-on sentence is read piece by piece."""
    assert read_figures("行政复议" + "1" * 100_000 + "件") == ()
    assert read_figures("一" * 100_000 + "件涉及政府信息公开工作的行政复议") == ()
    assert len(read_figures("，".join(["受理政府信息公开申请17件"] * 5000))) == 5000


def test_a_report_kept_in_the_2019_format_is_checked_too():
    """2019's 总计 column is entered, not computed: a blank 总计 is the sum of its columns."""
    r = new_report(2019, "青岚县人民政府", template="national-2019")
    r.set_text("overview.intro", "受理政府信息公开申请5件，其他处理2件，行政复议1件，均获维持。主动公开规章2件。")
    fill(r, "applications", "new_received", "natural_person", 4)
    fill(r, "applications", "new_received", "commercial", 1)
    fill(r, "applications", "other_processing", "natural_person", 2)
    fill(r, "regulations", "rules", "made", 1)
    fill(r, "review_litigation", "review", "pending", 1)
    assert sorted(f.code for f in text_findings(r)) == ["N4", "N7"]


def test_a_long_text_reads_as_its_paragraphs_do_and_an_edit_rereads_one_stretch():
    """A 1 MB section is read a stretch of paragraphs at a time: the same figures and claims,
    at the same places, as reading it whole; a keystroke in one paragraph re-reads its stretch."""
    from forms.rules import textfigures
    phrases = [t for t, _ in test_phrases_read.pytestmark[0].args[1]] + list(test_claims_read.pytestmark[0].args[1])
    phrases = [p if isinstance(p, str) else p[0] for p in phrases]
    paragraphs = [f"第{i}段。" + phrases[i % len(phrases)].replace("\n", "") + ("\n" if i % 3 else "") +
                  "本机关按期答复。\n" for i in range(3000)]
    text = "".join(paragraphs)
    assert len(text) > 100_000
    whole = textfigures._read(text)
    assert textfigures.read_text(text) == whole
    assert len(whole[0]) > 1000 and len(whole[1]) > 100
    parts_before = textfigures._read_part.cache_info()
    edited = text[:50_000] + "另收到申请2件，" + text[50_000:]
    assert textfigures.read_text(edited) == textfigures._read(edited)
    reread = textfigures._read_part.cache_info().misses - parts_before.misses
    assert 1 <= reread <= 2
