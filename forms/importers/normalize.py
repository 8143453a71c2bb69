"""Text as documents write it, made comparable: labels for matching, cell texts for values.

Labels are compared after normalising (Traditional → Simplified, full-width → half-width,
one form of each punctuation mark, no spaces); a label that matches only approximately is
accepted above a threshold and reported. Cell texts become a number, a sign, a unit or a
blank, and every conversion says what it did.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from rapidfuzz import fuzz

FUZZY_THRESHOLD = 80.0  # percent (rapidfuzz ratio) for a label accepted with a note

_PUNCT = str.maketrans({
    "“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"',
    "、": ".", "．": ".", "·": ".", "–": "-", "—": "-", "－": "-", "―": "-", "～": "~",
})
_SPACE = re.compile(r"\s+")
_NUMBERING = re.compile(r"^(?:\(\w{1,3}\)|\d{1,2}\.|[一二三四五六七八九十]{1,3}\.)+")


@cache
def _t2s():
    from opencc import OpenCC
    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def count_traditional(text: str) -> int:
    """How many characters change when converted to Simplified (0 for a Simplified text)."""
    converted = to_simplified(text)
    return sum(1 for a, b in zip(text, converted) if a != b)


@cache
def normalize(label: str) -> str:
    """A label in one canonical spelling: Simplified, half-width, 1、 (一) ：“ as 1. (一) :\" ; no spaces."""
    text = unicodedata.normalize("NFKC", to_simplified(label)).translate(_PUNCT)
    return _SPACE.sub("", text).lower()


def core(label: str) -> str:
    """A normalised label without its leading numbering: 1.属于国家秘密 -> 属于国家秘密."""
    text = normalize(label)
    return _NUMBERING.sub("", text) or text


@dataclass(frozen=True)
class Match:
    key: str
    label: str
    score: float

    @property
    def fuzzy(self) -> bool:
        return self.score < 100


def best_match(text: str, candidates: dict[str, str], threshold: float = FUZZY_THRESHOLD) -> Match | None:
    """The candidate (key -> label) whose label the text names, exactly or above the threshold."""
    wanted = normalize(text)
    if not wanted:
        return None
    best: Match | None = None
    for key, label in candidates.items():
        score = max(fuzz.ratio(wanted, normalize(label)), fuzz.ratio(core(text), core(label)))
        if best is None or score > best.score:
            best = Match(key, label, score)
    return best if best and best.score >= threshold else None


# --- cell texts ---------------------------------------------------------------------------
BLANK_MARKS = {"/", "-", "--", "~", "无", "空", "\\"}
_NUMBER = r"[+\-]?\d+(?:,\d{3})*(?:\.\d+)?"
_PLAIN = re.compile(rf"^{_NUMBER}$")
_WITH_UNIT = re.compile(rf"^({_NUMBER})(万元|元|件|项|个|条|次)$")
_ANNOTATED = re.compile(rf"^({_NUMBER})(万元|元|件|项|个)?\((.+)\)$")


@dataclass(frozen=True)
class CellText:
    """What one cell's text means: a value (or blank), and how it was read when not plainly."""
    value: int | Decimal | None
    note: str | None = None
    readable: bool = True
    unit: str | None = None


def _number(text: str) -> int | Decimal:
    d = Decimal(text.replace(",", ""))
    return int(d) if d == d.to_integral_value() and "." not in text else d


def looks_like_value(text: str | None) -> bool:
    """A cell that holds a figure, or a mark standing for a blank (not a label)."""
    if text is None:
        return False
    t = normalize(text)
    return (t == "" or t in BLANK_MARKS or bool(_PLAIN.match(t) or _WITH_UNIT.match(t)
                                                     or _ANNOTATED.match(t)))


def parse_cell(text: str | None) -> CellText:
    """“22（其中修订16件）”→22, “33项”→33, “+543”→543 (signed), “25534.03万元”→25534.03, “/”→blank."""
    raw = (text or "").strip()
    t = normalize(raw)
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
    except InvalidOperation:
        pass
    return CellText(None, f"无法识别“{raw}”，按空白处理", readable=False)
