"""PDF: Qt's route needs nothing installed; LibreOffice's follows the Word layout. Both searchable."""
from __future__ import annotations

import re
import shutil
from datetime import date

import pdfplumber
import pytest

from forms.spec.layout import table_grid
from forms.render import write_docx
from forms.render.fontmap import installed_families
from forms.render.office import docx_to_pdf_bytes, find_soffice
from gui.launcher import main

TODAY = date(2025, 1, 20)
RADICALS = re.compile("[\u2e80-\u2fdf]")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pages(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_qt_pdf_has_searchable_chinese_and_outer_page_numbers(qapp, sample_report, tmp_path):
    from gui.pdf import write_pdf
    out = tmp_path / "报告.pdf"
    assert write_pdf(sample_report, out, engine="qt", today=TODAY) == "qt"
    pages = _pages(out)
    assert len(pages) >= 3
    text = _flat("".join(pages))
    assert "青岚县人民政府2024年政府信息公开工作年度报告" in text
    for section in sample_report.spec.sections:
        assert section.heading in text
    assert not RADICALS.search(text)  # 人 read back as 人, not the radical ⼈ that shares its glyph
    for number, page in enumerate(pages, start=1):
        assert page.strip().splitlines()[-1].strip() == f"— {number} —"
    with pdfplumber.open(out) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            mark = max(page.extract_words(), key=lambda w: w["top"])
            outer_right = mark["x0"] > page.width / 2
            assert outer_right == (number % 2 == 1), number  # odd pages right, even pages left


def test_qt_text_fix_keeps_every_offset_of_the_file(qapp, tmp_path):
    from gui.pdf import fix_text_extraction, html_to_pdf_bytes
    raw = html_to_pdf_bytes("<p>人民政府青年</p>")  # html_to_pdf_bytes already fixed it: run it again
    fixed = fix_text_extraction(raw)
    assert len(fixed) == len(raw)
    path = tmp_path / "短.pdf"
    path.write_bytes(fixed)
    assert _flat(_pages(path)[0]).startswith("人民政府青年")


needs_office = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")


@needs_office
def test_libreoffice_pdf_of_the_docx_shows_every_table_label(sample_report, tmp_path):
    docx_path = tmp_path / "报告.docx"
    write_docx(sample_report, docx_path, today=TODAY)
    pdf_path = tmp_path / "报告.pdf"
    pdf_path.write_bytes(docx_to_pdf_bytes(docx_path))
    cells: set[str] = set()
    with pdfplumber.open(pdf_path) as pdf:
        fonts = {re.sub(r"^[A-Z]{6}\+", "", c["fontname"]) for c in pdf.pages[0].chars}
        text = _flat("".join(page.extract_text() or "" for page in pdf.pages))
        for page in pdf.pages:
            for table in page.extract_tables():
                cells |= {_flat(c) for row in table for c in row if c}
    labels = {h.text for t in sample_report.spec.tables for h in table_grid(sample_report.template, t.key).headers}
    labels |= {t.caption for t in sample_report.spec.tables_of("active_disclosure")}
    assert sorted(label for label in labels if _flat(label) not in cells) == []
    assert "青岚县人民政府2024年" in text and "—1—" in text
    assert "152" in cells and "1487.2" in cells
    # title, headings, sub-headings and body in faces of their own (not one Sans for everything)
    if "AR PL UKai CN" in installed_families():
        assert any("UKai" in f for f in fonts), fonts
    assert len({f for f in fonts if "CJK" in f or "UKai" in f}) >= 3, fonts


@needs_office
def test_cli_pdf_prefers_libreoffice_when_installed(sample_path, tmp_path):
    native = tmp_path / "报告.json"
    shutil.copy(sample_path, native)
    out = tmp_path / "报告.pdf"
    assert main(["export", str(native), "--pdf", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "本报告依据" in _flat("".join(_pages(out)))
