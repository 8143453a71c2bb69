"""Consolidation (汇总): sums, blanks, statuses, refusals, H1–H4 and `nianbao merge`, on generated units
and on the real reports of the corpus."""
from __future__ import annotations

import json
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from merge_units import unit_report, write_units  # noqa: E402

from forms.model import store  # noqa: E402
from forms.commands import main  # noqa: E402
from forms.model.consolidation import UnitStatus  # noqa: E402
from forms.merge.consolidate import NoUnitsError, merge, set_excluded  # noqa: E402
from forms.merge.explain import explain  # noqa: E402
from forms.model import new_report  # noqa: E402
from forms.rules import check  # noqa: E402

GRANTED = ("applications", "granted", "natural_person")


def codes(report, code):
    return [f for f in check(report) if f.code == code]


def save(report, path: Path) -> Path:
    path.write_text(store.dumps(report), encoding="utf-8")
    return path


@pytest.fixture
def units(tmp_path) -> list[Path]:
    return write_units(tmp_path / "units", 5)


def test_every_cell_is_the_sum_of_the_units(units):
    draft = merge(units, workers=1).report
    reports = [store.load(p) for p in units]
    for table in ("applications", "review_litigation", "regulations", "fees"):
        for row, rows in draft.tables[table].items():
            for col, value in rows.items():
                assert value == sum(r.entered(table, row, col) for r in reports), (table, row, col)
    total = sum(r.value("applications", "new_received", "total") for r in reports)
    assert draft.value("applications", "new_received", "total") == total
    assert isinstance(draft.entered("fees", "admin_fees", "amount"), Decimal)
    assert draft.template == "national-2021" and draft.year == 2024
    assert not codes(draft, "H1") and not codes(draft, "A1")


def test_a_cell_stays_blank_only_where_every_unit_left_it_blank(units):
    for i, path in enumerate(units):
        r = store.load(path)
        r.set_cell("review_litigation", "review", "upheld", None)
        if i < 2:
            r.set_cell(*GRANTED, None)
        save(r, path)
    draft = merge(units, workers=1).report
    assert draft.entered("review_litigation", "review", "upheld") is None
    assert draft.entered(*GRANTED) == sum(store.load(p).entered(*GRANTED) for p in units[2:])
    result = explain(draft, *GRANTED)
    assert result.blank_units == 2
    assert explain(draft, "review_litigation", "review", "upheld").blank_units == 5


def test_statuses_and_refusals_the_merge_going_on(tmp_path, units):
    broken = store.load(units[0])
    broken.set_cell("applications", "new_received", "natural_person",
                    broken.entered("applications", "new_received", "natural_person") + 1)  # A1 now fails
    save(broken, units[0])
    shutil.copy(units[1], tmp_path / "copy_of_unit1.json")                       # the same content twice
    same_organ = unit_report(1, seed=7)                                           # same organ, other figures
    save(same_organ, tmp_path / "unit1_again.json")
    save(unit_report(40, year=2023), tmp_path / "last_year.json")                # another year
    (tmp_path / "garbled.docx").write_bytes(b"PK\x03\x04 not really a zip")       # unreadable
    files = units + [tmp_path / n for n in ("copy_of_unit1.json", "unit1_again.json", "last_year.json", "garbled.docx")]
    result = merge(files, workers=1)
    status = {Path(u.file).name: u for u in result.consolidation.units}
    assert status["unit00000.json"].status is UnitStatus.ERRORS and status["unit00000.json"].included
    assert "A1" in status["unit00000.json"].error_codes
    assert status["unit00002.json"].status is UnitStatus.CLEAN
    assert status["copy_of_unit1.json"].status is UnitStatus.DUPLICATE
    assert "内容相同" in status["copy_of_unit1.json"].excluded
    assert status["unit1_again.json"].status is UnitStatus.DUPLICATE
    assert "同一单位" in status["unit1_again.json"].excluded
    assert status["last_year.json"].status is UnitStatus.OTHER_YEAR
    assert status["garbled.docx"].status is UnitStatus.UNREADABLE and "garbled.docx" in status["garbled.docx"].note
    assert len(result.consolidation.included()) == 5
    draft = result.report
    summed = sum(store.load(p).entered(*GRANTED) for p in units)
    assert draft.entered(*GRANTED) == summed  # the refused files added nothing
    h2 = " ".join(f.message for f in codes(draft, "H2"))
    assert "青岚县第1单位" in h2 and "A1" in h2          # the unit with errors is named
    assert "garbled.docx" in h2 and "2023 年度" in h2    # unreadable and other-year named too


def test_the_own_report_is_a_unit_marked_self_and_kept_beside_the_totals(tmp_path, units):
    own = save(unit_report(99, name="青岚县人民政府"), tmp_path / "本级.json")
    result = merge(units, self_path=own, workers=1)
    cons = result.consolidation
    assert cons.units[0].is_self and cons.self_unit().name == "青岚县人民政府"
    assert result.report.organization.name == "青岚县人民政府"
    x = explain(result.report, *GRANTED)
    assert x.self_value == store.load(own).entered(*GRANTED)
    assert x.value == x.total == sum(store.load(p).entered(*GRANTED) for p in units + [own])


def test_no_units_is_a_message_not_an_empty_report(tmp_path):
    with pytest.raises(NoUnitsError, match="没有要汇总的单位报告"):
        merge([], workers=1)
    (tmp_path / "a.txt").write_text("这不是年报", encoding="utf-8")
    with pytest.raises(NoUnitsError, match="a.txt"):
        merge([tmp_path / "a.txt"], workers=1)


def test_a_2019_format_unit_is_summed_through_the_2021_mapping(tmp_path, units):
    old = new_report(2024, "青岚县旧格式单位", template="national-2019")
    old.set_cell("applications", "other_processing", "natural_person", 4)
    old.set_cell("applications", "granted", "natural_person", 3)
    save(old, tmp_path / "old.json")
    result = merge(units + [tmp_path / "old.json"], workers=1)
    unit = result.consolidation.units[-1]
    assert unit.included and unit.format == "national-2019" and "2021 年版" in unit.note
    draft = result.report
    base = [store.load(p) for p in units]
    assert draft.entered(*GRANTED) == sum(r.entered(*GRANTED) for r in base) + 3
    assert draft.entered("applications", "other_misc", "natural_person") == sum(
        r.entered("applications", "other_misc", "natural_person") for r in base) + 4


def test_h1_a_hand_edit_names_the_units(units):
    draft = merge(units, workers=1).report
    draft.set_cell(*GRANTED, draft.entered(*GRANTED) + 5)
    [h1] = codes(draft, "H1")
    assert h1.location.row == "granted" and h1.expected == h1.actual - 5
    assert "各单位合计" in h1.message and "青岚县第" in h1.message


def test_h1_follows_an_excluded_unit(units):
    draft = merge(units, workers=1).report
    before = draft.entered(*GRANTED)
    first = draft.consolidation.units[0]
    set_excluded(draft, first.file, "垂直管理单位，不应计入")
    assert draft.entered(*GRANTED) == before - first.values[draft.consolidation.cells.index("applications.granted.natural_person")]
    assert not codes(draft, "H1")
    saved = store.loads(store.dumps(draft))
    assert saved.consolidation.units[0].excluded == "垂直管理单位，不应计入"
    assert saved.consolidation.units[0].excluded_by_clerk


def test_h3_names_units_whose_texts_read_the_same(tmp_path, units):
    a, b = store.load(units[1]), store.load(units[3])
    b.set_text("problems", a.text("problems").replace("政务公开", "政务 公开", 1) + "2024年")
    save(b, units[3])
    draft = merge(units, workers=1).report
    [h3] = codes(draft, "H3")
    assert "青岚县第2单位" in h3.message and "青岚县第4单位" in h3.message and "五、存在的主要问题" in h3.message


def test_h2_and_h4_against_last_years_consolidation(tmp_path):
    last = [save(unit_report(i, year=2023, name=n), tmp_path / f"l{i}.json")
            for i, n in enumerate(["甲局", "乙局", "丙局"])]
    prior = merge(last, workers=1).report
    now = [save(unit_report(i + 10, name=n), tmp_path / f"n{i}.json") for i, n in enumerate(["乙局", "丙局", "丁局"])]
    draft = merge(now, prior=prior, workers=1).report
    [missing] = [f for f in codes(draft, "H2") if "本年没有报告" in f.message]
    assert "甲局" in missing.message
    [h4] = codes(draft, "H4")
    assert h4.details["came"] == ["丁局"] and h4.details["went"] == ["甲局"]
    jia = store.load(last[0]).value("applications", "carried_forward", "total")
    ding = store.load(now[2]).value("applications", "carried_over", "total")
    assert (h4.details["taken"], h4.details["brought"]) == (jia, ding)
    assert f"{ding - jia:+d} 件" in h4.message


def test_parallel_reads_give_the_serial_result(units):
    serial = merge(units, workers=1).report
    parallel = merge(units, workers=2).report
    assert parallel.tables == serial.tables
    assert [u.file for u in parallel.consolidation.units] == [u.file for u in serial.consolidation.units]


# --- the command ----------------------------------------------------------------------------
def test_merge_command_writes_the_draft_and_explains_a_cell(tmp_path, units, capsys):
    out = tmp_path / "汇总.json"
    code = main(["merge", "--dir", str(units[0].parent), "-o", str(out), "--workers", "1"])
    text = capsys.readouterr().out
    assert code == 0 and "计入 5 个单位" in text and out.exists()
    assert store.load(out).consolidation.units[0].name == "青岚县第1单位"
    code = main(["merge", *map(str, units), "--explain", "applications.granted.natural_person", "--workers", "1"])
    lines = capsys.readouterr().out.splitlines()
    total = sum(store.load(p).entered(*GRANTED) for p in units)
    assert lines[0].startswith("表三“（一）予以公开”行“自然人”列：汇总 " + str(total))
    assert sum("青岚县第" in line for line in lines) == 5
    main(["merge", *map(str, units), "--json", "--explain", "applications.granted.natural_person", "--workers", "1"])
    data = json.loads(capsys.readouterr().out)
    assert data["cells"]["applications.granted.natural_person"]["value"] == total
    assert len(data["explain"]["units"]) == 5 and all(u["status"] == "clean" for u in data["units"])


def test_merge_command_refuses_clearly(tmp_path, capsys):
    assert main(["merge", "--dir", str(tmp_path), "-o", str(tmp_path / "x.json")]) == 2
    assert "没有要汇总的单位报告" in capsys.readouterr().err
    assert main(["merge", "a.json", "--explain", "applications.nothing.natural_person"]) == 2
    assert "没有单元格" in capsys.readouterr().err


# --- real reports ---------------------------------------------------------------------------
def test_corpus_reports_of_2024_are_summed_and_the_others_refused(corpus_dir, capsys):
    files = sorted(corpus_dir.glob("*.txt")) + [corpus_dir / "huaian_city_2024.pdf"]
    result = merge(files, self_path=corpus_dir / "huaian_city_2024.txt", workers=1)
    by_file = {Path(u.file).name: u for u in result.consolidation.units}
    assert by_file["huaian_city_2024.txt"].is_self
    assert by_file["huaian_city_2024.pdf"].status is UnitStatus.DUPLICATE  # the same organ and year again
    for other in ("hongze_district_2023.txt", "shuyang_fgj_2023.txt", "shanghai_govoffice_2019.txt",
                  "shanghai_govoffice_2025.txt"):
        assert by_file[other].status is UnitStatus.OTHER_YEAR, other
    assert {Path(u.file).name for u in result.consolidation.included()} == {
        "huaian_city_2024.txt", "hongze_district_2024.txt", "shanghai_stcsm_2024.txt"}
    draft = result.report
    # 新收: 淮安 3119 + 洪泽 95 + 上海市科委 34 (read off the documents)
    assert draft.value("applications", "new_received", "total") == 3119 + 95 + 34
    assert explain(draft, "applications", "new_received", "total").self_value == 3119
    assert not codes(draft, "H1")


def test_csv_lists_every_unit_and_every_cell(tmp_path, units, capsys):
    out = tmp_path / "明细.csv"
    assert main(["merge", *map(str, units), "--csv", str(out), "--json", "--workers", "1"]) == 0
    capsys.readouterr()
    import csv
    text = out.read_text(encoding="utf-8-sig")
    table = list(csv.reader(text.splitlines()))
    labels, keys = table[0], table[1]
    assert len(table) == 2 + len(units) + 2
    col = keys.index("applications.granted.natural_person")
    assert labels[col] == "表三“（一）予以公开”行“自然人”列"
    assert int(table[2][col]) == store.load(units[0]).entered(*GRANTED)
    assert table[-2][0] == "汇总（计入的单位）"
    assert int(table[-2][col]) == sum(store.load(p).entered(*GRANTED) for p in units)
    total = keys.index("applications.new_received.total")  # totals too
    assert int(table[2][total]) == store.load(units[0]).value("applications", "new_received", "total")


def test_merge_command_with_last_years_consolidation(tmp_path, capsys):
    last = [save(unit_report(i, year=2023, name=n), tmp_path / f"l{i}.json") for i, n in enumerate(["甲局", "乙局"])]
    prior = tmp_path / "2023汇总.json"
    assert main(["merge", *map(str, last), "-o", str(prior), "--workers", "1"]) == 0
    now = [save(unit_report(i + 10, name=n), tmp_path / f"n{i}.json") for i, n in enumerate(["乙局", "丙局"])]
    capsys.readouterr()
    assert main(["merge", *map(str, now), "--prior", str(prior), "-o", str(tmp_path / "2024汇总.json"),
                 "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "H4 与上年汇总相比" in out and "“丙局”" in out and "“甲局”" in out
    assert store.load(tmp_path / "2024汇总.json").prior.year == 2023


def test_h3_one_finding_for_a_text_three_units_share(units):
    text = store.load(units[0]).text("other")
    for path in units[2:5]:
        r = store.load(path)
        r.set_text("other", text)
        save(r, path)
    [h3] = [f for f in codes(merge(units, workers=1).report, "H3") if "六、" in f.message]
    names = [f"青岚县第{i}单位" for i in (1, 3, 4, 5)]
    assert all(n in h3.message for n in names) and "青岚县第2单位" not in h3.message


def test_appendix_lists_the_units_key_figures_in_docx_and_html(tmp_path, units, capsys):
    import docx

    from forms.render.docx_writer import write_docx
    from forms.render.html_writer import html_text
    out = tmp_path / "汇总.json"
    assert main(["merge", *map(str, units), "--appendix", "-o", str(out), "--workers", "1"]) == 0
    draft = store.load(out)
    html = html_text(draft)
    assert "附：各单位数据汇总" in html and all(f"青岚县第{i}单位" in html for i in range(1, 6))
    write_docx(draft, tmp_path / "汇总.docx")
    table = docx.Document(str(tmp_path / "汇总.docx")).tables[-1]
    assert table.rows[0].cells[1].text == "新收申请"
    new = [store.load(p).value("applications", "new_received", "total") for p in units]
    assert [int(r.cells[1].text) for r in table.rows[1:-1]] == new
    assert table.rows[-1].cells[0].text == "合计" and int(table.rows[-1].cells[1].text) == sum(new)
    draft.consolidation.appendix = False
    assert "各单位数据汇总" not in html_text(draft)
