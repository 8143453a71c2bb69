"""The readers' intermediate form: merged cells once, headings in their variants, pages in order."""
from __future__ import annotations

from pathlib import Path

import pytest

from forms.importers.document import Grid
from forms.importers.docx import read_docx
from forms.importers.html import decode_html, read_html
from forms.importers.lines import lines_of
from forms.importers.pdf import read_pdf
from forms.importers.sections import find_headings
from forms.spec import load_spec

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def grid_with(doc, text):
    return next(b for b in doc.blocks if isinstance(b, Grid) and any(text in (c or "") for r in b.rows for c in r))


def count(grid, text):
    return sum(1 for row in grid.rows for c in row if c and text in c)


def test_word_merged_cells_appear_once():
    doc = read_docx(FIXTURES / "qinglan_transport_2023.docx")
    grid = grid_with(doc, "三、本年度办理结果")
    assert count(grid, "三、本年度办理结果") == 1      # spans 22 rows in the template
    assert count(grid, "（三）不予公开") == 1
    assert count(grid, "申请人情况") == 1
    first_result_row = next(i for i, r in enumerate(grid.rows) if r[0] == "三、本年度办理结果")
    assert all(grid.rows[first_result_row + k][0] is None for k in range(1, 22))


WORD_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def test_word_text_as_the_document_shows_it(tmp_path):
    """Links, tabs, line breaks and merged cells read as Word shows them; deleted text, page
    breaks and a table inside a cell are not part of the cell's text."""
    import docx
    from docx.oxml import parse_xml
    document = docx.Document()
    end = document.element.body[-1]
    for xml in (
        f'<w:p {WORD_NS}><w:r><w:t>详见</w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>门户网站</w:t></w:r>'
        '</w:hyperlink><w:r><w:tab/><w:t xml:space="preserve"> 第 </w:t><w:br/><w:t>二行</w:t>'
        '<w:br w:type="page"/><w:noBreakHyphen/></w:r></w:p>',
        f'<w:p {WORD_NS}><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>删去</w:delText>'
        '</w:r></w:del><w:r><w:t>留下</w:t></w:r></w:p>',
        f'<w:p {WORD_NS}><w:r><w:t>   </w:t></w:r></w:p>',
        f'<w:tbl {WORD_NS}><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>'
        '<w:p><w:r><w:t>合并</w:t></w:r></w:p><w:p><w:r><w:t>两段</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc>'
        '</w:tr></w:tbl></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc>'
        '<w:tc><w:tcPr><w:gridSpan w:val="x"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>',
    ):
        end.addprevious(parse_xml(xml))
    document.save(tmp_path / "features.docx")
    blocks = read_docx(tmp_path / "features.docx").blocks
    assert [b.text for b in blocks[:-1]] == ["详见门户网站\t 第 \n二行-", "留下"]
    assert blocks[-1].rows == [["合并\n两段", None, "3"], [None, None, ""]]


def test_web_page_spans_expanded_and_nbsp_blank():
    raw = (FIXTURES / "qinglan_transport_2023_gb2312.html").read_bytes()
    text, encoding = decode_html(raw)
    assert encoding == "GB18030" and "青岚县交通运输局" in text
    doc, _ = read_html(raw, Path("page.html"))
    grid = grid_with(doc, "三、本年度办理结果")
    assert len({len(r) for r in grid.rows}) == 1            # every row as wide as the table
    assert count(grid, "三、本年度办理结果") == 1
    review = grid_with(doc, "复议后起诉")
    assert len(review.rows[-1]) == 15
    page = (FIXTURES / "qinglan_transport_2023_gb2312.html").read_bytes().decode("gb2312")
    assert "&nbsp;" in page
    assert all(c is None or "\u00a0" not in c for r in grid.rows for c in r)


def test_pdf_vertical_label_stays_in_its_cell(corpus_dir):
    doc = read_pdf(corpus_dir / "hongze_district_2023.pdf")
    assert doc.pages == 5
    grid = grid_with(doc, "本年新收")
    vertical = next(c for r in grid.rows for c in r if c and c.startswith("三"))
    assert vertical.replace("\n", "") == "三、本年度办理结果"
    lines = lines_of(doc)
    assert not any(ln.label in ("本", "年", "度") for ln in lines)


@pytest.mark.parametrize("heading, key", [
    ("二、行政机关主动公开政府信息情况", "active_disclosure"),
    ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "review_litigation"),
    ("五、政府信息公开工作存在的主要问题及改进情况", "problems"),
    ("五、存在的主要问题及整改措施", "problems"),
    ("六、其他需要报告的事项", "other"),
    ("一、总体情况", "overview"),
])
def test_heading_variants(heading, key):
    from forms.importers.lines import text_line
    found = find_headings([text_line(heading, "")], load_spec("national-2021"))
    assert [h.key for h in found] == [key]


def test_prose_is_not_a_heading():
    from forms.importers.lines import text_line
    lines = [text_line("二、工作机制保障", ""), text_line("（一）主动公开情况。主要通过政府门户网站主动公开。", "")]
    assert find_headings(lines, load_spec("national-2021")) == []


def test_page_declaring_gb2312_but_written_in_utf8():
    page = (FIXTURES / "qinglan_transport_2023_gb2312.html").read_bytes().decode("gb2312").encode("utf-8")
    text, encoding = decode_html(page)
    assert encoding is None and "青岚县交通运输局" in text


def test_an_old_word_file_is_converted_by_libreoffice_or_says_how(sample_report, tmp_path, monkeypatch):
    import pytest as _pytest
    from forms.importers import import_report
    from forms.importers.result import UnsupportedFormatError
    from forms.model import office
    from forms.render import write_docx
    docx_path = tmp_path / "r.docx"
    write_docx(sample_report, docx_path)
    if office.find_soffice() is not None:
        doc = tmp_path / "上年.doc"
        doc.write_bytes(office.convert_bytes(docx_path, "doc"))
        result = import_report(doc)
        assert result.report.tables == sample_report.tables
        assert "LibreOffice" in result.notes[0].message
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    wps = tmp_path / "上年.wps"
    wps.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with _pytest.raises(UnsupportedFormatError, match="另存为"):
        import_report(wps)
