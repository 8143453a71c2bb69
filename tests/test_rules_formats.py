"""Which rules apply depends on the format a report is written in, declared once: by the parts of a
format each rule reads, which a format's spec has or lacks."""
from __future__ import annotations

import json

from forms.commands import main
from forms.model import Report
from forms.rules import check, rules_for
from forms.spec import load_spec

ONLY_2021 = {"F2", "F3", "Y2"}  # the five overview topics, the fee statement, 现行有效 from 制发 − 废止


def test_the_2019_format_has_no_topics_no_fee_statement_and_no_stock():
    codes_2019 = {r.code for r in rules_for(load_spec("national-2019"))}
    codes_2021 = {r.code for r in rules_for(load_spec("national-2021"))}
    assert ONLY_2021 <= codes_2021 and ONLY_2021.isdisjoint(codes_2019)
    assert {"A1", "A2", "A3", "A4", "A5", "A6", "F1", "F4", "F5", "Y1", "Y4", "N1", "N2"} <= codes_2019


def test_a_blank_2019_report_gets_2019_cells_only():
    report = Report(template="national-2019", year=2020)
    found = check(report)
    cells = {(f.location.table, f.location.row, f.location.column) for f in found if f.code == "A6"}
    spec = load_spec("national-2019")
    assert all(spec.table(t).has_cell(r, c) for t, r, c in cells)
    assert ONLY_2021.isdisjoint(f.code for f in found)


def test_check_on_a_2019_format_report_lists_only_its_rules(corpus_dir, capsys):
    assert main(["check", str(corpus_dir / "shanghai_govoffice_2019.txt"), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    codes = {f["code"] for f in findings}
    assert codes == {"A6", "N2", "N4"}  # blanks, and the text against the tables (INDEX.md)
    spec = load_spec("national-2019")
    for f in findings:
        loc = f["location"]
        if loc.get("table"):
            assert spec.table(loc["table"]).has_cell(loc["row"], loc["column"]), loc


def test_import_keeps_the_2019_format_and_prefill_makes_a_2021_draft(corpus_dir, tmp_path, capsys):
    imported, draft = tmp_path / "2019.json", tmp_path / "2021.json"
    assert main(["import", str(corpus_dir / "shanghai_govoffice_2019.txt"), "-o", str(imported)]) == 0
    assert json.loads(imported.read_text(encoding="utf-8"))["template"] == "national-2019"
    assert main(["prefill", str(imported), "--year", "2021", "--force", "-o", str(draft)]) == 0
    out = capsys.readouterr().out
    data = json.loads(draft.read_text(encoding="utf-8"))
    assert (data["template"], data["year"]) == ("national-2021", 2021)
    assert data["tables"]["applications"]["carried_over"]["natural_person"] == 72  # 2019's 结转 72
    assert "2019 年版格式" in out and "2021 年版格式" in out


def test_an_early_free_form_report_is_held_to_no_format():
    """A 2016 report predates the national formats: no tables or sections are asked of it."""
    from pathlib import Path
    from forms.importers import import_report
    result = import_report(Path(__file__).parent / "fixtures" / "import" / "qinglan_transport_2016_freeform.txt")
    assert (result.format, result.report.template) == ("free-form", "free-form")
    assert check(result.report, stated=result.stated) == []
    from forms.model.prefill import prefill
    assert prefill(result.report, 2019).template == "national-2019"  # the format in force that year
    assert prefill(result.report, 2021).template == "national-2021"
