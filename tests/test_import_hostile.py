"""Hostile and broken input: a clear message, never a crash (how long each takes: bench/bench_import.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.model import store
from forms.importers import import_report
from forms.importers.docx import read_docx
from forms.importers.html import read_html
from forms.importers.mapping import build
from forms.importers.text import read_text

FIXTURES = Path(__file__).parent / "fixtures" / "import"
sys.path.insert(0, str(FIXTURES))
import hostile  # noqa: E402  (the builders of the hostile files, shared with bench/bench_import.py)


def rejects(path, *words):
    with pytest.raises(store.StoreError) as info:
        import_report(path)
    message = str(info.value)
    assert path.name in message
    for w in words:
        assert w in message
    return message


def test_random_bytes(tmp_path):
    rejects(hostile.random_bytes(tmp_path / "报告.docx"), "损坏")


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
    p = hostile.zip_bomb_docx(tmp_path / "bomb.docx")
    assert p.stat().st_size < 1024 * 1024
    rejects(p, "恶意")


def test_xml_entity_bomb_in_docx(tmp_path):
    rejects(hostile.entity_bomb_docx(tmp_path / "entities.docx", FIXTURES / "qinglan_transport_2023.docx"), "实体")


def test_xml_entity_bomb_in_html(tmp_path):
    p = hostile.entity_bomb_html(tmp_path / "entities.html")
    doc, _ = read_html(p.read_bytes(), p)
    assert sum(len(b.text) for b in doc.blocks if hasattr(b, "text")) < 1000  # not expanded
    rejects(p, "未找到年报")


def test_huge_html(tmp_path):
    rejects(hostile.huge_html(tmp_path / "huge.html"), "过大")


def test_html_with_absurd_spans(tmp_path):
    p = hostile.absurd_spans_html(tmp_path / "spans.html")
    assert import_report(p).report.year == 2023
    grids = [b for b in read_html(p.read_bytes(), p)[0].blocks if hasattr(b, "rows")]
    from forms.importers.html import MAX_GRID_CELLS
    assert sum(len(row) for g in grids for row in g.rows) <= MAX_GRID_CELLS  # not 99999999²


def test_pdf_page_cap(tmp_path):
    rejects(hostile.many_pages_pdf(tmp_path / "thousands.pdf"), "3000 页")


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
