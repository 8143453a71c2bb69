"""N1–N8: what the text says against what the tables show.

A figure in the text is compared with the table cell it names; where it can name two things
(“受理 N 件”: 新收, or 新收 + 上年结转) either is accepted. A figure the tables do not cover, or
whose cells are blank (A6 says so), is left alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from forms.model.findings import Finding, Location, Severity, fmt
from forms.model import CellValue, OrgLevel, Report
from forms.rules import Context, rule
from forms.rules.textfigures import Claim, Figure, read_text

APPLICATIONS = "applications"
REVIEW = "review_litigation"
LITIGATION = ("litigation_direct", "litigation_after_review")
LEGAL_PERSON_COLUMNS = ("commercial", "research", "social_welfare", "legal_service", "other_org")
# 表三 outcome groups as the text names them: (label, the spec's outcome groups it adds up).
OUTCOMES = {
    "granted": ("予以公开", ("granted",)),
    "partially_granted": ("部分公开", ("partially_granted",)),
    "granted+partial": ("予以公开＋部分公开", ("granted", "partially_granted")),
    "withheld": ("不予公开", ("withheld",)),
    "unavailable": ("无法提供", ("unavailable",)),
    "rejected": ("不予处理", ("rejected",)),
    "other_processing": ("其他处理", ("other_processing",)),
}
# What a 规章/规范性文件 count may be in 表二（一）, by the verb before it; the 2019 format's
# 本年新制作 / 本年新公开 / 对外公开总数 for reports kept in that format.
REGULATION_READINGS: dict[str, list[tuple[str, ...]]] = {
    "issued": [("issued",), ("made",), ("published",)],
    "published": [("issued",), ("issued", "repealed"), ("published",), ("made",)],
    "repealed": [("repealed",)],
    "in_force": [("in_force",), ("total_public",)],
}

APPLICATION_KINDS = {"received", "received_new", "carried_over", "handled", "handled_any", "carried_forward"}
FEE_MENTION = re.compile(r"处理费|信息处理|收费|收取费用|费用")


@dataclass(frozen=True)
class Reading:
    """One thing a stated figure may mean in the tables."""
    label: str          # 新收, 新收＋上年结转 …
    value: CellValue
    cell: tuple[str, str, str]  # the table cell to show: table, row, column
    description: str    # 表三“本年新收”申请总计


@dataclass(frozen=True)
class Comparison:
    key: str            # text key: "overview.on_request", "problems" …
    figure: Figure
    readings: tuple[Reading, ...]  # only those with a value in the tables
    matched: Reading | None

    @property
    def code(self) -> str:
        kind = self.figure.kind
        if kind in APPLICATION_KINDS:
            return "N1"
        if kind in OUTCOMES:
            return "N2"
        if kind in ("rules", "normative_docs"):
            return "N7"
        return "N3"


# --- what the tables hold ----------------------------------------------------------------
def _applications_total(ctx: Context, row: str) -> CellValue:
    """A row's 总计; a document written elsewhere may leave it blank beside filled columns."""
    vals = ctx.values(APPLICATIONS).get(row)
    if vals is None:
        return None
    if vals.get("total") is not None:
        return vals["total"]
    return _sum(v for k, v in vals.items() if k != "total")


def _sum(values) -> CellValue:
    filled = [v for v in values if v is not None]
    return sum(filled) if filled else None


def _has_table(ctx: Context, table: str) -> bool:
    return any(t.key == table for t in ctx.spec.tables)


def _app_reading(ctx: Context, label: str, rows: tuple[str, ...], description: str) -> Reading:
    value = _sum(_applications_total(ctx, r) for r in rows)
    return Reading(label, value, (APPLICATIONS, rows[0], "total"), description)


def _readings(ctx: Context, figure: Figure) -> list[Reading]:
    kind = figure.kind
    if kind in APPLICATION_KINDS or kind in OUTCOMES:
        if not _has_table(ctx, APPLICATIONS):
            return []
    new = lambda: _app_reading(ctx, "新收", ("new_received",), "表三“本年新收”申请总计")  # noqa: E731
    both = lambda: _app_reading(ctx, "新收＋上年结转", ("new_received", "carried_over"),  # noqa: E731
                                "表三“本年新收”与“上年结转”之和")
    results = lambda: _app_reading(ctx, "办理结果总计", ("results_total",),  # noqa: E731
                                   f"表三“{ctx.spec.table(APPLICATIONS).row('results_total').label}”")
    if kind == "received_new":
        return [new()]
    if kind == "received":
        return [new(), both()]
    if kind == "handled":
        return [results()]
    if kind == "handled_any":
        return [results(), new(), both()]
    if kind == "carried_over":
        return [_app_reading(ctx, "上年结转", ("carried_over",), "表三“上年结转”申请总计")]
    if kind == "carried_forward":
        return [_app_reading(ctx, "结转下年度", ("carried_forward",), "表三“结转下年度继续办理”总计")]
    if kind in OUTCOMES:
        label, keys_of = OUTCOMES[kind]
        groups = [g for g in (ctx.spec.table(APPLICATIONS).outcomes.get(k) for k in keys_of) if g]
        keys = [row for g in groups for row in g.rows]
        if not keys:
            return []
        out = [_app_reading(ctx, label, tuple(keys), "表三" + _outcome_name(groups))]
        named = tuple(r for r in figure.rows if r in keys)
        if named:  # the rows the sentence's reason names, without 等
            table = ctx.spec.table(APPLICATIONS)
            labels = "、".join(f"“{table.row(r).label}”" for r in named)
            out.append(_app_reading(ctx, "、".join(table.row(r).label for r in named), named,
                                    f"表三{labels}总计"))
        return out
    if kind in ("rules", "normative_docs"):
        return _regulation_readings(ctx, figure)
    return _case_readings(ctx, kind)


def _outcome_name(groups) -> str:
    """“（一）予以公开”总计, “（三）不予公开”各项总计之和, “（一）予以公开”与“（二）部分公开”总计之和."""
    names = "与".join(f"“{g.label}”" for g in groups)
    if len(groups) > 1:
        return f"{names}总计之和"
    return f"{names}{'各项总计之和' if len(groups[0].rows) > 1 else '总计'}"


def _case_readings(ctx: Context, kind: str) -> list[Reading]:
    if not _has_table(ctx, REVIEW):
        return []
    groups, _, column = kind.partition(".")
    rows = LITIGATION if groups == "litigation" else tuple(groups.split("+"))
    column = column or "total"
    vals = ctx.values(REVIEW)
    value = _sum(vals[r][column] for r in rows)
    table = ctx.spec.table(REVIEW)
    if rows == LITIGATION:
        parent = table.row(rows[0]).group or ""
        name = (f"{table.short_name}“{parent}”" + (f"“{table.column(column).label}”" if column != "total" else "总计")
                + f"（{'与'.join(table.row(r).label for r in rows)}之和）")
    else:
        name = table.cell_label(rows[0], column)
    return [Reading(name.removeprefix("表四"), value, (REVIEW, rows[0], column), name)]


def _regulation_readings(ctx: Context, figure: Figure) -> list[Reading]:
    if not _has_table(ctx, "regulations"):
        return []
    table = ctx.spec.table("regulations")
    row = figure.kind
    out = []
    for cols in REGULATION_READINGS[figure.column]:
        if all(table.has_cell(row, c) for c in cols):
            value = _sum(ctx.value("regulations", row, c) for c in cols)
            label = "＋".join(table.column(c).label for c in cols)
            description = (table.cell_label(row, cols[0]) if len(cols) == 1 else
                           f"{table.short_name}“{table.row(row).label}”" + "与".join(f"“{table.column(c).label}”"
                                                                                 for c in cols) + "之和")
            out.append(Reading(label, value, ("regulations", row, cols[0]), description))
    return out


# --- comparing -----------------------------------------------------------------------------
def _texts(ctx: Context) -> Iterator[tuple[str, str]]:
    for key in ctx.report.text_keys:
        text = ctx.report.text(key)
        if text.strip():
            yield key, text


def _compare(ctx: Context) -> list[Comparison]:
    out = []
    for key, text in _texts(ctx):
        for figure in read_text(text)[0]:
            if figure.period and figure.period != str(ctx.report.year):
                continue  # last year's figure, quoted for comparison
            by_value: dict[CellValue, Reading] = {}
            for r in _readings(ctx, figure):  # 新收 = 新收＋上年结转 when nothing was carried over
                if r.value is not None:
                    by_value.setdefault(r.value, r)
            if not by_value:
                continue  # not in the tables, or blank there (A6)
            out.append(Comparison(key, figure, tuple(by_value.values()), by_value.get(figure.value)))
    return out


def comparisons(report: Report) -> list[Comparison]:
    """Every stated figure the tables cover, with the reading that matched (None: a contradiction)."""
    return _compare(Context(report))


def _is_government(ctx: Context) -> bool:
    return ctx.report.organization.level is OrgLevel.GOVERNMENT


def _mismatches(ctx: Context) -> list[tuple[str, Comparison]]:
    """The five mismatch rules share one comparison per run (the editor checks on every keystroke)."""
    return ctx.memo("text.mismatches", lambda: list(_find_mismatches(ctx)))


def _find_mismatches(ctx: Context) -> Iterator[tuple[str, Comparison]]:
    """(code, comparison) for each contradiction, N6 where the figure's scope explains it."""
    all_cmp = _compare(ctx)
    agreeing = {(c.figure.kind, c.figure.column) for c in all_cmp if c.matched is not None}
    for c in all_cmp:
        if c.matched is not None:
            continue
        scope = c.figure.scope
        if scope and (c.figure.kind, c.figure.column) in agreeing:
            continue  # 全市 707 件 beside 市政府 50 件: two scopes, and the table's is stated too
        if scope == "area" and not _is_government(ctx):
            continue  # a 全县 figure in a department's report: its tables do not cover the county
        if scope == "own" and _is_government(ctx) and c.code != "N7":
            yield "N6", c  # the organ's own figure beside what may be a consolidated table
            continue
        yield c.code, c


def _where(ctx: Context, key: str) -> tuple[str | None, str]:
    """(section key, how a clerk names the text) for a text key."""
    head, _, tail = key.partition(".")
    spec = ctx.spec
    if head == "overview":
        heading = spec.section("overview").heading
        topic = next((t for t in spec.topics if t.key == tail), None)
        return "overview", heading + (topic.heading if topic else "")
    if head == "notes":
        table = spec.table(tail)
        return table.section, f"{table.short_name}下的说明"
    if head in ("problems", "other"):
        return head, spec.section(head).heading
    return None, "报告开头"


def _finding(ctx: Context, code: str, c: Comparison) -> Finding:
    section, where = _where(ctx, c.key)
    f = c.figure
    first = c.readings[0]
    said = "；".join(f"{r.description}为{fmt(r.value)}件" for r in c.readings)
    message = f"{where}写“{f.phrase}”，但{said}。"
    if code == "N6":
        message = (f"{where}写“{f.phrase}”（口径：“{f.scope_word}”），但{said}。"
                   "文中是本机关的数字，表格若为汇总数，请在文中写明口径或一并写出汇总数字。")
    elif len(c.readings) > 1:
        message = message[:-1] + "，均不相符。"
    table, row, column = first.cell
    text = ctx.report.text(c.key)
    return Finding(
        code, Severity.WARNING, message,
        Location(section=section, text=c.key, span=f.span),
        expected=first.value, actual=f.value, subject=f.phrase,
        details={"cell": {"table": table, "row": row, "column": column},
                 "stated": f.value, "table_value": first.value,
                 "matched": text[f.span[0]:f.span[1]],
                 "readings": [{"label": r.label, "value": r.value, "cell": list(r.cell)}
                              for r in c.readings]})


def _mismatch_rule(code: str) -> Callable[[Context], Iterator[Finding]]:
    def check(ctx: Context) -> Iterator[Finding]:
        for found, c in _mismatches(ctx):
            if found == code:
                yield _finding(ctx, code, c)
    check.__name__ = f"text_{code.lower()}"
    check.__qualname__ = check.__name__
    return check


text_n1 = rule("N1")(_mismatch_rule("N1"))  # 收到/受理/办结/结转 against 表三
text_n2 = rule("N2")(_mismatch_rule("N2"))  # 予以公开 … 其他处理 against 表三's groups
text_n3 = rule("N3")(_mismatch_rule("N3"))  # 行政复议 / 行政诉讼 against 表四


# --- claims without numbers ----------------------------------------------------------------
def _claims(ctx: Context, kinds: set[str]) -> Iterator[tuple[str, Claim]]:
    for key, text in _texts(ctx):
        for claim in read_text(text)[1]:
            if claim.kind in kinds:
                yield key, claim


def _claim_finding(ctx: Context, code: str, key: str, claim: Claim,
                   cells: list[tuple[str, str, str, CellValue]], said: str) -> Finding:
    section, where = _where(ctx, key)
    table, row, column, value = cells[0]
    text = ctx.report.text(key)
    return Finding(
        code, Severity.WARNING, f"{where}写“{claim.phrase}”，但{said}。",
        Location(section=section, text=key, span=claim.span),
        expected=value, actual=claim.phrase, subject=claim.phrase,
        details={"cell": {"table": table, "row": row, "column": column},
                 "stated": claim.phrase, "table_value": value,
                 "matched": text[claim.span[0]:claim.span[1]],
                 "cells": [{"table": t, "row": r, "column": c, "value": v} for t, r, c, v in cells]})


def _contradicted(ctx: Context, code: str, key: str, claim: Claim, table, cells: list) -> Iterator[Finding]:
    """A claim of none (均获维持, 未发生, 均为自然人) against the cells that count some: one finding naming them."""
    cells = [cell for cell in cells if cell[3] is not None and cell[3] > 0]
    if cells:
        said = "、".join(f"{table.cell_label(r, c)}为{fmt(v)}件" for _, r, c, v in cells)
        yield _claim_finding(ctx, code, key, claim, cells, said)


@rule("N4")
def all_upheld(ctx: Context):
    """“均获维持 / 均胜诉 / 零败诉” while 表四 has 结果纠正 (or, for 维持/胜诉, 尚未审结) above 0."""
    if not _has_table(ctx, REVIEW):
        return
    table = ctx.spec.table(REVIEW)
    vals = ctx.values(REVIEW)
    for key, claim in _claims(ctx, {"all_upheld", "all_won", "none_lost"}):
        # 零败诉 says nothing was lost; a case still pending is not lost.
        columns = ("corrected",) if claim.kind == "none_lost" else ("corrected", "pending")
        yield from _contradicted(ctx, "N4", key, claim, table,
                                 [(REVIEW, g, col, vals[g][col]) for g in claim.groups for col in columns])


@rule("N3")
def no_cases(ctx: Context):
    """“未发生…行政复议、行政诉讼” while 表四 counts cases."""
    if not _has_table(ctx, REVIEW):
        return
    table = ctx.spec.table(REVIEW)
    vals = ctx.values(REVIEW)
    for key, claim in _claims(ctx, {"no_cases"}):
        rows = [r for g in claim.groups for r in ((g,) if g == "review" else LITIGATION)]
        yield from _contradicted(ctx, "N3", key, claim, table, [(REVIEW, r, "total", vals[r]["total"]) for r in rows])


@rule("N5")
def applicants_claims(ctx: Context):
    """“均为自然人申请” while a legal-person column is above 0; “未收到…申请” while 一 is above 0."""
    if not _has_table(ctx, APPLICATIONS):
        return
    table = ctx.spec.table(APPLICATIONS)
    new = ctx.values(APPLICATIONS)["new_received"]
    for key, claim in _claims(ctx, {"all_natural_persons", "none_received"}):
        if claim.kind == "all_natural_persons":
            cells = [(APPLICATIONS, "new_received", c, new.get(c)) for c in LEGAL_PERSON_COLUMNS]
        else:
            cells = [(APPLICATIONS, "new_received", "total", _applications_total(ctx, "new_received"))]
        yield from _contradicted(ctx, "N5", key, claim, table, cells)


text_n6 = rule("N6")(_mismatch_rule("N6"))  # 本机关 figures in a government's report
text_n7 = rule("N7")(_mismatch_rule("N7"))  # 规章 / 规范性文件 against 表二（一）


@rule("N8")
def fee_not_mentioned(ctx: Context):
    """表三（六）2 (fee not paid) above 0, yet 六 says nothing of the 信息处理费."""
    if not _has_table(ctx, APPLICATIONS):
        return
    table = ctx.spec.table(APPLICATIONS)
    if not any(r.key == "other_fee_unpaid" for r in table.rows):
        return  # the 2019 format has no such row
    unpaid = _applications_total(ctx, "other_fee_unpaid")
    other = ctx.report.text("other")
    if not unpaid or not other.strip() or FEE_MENTION.search(other):
        return  # nothing unpaid; or 六 is empty (F1 says so); or it speaks of the fee
    section, where = _where(ctx, "other")
    yield Finding(
        "N8", Severity.WARNING,
        f"{table.cell_label('other_fee_unpaid', 'total')}为{fmt(unpaid)}件（申请人逾期未缴纳信息处理费），"
        f"说明本年发出过收费通知，但“{where}”没有说明信息处理费的收取情况。",
        Location(section=section, text="other"), expected=None, actual=unpaid, subject="other_fee_unpaid",
        details={"cell": {"table": APPLICATIONS, "row": "other_fee_unpaid", "column": "total"},
                 "stated": None, "table_value": unpaid, "matched": ""})


__all__ = ["Comparison", "Reading", "comparisons"]
