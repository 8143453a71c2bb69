"""`nianbao export … --compare` and `--infographic`: what the reader finds in them.

The tests that draw pictures take `qapp`: the widgets' application made first, as the editor does,
so the raster engine does not make a bare one that later GUI tests cannot use."""
from __future__ import annotations

import shutil

import docx
import pytest
from lxml import html as lxml_html

from forms.model import store
from forms.render.infographic import APPENDIX_WIDTH_MM
from gui.launcher import main


@pytest.fixture
def native(tmp_path, sample_path):
    path = tmp_path / "青岚县2024.json"
    shutil.copy(sample_path, path)
    return path


def rows_of(page, heading: str) -> dict[str, list[str]]:
    section = page.xpath(f"//section[h2[contains(., '{heading}')]]")[0]
    return {tr.xpath("string(th)"): [td.text_content() for td in tr.xpath("td")]
            for tr in section.xpath(".//tbody/tr")}


def test_compare_html_puts_this_year_beside_last_year(corpus_dir, tmp_path):
    out = tmp_path / "对比.html"
    rc = main(["export", str(corpus_dir / "hongze_district_2024.txt"),
               "--earlier", str(corpus_dir / "hongze_district_2023.txt"), "--compare", str(out)])
    assert rc == 0
    page = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    assert "洪泽区人民政府2024年政府信息公开工作年度报告数据对比" in page.xpath("string(//h1)")
    header = [th.text_content() for th in page.xpath("(//section)[1]//thead//th")]
    assert header == ["项目", "2023年", "2024年", "比上年", "说明"]
    key = rows_of(page, "主要数字")
    assert key["新收政府信息公开申请"][:3] == ["21", "95", "+74（+352.4%）"]
    assert key["新收政府信息公开申请"][3].startswith("变化较大")
    assert "Y4" in key["行政许可决定"][3] and "9487" in key["行政许可决定"][3]  # the Y rule's own words
    assert key["复议后起诉"][3] == ""
    rates = rows_of(page, "主要比率")
    assert rates["公开率"][:3] == ["19.0%", "62.1%", "+43.1 个百分点"]
    assert "（予以公开 + 部分公开）÷ 办理结果总计" in rates["公开率"][3]
    table3 = rows_of(page, "表三")
    assert table3["1.本机关不掌握相关政府信息—自然人"][:2] == ["10", "31"]
    assert not any(label.endswith("—科研机构") for label in table3)  # 0 in both years: no line


def test_compare_docx_has_the_same_lines(sample_path, tmp_path):
    out = tmp_path / "对比.docx"
    assert main(["export", str(sample_path), "--compare", str(out)]) == 0
    d = docx.Document(str(out))
    assert "青岚县人民政府2024年政府信息公开工作年度报告数据对比" in d.paragraphs[0].text
    first = d.tables[0]
    assert [c.text for c in first.rows[0].cells] == ["项目", "2023年", "2024年", "比上年", "说明"]
    lines = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in first.rows[1:]}
    assert lines["新收政府信息公开申请"][:3] == ["127", "150", "+23（+18.1%）"]
    rates = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in d.tables[1].rows[1:]}
    assert rates["公开率"][:3] == ["50.4%", "52.0%", "+1.6 个百分点"]


def test_a_report_without_last_year_says_so(native, tmp_path, capsys):
    report = store.load(native)
    report.prior = None
    store.save(report, native)
    out = tmp_path / "c.html"
    assert main(["export", str(native), "--compare", str(out)]) == 0
    assert "未附2023年报告" in capsys.readouterr().err
    page = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    assert "未附2023年报告" in page.xpath("string(//p[@class='remark'])")


def test_infographic_html_is_self_contained_with_a_text_alternative_per_chart(native, tmp_path):
    out = tmp_path / "图解.html"
    before = native.read_bytes()
    assert main(["export", str(native), "--infographic", str(out)]) == 0
    assert native.read_bytes() == before
    text = out.read_text(encoding="utf-8")
    page = lxml_html.fromstring(text)
    assert not page.xpath("//script|//link|//img|//*[@src]")  # nothing fetched from elsewhere
    assert "2024年政府信息公开工作年度报告" in page.xpath("string(//h1)")
    assert "青岚县人民政府" in page.xpath("string(//header)")
    figures = page.xpath("//figure")
    assert 4 <= len(figures) <= 6
    for figure in figures:
        svg = figure.xpath(".//svg")[0]
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        title = svg.xpath(f".//*[@id='{title_id}']")[0].text_content()
        desc = svg.xpath(f".//*[@id='{desc_id}']")[0].text_content()
        assert title and desc.startswith(title)
        table = figure.xpath(".//table")[0]
        assert table.xpath("string(caption)").startswith(title)
        assert len(table.xpath(".//tbody/tr")) >= 2
        # the figures written on the chart are the ones in its data table
        drawn = {t.text_content() for t in svg.xpath(".//text")}
        for row in table.xpath(".//tbody/tr"):
            assert any(td.text_content() in " ".join(drawn) for td in row.xpath("td"))
    results = page.xpath("//figure[@id='figure-results']")[0]
    assert "予以公开 68" in results.xpath("string(.//figcaption)")
    assert "公开率 = （予以公开 + 部分公开）÷ 办理结果总计" in page.xpath("string(//figure[@id='figure-rates'])")


def test_infographic_png_at_print_resolution_and_pdf(qapp, native, tmp_path):
    from PySide6.QtGui import QImage
    png, pdf = tmp_path / "图解.png", tmp_path / "图解.pdf"
    assert main(["export", str(native), "--infographic", str(png), "--infographic", str(pdf)]) == 0
    image = QImage(str(png))
    assert image.width() >= 2480 and image.height() >= 3508  # A4 at 300 dpi
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        import subprocess
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "青岚县人民政府" in text and "政府信息公开工作年度报告" in text  # searchable, not radicals


def test_raster_uses_a_simplified_chinese_face(qapp):
    from gui.svg_raster import sc_face
    assert sc_face() in ("Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC")


def test_wrong_suffix_is_refused_before_anything_is_written(native, tmp_path, capsys):
    ok, bad = tmp_path / "a.html", tmp_path / "a.gif"
    assert main(["export", str(native), "--compare", str(ok), "--infographic", str(bad)]) == 2
    assert "只能导出为 .html、.png 或 .pdf" in capsys.readouterr().err
    assert not ok.exists() and not bad.exists()


def test_earlier_year_given_on_the_command_line_does_not_change_the_file(native, tmp_path, sample_prior_path):
    before = native.read_bytes()
    older = tmp_path / "2022.json"
    r = store.load(sample_prior_path)
    r.year = 2022
    store.save(r, older)
    out = tmp_path / "c.html"
    assert main(["export", str(native), "--earlier", str(older), "--compare", str(out),
                 "--docx", str(tmp_path / "r.docx")]) == 0
    assert native.read_bytes() == before
    page = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    assert [th.text_content() for th in page.xpath("(//section)[1]//thead//th")][1:4] == ["2022年", "2023年", "2024年"]


def test_docx_with_charts_has_them_as_an_appendix_with_text_alternatives(qapp, native, tmp_path, capsys):
    out = tmp_path / "年报.docx"
    assert main(["export", str(native), "--docx", str(out), "--charts"]) == 0
    assert "附上图解的 6 张图表" in capsys.readouterr().out
    d = docx.Document(str(out))
    texts = [p.text for p in d.paragraphs]
    start = texts.index("附件")
    assert texts[start + 1] == "2024年政府信息公开工作年度报告图解"
    pictures = d.inline_shapes
    assert len(pictures) == 6
    descriptions = [p._inline.docPr.get("descr") for p in pictures]
    assert descriptions[1].startswith("2024年申请办理结果") and "予以公开 68" in descriptions[1]
    assert all(d in texts[start:] for d in descriptions)  # each also printed under its chart
    assert pictures[0].width.mm == pytest.approx(APPENDIX_WIDTH_MM, abs=0.5)


def test_charts_without_a_word_export_is_refused(native, tmp_path, capsys):
    assert main(["export", str(native), "--html", str(tmp_path / "a.html"), "--charts"]) == 2
    assert "--charts 只用于 --docx" in capsys.readouterr().err
