"""Reading what a clerk types into a cell."""
from __future__ import annotations

from decimal import Decimal

import pytest

from forms.model.values import format_cell, parse_typed as parse_cell


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


# --- whatever the editor accepts, the file keeps and gives back -------------------------------
from hypothesis import given, settings, strategies as st  # noqa: E402

from forms.model import store  # noqa: E402
from forms.model import new_report  # noqa: E402
from forms.model.values import MAX_DECIMALS, MAX_INTEGER_DIGITS, ValueRefused  # noqa: E402

typed = st.text(st.sampled_from("0123456789０１２３４５６７８９.．,，- "), max_size=40) | st.builds(
    lambda whole, fraction: whole + ("." + fraction if fraction else ""),
    st.text("0123456789", min_size=1, max_size=MAX_INTEGER_DIGITS + 3),
    st.text("0123456789", max_size=MAX_DECIMALS + 2))


@settings(max_examples=300, deadline=None)
@given(typed, st.booleans())
def test_every_value_the_editor_accepts_is_saved_and_reopened_with_the_same_digits(text, amount):
    try:
        value = parse_cell(text, amount=amount)
    except ValueRefused as refused:
        assert str(refused) and "Exceeds" not in str(refused)
        return
    report = new_report(2024, "青岚县")
    table, row, column = ("fees", "admin_fees", "amount") if amount else ("applications", "granted",
                                                                        "natural_person")
    report.set_cell(table, row, column, value)
    again = store.loads(store.dumps(report)).entered(table, row, column)
    assert again == value and type(again) is type(value)
    assert format_cell(again) == format_cell(value)  # 12.50 stays 12.50, never 12.5 or 1.25E+1


@pytest.mark.parametrize("text", ["9" * (MAX_INTEGER_DIGITS + 1), "1" * 309 + ".5", "1" * 100_000])
def test_a_number_too_long_for_a_cell_is_refused_as_typed(text):
    with pytest.raises(ValueRefused, match="数字过大"):
        parse_cell(text, amount=True)


@pytest.mark.parametrize("value", [Decimal("98765432101.654321"), Decimal("0.000001"), Decimal("12.50"),
                                   Decimal("-3.1"), 10 ** MAX_INTEGER_DIGITS - 1])
def test_a_fee_is_written_with_its_digits_not_as_a_float(value):
    report = new_report(2024)
    report.set_cell("fees", "admin_fees", "amount", value)
    text = store.dumps(report)
    assert f'"amount": {format_cell(value)}' in text
    assert store.loads(text).entered("fees", "admin_fees", "amount") == value


# --- numbers a file may hold: bounded before anything expands them ----------------------------
oversized = st.one_of(
    st.integers(MAX_INTEGER_DIGITS + 1, 1_000_000).map(lambda n: "7" * n),
    st.integers(MAX_INTEGER_DIGITS, 10 ** 9).map(lambda e: f"1e{e}"),
    st.integers(MAX_INTEGER_DIGITS, 10 ** 9).map(lambda e: f"-2.5E+{e}"),
    st.integers(MAX_DECIMALS + 1, 10 ** 9).map(lambda e: f"1e-{e}"),
    st.sampled_from(["true", "false", '"12"']),
)


@settings(max_examples=40, deadline=None)
@given(oversized, st.sampled_from([("applications", "granted", "natural_person"),
                                   ("fees", "admin_fees", "amount")]))
def test_a_file_with_an_impossible_number_is_refused_at_once_naming_the_cell(number, cell):
    import time
    report = new_report(2024)
    report.set_cell(*cell, 1)
    text = store.dumps(report).replace(f'"{cell[2]}": 1', f'"{cell[2]}": {number}', 1)
    started = time.perf_counter()
    with pytest.raises(store.CorruptFileError) as refused:
        store.loads(text, "年报.json")
    assert time.perf_counter() - started < 2
    message = str(refused.value)
    label = report.spec.table(cell[0]).cell_label(cell[1], cell[2])
    assert label in message and ".".join(cell) in message
    assert "Exceeds" not in message and "Input should" not in message
