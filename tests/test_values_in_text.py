"""Numbers as reports write them: Arabic, full-width, grouped, 1.2万, and Chinese numerals."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from forms.model.values import NUMBER, parse_number

DIGITS = "零一二三四五六七八九"


def render_chinese(n: int) -> str:
    """n in Chinese numerals as a clerk writes it: 一百零五, 十万零一十, 一亿."""
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10_000)
        n //= 10_000
    out, gap = "", False
    for i in reversed(range(len(groups))):
        g = groups[i]
        if g == 0:
            gap = bool(out)
            continue
        if out and (gap or g < 1000):
            out += "零"
        out += _four(g) + ("", "万", "亿")[i]
        gap = False
    return out[1:] if out.startswith("一十") else out


def _four(g: int) -> str:
    s, zero = "", False
    for unit, d in zip(("千", "百", "十", ""), f"{g:04d}"):
        if d == "0":
            zero = bool(s)
            continue
        if zero:
            s += "零"
            zero = False
        s += DIGITS[int(d)] + unit
    return s


@pytest.mark.parametrize("n, text", [(0, "零"), (10, "十"), (15, "十五"), (36, "三十六"), (105, "一百零五"),
                                     (1010, "一千零一十"), (2000, "二千"), (100010, "十万零一十"),
                                     (10_000_000, "一千万"), (100_000_000, "一亿"), (100_000_001, "一亿零一")])
def test_renderer_writes_what_clerks_write(n, text):
    assert render_chinese(n) == text


@given(st.integers(min_value=0, max_value=10**8))
def test_chinese_numerals_round_trip(n):
    assert parse_number(render_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**8))
def test_两_for_two_before_a_unit(n):
    text = render_chinese(n).replace("二千", "两千").replace("二百", "两百").replace("二万", "两万")
    assert parse_number(text) == n


@given(st.integers(min_value=0, max_value=10**8))
def test_arabic_fullwidth_and_grouped_round_trip(n):
    assert parse_number(str(n)) == n
    assert parse_number(str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == n
    assert parse_number(f"{n:,}") == n


@pytest.mark.parametrize("text, value", [
    ("两千", 2000), ("1.2万", 12000), ("3万", 30000), ("2千", 2000), ("1.5", Decimal("1.5")),
    ("二〇二四", 2024), ("壹佰零伍", 105), ("１７", 17), ("1,234", 1234), ("一万零五百", 10500),
])
def test_other_written_forms(text, value):
    assert parse_number(text) == value


def test_number_tokens_in_running_text():
    assert NUMBER.findall("受理申请１７件、一百零五件，1.2万条，1,234件") == ["１７", "一百零五", "1.2万", "1,234"]


def test_not_a_number():
    assert parse_number("") is None
    assert parse_number("件") is None
