"""Hostile and broken input: a clear message within seconds and bounded memory, never a crash."""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms import store
from forms.importers import import_report
from forms.importers.docx import read_docx
from forms.importers.html import read_html
from forms.importers.mapping import build
from forms.importers.text import read_text

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def rejects(path, *words):
    start = time.monotonic()
    with pytest.raises(store.StoreError) as info:
        import_report(path)
    assert time.monotonic() - start < 10
    message = str(info.value)
    assert path.name in message
    for w in words:
        assert w in message
    return message


def test_random_bytes(tmp_path):
    p = tmp_path / "报告.docx"
    p.write_bytes(bytes(range(256)) * 40)
    rejects(p, "损坏")


def test_random_bytes_as_text(tmp_path):
    p = tmp_path / "noise.txt"
    p.write_bytes(b"\x00\x01\x02garbage\x00" * 100)
    rejects(p, "不是可识别的文档")


def test_empty_file(tmp_path):
    p = tmp_path / "empty.pdf"
    p.write_bytes(b"")
    rejects(p, "空")


def test_legacy_word_and_wps(tmp_path):
    for name in ("旧报告.doc", "报告.wps"):
        p = tmp_path / name
        p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
        rejects(p, ".docx")


def test_truncated_docx(tmp_path):
    data = (FIXTURES / "qinglan_transport_2023.docx").read_bytes()
    p = tmp_path / "cut.docx"
    p.write_bytes(data[: len(data) // 2])
    rejects(p, "损坏")


def test_truncated_pdf(tmp_path, corpus_dir):
    data = (corpus_dir / "hongze_district_2023.pdf").read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: len(data) // 3])
    try:
        result = import_report(p)  # pdfminer may still recover the first pages
    except store.StoreError as exc:
        assert "cut.pdf" in str(exc)
    else:
        assert result.report.year == 2023


def test_zip_bomb_disguised_as_docx(tmp_path):
    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (200 * 1024 * 1024) + b"</w:document>")
    assert p.stat().st_size < 1024 * 1024
    rejects(p, "恶意")


def test_xml_entity_bomb_in_docx(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" if i else "&lol;"}' * 10 + '">' for i in range(1, 10))
            + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    p = tmp_path / "entities.docx"
    src = FIXTURES / "qinglan_transport_2023.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(p, "w") as zout:
        for item in zin.infolist():
            data = bomb.encode() if item.filename == "word/document.xml" else zin.read(item)
            zout.writestr(item, data)
    rejects(p, "实体")


def test_xml_entity_bomb_in_html(tmp_path):
    bomb = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
            "<html><body><p>&d;&d;&d;&d;</p></body></html>")
    p = tmp_path / "entities.html"
    p.write_text(bomb, encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(store.StoreError):
        import_report(p)  # nothing of a report in it: said, after parsing without expanding
    assert time.monotonic() - start < 5


def test_huge_html(tmp_path):
    p = tmp_path / "huge.html"
    p.write_bytes(b"<html><body>" + b"<p>" + b"x" * (11 * 1024 * 1024) + b"</p></body></html>")
    rejects(p, "过大")


def test_html_with_absurd_spans(tmp_path):
    p = tmp_path / "spans.html"
    p.write_text("<html><body><p>青岚县2023年政府信息公开工作年度报告</p><p>一、总体情况</p><table>"
                 + '<tr><td rowspan="99999999" colspan="99999999">x</td></tr>' * 50
                 + "</table></body></html>", encoding="utf-8")
    start = time.monotonic()
    result = import_report(p)
    assert time.monotonic() - start < 5
    assert result.report.year == 2023


@pytest.fixture
def many_pages_pdf(tmp_path):
    """A valid PDF of 3000 blank pages, written by hand (a page tree with 3000 kids)."""
    n = 3000
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [" + " ".join(f"{i + 3} 0 R" for i in range(n)) + f"] /Count {n} >>"]
    objects += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    p = tmp_path / "thousands.pdf"
    p.write_bytes(out.getvalue())
    return p


def test_pdf_page_cap(many_pages_pdf):
    rejects(many_pages_pdf, "3000 页")


# --- every reader on malformed input ----------------------------------------------------------
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
REPORTISH = st.lists(st.sampled_from(
    ["一、总体情况", "三、收到和处理政府信息公开申请情况", "（七）总计", "21 0 0 0 0 0 21", "| 1 | 2 |",
     "2023年政府信息公开工作年度报告", "四、政府信息公开行政复议、行政诉讼情况", "10 1 0 0 0 0 0 0 0 0 5 0 0 0 0",
     "", "/", "—", "<table>", "<td rowspan=3>", "&nbsp;", "第二十条第（一）项", "规章 0 0"]), max_size=40)


def _survives(call):
    try:
        call()
    except (store.StoreError, ValueError):
        pass  # a clear refusal is fine; anything else is a crash


@SETTINGS
@given(st.one_of(st.text(max_size=400), REPORTISH.map("\n".join)))
def test_text_reader_and_mapping(text):
    _survives(lambda: build(read_text(text)))


@SETTINGS
@given(st.one_of(st.binary(max_size=400), REPORTISH.map(lambda xs: "".join(f"<p>{x}</p>" for x in xs).encode())))
def test_html_reader(raw):
    _survives(lambda: build(read_html(raw, Path("x.html"))[0]))


@SETTINGS
@given(st.binary(min_size=1, max_size=2000), st.sampled_from(["x.docx", "x.pdf", "x.html", "x.txt", "x.json"]))
def test_any_file(tmp_path_factory, data, name):
    p = tmp_path_factory.mktemp("fuzz") / name
    p.write_bytes(data)
    _survives(lambda: import_report(p))


@SETTINGS
@given(st.integers(min_value=10, max_value=30000), st.integers(min_value=0, max_value=255))
def test_corrupted_docx(tmp_path_factory, cut, byte):
    data = bytearray((FIXTURES / "qinglan_transport_2023.docx").read_bytes())
    cut = min(cut, len(data) - 1)
    data[cut] = byte
    p = tmp_path_factory.mktemp("fuzz") / "x.docx"
    p.write_bytes(bytes(data))
    _survives(lambda: import_report(p))


@settings(SETTINGS, max_examples=15)
@given(st.integers(min_value=100, max_value=200000), st.integers(min_value=0, max_value=255))
def test_corrupted_pdf(tmp_path_factory, corpus_dir, cut, byte):
    src = corpus_dir / "hongze_district_2023.pdf"
    data = bytearray(src.read_bytes())
    cut = min(cut, len(data) - 1)
    data[cut] = byte
    p = tmp_path_factory.mktemp("fuzz") / "x.pdf"
    p.write_bytes(bytes(data))
    _survives(lambda: import_report(p))


def test_docx_reader_refuses_before_opening(tmp_path):
    p = tmp_path / "notzip.docx"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(store.StoreError):
        read_docx(p)
