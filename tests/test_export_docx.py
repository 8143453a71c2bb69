"""The Word export: GB/T 9704 page and fonts, the official tables cell for cell, every number."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from forms.spec.layout import table_grid
from forms.model import new_report
from forms.render import ReferenceDocError, docx_bytes, write_docx
from forms.render.view import format_value

TODAY = date(2025, 1, 20)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture
def exported(sample_report):
    return _open(docx_bytes(sample_report, today=TODAY))


def _structure(table) -> list[list[tuple[int, str]]]:
    """Per row, each w:tc's (gridSpan, vMerge): what Word merges, independent of the text."""
    rows = []
    for tr in table._tbl.findall(qn("w:tr")):
        cells = []
        for tc in tr.findall(qn("w:tc")):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            cells.append((int(span.get(qn("w:val"))) if span is not None else 1,
                          "" if merge is None else (merge.get(qn("w:val")) or "continue")))
        rows.append(cells)
    return rows


def _labels(table) -> list[str]:
    return [re.sub(r"\s+", "", tc.xpath("string(.)")) for tr in table._tbl.findall(qn("w:tr"))
            for tc in tr.findall(qn("w:tc"))]


def _mm(length) -> float:
    return round(length.mm, 1)  # Word stores twips: 37 mm is 2098 twips, 37.01 mm


def test_page_is_a4_with_the_gb9704_margins_and_grid(exported):
    section = exported.sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == (210, 297)
    assert (_mm(section.top_margin), _mm(section.bottom_margin)) == (37, 35)
    assert (_mm(section.left_margin), _mm(section.right_margin)) == (28, 26)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"
    assert grid.get(qn("w:type")) == "linesAndChars"
    # 28 characters per line: the text width over 28 is the 3号 size narrowed by charSpace.
    pitch = (Mm(210) - Mm(28) - Mm(26)) / 12700 / 28
    assert abs(16 + int(grid.get(qn("w:charSpace"))) / 4096 - pitch) < 0.01


def _style_fonts(document, style_id):
    style = document.styles.element.xpath(f'w:style[@w:styleId="{style_id}"]')[0]
    fonts = style.find(f"{W}rPr/{W}rFonts")
    lang = style.find(f"{W}rPr/{W}lang")
    size = style.find(f"{W}rPr/{W}sz")
    return fonts.get(qn("w:eastAsia")), lang.get(qn("w:eastAsia")), int(size.get(qn("w:val")))


@pytest.mark.parametrize("style_id, font, half_points", [
    ("Normal", "仿宋_GB2312", 32),     # 3号仿宋
    ("Title", "方正小标宋简体", 44),    # 2号小标宋
    ("Heading1", "黑体", 32),          # 3号黑体
    ("Heading2", "楷体_GB2312", 32),   # 3号楷体
    ("Footer", "宋体", 28),            # page numbers 4号宋体
])
def test_styles_carry_east_asian_fonts_and_chinese_language(exported, style_id, font, half_points):
    assert _style_fonts(exported, style_id) == (font, "zh-CN", half_points)


def test_missing_gb_fonts_fall_back_to_the_windows_ones_and_nothing_is_japanese():
    data = docx_bytes(new_report(2024, "青岚县人民政府"), today=TODAY)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        fonts = z.read("word/fontTable.xml").decode("utf-8")
        theme = z.read("word/theme/theme1.xml").decode("utf-8")
        settings = z.read("word/settings.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
    assert re.search(r'w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>', fonts)
    assert re.search(r'w:name="楷体_GB2312"><w:altName w:val="楷体"/>', fonts)
    assert "ＭＳ" not in fonts and 'script="Jpan"' not in theme
    assert 'w:eastAsia="zh-CN"' in settings and "ja-JP" not in settings
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group(0)
    assert 'w:eastAsia="仿宋_GB2312"' in defaults and 'w:eastAsia="zh-CN"' in defaults
    assert "eastAsiaTheme" not in defaults


def test_page_numbers_are_dashed_and_sit_at_the_outer_side(exported):
    assert exported.settings.odd_and_even_pages_header_footer
    section = exported.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        p = footer.paragraphs[0]
        shown = "".join(t.text for t in p._p.iter(qn("w:t")))
        assert shown.replace("1", "N") == "— N —"
        assert p._p.find(f"{W}pPr/{W}jc").get(qn("w:val")) == side
        assert p._p.xpath("w:r/w:instrText")[0].text.strip() == "PAGE"


def test_title_preface_headings_and_sign_off_in_order(exported, sample_report):
    spec = sample_report.spec
    paragraphs = [(p.style.style_id, p.text.replace("\n", "")) for p in exported.paragraphs if p.text]
    assert paragraphs[0] == ("Title", "青岚县人民政府2024年政府信息公开工作年度报告")
    preface = paragraphs[1][1]
    assert "2024年1月1日" in preface and "2024年12月31日" in preface
    assert "www.qinglan.gov.cn" in preface and "0576-83216500" in preface and "318600" in preface
    headings = [text for style, text in paragraphs if style == "Heading1"]
    assert headings == [s.heading for s in spec.sections]
    subheadings = [text for style, text in paragraphs if style == "Heading2"]
    assert subheadings == [t.heading for t in spec.topics]
    assert paragraphs[-2:] == [("Signature", "青岚县人民政府"), ("Signature", "2025年1月20日")]


def test_sign_off_date_starts_two_characters_right_of_the_organ(exported):
    """GB/T 9704 7.3.5.2: the date (6.5 characters) is shorter than 青岚县人民政府 plus 2, so it keeps
    2 characters to the margin and the organ moves left until the date starts 2 characters in."""
    organ, day = [p for p in exported.paragraphs if p.style.style_id == "Signature"]
    indents = [int(p._p.find(f"{W}pPr/{W}ind").get(qn("w:rightChars"))) for p in (organ, day)]
    assert indents == [350, 200]


def test_long_title_breaks_before_the_fixed_words_not_inside_a_word(exported):
    title = exported.paragraphs[0]
    assert title.text == "青岚县人民政府2024年\n政府信息公开工作年度报告"
    assert title._p.xpath("count(.//w:br)") == 1


def test_empty_topics_get_no_sub_heading(sample_report):
    sample_report.set_text("overview.platform", "")
    document = _open(docx_bytes(sample_report, today=TODAY))
    subheadings = [p.text for p in document.paragraphs if p.style.style_id == "Heading2"]
    assert "（四）政府信息公开平台建设" not in subheadings and len(subheadings) == 4


def test_tables_have_the_official_templates_merged_cells(exported, corpus_dir):
    template = docx.Document(str(corpus_dir / "template-2021.docx"))
    assert len(exported.tables) == len(template.tables) == 3
    for ours, official in zip(exported.tables, template.tables):
        assert _structure(ours) == _structure(official)
        ours_grid = ours._tbl.find(qn("w:tblGrid"))
        assert len(ours_grid) == len(official._tbl.find(qn("w:tblGrid")))


def test_header_labels_match_the_official_template(exported, corpus_dir):
    template = docx.Document(str(corpus_dir / "template-2021.docx"))
    for ours, official in zip(exported.tables, template.tables):
        official_labels = [t for t in _labels(official) if t]
        ours_labels = set(_labels(ours))
        assert not [t for t in official_labels if t not in ours_labels]


def test_rows_never_split_and_long_tables_repeat_their_header(exported, sample_report):
    for table in exported.tables:
        for tr in table._tbl.findall(qn("w:tr")):
            assert tr.find(f"{W}trPr/{W}cantSplit") is not None
    applications = exported.tables[1]
    header_rows = table_grid(sample_report.template, "applications").header_rows
    flags = [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in applications._tbl.findall(qn("w:tr"))]
    assert flags == [True] * header_rows + [False] * (len(flags) - header_rows)


def test_table_fits_the_text_width(exported):
    for table in exported.tables:
        widths = [int(g.get(qn("w:w"))) for g in table._tbl.find(qn("w:tblGrid"))]
        assert sum(widths) <= 8845  # 156 mm in twips


def _docx_cell(document, report, table_key):
    """The Word cell showing a spec cell: 二's four tables are stacked under caption rows."""
    spec = report.spec
    section = spec.table(table_key).section
    siblings = spec.tables_of(section)
    word_table = document.tables[[s.key for s in spec.sections if spec.tables_of(s.key)].index(section)]
    offset = 0
    if len(siblings) > 1:
        for t in siblings:
            offset += 1  # the caption row
            if t.key == table_key:
                break
            offset += table_grid(report.template, t.key).n_rows
    grid = table_grid(report.template, table_key)
    return lambda row, col: word_table.cell(grid.positions[(row, col)][0] + offset,
                                            grid.positions[(row, col)][1]).text


def test_every_number_is_the_reports_value_with_totals_computed(exported, sample_report):
    checked = 0
    for table in sample_report.spec.tables:
        cell = _docx_cell(exported, sample_report, table.key)
        for (row, col) in table_grid(sample_report.template, table.key).positions:
            assert cell(row, col) == format_value(sample_report.value(table.key, row, col)), (table.key, row, col)
            checked += 1
    assert checked == 2 * 3 + 1 + 2 + 1 + 25 * 7 + 15
    cell = _docx_cell(exported, sample_report, "applications")
    assert cell("new_received", "total") == "150"      # a computed total, as the text says
    assert cell("results_total", "total") == "152"
    assert _docx_cell(exported, sample_report, "fees")("admin_fees", "amount") == "1487.2"


def test_blank_cells_stay_blank_and_fees_keep_their_decimals():
    report = new_report(2024, "青岚县人民政府")
    report.set_cell("fees", "admin_fees", "amount", Decimal("0.0350"))
    report.set_cell("applications", "new_received", "natural_person", 3)
    document = _open(docx_bytes(report, today=TODAY))
    assert _docx_cell(document, report, "fees")("admin_fees", "amount") == "0.035"
    cell = _docx_cell(document, report, "applications")
    assert cell("new_received", "commercial") == ""
    assert cell("new_received", "total") == "3"


def test_notes_are_printed_under_their_table(sample_report):
    sample_report.set_text("notes.review_litigation", "注：行政诉讼含上年结转案件2件。")
    document = _open(docx_bytes(sample_report, today=TODAY))
    body = document.element.body
    tables = body.findall(qn("w:tbl"))
    after = tables[-1].getnext()
    assert after.xpath("string(.)") == "注：行政诉讼含上年结转案件2件。"


def test_an_office_reference_document_supplies_the_page_and_missing_styles_are_added(tmp_path, sample_report):
    letterhead = docx.Document()
    letterhead.sections[0].left_margin = Mm(30)
    letterhead.add_paragraph("本机关红头文字，不应出现在导出的报告中")
    reference = tmp_path / "机关样式.docx"
    letterhead.save(reference)
    out = tmp_path / "报告.docx"
    write_docx(sample_report, out, reference_doc=reference, today=TODAY)
    document = docx.Document(str(out))
    assert _mm(document.sections[0].left_margin) == 30
    assert "红头" not in "".join(p.text for p in document.paragraphs)
    assert document.styles.element.xpath('w:style[@w:styleId="TableText"]')
    cell = document.tables[1]._tbl.xpath(".//w:tc//w:pStyle/@w:val")
    assert set(cell) <= {"TableText", "TableLabel"}


def test_a_reference_document_that_is_not_word_is_refused_in_chinese(tmp_path, sample_report):
    bogus = tmp_path / "样式.docx"
    bogus.write_text("不是 Word 文件", encoding="utf-8")
    with pytest.raises(ReferenceDocError, match="样式.docx"):
        write_docx(sample_report, tmp_path / "out.docx", reference_doc=bogus)
    assert not (tmp_path / "out.docx").exists()


def test_a_zip_bomb_as_reference_document_is_refused_before_inflating(tmp_path, sample_report):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (5 * 1024 * 1024))  # inflates 1000-fold
    with pytest.raises(ReferenceDocError, match="压缩比"):
        write_docx(sample_report, tmp_path / "out.docx", reference_doc=bomb)


def test_a_report_in_the_2019_format_still_exports_with_its_own_tables():
    report = new_report(2020, "某县发展和改革局", template="national-2019")
    document = _open(docx_bytes(report, today=TODAY))
    headings = [p.text for p in document.paragraphs if p.style.style_id == "Heading1"]
    assert headings == [s.heading for s in report.spec.sections]
    labels = {t for table in document.tables for t in _labels(table)}
    assert all(t.caption in labels for t in report.spec.tables_of("active_disclosure"))


def test_markup_typed_into_a_section_is_plain_text_in_word(sample_report):
    hostile = '<w:p><w:r><w:t>注入</w:t></w:r></w:p> & <script>alert(1)</script>'
    sample_report.set_text("problems", hostile)
    document = _open(docx_bytes(sample_report, today=TODAY))
    assert hostile in [p.text for p in document.paragraphs]
    assert "注入" not in [p.text for p in document.paragraphs]
