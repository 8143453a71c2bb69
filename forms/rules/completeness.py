"""F1–F6: completeness and form."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from forms.model.findings import Finding, Location, Severity, fmt
from forms.model import OrgLevel
from forms.rules import Context, rule

# 统计期限 2023年1月1日至2023年12月31日, or 2023年1月1日到12月31日 (with the spaces PDFs put
# between digits and 年).
PERIOD = re.compile(r"(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*[至到—\-~～]\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日")
FEE_WORD = re.compile(r"信息处理费|处理费")
# Digits that are not an amount: 2024年, 12月31日, 国办函〔2020〕109号.
NOT_AN_AMOUNT = re.compile(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|〔\d{4}〕\s*\d+\s*号")
FEE_STATED = re.compile(r"\d|[零一二三四五六七八九十百千万]+元|未收取|不收取|没有收取|未收费|无收费|免收|未产生|未涉及|均未|未有|未发生|未向|不存在|没有产生")
# 10 亿 / 100 亿 万元: beyond what an organ of that level charges in a year.
FEE_IMPLAUSIBLE = {OrgLevel.GOVERNMENT: Decimal(1_000_000)}
FEE_IMPLAUSIBLE_DEFAULT = Decimal(100_000)


@rule("F1")
def sections_present(ctx: Context):
    r = ctx.report
    for key in ("overview", "problems", "other"):
        text = r.overview_text() if key == "overview" else r.text(key)
        if not text.strip():
            s = ctx.spec.section(key)
            yield Finding("F1", Severity.ERROR, f"“{s.heading}”尚未填写。",
                          Location(section=key, text=f"{key}.intro" if key == "overview" else key))
    for s in ctx.spec.sections:
        tables = ctx.spec.tables_of(s.key)
        if tables and all(v is None for t in tables
                          for row in r.tables[t.key].values() for v in row.values()):
            yield Finding("F1", Severity.ERROR, f"“{s.heading}”的表格尚未填写。",
                          Location(section=s.key, table=tables[0].key))


@rule("F2")
def overview_topics(ctx: Context):
    """一 covers 主动公开、依申请公开、政府信息管理、平台建设、监督保障."""
    r = ctx.report
    whole = r.overview_text()
    if not whole.strip():
        return  # F1 already says 一 is empty
    for topic in ctx.spec.topics:
        if r.text(f"overview.{topic.key}").strip() or topic.keyword in whole:
            continue
        yield Finding("F2", Severity.WARNING,
                      f"“一、总体情况”没有写到“{topic.heading}”（格式要求涵盖{topic.keyword}）。",
                      Location(section="overview", text=f"overview.{topic.key}"), subject=topic.key)


@rule("F3")
def fee_stated(ctx: Context):
    """六 states the 信息处理费 charged: an amount or an explicit none."""
    text = ctx.report.text("other")
    if not text.strip():
        return  # F1
    text = NOT_AN_AMOUNT.sub("", text)
    for m in FEE_WORD.finditer(text):
        around = text[max(0, m.start() - 30): m.end() + 40]
        if FEE_STATED.search(around):
            return
    yield Finding("F3", Severity.WARNING,
                  "“六、其他需要报告的事项”没有说明信息处理费的收取情况（写明金额，或写明“未收取信息处理费”）。"
                  "注意：表二（八）行政事业性收费不是信息处理费。",
                  Location(section="other", text="other"))


@rule("F4")
def period_matches_year(ctx: Context):
    r = ctx.report
    year = r.year
    if r.title and str(year) not in r.title:
        yield Finding("F4", Severity.WARNING, f"标题“{r.title}”与报告年度 {year} 年不符。",
                      Location(text="title"), expected=year, subject="title")
    for key in r.text_keys:
        for y1, y2, span, quoted in _periods(r.text(key)):
            if y1 == y2 == year:
                continue
            yield Finding("F4", Severity.WARNING,
                          f"统计期限“{quoted}”与报告年度 {year} 年不符。",
                          Location(text=key, span=span),
                          expected=year, actual=y1 if y1 != year else y2, subject=quoted)


@lru_cache(maxsize=256)
def _periods(text: str) -> tuple[tuple[int, int, tuple[int, int], str], ...]:
    """Each statistical period in a text. Cached: a keystroke changes one text, the check reads them all."""
    return tuple((int(m.group(1)), int(m.group(2) or m.group(1)), (m.start(), m.end()), m.group(0))
                 for m in PERIOD.finditer(text))


@rule("F5")
def no_old_format(ctx: Context):
    """A report for 2021 or later with rows or columns of the 2019 format."""
    r = ctx.report
    if r.year < 2021 or not r.legacy:
        return
    items = r.legacy.get("format_2019_items") or sorted(r.legacy)
    yield Finding("F5", Severity.WARNING,
                  f"{r.year} 年度报告应使用 2021 年版格式，但含有 2019 年版格式的内容："
                  f"{'、'.join(map(str, items))}。",
                  Location(), subject=",".join(map(str, items)))


@rule("F6")
def fee_unit(ctx: Context):
    """表二（八） is in 万元: a unit 元 written in the cell, or an implausible amount, suggests 元."""
    r = ctx.report
    table = ctx.spec.table("fees")
    for row in table.rows:
        for col in table.columns:
            v = r.tables["fees"][row.key][col.key]
            src = r.source_texts.get(f"fees.{row.key}.{col.key}", "")
            where = Location(section=table.section, table="fees", row=row.key, column=col.key)
            if "元" in src and "万" not in src:
                yield Finding("F6", Severity.WARNING,
                              f"{table.cell_label(row.key, col.key)}原文为“{src}”，单位应为万元，请换算。",
                              where, actual=v)
            elif v is not None and v > FEE_IMPLAUSIBLE.get(r.organization.level, FEE_IMPLAUSIBLE_DEFAULT):
                yield Finding("F6", Severity.WARNING,
                              f"{table.cell_label(row.key, col.key)}为 {fmt(v)} 万元，数额异常大，"
                              "是否误按“元”填写？本栏单位为万元。",
                              where, actual=v)
