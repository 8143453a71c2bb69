"""The web page: one self-contained file, headings in order, every number announced with its labels."""
from __future__ import annotations

import re
from datetime import date

import pytest
from lxml import html as lxml_html

from forms.spec.layout import table_grid
from forms.render import html_text
from forms.render.view import format_value

TODAY = date(2025, 1, 20)
HOSTILE = "<script>alert(1)</script>&amp;<b>粗体</b>"


@pytest.fixture
def page(sample_report):
    return lxml_html.document_fromstring(html_text(sample_report, today=TODAY))


def test_page_is_chinese_and_self_contained(page):
    assert page.get("lang") == "zh-CN"
    assert page.find(".//meta[@charset]").get("charset") == "utf-8"
    assert page.find(".//style") is not None and "@page" in page.find(".//style").text
    assert not page.xpath("//link[@rel='stylesheet'] | //script[@src] | //img")


def test_headings_are_in_order_without_skipping_a_level(page, sample_report):
    spec = sample_report.spec
    headings = [(int(h.tag[1]), h.text_content()) for h in page.xpath("//h1 | //h2 | //h3 | //h4")]
    assert headings[0] == (1, "青岚县人民政府2024年政府信息公开工作年度报告")
    levels = [level for level, _ in headings]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    assert [t for level, t in headings if level == 2] == [s.heading for s in spec.sections]
    assert [t for level, t in headings if level == 3] == [t.heading for t in spec.topics]


def test_every_table_has_caption_thead_and_scoped_headers(page, sample_report):
    tables = page.xpath("//table")
    assert [t.get("id") for t in tables] == [t.key for t in sample_report.spec.tables]
    for table in tables:
        assert table.find("caption") is not None and table.find("caption").text_content().strip()
        assert table.find("thead") is not None and table.find("tbody") is not None
        for th in table.iter("th"):
            assert th.get("scope") in ("col", "colgroup", "row", "rowgroup")
            assert th.get("id")


def test_every_data_cell_names_existing_header_cells_for_its_row_and_column(page, sample_report):
    ids = {el.get("id"): el for el in page.xpath("//*[@id]")}
    data = page.xpath("//td[@headers]")
    assert len(data) == sum(len(table_grid(sample_report.template, t.key).positions)
                            for t in sample_report.spec.tables)
    for td in data:
        assert td.get("id")
        refs = td.get("headers").split()
        assert refs and all(ref in ids and ids[ref].tag == "th" for ref in refs), td.get("id")


def test_a_screen_reader_hears_the_full_labels_of_a_deep_cell(page):
    td = page.get_element_by_id("applications-withheld_third_party-legal_service")
    heard = [page.get_element_by_id(ref).text_content() for ref in td.get("headers").split()]
    assert heard == ["三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益",
                     "申请人情况", "法人或其他组织", "法律服务机构"]


def test_merged_cells_follow_the_official_layout(page):
    rowspans = {th.text_content(): int(th.get("rowspan", 1)) for th in page.xpath("//table[@id='applications']//th")}
    assert rowspans["三、本年度办理结果"] == 22
    assert [rowspans[k] for k in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")] == [8, 3, 5, 3]
    review = page.xpath("//table[@id='review_litigation']//th[@colspan]")
    assert [(th.text_content(), th.get("colspan")) for th in review[:2]] == [("行政复议", "5"), ("行政诉讼", "10")]


def test_every_number_is_the_reports_value(page, sample_report):
    for table in sample_report.spec.tables:
        for row, col in table_grid(sample_report.template, table.key).positions:
            td = page.get_element_by_id(f"{table.key}-{row}-{col}")
            assert td.text_content() == format_value(sample_report.value(table.key, row, col))
    assert page.get_element_by_id("applications-results_total-total").text_content() == "152"


def test_hostile_text_typed_into_a_section_is_shown_as_text(sample_report):
    sample_report.set_text("problems", HOSTILE)
    sample_report.organization.name = "青岚县<img src=x onerror=alert(1)>"
    text = html_text(sample_report, today=TODAY)
    page = lxml_html.document_fromstring(text)
    assert HOSTILE in page.text_content()
    assert not page.xpath("//b | //img | //script[not(@type='application/json')]")
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;" in text


def test_an_undefined_template_variable_fails_instead_of_printing_nothing():
    import jinja2

    from forms.render.html_writer import environment
    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("{{ missing }}").render()


def test_print_css_sets_a4_with_the_official_margins(page):
    css = page.find(".//style").text
    assert re.search(r"@page\s*{\s*size:\s*A4;\s*margin:\s*37mm 26mm 35mm 28mm;", css)
