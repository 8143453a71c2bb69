"""Every document of the shared corpus imports with the figures printed in it.

The figures below were read off each document (its .txt rendering and, for the PDFs, the PDF).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from forms.importers import import_report
from forms.rules import check

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]


def row(report, table, key):
    """A row of 表三 as printed: the six applicant columns and 总计 (as written, or the sum)."""
    values = report.table_values(table)[key]
    return [values[c] for c in COLS] + [values["total"]]


def codes(result, prior=None):
    """The codes found on an import, the source's written totals included (its A2–A4)."""
    return [f.code for f in check(result.report, prior, stated=result.stated)]


@pytest.mark.parametrize("ext", ["pdf", "txt"])
def test_hongze_2023(corpus_dir, ext):
    result = import_report(corpus_dir / f"hongze_district_2023.{ext}")
    r = result.report
    assert (r.year, r.organization.name) == (2023, "洪泽区人民政府")
    assert r.organization.phone == "0517-87222589"
    assert r.tables["regulations"]["normative_docs"] == {"issued": 0, "repealed": 5, "in_force": 5}
    assert r.tables["licensing"]["administrative_license"]["decisions"] == 550
    assert r.tables["enforcement"]["penalty"]["decisions"] == 4119
    assert r.tables["fees"]["admin_fees"]["amount"] == Decimal("7730.28")
    assert row(r, "applications", "new_received") == [21, 0, 0, 0, 0, 0, 21]
    assert row(r, "applications", "partially_granted") == [4, 0, 0, 0, 0, 0, 4]
    assert row(r, "applications", "unavailable_not_held") == [10, 0, 0, 0, 0, 0, 10]
    assert row(r, "applications", "unavailable_needs_creation") == [3, 0, 0, 0, 0, 0, 3]
    assert row(r, "applications", "rejected_petition") == [1, 0, 0, 0, 0, 0, 1]
    assert row(r, "applications", "carried_forward") == [0, 0, 0, 0, 0, 0, 0]
    # 表四 as printed: 10 1 0 0 | 总计 0 …; 复议后起诉 5 0 0 0 | 总计 0
    assert r.tables["review_litigation"]["review"] == {"upheld": 10, "corrected": 1, "other": 0, "pending": 0}
    assert result.stated_value("review_litigation", "review", "total") == 0
    assert r.tables["review_litigation"]["litigation_after_review"]["upheld"] == 5
    # the typo'd row label is matched, and said so
    assert any(n.kind == "fuzzy_match" and "其他法律行政止公开" in n.message for n in result.notes)
    # the single （六）其他处理 row of the 2019 format is kept and named
    # the split rows the single row stands for are unsplit (F5 says so once), not 12 blank cells
    assert not any(f.code == "A6" and f.location.row in ("other_no_correction", "other_fee_unpaid")
                   for f in check(r, stated=result.stated))
    assert r.legacy["format_2019_items"] == ["（六）其他处理（未细分）"]
    assert "信息处理费0元" in r.sections.other  # the spaces a PDF puts between characters closed
    found = check(r, stated=result.stated)
    a4 = [f for f in found if f.code == "A4"]
    assert [(f.location.row, f.actual, f.expected) for f in a4] == [
        ("review", 0, 11), ("litigation_after_review", 0, 5)]
    assert {"A1", "A2", "A3"}.isdisjoint(f.code for f in found)  # 表三 balances
    assert "F5" in [f.code for f in found]
    # the import result itself tells the clerk of the document's own errors
    told = [n for n in result.notes if n.kind == "source_check"]
    assert [n.location for n in told if "A4" in n.message] == [
        ("review_litigation", "review", "total"), ("review_litigation", "litigation_after_review", "total")]


@pytest.mark.parametrize("ext", ["pdf", "txt"])
def test_hongze_2024(corpus_dir, ext):
    result = import_report(corpus_dir / f"hongze_district_2024.{ext}")
    r = result.report
    assert any("N6" in n.message and "17" in n.message and "95" in n.message for n in result.notes)
    assert (r.year, r.organization.name) == (2024, "淮安市洪泽区人民政府")
    assert r.tables["regulations"]["normative_docs"] == {"issued": 3, "repealed": 0, "in_force": 8}
    assert row(r, "applications", "new_received") == [95, 0, 0, 0, 0, 0, 95]
    assert row(r, "applications", "carried_over") == [0] * 7
    assert row(r, "applications", "granted") == [50, 0, 0, 0, 0, 0, 50]
    assert row(r, "applications", "unavailable_not_held") == [31, 0, 0, 0, 0, 0, 31]
    assert row(r, "applications", "results_total") == [95, 0, 0, 0, 0, 0, 95]
    assert r.tables["review_litigation"]["litigation_after_review"] == {
        "upheld": 2, "corrected": 0, "other": 1, "pending": 0}


@pytest.mark.parametrize("ext", ["pdf", "txt"])
def test_huaian_2024_is_clean(corpus_dir, ext):
    result = import_report(corpus_dir / f"huaian_city_2024.{ext}")
    r = result.report
    assert (r.year, r.organization.name, result.format) == (2024, "淮安市人民政府", "national-2021")
    assert r.tables["regulations"]["rules"] == {"issued": 1, "repealed": 0, "in_force": 11}
    assert r.tables["regulations"]["normative_docs"] == {"issued": 8, "repealed": 26, "in_force": 66}
    assert r.tables["licensing"]["administrative_license"]["decisions"] == 447228
    assert r.tables["enforcement"]["penalty"]["decisions"] == 3985758
    assert r.tables["fees"]["admin_fees"]["amount"] == Decimal("96171.6")
    assert row(r, "applications", "new_received") == [3001, 53, 0, 0, 61, 4, 3119]
    assert row(r, "applications", "carried_over") == [34, 0, 0, 0, 0, 0, 34]
    assert row(r, "applications", "other_no_correction") == [67, 3, 0, 0, 1, 0, 71]
    assert row(r, "applications", "other_fee_unpaid") == [6, 0, 0, 0, 0, 0, 6]
    assert row(r, "applications", "other_misc") == [108, 2, 0, 0, 0, 0, 110]
    assert row(r, "applications", "results_total") == [2932, 53, 0, 0, 61, 4, 3050]
    assert row(r, "applications", "carried_forward") == [103, 0, 0, 0, 0, 0, 103]
    review = r.table_values("review_litigation")
    assert [review["review"][c] for c in ("upheld", "corrected", "other", "pending", "total")] == [72, 64, 178, 37, 351]
    assert [review["litigation_direct"][c] for c in ("upheld", "corrected", "other", "pending", "total")] == [
        13, 4, 8, 1, 26]
    assert [review["litigation_after_review"][c] for c in ("upheld", "corrected", "other", "pending", "total")] == [
        12, 1, 1, 6, 20]
    assert "3940元" in r.sections.other
    assert [f for f in check(r) if f.severity.value == "error"] == []
    assert result.counts() == {"cells": 200, "filled": 200, "blank": 0, "notes": 0}  # nothing to say


def test_shanghai_2019_is_2019_format_with_blanks(corpus_dir):
    result = import_report(corpus_dir / "shanghai_govoffice_2019.txt")
    r = result.report
    assert (r.year, r.organization.name, result.format) == (2019, "上海市人民政府办公厅", "national-2019")
    assert row(r, "applications", "new_received") == [821, 35, None, None, 2, 1, 859]
    assert row(r, "applications", "carried_over") == [18, None, None, None, None, None, 18]
    assert row(r, "applications", "results_total") == [767, 35, None, None, 2, 1, 805]
    assert row(r, "applications", "carried_forward") == [72, None, None, None, None, None, 72]
    assert r.tables["applications"]["unavailable_not_held"]["natural_person"] == 252
    # 总计 written blank in the result rows: nothing stated, the sum is shown
    assert result.stated_value("applications", "granted", "total") is None
    assert r.template == "national-2019"  # a 2019-format report stays one: its cells under its own keys
    assert r.tables["regulations"]["normative_docs"] == {"made": 60, "published": 60, "total_public": 368}
    assert r.tables["regulations"]["rules"]["total_public"] == 524
    assert r.tables["procurement"]["central_procurement"]["amount"] == 251000
    assert r.source_texts["procurement.central_procurement.amount"] == "251000元"
    assert r.legacy == {}
    review = r.table_values("review_litigation")
    assert review["review"]["upheld"] == 5 and review["review"]["pending"] == 2
    assert review["litigation_direct"]["upheld"] == 8
    a6 = [f for f in check(r, stated=result.stated) if f.code == "A6"]
    assert len(a6) > 100
    assert sum(1 for n in result.notes if n.message.startswith("原文 A6")) == len(a6)
    assert any(f.location.row == "new_received" and f.location.column == "research" for f in a6)
    # the 总计 column left blank beside filled-in rows (the document's own blank)
    assert any(f.location.row == "granted" and f.location.column == "total" for f in a6)
    # only cells the 2019 format has: no 废止件数, no fee amount, no split （六）
    assert not any(f.location.column in ("repealed", "in_force", "amount") for f in a6)
    assert not any(f.location.row in ("other_no_correction", "other_fee_unpaid", "other_misc") for f in a6)
    found = set(codes(result))
    assert "A1" not in found  # 859 + 18 = 805 + 72
    assert {"F2", "F3", "F5", "F6"}.isdisjoint(found)  # rules of the 2021 format only
    # the text contradicts the tables: told in the import result
    told = " ".join(n.message for n in result.notes if n.kind == "source_check")
    assert "258" in told and "275" in told and "265" in told and "337" in told and "均获维持" in told


def test_shuyang_fgj_2023_blank_legal_person_columns(corpus_dir):
    r = import_report(corpus_dir / "shuyang_fgj_2023.txt").report
    assert (r.year, r.organization.name) == (2023, "沭阳县发展和改革局")
    assert r.tables["regulations"]["normative_docs"] == {"issued": 8, "repealed": 0, "in_force": 18}
    assert row(r, "applications", "new_received") == [26, None, None, None, None, None, 26]
    assert r.table_values("review_litigation")["review"]["pending"] == 1
    assert "存在的主要问题" in r.sections.problems
    assert r.sections.closing == "2024年1月17日"
    a6 = {(f.location.row, f.location.column) for f in check(r) if f.code == "A6"}
    assert ("new_received", "commercial") in a6 and ("new_received", "natural_person") not in a6


def test_shuyang_county_2025_mangled_table(corpus_dir):
    result = import_report(corpus_dir / "shuyang_county_2025.txt")
    r = result.report
    assert r.year == 2025
    assert row(r, "applications", "new_received") == [705, 3, 0, 0, 5, 0, 713]
    assert row(r, "applications", "carried_over") == [36, 0, 0, 0, 0, 0, 36]
    assert row(r, "applications", "other_fee_unpaid") == [7, 0, 0, 0, 0, 0, 7]
    assert row(r, "applications", "results_total") == [710, 3, 0, 0, 5, 0, 718]
    assert row(r, "applications", "carried_forward") == [31, 0, 0, 0, 0, 0, 31]
    assert r.tables["fees"]["admin_fees"]["amount"] == Decimal("4068.208")
    assert r.tables["review_litigation"]["review"] == {"upheld": 27, "corrected": 10, "other": 9, "pending": 15}
    assert "380元" in r.sections.other
    # four sub-headings in its own words: each under the topic it is about
    o = r.sections.overview
    assert o.platform.startswith("（三）精细化建设公开平台") and o.oversight.startswith("（四）常态化开展监督管理")
    assert o.management == ""
    assert {"A1", "A2", "A3", "A4"}.isdisjoint(codes(result))


def test_shanghai_stcsm_2024_own_section_order(corpus_dir):
    result = import_report(corpus_dir / "shanghai_stcsm_2024.txt")
    r = result.report
    assert (r.year, r.organization.name) == (2024, "上海市科委")
    assert r.tables["regulations"]["normative_docs"] == {"issued": 13, "repealed": 0, "in_force": 55}
    assert r.tables["licensing"]["administrative_license"]["decisions"] == 97
    assert row(r, "applications", "new_received") == [32, 2, 0, 0, 0, 0, 34]
    assert row(r, "applications", "other_no_correction") == [8, 2, 0, 0, 0, 0, 10]
    assert row(r, "applications", "results_total") == [33, 2, 0, 0, 0, 0, 35]
    # the 结转 总计 cell is missing in the conversion: it stays unstated, the sum shows 1
    assert result.stated_value("applications", "carried_forward", "total") is None
    assert row(r, "applications", "carried_forward") == [1, 0, 0, 0, 0, 0, 1]
    assert r.tables["review_litigation"]["review"]["upheld"] == 1
    assert "主要问题" in r.sections.problems  # found after 表四 although its heading is missing
    # its own extra sections (二、工作机制保障 … 六、政府信息公开平台建设) stay in the overview, not lost
    assert "工作机制保障" in r.sections.overview.intro and "阅办联动" in r.sections.overview.intro
    assert "A1" not in codes(result)


def test_shanghai_2025_annotated_cells(corpus_dir):
    result = import_report(corpus_dir / "shanghai_govoffice_2025.txt")
    r = result.report
    assert (r.year, r.organization.name) == (2025, "上海市人民政府办公厅")
    assert row(r, "applications", "new_received") == [1259, 36, 0, 0, 0, 0, 1295]
    assert row(r, "applications", "carried_over") == [170, 15, 0, 0, 4, 0, 189]
    assert row(r, "applications", "withheld_internal_affairs") == [8, 0, 0, 0, 1, 0, 9]
    assert row(r, "applications", "other_no_correction") == [40, 1, 0, 0, 2, 0, 43]
    assert row(r, "applications", "results_total") == [1139, 48, 0, 0, 4, 0, 1191]
    assert row(r, "applications", "carried_forward") == [290, 3, 0, 0, 0, 0, 293]
    review = r.table_values("review_litigation")
    assert [review[k]["total"] for k in ("review", "litigation_direct", "litigation_after_review")] == [55, 12, 22]
    # 表二（一） lost a cell in the conversion: not guessed, said
    assert r.tables["regulations"]["rules"] == {"issued": None, "repealed": None, "in_force": None}
    assert any(n.kind == "not_found" and "规章" in n.message for n in result.notes)
    assert "未收取" in r.sections.other
    assert r.sections.notes == {"review_litigation": "注：行政复议、行政诉讼数量含上年度结转数量。"}
    assert {"A1", "A2", "A3", "A4"}.isdisjoint(codes(result))


def test_template_has_no_figures(corpus_dir):
    result = import_report(corpus_dir / "template-2021.docx")
    r = result.report
    assert all(v is None for rows in r.tables.values() for cols in rows.values() for v in cols.values())
    assert all(v is None for rows in result.stated.values() for cols in rows.values() for v in cols.values())
    assert result.format == "national-2021"
    assert result.counts()["cells"] == 200 and result.counts()["filled"] == 0  # every cell found, all blank
    assert r.sections.other == "" and r.sections.overview.intro == ""  # the template's instructions are not text
    assert any(n.location == "year" for n in result.notes)  # no year in a blank template: said


def test_one_cell_per_line(corpus_dir, tmp_path):
    """Text copied from a web table with every cell on its own line reads like the table itself."""
    first = import_report(corpus_dir / "huaian_city_2024.txt")
    original, original_stated = first.report, first.stated
    lines = []
    for line in (corpus_dir / "huaian_city_2024.txt").read_text(encoding="utf-8").splitlines():
        tokens = line.split()
        numbers = [t for t in tokens if t.replace(".", "").isdigit()]
        if len(numbers) in (1, 3, 7, 15) and len(numbers) == len(tokens) - (1 if len(tokens) > len(numbers) else 0) \
                and tokens[-len(numbers):] == numbers:
            lines += [" ".join(tokens[:-len(numbers)])] if len(tokens) > len(numbers) else []
            lines += numbers
        else:
            lines.append(line)
    copied = tmp_path / "one_cell_per_line.txt"
    copied.write_text("\n".join(lines), encoding="utf-8")
    result = import_report(copied)
    assert "一、本年新收政府信息公开申请数量\n3001\n53\n0\n" in copied.read_text(encoding="utf-8")
    assert result.report.tables == original.tables
    assert result.stated == original_stated
