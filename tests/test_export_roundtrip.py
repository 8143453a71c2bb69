"""Our own DOCX and HTML carry the report: reading them back gives the identical document."""
from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal

import docx
import pytest

from forms.model import embed, store
from forms.model import Acknowledgement
from forms.model.embedded import read_embedded_docx, read_embedded_html
from forms.render import docx_bytes, html_text, write_docx

TODAY = date(2025, 1, 20)
TRICKY = "</script><!-- 注释 -->&nbsp;“引号”\n第二段\t制表\u3000全角空格"


@pytest.fixture
def report(sample_report, sample_prior_path):
    sample_report.set_text("problems", TRICKY)
    sample_report.set_cell("fees", "admin_fees", "amount", Decimal("1487.2035"))
    sample_report.acknowledged["abc123def456"] = Acknowledgement(code="Y4", explanation="核实无误",
                                                                  at=datetime(2025, 1, 10, 9, 30))
    if sample_report.prior is None:
        sample_report.prior = store.load(sample_prior_path)
    return sample_report


def test_docx_round_trip_is_exact(tmp_path, report):
    path = tmp_path / "报告.docx"
    write_docx(report, path, today=TODAY)
    text = read_embedded_docx(path)
    assert text is not None
    back = embed.from_json(text)
    assert back == embed.published(report)
    assert back.tables == report.tables and back.sections == report.sections
    assert back.prior is not None and back.prior == report.prior
    assert back.text("problems") == TRICKY


def test_html_round_trip_is_exact(report):
    page = html_text(report, today=TODAY)
    text = read_embedded_html(page)
    assert embed.from_json(text) == embed.published(report)
    assert "</script><!--" not in page  # the data cannot end its own script element


def test_the_office_working_notes_are_not_published(tmp_path, report):
    """已核实 explanations and the export log stay in the native file, off the website."""
    report.acknowledged["abc123def456"] = report.acknowledged["abc123def456"].model_copy(
        update={"explanation": "经与法制办电话核实，内部意见不宜公开"})
    page = html_text(report, today=TODAY)
    path = tmp_path / "报告.docx"
    write_docx(report, path, today=TODAY)
    with zipfile.ZipFile(path) as z:
        packed = b"".join(z.read(n) for n in z.namelist()).decode("utf-8", "replace")
    for published_text in (page, packed):
        assert "内部意见不宜公开" not in published_text
    assert embed.from_json(read_embedded_html(page)).acknowledged == {}


def test_a_previous_export_used_as_reference_doc_does_not_smuggle_in_old_data(tmp_path, report):
    old = tmp_path / "去年.docx"
    write_docx(report.prior, old, today=TODAY)
    new = tmp_path / "今年.docx"
    write_docx(report, new, reference_doc=old, today=TODAY)
    assert embed.from_json(read_embedded_docx(new)) == embed.published(report)
    with zipfile.ZipFile(new) as z:
        ours = [n for n in z.namelist() if n.startswith("customXml/item") and "Props" not in n
                and b"urn:nianbao:report:1" in z.read(n)]
    assert len(ours) == 1


def test_word_opens_the_custom_xml_part_as_a_proper_part(report):
    data = docx_bytes(report, today=TODAY)
    import io
    document = docx.Document(io.BytesIO(data))
    custom = [rel for rel in document.part.rels.values() if rel.reltype.endswith("/customXml")]
    props = [r for rel in custom for r in rel.target_part.rels.values() if r.reltype.endswith("/customXmlProps")]
    assert custom and len(props) == len(custom)


def test_documents_made_elsewhere_carry_nothing(corpus_dir, tmp_path):
    assert read_embedded_docx(corpus_dir / "template-2021.docx") is None
    assert read_embedded_html("<html><body><table><tr><td>1</td></tr></table></body></html>") is None
    assert read_embedded_html('<script type="text/javascript" id="nianbao-data">var x;</script>') is None
    assert read_embedded_html("") is None
    not_zip = tmp_path / "假.docx"
    not_zip.write_bytes(b"PK\x03\x04 truncated")
    assert read_embedded_docx(not_zip) is None
    assert read_embedded_docx(tmp_path / "不存在.docx") is None


def test_control_characters_pasted_from_word_do_not_break_either_format(tmp_path, report):
    report.set_text("other", "一、本年度未收取信息处理费。\x07\x0b二、手动换行之后\x0c三、分页符之后\x01")
    report.organization.name = "青岚县\x08人民政府"
    path = tmp_path / "报告.docx"
    write_docx(report, path, today=TODAY)
    document = docx.Document(str(path))
    shown = [p.text for p in document.paragraphs]
    assert "二、手动换行之后" in shown and "三、分页符之后" in shown
    assert "青岚县人民政府" in shown
    assert embed.from_json(read_embedded_docx(path)) == embed.published(report)  # keeps what was typed
    assert embed.from_json(read_embedded_html(html_text(report, today=TODAY))) == embed.published(report)


def test_reimporting_our_own_export_counts_the_totals_as_read_not_blank(sample_report, tmp_path):
    from forms.importers import import_report
    from forms.render import write_docx, write_html
    for name, write in (("r.docx", write_docx), ("r.html", write_html)):
        write(sample_report, tmp_path / name)
        counts = import_report(tmp_path / name).counts()
        assert counts["blank"] == 0 and counts["filled"] == counts["cells"], name
