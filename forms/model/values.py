"""Cell values: the one place that reads them (typed, written in a document, stored in a file) and
shows them. Every way in is bounded the same way, so what the editor accepts the file keeps, and
what the file holds the editor can show.

A cell holds `None` (blank), an `int`, or a `Decimal` (a fee in 万元, kept with its digits).
Bounds: at most MAX_INTEGER_DIGITS digits before the point and MAX_DECIMALS after it — a sum of
a table's cells then stays exact inside Decimal's 28 digits, and a hostile `1e9999999` or a
million-digit number is refused at once instead of being expanded.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Union

CellValue = Union[int, Decimal, None]

MAX_INTEGER_DIGITS = 15
MAX_DECIMALS = 6
_LIMIT = 10 ** MAX_INTEGER_DIGITS
_LONGEST_TEXT = 64  # no number within the bounds is written longer, with grouping commas and a sign


class ValueRefused(ValueError):
    """A value no cell can hold; `str()` is the Chinese reason."""


_TOO_BIG = f"数字过大（整数部分最多 {MAX_INTEGER_DIGITS} 位）"
_TOO_FINE = f"小数位过多（最多 {MAX_DECIMALS} 位）"


# --- the bound every way in shares -----------------------------------------------------------
def _bounded_decimal(d: Decimal) -> Decimal:
    """The Decimal itself when a cell can hold it; checked on its exponent, never by expanding it."""
    if not d.is_finite():
        raise ValueRefused(f"不是有效的数字（{d}）")
    if d and d.adjusted() >= MAX_INTEGER_DIGITS:
        raise ValueRefused(_TOO_BIG)
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # finite, checked above
    if exponent < -MAX_DECIMALS:  # 1.50000000 is 1.5 (dropped by hand: normalize() would turn 1E-400 into 0)
        zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
        drop = min(zeros, -exponent)
        if exponent + drop < -MAX_DECIMALS:
            raise ValueRefused(_TOO_FINE)
        d = Decimal((sign, digits[:len(digits) - drop] or (0,), exponent + drop))
    return d


def checked(value: Any) -> CellValue:
    """A value as a cell holds it, or ValueRefused: what the model accepts from anywhere."""
    if value is None:
        return None
    if isinstance(value, Oversized):
        raise ValueRefused(f"{_TOO_BIG}：{value.head}…")
    if isinstance(value, bool):  # JSON true is not 1
        raise ValueRefused("应为数字，不能是 true/false")
    if isinstance(value, int):
        if abs(value) >= _LIMIT:
            raise ValueRefused(_TOO_BIG)
        return value
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif isinstance(value, str):
        value = _decimal_of(value.strip())
    elif not isinstance(value, Decimal):
        raise ValueRefused(f"应为数字，空白写 null（现为 {type(value).__name__}）")
    d = _bounded_decimal(value)
    if int(d.as_tuple().exponent) >= 0:  # 12, 1.2E+3: whole; 12.0 keeps its point (a fee as written)
        return int(d)
    return d


def stored(value: Any) -> CellValue:
    """A cell as a file holds it: a JSON number or null. A file's "12" is text, as its "十二" is."""
    if isinstance(value, str):
        raise ValueRefused("应为数字（不加引号），空白写 null")
    return checked(value)


def _decimal_of(text: str) -> Decimal:
    if len(text) > _LONGEST_TEXT:
        raise ValueRefused(_TOO_BIG)
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueRefused(f"不是数字：“{text}”") from None


def json_number(text: str) -> Any:
    """`json.loads`' reader of numbers: an oversized one is kept as text so that the model names its
    place when it refuses it, and no million-digit int or Decimal is ever built."""
    if len(text) > _LONGEST_TEXT:
        return Oversized(text[:20])
    return Decimal(text) if any(ch in text for ch in ".eE") else int(text)


class Oversized:
    """A number too long to read, as found in a file (its first digits kept for the message)."""

    def __init__(self, head: str):
        self.head = head


# --- typed into a cell by the clerk ----------------------------------------------------------
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN_TYPED = re.compile(r"^\d+(\.\d+)?$")
_NONE_MARKS = {"/", "-", "—", "－", "–", "无", "／"}


def parse_typed(text: str, *, amount: bool) -> CellValue:
    """What a clerk types: a count (whole number) or, with `amount`, a fee in 万元. Blank clears.

    Accepts full-width digits and thousands separators (1,234 / １，２３４); raises ValueRefused
    with the message to show beside the cell.
    """
    raw = text.strip()
    s = raw.translate(_FULL_WIDTH).replace(" ", "").replace("\u3000", "")
    if not s:
        return None
    if s in _NONE_MARKS:
        raise ValueRefused(f"“{raw}”不是数字：没有发生的请填 0。")
    if s.startswith(("-", "－")) and _PLAIN_TYPED.match(s[1:].replace(",", "")):
        raise ValueRefused("不能填负数。")
    if "," in s:
        if not _GROUPED.match(s):
            raise ValueRefused(f"“{raw}”的千分位写法不对，请直接写数字，如 1234。")
        s = s.replace(",", "")
    if not _PLAIN_TYPED.match(s):
        unit = "（单位：万元，可有小数）" if amount else "（件数，整数）"
        raise ValueRefused(f"“{raw}”不是数字，请只填数字{unit}。")
    whole, _, fraction = s.partition(".")
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise ValueRefused(f"“{_clip(raw)}”{_TOO_BIG}。")
    if len(fraction) > MAX_DECIMALS:
        raise ValueRefused(f"“{_clip(raw)}”{_TOO_FINE}。")
    value = Decimal(s)
    if not fraction and "." not in s:
        return int(s)
    if not amount:
        if value == value.to_integral_value():
            return int(value)
        raise ValueRefused(f"“{raw}”：件数应为整数。")
    return value


def _clip(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "…"


# --- written in a cell of a document being imported --------------------------------------------
BLANK_MARKS = {"/", "-", "--", "~", "无", "空", "\\"}
_NUMBER = r"[+\-]?\d+(?:,\d{3})*(?:\.\d+)?"
_PLAIN = re.compile(rf"^{_NUMBER}$")
_WITH_UNIT = re.compile(rf"^({_NUMBER})(万元|元|件|项|个|条|次)$")
_ANNOTATED = re.compile(rf"^({_NUMBER})(万元|元|件|项|个)?\((.+)\)$")
# What NFKC leaves: dashes as one mark, and the Traditional forms of the marks and units above.
_MARKS = str.maketrans({"—": "-", "–": "-", "―": "-", "−": "-", "無": "无", "萬": "万", "項": "项",
                        "個": "个", "條": "条"})
_SPACE = re.compile(r"\s+")
MAX_CELL_TEXT = 200  # a cell of figures is short; a longer one is prose and read as such


def _canonical(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text).translate(_MARKS))


@dataclass(frozen=True)
class CellText:
    """What one cell's text means: a value (or blank), and how it was read when not plainly."""
    value: CellValue
    note: str | None = None
    readable: bool = True
    unit: str | None = None


def _number(text: str) -> int | Decimal:
    d = checked(_decimal_of(text.replace(",", "")))
    return Decimal(d) if "." in text and isinstance(d, int) else d


def looks_like_value(text: str | None) -> bool:
    """A cell that holds a figure, or a mark standing for a blank (not a label)."""
    if text is None or len(text) > MAX_CELL_TEXT:
        return False
    t = _canonical(text)
    return t == "" or t in BLANK_MARKS or bool(_PLAIN.match(t) or _WITH_UNIT.match(t) or _ANNOTATED.match(t))


def read_cell_text(text: str | None) -> CellText:
    """“22（其中修订16件）”→22, “33项”→33, “+543”→543 (signed), “25534.03万元”→25534.03, “/”→blank."""
    raw = (text or "").strip()
    if len(raw) > MAX_CELL_TEXT:
        return CellText(None, f"无法识别“{_clip(raw)}”（文字过长），按空白处理", readable=False)
    t = _canonical(raw)
    if t == "":
        return CellText(None)
    if t in BLANK_MARKS:
        return CellText(None, f"“{raw}”按空白处理（没有发生的应填 0）")
    try:
        if _PLAIN.match(t):
            value = _number(t)
            if t.startswith("+"):
                return CellText(value, f"“{raw}”是带正号的增减数，读作 {value}")
            if "," in t:
                return CellText(value, f"“{raw}”去掉千位分隔符，读作 {value}")
            return CellText(value)
        if m := _WITH_UNIT.match(t):
            value = _number(m.group(1))
            return CellText(value, f"“{raw}”去掉单位“{m.group(2)}”，读作 {value}", unit=m.group(2))
        if m := _ANNOTATED.match(t):
            value = _number(m.group(1))
            return CellText(value, f"“{raw}”中的说明“（{m.group(3)}）”未计入，读作 {value}",
                            unit=m.group(2))
    except ValueRefused as exc:
        return CellText(None, f"无法识别“{_clip(raw)}”（{exc}），按空白处理", readable=False)
    return CellText(None, f"无法识别“{raw}”，按空白处理", readable=False)


# --- written in running text: 17, １７, 1,234, 1.2万, 三十六, 一百零五, 两千, 二〇二四 ------------------
# `parse_number` turns one such token into an int (or a Decimal when it has a fraction);
# `NUMBER` is the pattern that finds the tokens in running text.
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")

_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
          "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
          "九": 9, "玖": 9}
_SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNIT = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_CHINESE = "".join(_DIGIT) + "".join(_SMALL_UNIT) + "".join(_BIG_UNIT)
CHINESE_NUMERALS = _CHINESE

# Arabic digits (ASCII or full-width, with 1,234 grouping and a fraction) optionally followed
# by Chinese units (1.2万, 3千), or a run of Chinese numerals. A lone 万/亿 is a word, not a number.
NUMBER = re.compile(
    r"[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?[十百千万亿]*"
    rf"|[{''.join(_DIGIT)}十拾][{_CHINESE}]*")
MAX_LENGTH = 24  # longer runs of digits are identifiers (account, ID numbers), never counts
_ARABIC = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")


def parse_number(token: str) -> int | Decimal | None:
    """The value of one number token, or None when it is not a number."""
    token = token.translate(FULLWIDTH_DIGITS).strip()
    if not token or len(token) > MAX_LENGTH:
        return None
    if all(ch in _DIGIT for ch in token) and len(token) > 1:
        # 二〇二四: written digit by digit (years, document numbers).
        return int("".join(str(_DIGIT[ch]) for ch in token))
    try:
        value = _evaluate(token)
    except (KeyError, InvalidOperation):
        return None
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value


def _evaluate(token: str) -> Decimal | None:
    total = Decimal(0)    # complete 亿 groups
    wan = Decimal(0)      # complete 万 group inside the current 亿
    section = Decimal(0)  # below 万
    num: Decimal | None = None
    i = 0
    while i < len(token):
        m = _ARABIC.match(token, i)
        if m:
            num = Decimal(m.group(0).replace(",", ""))
            i = m.end()
            continue
        ch = token[i]
        i += 1
        if ch in _DIGIT:
            num = Decimal(_DIGIT[ch])
        elif ch in _SMALL_UNIT:
            section += (num if num else Decimal(1)) * _SMALL_UNIT[ch]
            num = None
        elif ch in ("万", "萬"):
            wan = (section + (num or 0) or Decimal(1)) * _BIG_UNIT[ch]
            section, num = Decimal(0), None
        elif ch in ("亿", "億"):
            total = (total + wan + section + (num or 0) or Decimal(1)) * _BIG_UNIT[ch]
            wan, section, num = Decimal(0), Decimal(0), None
        else:
            return None
    return total + wan + section + (num or 0)


# --- shown -----------------------------------------------------------------------------------
def format_cell(value: CellValue) -> str:
    """A value as shown in a cell: blank stays blank, a fee keeps its decimals as entered."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def fmt(value: Any) -> str:
    """A value inside a message: 空白 for blank, a fee without trailing zeros."""
    if value is None:
        return "空白"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    return str(value)


def json_text(value: Decimal) -> str:
    """A Decimal as a JSON number with exactly its digits (never through float)."""
    return format(value, "f")
