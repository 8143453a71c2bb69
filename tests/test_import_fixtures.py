"""Documents in the common government style (tests/fixtures/import, built by make_fixtures.py),
the 2019 format, a free-form report, and our own exports."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from forms.model import store
from forms.commands import main as cli
from forms.importers import import_report
from forms.rules import check

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def assert_qinglan_2023(result):
    r = result.report
    assert (r.year, r.organization.name) == (2023, "青岚县交通运输局")
    assert r.organization.postcode == "335000" and r.organization.email == "qljt@example.cn"
    assert r.tables["regulations"]["normative_docs"] == {"issued": 3, "repealed": 1, "in_force": 12}
    assert r.source_texts["regulations.normative_docs.issued"] == "3（其中修订1件）"
    assert r.tables["licensing"]["administrative_license"]["decisions"] == 1256
    assert r.tables["enforcement"]["coercion"]["decisions"] is None
    assert r.source_texts["enforcement.coercion.decisions"] == "/"
    assert r.tables["fees"]["admin_fees"]["amount"] == Decimal("25.5")
    apps = r.table_values("applications")
    assert [apps["granted"][c] for c in ("natural_person", "commercial", "legal_service", "total")] == [20, 1, 1, 22]
    assert apps["unavailable_not_held"]["commercial"] == 1
    assert apps["results_total"]["total"] == 41 and apps["carried_forward"]["total"] == 5
    assert r.tables["review_litigation"]["litigation_direct"] == {"upheld": 1, "corrected": 0, "other": 0,
                                                                   "pending": 1}
    assert r.sections.overview.oversight.startswith("（五）监督保障")
    assert "未收取信息处理费" in r.sections.other
    assert r.sections.closing == "2024年1月20日"
    messages = " ".join(n.message for n in result.notes)
    assert "（其中修订1件）" in messages and "万元" in messages and "“/”按空白处理" in messages
    found = check(r)
    assert [f.code for f in found if f.severity.value == "error"] == []
    assert [(f.code, f.location.table) for f in found if f.code == "A6"] == [("A6", "enforcement")]


def test_word_file_with_merged_cells():
    result = import_report(FIXTURES / "qinglan_transport_2023.docx")
    assert result.source_kind == "docx" and result.format == "national-2021"
    assert_qinglan_2023(result)


def test_gb2312_web_page_with_nbsp_and_spans():
    result = import_report(FIXTURES / "qinglan_transport_2023_gb2312.html")
    assert result.source_kind == "html"
    assert any("GB18030" in n.message for n in result.notes)
    assert_qinglan_2023(result)


def test_web_page_in_traditional_characters():
    result = import_report(FIXTURES / "qinglan_transport_2023_traditional.html")
    assert any("繁体" in n.message for n in result.notes)
    assert_qinglan_2023(result)
    assert "监督保障" in result.report.sections.overview.oversight  # the text is Simplified too


def test_2019_format():
    """A 2020 report in the 2019 format stays a 2019-format document: its cells under that format's keys."""
    result = import_report(FIXTURES / "qinglan_transport_2020_format2019.docx")
    r = result.report
    assert (r.year, result.format, r.template) == (2020, "national-2019", "national-2019")
    assert r.tables["licensing"]["administrative_license"]["decisions"] == 1120
    assert r.tables["enforcement"]["penalty"]["decisions"] == 76
    assert r.tables["regulations"]["normative_docs"]["made"] == 2  # 本年新制作数量, as written
    assert r.tables["enforcement"]["penalty"]["change"] == 543  # “+543”
    assert r.source_texts["enforcement.penalty.change"] == "+543"
    assert r.tables["licensing"]["other_services"]["change"] == -3
    assert r.source_texts["procurement.central_procurement.amount"] == "251000元"
    assert r.tables["applications"]["other_processing"]["natural_person"] == 4
    assert r.legacy == {}  # nothing without a home: the document's own format has every cell
    codes = {f.code for f in check(r, stated=result.stated)}
    assert {"A1", "A2", "A3", "A5", "F2", "F3", "F5", "F6"}.isdisjoint(codes)  # signed 本年增/减 is no A5
    assert not any(c.startswith("N") for c in codes)  # the text's figures are the tables' figures


def test_2019_format_becomes_a_2021_draft_in_prefill():
    from forms.model.prefill import format_change, prefill
    prior = import_report(FIXTURES / "qinglan_transport_2020_format2019.docx").report
    draft = prefill(prior)
    assert (draft.year, draft.template) == (2021, "national-2021")
    assert draft.entered("applications", "carried_over", "natural_person") == prior.entered(
        "applications", "carried_forward", "natural_person")
    assert draft.prior.template == "national-2019"  # last year's report as it was written
    assert any("2019 年版格式" in line and "2021 年版格式" in line for line in format_change(prior, draft))


def test_free_form_report_invents_no_tables():
    result = import_report(FIXTURES / "qinglan_transport_2016_freeform.txt")
    r = result.report
    assert (r.year, result.format, r.organization.name) == (2016, "free-form", "青岚县交通运输局")
    assert result.cells == {}
    assert all(v is None for rows in r.tables.values() for cols in rows.values() for v in cols.values())
    assert "全年主动公开政府信息150条" in r.sections.overview.intro
    assert "信息更新不够及时" in r.sections.problems


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_own_export_round_trip(tmp_path, sample_report, kind):
    render = pytest.importorskip("forms.render", reason="the exports are not in this checkout")
    out = tmp_path / f"export.{kind}"
    (render.write_docx if kind == "docx" else render.write_html)(sample_report, out)
    result = import_report(out)
    assert (result.format, result.source_kind) == ("native", "own-export")
    assert result.notes == []
    assert store.dumps(result.report) == store.dumps(sample_report)


def test_own_export_edited_after_export(tmp_path, sample_report):
    render = pytest.importorskip("forms.render", reason="the exports are not in this checkout")
    out = tmp_path / "export.html"
    render.write_html(sample_report, out)
    before = sample_report.tables["applications"]["new_received"]["natural_person"]
    text = out.read_text(encoding="utf-8")
    import lxml.html
    root = lxml.html.fromstring(text)
    for tr in root.iter("tr"):
        cells = [c for c in tr if c.tag in ("td", "th")]
        if cells and "本年新收" in cells[0].text_content():
            target = next(c for c in cells[1:] if c.text_content().strip() == str(before))
            for node in target.iter():
                if node.text and node.text.strip() == str(before):
                    node.text = str(before + 7)
            break
    out.write_bytes(lxml.html.tostring(root, encoding="utf-8"))
    result = import_report(out)
    assert result.report.tables["applications"]["new_received"]["natural_person"] == before + 7
    assert any(n.kind == "edited_export" and "本年新收" in n.message for n in result.notes)


def test_cli_import_writes_our_file_and_reports(tmp_path, capsys):
    out = tmp_path / "imported.json"
    assert cli(["import", str(FIXTURES / "qinglan_transport_2023.docx"), "-o", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["report"]["year"] == 2023 and data["format"] == "national-2021"
    cell = next(c for c in data["cells"] if c["cell"] == "regulations.normative_docs.issued")
    assert cell == {"cell": "regulations.normative_docs.issued", "source_text": "3（其中修订1件）", "value": 3}
    assert any("其中修订" in n["message"] for n in data["notes"])
    assert store.load(out).tables["fees"]["admin_fees"]["amount"] == Decimal("25.5")


def test_cli_import_unreadable_exits_2(tmp_path, capsys):
    bad = tmp_path / "old.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert cli(["import", str(bad), "-o", str(tmp_path / "x.json")]) == 2
    assert "另存为" in capsys.readouterr().err


def test_cli_check_accepts_any_document(capsys):
    assert cli(["check", str(FIXTURES / "qinglan_transport_2023_gb2312.html")]) == 0
    assert "A6" in capsys.readouterr().out


def test_our_own_file_is_imported_as_is(sample_path, sample_report):
    result = import_report(sample_path)
    assert (result.format, result.source_kind) == ("native", "native-json")
    assert store.dumps(result.report) == store.dumps(sample_report)


def test_web_archive_saved_as_mht(tmp_path):
    """Internet Explorer's 另存为“网页，单个文件”: MIME with the GB2312 page quoted-printable inside."""
    import quopri
    page = (FIXTURES / "qinglan_transport_2023_gb2312.html").read_bytes()
    mht = (b"From: <Saved by Windows Internet Explorer 11>\r\nMIME-Version: 1.0\r\n"
           b'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000"\r\n\r\n'
           b"------=_NextPart_000\r\nContent-Type: text/html; charset=\"gb2312\"\r\n"
           b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + quopri.encodestring(page) +
           b"\r\n------=_NextPart_000--\r\n")
    p = tmp_path / "年报.mht"
    p.write_bytes(mht)
    assert_qinglan_2023(import_report(p))
