"""N1–N8 on the real reports of ../shared/corpus.

The reports are built here, not imported: the text sections are cut from the corpus .txt at
their headings, the table figures were read off each document by hand (the 2019 report mapped
to the 2021 rows as the importer does: 本年新制作 → 本年制发, the single （六）其他处理 row left
out). Each test says what a clerk would see: which sentence is underlined and what it says.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from forms.model import OrgLevel, Report, new_report
from forms.rules import check
from forms.rules.text import comparisons

N_CODES = [f"N{i}" for i in range(1, 9)]
APPLICANT_COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")
TOPIC_WORDS = [("on_request", "依申请"), ("active", "主动"), ("platform", "平台"),
               ("oversight", "监督|保障|考核"), ("management", "管理")]
NOISE = re.compile(r"^(?:=+ \[page \d+\] =+|[-—]\s*\d+\s*[-—])$")
HEADING = re.compile(r"^#*\s*([一二三四五六])、(.*)$")
TOPIC = re.compile(r"^#*\s*[（(]([一二三四五六七])[）)]\s*(.*)$")


def cut_sections(text: str) -> dict[str, str]:
    """Text key -> text, cut at the headings 一、… 六、 and the topics （一）… of 一、总体情况.

    Headings other than the national ones (上海's 二、工作机制保障 …) belong to 一; inside a
    table section, a （一）… line about 问题 starts 五 (上海 drops the heading of 五).
    """
    out: dict[str, list[str]] = {}
    key = "preface"
    for line in text.splitlines()[1:]:  # the SOURCE line is not the report's
        line = line.strip()
        if not line or NOISE.match(line):
            continue
        h = HEADING.match(line)
        t = TOPIC.match(line)
        if h:
            title = h.group(2)
            if "总体情况" in title:
                key = "overview.intro"
            elif "主要问题" in title:
                key = "problems"
            elif "其他需要报告" in title:
                key = "other"
            elif re.search(r"主动公开政府信息情况|收到和处理|行政复议|行政诉讼", title):
                key = "table"
            elif key.startswith("overview"):
                key = _topic(title, key)
            continue
        if t and key == "table" and "问题" in t.group(2):
            key = "problems"
        elif t and key.startswith("overview"):
            key = _topic(t.group(2), key)
        if line.startswith("|") or key == "table":
            continue
        out.setdefault(key, []).append(line)
    return {k: "\n".join(v) for k, v in out.items()}


def _topic(title: str, current: str) -> str:
    for topic, words in TOPIC_WORDS:
        if re.search(words, title):
            return f"overview.{topic}"
    return current


def _rows(**rows):
    """Table 三 rows as the six applicant columns (None where the document is blank)."""
    return {row: dict(zip(APPLICANT_COLUMNS, values)) for row, values in rows.items()}


def _zero_rows(*names, natural=0):
    return {n: (natural, 0, 0, 0, 0, 0) for n in names}


def _review(review, direct, after):
    cols = ("upheld", "corrected", "other", "pending")
    return {"review": dict(zip(cols, review)), "litigation_direct": dict(zip(cols, direct)),
            "litigation_after_review": dict(zip(cols, after))}


def _regulations(rules, normative):
    cols = ("issued", "repealed", "in_force")
    return {"rules": dict(zip(cols, rules)), "normative_docs": dict(zip(cols, normative))}


# Read off each document (file: organ, level, year, tables). Rows not given are left blank.
DOCUMENTS = {
    "hongze_district_2024": ("淮安市洪泽区人民政府", OrgLevel.GOVERNMENT, 2024, {
        "applications": _rows(
            new_received=(95, 0, 0, 0, 0, 0), carried_over=(0, 0, 0, 0, 0, 0),
            granted=(50, 0, 0, 0, 0, 0), partially_granted=(9, 0, 0, 0, 0, 0),
            withheld_security_stability=(1, 0, 0, 0, 0, 0), withheld_process_info=(1, 0, 0, 0, 0, 0),
            withheld_enforcement_file=(1, 0, 0, 0, 0, 0), unavailable_not_held=(31, 0, 0, 0, 0, 0),
            unavailable_needs_creation=(1, 0, 0, 0, 0, 0), rejected_petition=(1, 0, 0, 0, 0, 0),
            **_zero_rows("withheld_state_secret", "withheld_prohibited_by_law", "withheld_third_party",
                         "withheld_internal_affairs", "withheld_inquiry", "unavailable_unclear",
                         "rejected_duplicate", "rejected_publication", "rejected_excessive",
                         "rejected_confirmation", "carried_forward")),
        "review_litigation": _review((1, 1, 0, 0), (1, 0, 0, 0), (2, 0, 1, 0)),
        "regulations": _regulations((0, 0, 0), (3, 0, 8)),
    }),
    "hongze_district_2023": ("洪泽区人民政府", OrgLevel.GOVERNMENT, 2023, {
        "applications": _rows(
            new_received=(21, 0, 0, 0, 0, 0), partially_granted=(4, 0, 0, 0, 0, 0),
            withheld_state_secret=(1, 0, 0, 0, 0, 0), withheld_process_info=(1, 0, 0, 0, 0, 0),
            withheld_enforcement_file=(1, 0, 0, 0, 0, 0), unavailable_not_held=(10, 0, 0, 0, 0, 0),
            unavailable_needs_creation=(3, 0, 0, 0, 0, 0), rejected_petition=(1, 0, 0, 0, 0, 0),
            **_zero_rows("carried_over", "granted", "withheld_prohibited_by_law", "withheld_security_stability",
                         "withheld_third_party", "withheld_internal_affairs", "withheld_inquiry",
                         "unavailable_unclear", "rejected_duplicate", "rejected_publication",
                         "rejected_excessive", "rejected_confirmation", "carried_forward")),
        "review_litigation": _review((10, 1, 0, 0), (0, 0, 0, 0), (5, 0, 0, 0)),
        "regulations": _regulations((0, 0, 0), (0, 5, 5)),
    }),
    "huaian_city_2024": ("淮安市人民政府", OrgLevel.GOVERNMENT, 2024, {
        "applications": _rows(
            new_received=(3001, 53, 0, 0, 61, 4), carried_over=(34, 0, 0, 0, 0, 0),
            granted=(1288, 21, 0, 0, 50, 3), partially_granted=(447, 7, 0, 0, 0, 0),
            withheld_state_secret=(2, 0, 0, 0, 0, 0), withheld_prohibited_by_law=(30, 1, 0, 0, 0, 0),
            withheld_security_stability=(5, 0, 0, 0, 0, 0), withheld_third_party=(6, 0, 0, 0, 0, 0),
            withheld_internal_affairs=(7, 1, 0, 0, 0, 0), withheld_process_info=(12, 0, 0, 0, 0, 0),
            withheld_enforcement_file=(9, 0, 0, 0, 0, 0), withheld_inquiry=(105, 0, 0, 0, 0, 0),
            unavailable_not_held=(746, 12, 0, 0, 10, 1), unavailable_needs_creation=(11, 0, 0, 0, 0, 0),
            unavailable_unclear=(1, 0, 0, 0, 0, 0), rejected_petition=(56, 6, 0, 0, 0, 0),
            rejected_duplicate=(25, 0, 0, 0, 0, 0), rejected_publication=(0, 0, 0, 0, 0, 0),
            rejected_excessive=(0, 0, 0, 0, 0, 0), rejected_confirmation=(1, 0, 0, 0, 0, 0),
            other_no_correction=(67, 3, 0, 0, 1, 0), other_fee_unpaid=(6, 0, 0, 0, 0, 0),
            other_misc=(108, 2, 0, 0, 0, 0), carried_forward=(103, 0, 0, 0, 0, 0)),
        "review_litigation": _review((72, 64, 178, 37), (13, 4, 8, 1), (12, 1, 1, 6)),
        "regulations": _regulations((1, 0, 11), (8, 26, 66)),
    }),
    "shanghai_govoffice_2019": ("上海市人民政府办公厅", OrgLevel.GOVERNMENT_OFFICE, 2019, {
        # 总计 blank in the document: the rows' totals are the sums of their columns.
        "applications": _rows(
            new_received=(821, 35, None, None, 2, 1), carried_over=(18, None, None, None, None, None),
            granted=(258, 12, None, None, 1, 1), partially_granted=(3, None, None, None, None, None),
            withheld_state_secret=(14, None, None, None, None, None),
            withheld_internal_affairs=(5, None, None, None, None, None),
            withheld_process_info=(3, 1, None, None, None, None), withheld_inquiry=(10, 2, None, None, None, None),
            unavailable_not_held=(252, 12, None, None, 1, None),
            unavailable_needs_creation=(44, 3, None, None, None, None),
            unavailable_unclear=(25, None, None, None, None, None),
            rejected_petition=(148, 1, None, None, None, None), rejected_duplicate=(5, 4, None, None, None, None),
            carried_forward=(72, None, None, None, None, None)),
        "review_litigation": _review((5, None, None, 2), (8, None, None, 1), (None, None, None, None)),
        "regulations": _regulations((13, None, None), (60, None, None)),
    }),
    "shanghai_govoffice_2025": ("上海市人民政府办公厅", OrgLevel.GOVERNMENT_OFFICE, 2025, {
        "applications": _rows(
            new_received=(1259, 36, 0, 0, 0, 0), carried_over=(170, 15, 0, 0, 4, 0),
            granted=(201, 5, 0, 0, 0, 0), partially_granted=(2, 0, 0, 0, 0, 0),
            withheld_state_secret=(4, 0, 0, 0, 0, 0), withheld_security_stability=(1, 0, 0, 0, 0, 0),
            withheld_internal_affairs=(8, 0, 0, 0, 1, 0), withheld_process_info=(1, 0, 0, 0, 0, 0),
            withheld_inquiry=(5, 0, 0, 0, 0, 0), unavailable_not_held=(484, 28, 0, 0, 1, 0),
            unavailable_needs_creation=(47, 1, 0, 0, 0, 0), unavailable_unclear=(3, 0, 0, 0, 0, 0),
            rejected_petition=(61, 1, 0, 0, 0, 0), rejected_duplicate=(16, 0, 0, 0, 0, 0),
            rejected_publication=(1, 0, 0, 0, 0, 0), rejected_excessive=(1, 0, 0, 0, 0, 0),
            other_no_correction=(40, 1, 0, 0, 2, 0), other_misc=(264, 12, 0, 0, 0, 0),
            carried_forward=(290, 3, 0, 0, 0, 0),
            **_zero_rows("withheld_prohibited_by_law", "withheld_third_party", "withheld_enforcement_file",
                         "rejected_confirmation", "other_fee_unpaid")),
        "review_litigation": _review((40, 0, 10, 5), (2, 0, 4, 6), (6, 0, 9, 7)),
        # 规章's 本年废止 is split from its row in the conversion and cannot be placed with certainty.
        "regulations": _regulations((22, None, 235), (34, 55, 189)),
    }),
    "shanghai_stcsm_2024": ("上海市科学技术委员会", OrgLevel.DEPARTMENT, 2024, {
        "applications": _rows(
            new_received=(32, 2, 0, 0, 0, 0), carried_over=(2, 0, 0, 0, 0, 0), granted=(9, 0, 0, 0, 0, 0),
            withheld_internal_affairs=(1, 0, 0, 0, 0, 0), withheld_process_info=(1, 0, 0, 0, 0, 0),
            unavailable_not_held=(4, 0, 0, 0, 0, 0), unavailable_needs_creation=(6, 0, 0, 0, 0, 0),
            other_no_correction=(8, 2, 0, 0, 0, 0), other_misc=(4, 0, 0, 0, 0, 0),
            carried_forward=(1, 0, 0, 0, 0, 0),
            **_zero_rows("partially_granted", "withheld_state_secret", "withheld_prohibited_by_law",
                         "withheld_security_stability", "withheld_third_party", "withheld_enforcement_file",
                         "withheld_inquiry", "unavailable_unclear", "rejected_petition", "rejected_duplicate",
                         "rejected_publication", "rejected_excessive", "rejected_confirmation",
                         "other_fee_unpaid")),
        "review_litigation": _review((1, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)),
        "regulations": _regulations((0, 0, 0), (13, 0, 55)),
    }),
    "shuyang_county_2025": ("沭阳县人民政府", OrgLevel.GOVERNMENT, 2025, {
        "applications": _rows(
            new_received=(705, 3, 0, 0, 5, 0), carried_over=(36, 0, 0, 0, 0, 0),
            granted=(290, 1, 0, 0, 3, 0), partially_granted=(99, 0, 0, 0, 2, 0),
            withheld_security_stability=(2, 0, 0, 0, 0, 0), withheld_third_party=(2, 0, 0, 0, 0, 0),
            withheld_internal_affairs=(13, 0, 0, 0, 0, 0), withheld_process_info=(2, 0, 0, 0, 0, 0),
            withheld_enforcement_file=(4, 0, 0, 0, 0, 0), withheld_inquiry=(9, 0, 0, 0, 0, 0),
            unavailable_not_held=(111, 0, 0, 0, 0, 0), unavailable_needs_creation=(2, 0, 0, 0, 0, 0),
            rejected_petition=(12, 0, 0, 0, 0, 0), rejected_duplicate=(6, 1, 0, 0, 0, 0),
            other_no_correction=(9, 0, 0, 0, 0, 0), other_fee_unpaid=(7, 0, 0, 0, 0, 0),
            other_misc=(142, 1, 0, 0, 0, 0), carried_forward=(31, 0, 0, 0, 0, 0),
            **_zero_rows("withheld_state_secret", "withheld_prohibited_by_law", "unavailable_unclear",
                         "rejected_publication", "rejected_excessive", "rejected_confirmation")),
        "review_litigation": _review((27, 10, 9, 15), (3, 0, 0, 0), (8, 0, 1, 1)),
        "regulations": _regulations((0, 0, 0), (6, 1, 32)),
    }),
    "shuyang_fgj_2023": ("沭阳县发展和改革局", OrgLevel.DEPARTMENT, 2023, {
        # Only the 自然人 column is filled in the document; the legal-person columns are blank.
        "applications": {row: {"natural_person": v} for row, v in {
            "new_received": 26, "carried_over": 0, "granted": 26, "partially_granted": 0,
            "withheld_state_secret": 0, "withheld_prohibited_by_law": 0, "withheld_security_stability": 0,
            "withheld_third_party": 0, "withheld_internal_affairs": 0, "withheld_process_info": 0,
            "withheld_enforcement_file": 0, "withheld_inquiry": 0, "unavailable_not_held": 0,
            "unavailable_needs_creation": 0, "unavailable_unclear": 0, "rejected_petition": 0,
            "rejected_duplicate": 0, "rejected_publication": 0, "rejected_excessive": 0,
            "rejected_confirmation": 0, "other_no_correction": 0, "other_fee_unpaid": 0, "other_misc": 0,
            "carried_forward": 0}.items()},
        "review_litigation": _review((0, 0, 0, 1), (0, 0, 0, 0), (0, 0, 0, 0)),
        "regulations": _regulations((0, 0, 0), (8, 0, 18)),
    }),
}

# Text warnings each document should get, with why (the table of the report to the lead).
EXPECTED = {
    "hongze_district_2024": ["N6"],                  # 区政府办代表区政府受理 17 件 vs 表三 95
    "shanghai_govoffice_2019": ["N2", "N2", "N4"],   # 258 vs 275; 265 vs 337; 均获维持 vs 尚未审结 2 + 1
    "hongze_district_2023": [], "huaian_city_2024": [], "shanghai_govoffice_2025": [],
    "shanghai_stcsm_2024": [], "shuyang_county_2025": [], "shuyang_fgj_2023": [],
}


def corpus_report(corpus_dir: Path, name: str) -> Report:
    org, level, year, tables = DOCUMENTS[name]
    report = new_report(year, org, level)
    text = (corpus_dir / f"{name}.txt").read_text(encoding="utf-8")
    for key, section in cut_sections(text).items():
        report.set_text(key, section)
    for table, rows in tables.items():
        for row, cols in rows.items():
            for col, value in cols.items():
                report.set_cell(table, row, col, value)
    return report


def text_findings(report: Report):
    return [f for f in check(report, codes=N_CODES)]


def _quoted(report: Report, finding) -> str:
    start, end = finding.location.span
    return report.text(finding.location.text)[start:end]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_warnings_per_document(corpus_dir, name):
    report = corpus_report(corpus_dir, name)
    found = text_findings(report)
    assert sorted(f.code for f in found) == sorted(EXPECTED[name]), [f.message for f in found]


def test_hongze_2024_office_figure_17_against_table_95(corpus_dir):
    report = corpus_report(corpus_dir, "hongze_district_2024")
    (f,) = text_findings(report)
    assert f.location.text == "overview.on_request"
    assert "".join(_quoted(report, f).split()) == "受理政府信息公开申请17件"
    assert f.subject == "受理政府信息公开申请17件"
    assert "17件" in f.message and "95件" in f.message and "口径" in f.message
    assert f.details["cell"] == {"table": "applications", "row": "new_received", "column": "total"}
    assert (f.details["stated"], f.details["table_value"]) == (17, 95)


def test_shanghai_2019_outcomes_and_upheld_claim(corpus_dir):
    report = corpus_report(corpus_dir, "shanghai_govoffice_2019")
    found = {f.subject: f for f in text_findings(report)}
    granted = found["予以公开及部分公开258件"]
    assert granted.code == "N2" and (granted.actual, granted.expected) == (258, 275)
    assert _quoted(report, granted) == "予以公开及部分公开258件"
    assert granted.details["cell"]["row"] == "granted"
    unavailable = found["无法提供265件"]
    assert (unavailable.actual, unavailable.expected) == (265, 337)
    assert unavailable.details["cell"]["row"] == "unavailable_not_held"
    upheld = found["行政复议7件，诉讼9件，均获维持"]
    assert upheld.code == "N4"
    assert _quoted(report, upheld) == "行政复议7件，诉讼9件，均获维持"
    assert "行政复议—尚未审结”为2件" in upheld.message and "未经复议直接起诉—尚未审结”为1件" in upheld.message
    for f in found.values():
        assert f.location.text == "overview.on_request"


def test_figures_that_agree_say_which_reading_matched(corpus_dir):
    """受理 749 件 in 沭阳 is 新收 713 + 上年结转 36; 受理 3119 件 in 淮安 is 新收 alone."""
    shuyang = {c.figure.phrase: c for c in comparisons(corpus_report(corpus_dir, "shuyang_county_2025"))}
    assert shuyang["受理政府信息公开申请749件"].matched.label == "新收＋上年结转"
    assert shuyang["办理718件"].matched.label == "办理结果总计"
    huaian = {c.figure.phrase: c for c in comparisons(corpus_report(corpus_dir, "huaian_city_2024"))}
    assert huaian["受理政府信息公开申请3119件"].matched.label == "新收"
    # The per-outcome 复议/诉讼 figures are read and agree with 表四 (诉讼: both groups summed).
    outcomes = [c for c in huaian.values() if "." in c.figure.kind]
    assert len(outcomes) == 8 and all(c.matched for c in outcomes)


def test_every_agreeing_report_has_its_figures_checked(corpus_dir):
    """No warning must not mean nothing was read: the consistent reports' figures are compared."""
    for name, least in [("huaian_city_2024", 12), ("shuyang_county_2025", 3), ("shanghai_govoffice_2025", 9),
                        ("shanghai_stcsm_2024", 12)]:
        compared = comparisons(corpus_report(corpus_dir, name))
        assert len(compared) >= least, name
        assert all(c.matched is not None for c in compared), name


def test_editing_the_text_moves_the_span_and_keeps_the_fingerprint(corpus_dir):
    report = corpus_report(corpus_dir, "hongze_district_2024")
    (before,) = text_findings(report)
    key = before.location.text
    report.set_text(key, "（补充一句。）" + report.text(key))
    (after,) = text_findings(report)
    assert after.location.span == (before.location.span[0] + 7, before.location.span[1] + 7)
    assert after.fingerprint == before.fingerprint


def test_correcting_the_table_clears_the_warning(corpus_dir):
    report = corpus_report(corpus_dir, "hongze_district_2024")
    report.set_cell("applications", "new_received", "natural_person", 17)
    assert not [f for f in text_findings(report) if f.subject == "受理政府信息公开申请17件"]


PUBLISHED_PDFS = ["hongze_district_2023.pdf", "hongze_district_2024.pdf", "huaian_city_2024.pdf"]


@pytest.mark.parametrize("file", [f"{n}.txt" for n in sorted(EXPECTED)] + PUBLISHED_PDFS)
def test_same_warnings_on_imported_documents(corpus_dir, file):
    """The checker runs on imported documents too, and finds there what it finds in the hand-built ones."""
    importers = pytest.importorskip("forms.importers")
    name = file.rsplit(".", 1)[0]
    report = importers.import_report(corpus_dir / file).report
    found = text_findings(report)
    assert sorted(f.code for f in found) == sorted(EXPECTED[name]), [f.message for f in found]
    for f in found:
        assert "".join(_quoted(report, f).split()) == f.subject
