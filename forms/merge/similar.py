"""H3 雷同 between units: text sections that read the same, found without keeping the texts.

Each unit's section is reduced, in its worker, to a sample of its five-character pieces (hashed,
one in four kept by value, so two copies of a text keep the same sample). Two units whose samples
overlap by SIMILAR or more wrote the same text. Pieces most units share (the format's own
phrases) only find candidates when nothing rarer does; the overlap itself is always measured on
the whole samples.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from itertools import combinations

from forms.model import Report

SECTIONS = ("overview", "problems", "other")  # the prose sections, as the spec names them
PIECE = 5
KEEP_ONE_IN = 4
MIN_CHARS = 60        # “无”, one line: too short to call copied
SIMILAR = 0.8         # share of pieces in common (Jaccard)
COMMON_PIECE = 200    # a piece in more units than this is boilerplate: not used to find candidates

_NOISE = re.compile(r"[\s\d０-９，。、；：,.;:（）()“”\"'《》【】—\-]+")

Signature = tuple[int, ...]


def signature(text: str) -> Signature:
    """The sampled pieces of a text, without figures, years and punctuation (they change in copies)."""
    plain = _NOISE.sub("", text)
    if len(plain) < MIN_CHARS:
        return ()
    hashes = {zlib.crc32(plain[i:i + PIECE].encode("utf-8")) for i in range(len(plain) - PIECE + 1)}
    return tuple(sorted(h for h in hashes if h % KEEP_ONE_IN == 0))


def signatures(report: Report) -> dict[str, Signature]:
    texts = {"overview": report.overview_text(), "problems": report.text("problems"), "other": report.text("other")}
    return {k: sig for k, text in texts.items() if (sig := signature(text))}


def jaccard(a: Signature, b: Signature) -> float:
    sa, sb = set(a), set(b)
    shared = len(sa & sb)
    return shared / (len(sa) + len(sb) - shared) if shared else 0.0


def similar_groups(units: list[tuple[str, dict[str, Signature]]]) -> list[tuple[str, list[str], int]]:
    """(section, unit ids, lowest similarity in percent) for each group of units with the same text."""
    groups = []
    for section in SECTIONS:
        sigs = [(uid, s[section]) for uid, s in units if s.get(section)]
        pairs = _similar_pairs([s for _, s in sigs])
        for members, low in _groups(pairs):
            groups.append((section, [sigs[i][0] for i in sorted(members)], round(low * 100)))
    return groups


def _similar_pairs(sigs: list[Signature]) -> dict[tuple[int, int], float]:
    postings: dict[int, list[int]] = defaultdict(list)
    for i, sig in enumerate(sigs):
        for h in sig:
            postings[h].append(i)
    candidates: set[tuple[int, int]] = set()
    whole: dict[Signature, list[int]] = defaultdict(list)
    for i, sig in enumerate(sigs):
        whole[sig].append(i)
    for same in whole.values():  # identical texts, however common
        candidates.update(combinations(same, 2))
    for units in postings.values():
        if 1 < len(units) <= COMMON_PIECE:
            candidates.update(combinations(units, 2))
    found = {}
    for a, b in candidates:
        j = jaccard(sigs[a], sigs[b])
        if j >= SIMILAR:
            found[(a, b)] = j
    return found


def _groups(pairs: dict[tuple[int, int], float]) -> list[tuple[set[int], float]]:
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    members: dict[int, set[int]] = defaultdict(set)
    for x in list(parent):
        members[root(x)].add(x)
    out = []
    for group in members.values():
        low = min(j for (a, b), j in pairs.items() if a in group)
        out.append((group, low))
    return out
