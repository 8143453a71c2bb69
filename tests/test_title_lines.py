"""A long organ name breaks between words in the title, never inside one (GB/T 9704 7.3.3)."""
from __future__ import annotations

from forms.render.html_writer import even_lines
from forms.render.view import TITLE_LINE_EMS, _ems, title_lines


def test_a_long_organ_name_breaks_after_a_place_or_an_organ():
    lines = title_lines("新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县人民政府办公室2024年政府信息公开工作年度报告")
    assert lines == ("新疆维吾尔自治区伊犁哈萨克自治州", "察布查尔锡伯自治县人民政府办公室2024年", "政府信息公开工作年度报告")
    assert all(_ems(line) <= TITLE_LINE_EMS for line in lines)


def test_a_short_title_keeps_its_usual_break():
    assert title_lines("青岚县人民政府2024年政府信息公开工作年度报告") == ("青岚县人民政府2024年", "政府信息公开工作年度报告")


def test_narrow_header_labels_break_evenly_for_qt():
    assert str(even_lines("结果维持")) == "结果<br>维持"
    assert str(even_lines("总计")) == "总计"
