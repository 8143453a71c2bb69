"""Cell texts and labels as documents write them."""
from decimal import Decimal

import pytest

from forms.importers.normalize import best_match, normalize
from forms.model.values import read_cell_text as parse_cell


@pytest.mark.parametrize("text, value, said", [
    ("22（其中修订16件）", 22, "（其中修订16件）"),
    ("55（含自然失效 29 件）", 55, "含自然失效"),
    ("33项", 33, "项"),
    ("+543", 543, "正号"),
    ("-15", -15, None),
    ("25534.03万元", Decimal("25534.03"), "万元"),
    ("1,234", 1234, "千位"),
    ("/", None, "空白"), ("—", None, "空白"), ("-", None, "空白"), ("－", None, "空白"),
    ("", None, None), ("\u00a0", None, None),
    ("１２", 12, None),  # full-width digits
])
def test_cell_texts(text, value, said):
    parsed = parse_cell(text)
    assert parsed.value == value
    if said:
        assert said in parsed.note
    else:
        assert parsed.note is None


def test_unreadable_cell_is_blank_and_said():
    parsed = parse_cell("见附件")
    assert parsed.value is None and not parsed.readable and "见附件" in parsed.note


def test_labels_normalised():
    assert normalize("（一）予以公開 ：") == normalize("(一)予以公开:")
    assert normalize("1、属于国家秘密") == normalize("1.属于 国家 秘密")


def test_fuzzy_label_match_is_reported_as_fuzzy():
    labels = {"a": "2.其他法律行政法规禁止公开", "b": "1.属于国家秘密"}
    m = best_match("2.其他法律行政止公开", labels)
    assert m.key == "a" and m.fuzzy
    assert best_match("1.屬於國家秘密", labels).score == 100
    assert best_match("完全无关的文字", labels) is None


@pytest.mark.parametrize("text, simplified", [
    ("本機關依申請公開政府資訊，答覆申請人。", "本机关依申请公开政府资讯，答复申请人。"),
    ("情有獨鍾於此", "情有独钟于此"),   # a phrase entry, then a character
    ("反覆審核、覆蓋全縣", "反复审核、覆盖全县"),
    ("本机关按期答复，覆盖全县。", "本机关按期答复，覆盖全县。"),  # Simplified already: as it was
    ("", ""),
])
def test_traditional_read_as_the_converter_reads_it(text, simplified):
    """Only the stretches that may change go through the converter: the result is the converter's."""
    from opencc import OpenCC

    from forms.importers.normalize import to_simplified
    assert to_simplified(text) == simplified == OpenCC("t2s").convert(text)
