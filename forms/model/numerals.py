"""Numbers as reports write them: 17, １７, 1,234, 1.2万, 三十六, 一百零五, 两千, 二〇二四.

`parse_number` turns one such token into an int (or a Decimal when it has a fraction);
`NUMBER` is the pattern that finds the tokens in running text.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

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
