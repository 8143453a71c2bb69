"""F1–F6: completeness and form."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from forms.model.findings import Finding, Location, Severity, fmt
from forms.model import OrgLevel
from forms.rules import Context, rule
from forms.spec import CURRENT_TEMPLATE, load_spec, older_formats

# 统计期限 2023年1月1日至2023年12月31日, or 2023年1月1日到12月31日 (with the spaces PDFs put
# between digits and 年).
PERIOD = re.compile(r"(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*[至到—\-~～]\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日")

# --- F3: a sentence of 六 that names the 信息处理费 and says how much (or that there was none) ---
SENTENCE = re.compile(r"[^。；;！!？?\n]+")
# The fee itself: 信息处理费 / 信息公开处理费, or charging spoken of in the context of disclosure
# (“政府信息公开未发生收费情况”) — never 表二（八）'s 行政事业性收费.
FEE = re.compile(r"处理费|(?:信息公开|依申请)[^，,。；]{0,12}?(?:收费|费用|收取)"
                 r"|(?:收费|收取费用)[^，,。；]{0,12}?(?:信息公开|依申请)")
# 表二（八）'s own fees, named in the text: never the 信息处理费.
ADMIN_FEES = re.compile(re.escape(load_spec(CURRENT_TEMPLATE).table("fees").row("admin_fees").label) + r"[^，,。；]*")
CLAUSE = re.compile(r"[，,]")
CHARGING = re.compile(r"费|收取")
# Digits that are not an amount: 2024年, 12月31日, 国办函〔2020〕109号, 第四十九条.
NOT_AN_AMOUNT = re.compile(r"\d{4}\s*年度?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[〔\[]\s*\d{4}\s*[〕\]]\s*\d+\s*号")
# An amount: 380元, 0.03万元, 三百元, 零元; or the fee “为零 / 为0 / 0”.
AMOUNT = re.compile(r"[\d０-９][\d０-９,，.．]*\s*(?:万\s*)?元|[零〇一二两三四五六七八九十百千万]+元"
                    r"|(?:为|是|共计?|合计|：|:)\s*(?:零|0|０)(?![\d.])")
# None charged: 未收取 / 无收取 / 没有收取 / 不涉及 / 未产生 / 未发生 / 免收 / 均未 …: a negation with
# the verb it negates close after it, so “不断规范收费” is not a “none”.
NONE_CHARGED = re.compile(r"(?:未|没有|无|均未|暂未|尚未|从未|并未)[^，,。；]{0,10}?"
                          r"(?:收取|收费|收|产生|发生|涉及|存在|缴纳|出现|情况|事项)"
                          r"|不涉及|不存在|不收取|不予收取|不收费|免收|免费|免予收取|零收费"
                          r"|[：:]\s*无(?![^，,。；]{0,3}[法正])")
# 10 亿 / 100 亿 万元: beyond what an organ of that level charges in a year.
FEE_IMPLAUSIBLE = {OrgLevel.GOVERNMENT: Decimal(1_000_000)}
FEE_IMPLAUSIBLE_DEFAULT = Decimal(100_000)


@rule("F1", needs=("required_sections",))
def sections_present(ctx: Context):
    r = ctx.report
    for key in ctx.spec.raw["required_sections"]:
        s = ctx.spec.section(key)
        text = r.overview_text() if key == "overview" else r.text(key)
        if not text.strip():
            yield Finding("F1", Severity.ERROR, f"“{s.heading}”尚未填写。",
                          Location(section=key, text=f"{key}.intro" if key == "overview" else key))
    for s in ctx.spec.sections:
        tables = ctx.spec.tables_of(s.key)
        if tables and all(v is None for t in tables
                          for row in r.tables[t.key].values() for v in row.values()):
            yield Finding("F1", Severity.ERROR, f"“{s.heading}”的表格尚未填写。",
                          Location(section=s.key, table=tables[0].key))


@rule("F2", needs=("overview_topics",))
def overview_topics(ctx: Context):
    """一 covers 主动公开、依申请公开、政府信息管理、平台建设、监督保障."""
    r = ctx.report
    whole = r.overview_text()
    if not whole.strip():
        return  # F1 already says 一 is empty
    for topic in ctx.spec.topics:
        if r.text(f"overview.{topic.key}").strip() or any(w in whole for w in (topic.keyword, *topic.signals)):
            continue
        yield Finding("F2", Severity.WARNING,
                      f"“{ctx.spec.section('overview').heading}”没有写到“{topic.heading}”"
                      f"（格式要求涵盖{topic.keyword}）。",
                      Location(section="overview", text=f"overview.{topic.key}"), subject=topic.key)


@rule("F3", needs=("fee_statement",))
def fee_stated(ctx: Context):
    """六 states the 信息处理费 charged: an amount or an explicit none."""
    section = ctx.spec.raw["fee_statement"]["section"]
    text = ctx.report.text(section)
    if not text.strip():
        return  # F1
    if fee_statement(text) is not None:
        return
    heading = ctx.spec.section(section).heading
    fees = ctx.spec.table("fees")
    yield Finding("F3", Severity.WARNING,
                  f"“{heading}”没有说明信息处理费的收取情况（写明金额，或写明“未收取信息处理费”）。"
                  f"注意：{fees.short_name}{fees.rows[0].label}不是信息处理费。",
                  Location(section=section, text=section))


@lru_cache(maxsize=64)
def fee_statement(text: str) -> str | None:
    """The words that state the 信息处理费 (an amount, or that none was charged), if any.

    Read clause by clause: from the clause that names the fee to the end of its sentence
    (“依据《…信息处理费管理办法》，本机关未收取任何费用”), or the next sentence when that one speaks
    of charging (“关于信息处理费。本年度未收取。”); an amount elsewhere (行政事业性收费 1487.2 万元) is not it.
    """
    sentences = [m.group(0) for m in SENTENCE.finditer(text)]
    for i, sentence in enumerate(sentences):
        clauses = CLAUSE.split(ADMIN_FEES.sub("", sentence))
        for j, clause in enumerate(clauses):
            if not FEE.search(clause):
                continue
            after = "，".join(clauses[j:])
            following = sentences[i + 1] if i + 1 < len(sentences) else ""
            if not CHARGING.search(following):
                following = ""
            for candidate in (after, ADMIN_FEES.sub("", following)):
                plain = NOT_AN_AMOUNT.sub("", candidate)
                if candidate and (NONE_CHARGED.search(plain) or AMOUNT.search(plain)):
                    return candidate.strip()
    return None


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
    """A report for a year the format in force covers, written in an older format or with its rows."""
    r = ctx.report
    current = load_spec(CURRENT_TEMPLATE)
    if r.year < current.year_from:
        return
    if r.template != current.id:
        yield Finding("F5", Severity.WARNING,
                      f"{r.year} 年度报告应使用 {current.name}，但全文使用 {ctx.spec.name}。",
                      Location(), subject=r.template)
        return
    if not r.legacy:
        return
    older = "、".join(s.name for s in older_formats(current.id))
    items = r.legacy.get("format_2019_items") or sorted(r.legacy)
    yield Finding("F5", Severity.WARNING,
                  f"{r.year} 年度报告应使用 {current.name}，但含有 {older}的内容："
                  f"{'、'.join(map(str, items))}。",
                  Location(), subject=",".join(map(str, items)))


@rule("F6")
def fee_unit(ctx: Context):
    """表二（八） is in 万元: a unit 元 written in the cell, or an implausible amount, suggests 元.
    (A format whose amounts have no fixed unit, 2019's 采购总金额, is not checked.)"""
    for table in ctx.spec.tables:
        if table.unit.startswith("万元"):
            yield from _fee_unit(ctx, table)


def _fee_unit(ctx: Context, table):
    r = ctx.report
    for row in table.rows:
        for col in table.columns:
            v = r.tables[table.key][row.key][col.key]
            src = r.source_texts.get(f"{table.key}.{row.key}.{col.key}", "")
            where = Location(section=table.section, table=table.key, row=row.key, column=col.key)
            if "元" in src and "万" not in src:
                yield Finding("F6", Severity.WARNING,
                              f"{table.cell_label(row.key, col.key)}原文为“{src}”，单位应为万元，请换算。",
                              where, actual=v)
            elif v is not None and v > FEE_IMPLAUSIBLE.get(r.organization.level, FEE_IMPLAUSIBLE_DEFAULT):
                yield Finding("F6", Severity.WARNING,
                              f"{table.cell_label(row.key, col.key)}为 {fmt(v)} 万元，数额异常大，"
                              "是否误按“元”填写？本栏单位为万元。",
                              where, actual=v)
