"""Reading what a clerk types into a cell."""
from __future__ import annotations

from decimal import Decimal

import pytest

from gui.parse import format_cell, parse_cell


@pytest.mark.parametrize("text, value", [
    ("12", 12), (" 12 ", 12), ("０", 0), ("１２３", 123), ("1,234", 1234), ("１，２３４", 1234),
    ("12,345,678", 12345678), ("", None), ("   ", None), ("3.0", 3),
])
def test_counts(text, value):
    got = parse_cell(text, amount=False)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("text, message", [
    ("12a", "不是数字"), ("十二", "不是数字"), ("-3", "负数"), ("1,23", "千分位"), ("2.5", "整数"),
    ("/", "填 0"), ("—", "填 0"), ("12件", "不是数字"),
])
def test_counts_rejected_with_a_reason(text, message):
    with pytest.raises(ValueError, match=message):
        parse_cell(text, amount=False)


def test_amounts_keep_their_digits():
    assert parse_cell("1,487.20", amount=True) == Decimal("1487.20")
    assert format_cell(parse_cell("０．５", amount=True)) == "0.5"
    with pytest.raises(ValueError, match="小数位"):
        parse_cell("0.1234567", amount=True)
    with pytest.raises(ValueError, match="万元"):
        parse_cell("25534.03万元", amount=True)
