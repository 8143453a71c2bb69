"""Labels as documents write them, made comparable.

Labels are compared after normalising (Traditional → Simplified, full-width → half-width,
one form of each punctuation mark, no spaces); a label that matches only approximately is
accepted above a threshold and reported. Cell texts are read by forms.model.values.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

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
    """The converter, and one character of each of its entries that changes the text: a stretch
    holding none of them comes out of the conversion as it went in (an entry matches only where
    all its characters are), so only the few stretches that hold one are converted. Nearly every
    report is Simplified already, and converting it whole took a third of a Word import."""
    from opencc import OpenCC
    converter = OpenCC("t2s")
    changing: set[str] = set()
    for group in converter._dict_chain_data:  # what it read from its dictionaries
        for _, _, entries in group:
            changing.update(next((c for c in key if c not in value), key[0])
                            for key, value in entries.items() if key != value)
    return converter, frozenset(changing)


def to_simplified(text: str) -> str:
    converter, changing = _t2s()
    if changing.isdisjoint(text):
        return text
    # the converter works stretch by stretch between its separators: the same stretches here
    parts = converter.split_chars_re.split(text)
    for i in range(0, len(parts), 2):
        if not changing.isdisjoint(parts[i]):
            parts[i] = converter.convert(parts[i])
    return "".join(parts)


def count_traditional(text: str) -> int:
    """How many characters change when converted to Simplified (0 for a Simplified text)."""
    converted = to_simplified(text)
    return sum(1 for a, b in zip(text, converted) if a != b)


def normal_form(text: str) -> str:
    """Text in one canonical spelling: Simplified, half-width, 1、 (一) ：“ as 1. (一) :\" ; no spaces."""
    text = unicodedata.normalize("NFKC", to_simplified(text)).translate(_PUNCT)
    return _SPACE.sub("", text).lower()


# The spec's labels come back unit after unit; a document's own lines are kept only a while, so a
# consolidation of thousands of units does not keep every line it read.
normalize = lru_cache(maxsize=8192)(normal_form)


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
