"""Text carried over from last year's report into this year's draft, and what in it needs this year's hand.

Years move on by one (2024年 → 2025年, last year's 上年 2023年 → 2024年). A sentence that states a
figure keeps last year's figure: it is remembered, and Y5 points at it until it is rewritten. A
sentence about the report year itself (last year's plan: “2025年我们将…”) is not moved on — it
would read as next year's plan — but remembered, and Y6 asks for it to become a review.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Patterns kept as text, compiled by re on first use (and kept there): every process that loads the
# model imports this module, few of them read carried text.
_SENTENCE = r"[^。！？；\n]+[。！？；]?"
# A count or an amount: 5236条, 42 篇, 1487.2万元, 三十六件, 95%. Not a year, a date or a document number.
FIGURE = (r"(?<![\d年第〔])(?:\d[\d,，.]*|[〇零一二两三四五六七八九十百千万]+)\s*"
          r"(?:万元|元|件|条|篇|个|次|项|人次|人|家|场|期|份|起|批|套|部|余件|余条|余次|%|％)")
_NOT_A_FIGURE = r"^(?:[一二三四五六七八九十]|[〇零一二两三四五六七八九十百千万]+个)(?:项|条|个)$"
PLAN_WORDS = r"将|计划|拟|力争|争取|下一步|明年|下一年|来年"
_YEAR = r"(\d{4})(\s*年)"
_TOPIC_NUMBER = r"^\s*[（(]\s*[一二三四五六七八九十]\s*[)）]\s*"
TITLE_MAX = 16  # “主动公开情况。”: a lead-in title this short is the sub-heading written into the text


@dataclass
class CarryNotes:
    """What carrying the texts over did, for the clerk."""
    years_moved: int = 0
    plans: int = 0
    figures: int = 0
    headings: int = 0
    keys: list[str] = field(default_factory=list)

    def lines(self, year: int) -> list[str]:
        out = []
        if self.years_moved:
            out.append(f"文字中的年份已后移一年（{year - 1}年 → {year}年，{year - 2}年 → {year - 1}年），共 {self.years_moved} 处。")
        if self.plans:
            out.append(f"上年报告对 {year} 年的计划 {self.plans} 句未改年份，已标出（Y6）：请改写为今年的落实情况。")
        if self.figures:
            out.append(f"沿用的文字中有 {self.figures} 句写着上年的数字，已标出（Y5）：请改为本年度的数字。")
        if self.headings:
            out.append(f"文字开头重复的小标题已去掉 {self.headings} 处（小标题由格式给出）。")
        return out


def sentences(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer(_SENTENCE, text) if m.group(0).strip()]


def figures_in(sentence: str) -> list[str]:
    return [m.group(0) for m in re.finditer(FIGURE, sentence) if not re.match(_NOT_A_FIGURE, m.group(0).strip())]


def strip_topic_heading(text: str, keyword: str) -> str:
    """“（一）主动公开情况。全年…” under the printed heading “（一）主动公开”: the text's own heading goes."""
    rest = re.sub(_TOPIC_NUMBER, "", text, count=1)
    if rest == text:
        return text
    m = re.match(r"([^。\n：:，,]{1,%d})[。\n：:]\s*" % TITLE_MAX, rest)
    if m and keyword in m.group(1):
        rest = rest[m.end():]
    elif rest.startswith(keyword) and (len(rest) == len(keyword) or rest[len(keyword)] in "\n。"):
        rest = rest[len(keyword):].lstrip("。\n")
    return rest.lstrip()


def carry_text(text: str, year: int, notes: CarryNotes) -> tuple[str, list[tuple[str, str]]]:
    """Last year's text for the draft of `year`: (moved text, [(kind, sentence)] to remember)."""
    prior = year - 1
    out, remembered = [], []
    last = 0
    for start, end, sentence in sentences(text):
        out.append(text[last:start])
        last = end
        is_plan = any(int(m.group(1)) == year for m in re.finditer(_YEAR, sentence)) or (
            bool(re.search(PLAN_WORDS, sentence)) and bool(re.search(r"明年|下一年|来年", sentence)))

        def shift(m: re.Match) -> str:
            y = int(m.group(1))
            if y in (prior, prior - 1):
                notes.years_moved += 1
                return f"{y + 1}{m.group(2)}"
            return m.group(0)

        moved = sentence if is_plan else re.sub(_YEAR, shift, sentence)
        out.append(moved)
        if is_plan:
            notes.plans += 1
            remembered.append(("plan", moved.strip()))
        elif figures_in(moved):
            notes.figures += 1
            remembered.append(("figure", moved.strip()))
    out.append(text[last:])
    return "".join(out), remembered
