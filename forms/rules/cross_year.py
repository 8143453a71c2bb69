"""Y1–Y4: this year's report against last year's."""
from __future__ import annotations

import re
from functools import lru_cache

from forms.model.findings import Finding, Location, Severity, fmt
from forms.rules import Context, rule

SIMILAR = 90.0  # percent: a text this close to last year's was copied, not written
FACTOR = 5
MIN_SIGNIFICANT = 10  # jumps between small counts (1 -> 6) are normal, not news

# The figures a reader compares from year to year (Y4).
KEY_FIGURES = [
    ("applications", "new_received", "total"),
    ("applications", "results_total", "total"),
    ("review_litigation", "review", "total"),
    ("review_litigation", "litigation_direct", "total"),
    ("regulations", "normative_docs", "issued"),
    ("licensing", "administrative_license", "decisions"),
    ("enforcement", "penalty", "decisions"),
    ("fees", "admin_fees", "amount"),
]

_DIGITS = re.compile(r"\d+")


@rule("Y1", needs_prior=True, needs=("carry_over",))
def carry_over(ctx: Context):
    """二、上年结转 = last year's 四、结转下年度继续办理, column by column."""
    co = ctx.spec.carry_over
    table = ctx.spec.table(co["table"])
    for col in table.columns:
        before = ctx.prior_value(co["table"], co["from_prior_row"], col.key)
        now = ctx.value(co["table"], co["row"], col.key)
        if before is None or now is None and before == 0:
            continue  # nothing known last year; a blank 0 is A6's business
        if now != before:
            yield Finding(
                "Y1", Severity.ERROR,
                f"{table.cell_label(co['row'], col.key)}为 {fmt(now)}，"
                f"应等于上年（{ctx.prior.year} 年）报告的“结转下年度继续办理”{fmt(before)}。",
                Location(section=table.section, table=table.key, row=co["row"], column=col.key),
                expected=before, actual=now)


@rule("Y2", needs_prior=True, needs=("stock",))
def stock_follows(ctx: Context):
    """现行有效件数 ≈ last year's + 本年制发 − 本年废止 (documents also lapse: a warning)."""
    st = ctx.spec.stock
    table = ctx.spec.table(st["table"])
    for row in table.rows:
        before = ctx.prior_value(st["table"], row.key, st["stock"])
        added = ctx.value(st["table"], row.key, st["added"])
        removed = ctx.value(st["table"], row.key, st["removed"])
        now = ctx.value(st["table"], row.key, st["stock"])
        if None in (before, added, removed, now):
            continue
        expected = before + added - removed
        if now != expected:
            yield Finding(
                "Y2", Severity.WARNING,
                f"{table.cell_label(row.key, st['stock'])}为 {fmt(now)}，按上年 {fmt(before)} "
                f"＋本年制发 {fmt(added)} －本年废止 {fmt(removed)} 应为 {fmt(expected)}"
                "（如有文件自然失效，请在表格说明中注明）。",
                Location(section=table.section, table=table.key, row=row.key, column=st["stock"]),
                expected=expected, actual=now)


def _comparable(text: str) -> str:
    """Years and figures change every year even in a copied text: compare without them."""
    return _DIGITS.sub("#", "".join(text.split()))


@lru_cache(maxsize=32)
def _similarity(now: str, before: str) -> float:
    """Percent. Cached: between two keystrokes the texts, and so the answer, rarely change."""
    from rapidfuzz import fuzz  # only a check against last year's report compares texts
    return fuzz.ratio(_comparable(now), _comparable(before))


@rule("Y3", needs_prior=True)
def text_not_copied(ctx: Context):
    r, p = ctx.report, ctx.prior
    for key, heading in ((s.key, s.heading) for s in ctx.spec.text_sections):
        now = r.overview_text() if key == "overview" else r.text(key)
        before = p.overview_text() if key == "overview" else p.text(key)
        if len(now.strip()) < 20 or not before.strip():
            continue
        similarity = _similarity(now, before)
        copied = any(k == key or k.startswith(key + ".") for k in r.copied_texts)
        if similarity >= SIMILAR or copied:
            yield Finding(
                "Y3", Severity.WARNING,
                f"“{heading}”与上年报告{'几乎相同' if similarity >= SIMILAR else '相同（从上年复制，尚未改写）'}"
                f"（相似度 {similarity:.0f}%），请按本年情况改写。",
                Location(section=key, text="overview.intro" if key == "overview" else key),
                actual=round(similarity, 1))


@rule("Y4", needs_prior=True)
def big_change(ctx: Context):
    """A key figure more than 5× last year's, or under a fifth of it: up or down alike."""
    for table_key, row, col in KEY_FIGURES:
        if not any(t.key == table_key and t.has_cell(row, col) for t in ctx.spec.tables):
            continue  # a format without this figure
        now = ctx.value(table_key, row, col)
        before = ctx.prior_value(table_key, row, col)
        if now is None or before is None:
            continue
        low, high = sorted((now, before))
        if high < MIN_SIGNIFICANT or high <= low * FACTOR:
            continue
        table = ctx.spec.table(table_key)
        if now > before:
            change = f"比上年（{fmt(before)}）增加，超过上年的 {FACTOR} 倍"
        else:
            change = f"比上年（{fmt(before)}）减少，不足上年的 1/{FACTOR}（相差超过 {FACTOR} 倍）"
        yield Finding(
            "Y4", Severity.INFO,
            f"{table.cell_label(row, col)}为 {fmt(now)}，{change}，请核实。",
            Location(section=table.section, table=table_key, row=row, column=col),
            expected=before, actual=now)
