"""What a clerk types into a cell, read as a number — or a Chinese reason why it is not one."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from forms.model import CellValue

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
_NONE_MARKS = {"/", "-", "—", "－", "–", "无", "／"}
MAX_DECIMALS = 6


def parse_cell(text: str, *, amount: bool) -> CellValue:
    """A count (whole number) or, with `amount`, a fee in 万元. Blank clears the cell.

    Accepts full-width digits and thousands separators (1,234 / １，２３４); raises ValueError
    with the message to show beside the cell.
    """
    raw = text.strip()
    s = raw.translate(_FULL_WIDTH).replace(" ", "").replace("\u3000", "")
    if not s:
        return None
    if s in _NONE_MARKS:
        raise ValueError(f"“{raw}”不是数字：没有发生的请填 0。")
    if s.startswith(("-", "－")) and _PLAIN.match(s[1:].replace(",", "")):
        raise ValueError("不能填负数。")
    if "," in s:
        if not _GROUPED.match(s):
            raise ValueError(f"“{raw}”的千分位写法不对，请直接写数字，如 1234。")
        s = s.replace(",", "")
    if not _PLAIN.match(s):
        unit = "（单位：万元，可有小数）" if amount else "（件数，整数）"
        raise ValueError(f"“{raw}”不是数字，请只填数字{unit}。")
    try:
        value = Decimal(s)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        raise ValueError(f"“{raw}”不是数字。") from None
    if "." in s:
        if not amount:
            if value == value.to_integral_value():
                return int(value)
            raise ValueError(f"“{raw}”：件数应为整数。")
        if len(s.split(".", 1)[1]) > MAX_DECIMALS:
            raise ValueError(f"“{raw}”小数位过多（最多 {MAX_DECIMALS} 位）。")
        return value
    return int(s)


def format_cell(value: CellValue) -> str:
    """A value as shown in a cell: blank stays blank, a fee keeps its decimals as entered."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
