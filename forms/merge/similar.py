"""H3 雷同 between units: text sections that read the same, found without keeping the texts.

Each unit's section is reduced, in its worker, to a sample of its five-character pieces (hashed,
one in four kept by value, so two copies of a text keep the same sample). Two units whose samples
overlap by SIMILAR or more (Jaccard) wrote the same text. The pairs are found by a
set-similarity join, so that thousands of units are not compared pair by pair.
"""
from __future__ import annotations

import math
from array import array
import re
import zlib
from collections import Counter, defaultdict
from itertools import combinations

from forms.model import Report

SECTIONS = ("overview", "problems", "other")  # the prose sections, as the spec names them
PIECE = 5
KEEP_ONE_IN = 4
MIN_CHARS = 60        # “无”, one line: too short to call copied
SIMILAR = 0.8         # share of pieces in common (Jaccard)

_NOISE = re.compile(r"[\s\d０-９，。、；：,.;:（）()“”\"'《》【】—\-]+")

Signature = bytes  # the sampled piece hashes, sorted, as 32-bit integers: 4 bytes a piece, hashable


def signature(text: str) -> Signature:
    """The sampled pieces of a text, without figures, years and punctuation (they change in copies)."""
    plain = _NOISE.sub("", text)
    if len(plain) < MIN_CHARS:
        return b""
    hashes = {zlib.crc32(plain[i:i + PIECE].encode("utf-8")) for i in range(len(plain) - PIECE + 1)}
    return array("I", sorted(h for h in hashes if h % KEEP_ONE_IN == 0)).tobytes()


def signatures(report: Report) -> dict[str, Signature]:
    texts = {"overview": report.overview_text(), "problems": report.text("problems"), "other": report.text("other")}
    return {k: sig for k, text in texts.items() if (sig := signature(text))}


def similar_groups(units: list[tuple[str, dict[str, Signature]]]) -> list[tuple[str, list[str], int]]:
    """(section, unit ids, lowest similarity in percent) for each group of units with the same text."""
    groups = []
    for section in SECTIONS:
        sigs = [(uid, s[section]) for uid, s in units if s.get(section)]
        pairs = _similar_pairs([s for _, s in sigs])
        for members, low in _groups(pairs):
            groups.append((section, [sigs[i][0] for i in sorted(members)], round(low * 100)))
    return groups


def _similar_pairs(samples: list[Signature]) -> dict[tuple[int, int], float]:
    """Pairs with Jaccard ≥ SIMILAR, by prefix filtering (a set-similarity join): each sample's
    pieces ordered rarest first, two samples that similar must share a piece among the first
    |A| − ⌈SIMILAR·|A|⌉ + 1 of them. Identical samples are joined once, through one of them."""
    same: dict[Signature, list[int]] = defaultdict(list)
    for i, sample in enumerate(samples):
        same[sample].append(i)
    found: dict[tuple[int, int], float] = {}
    for members in same.values():
        for a, b in combinations(members, 2):
            found[(a, b)] = 1.0
    firsts = [members[0] for members in same.values()]
    sigs = {i: array("I", samples[i]) for i in firsts}  # the integers, for the distinct samples only
    freq = Counter(h for i in firsts for h in sigs[i])
    index: dict[int, list[int]] = defaultdict(list)
    for i in sorted(firsts, key=lambda i: len(sigs[i])):
        size = len(sigs[i])
        prefix = sorted(sigs[i], key=lambda h: (freq[h], h))[:size - math.ceil(SIMILAR * size) + 1]
        candidates = {j for h in prefix for j in index[h]}
        mine = set(sigs[i]) if candidates else None
        for j in candidates:
            if len(sigs[j]) < SIMILAR * size:  # too short to be that similar
                continue
            shared = len(mine.intersection(sigs[j]))
            score = shared / (size + len(sigs[j]) - shared)
            if score >= SIMILAR:
                for a in same[samples[i]]:
                    for b in same[samples[j]]:
                        found[(min(a, b), max(a, b))] = score
        for h in prefix:
            index[h].append(i)
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
