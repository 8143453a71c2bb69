"""Labels as documents write them, made comparable.

Labels are compared after normalising (Traditional → Simplified, full-width → half-width,
one form of each punctuation mark, no spaces); a label that matches only approximately is
accepted above a threshold and reported. Cell texts are read by forms.model.values.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
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
