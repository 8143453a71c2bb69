"""H1–H4: a consolidated report (汇总) against the units it was summed from.

They run on a report that carries a `consolidation` record (made by `nianbao merge` or the
editor's 汇总 page) and say nothing on any other report. The record's module is imported only
when a report carries one (forms.model builds its models on demand).
"""
from __future__ import annotations

from pathlib import Path

from forms.model.findings import Finding, Location, Severity, fmt
from forms.rules import Context, rule

NAMED = 6  # units named in one message; the rest are counted


def _names(names: list[str]) -> str:
    shown = "、".join(f"“{n}”" for n in names[:NAMED])
    return shown + (f"等 {len(names)} 个单位" if len(names) > NAMED else "")


@rule("H1")
def sum_of_units(ctx: Context):
    """Each consolidated cell equals the sum of the included units (a hand edit breaks it)."""
    cons = ctx.report.consolidation
    if cons is None:
        return
    from forms.model.consolidation import split_key, sums
    included = cons.included()
    for i, (key, s) in enumerate(zip(cons.cells, sums(cons))):
        table, row, column = split_key(key)
        actual = ctx.report.tables[table][row][column]
        if actual == s.value or s.value is None and actual == 0:  # 0 where every unit left it blank: A6's advice
            continue
        tspec = ctx.spec.table(table)
        parts = [f"{u.display_name} {fmt(u.values[i])}" for u in included if u.values[i]]
        shown = "、".join(parts[:NAMED]) + (f"等 {len(parts)} 个单位" if len(parts) > NAMED else "")
        yield Finding(
            "H1", Severity.ERROR,
            f"{tspec.cell_label(row, column)}为 {fmt(actual)}，各单位合计为 {fmt(s.value)}"
            + (f"（{shown}）" if shown else "（各单位均为空白）") + "。请核对，或重新汇总。",
            Location(section=tspec.section, table=table, row=row, column=column),
            expected=s.value, actual=actual)


@rule("H2")
def units_named(ctx: Context):
    """A unit unreadable, of another year, with errors, or missing against last year's set."""
    cons = ctx.report.consolidation
    if cons is None:
        return
    from forms.model.consolidation import UnitStatus
    for u in cons.units:
        if u.status is UnitStatus.UNREADABLE:
            yield Finding("H2", Severity.WARNING, f"单位报告“{Path(u.file).name}”无法读取，未计入汇总：{u.note}",
                          subject=u.file)
        elif u.status is UnitStatus.OTHER_YEAR:
            yield Finding("H2", Severity.WARNING, f"单位“{u.name}”报送的{u.excluded}请要求其报送 {ctx.report.year} 年度的报告。",
                          subject=u.file)
        elif u.status is UnitStatus.ERRORS and u.included:
            codes = "、".join(u.error_codes)
            yield Finding("H2", Severity.WARNING,
                          f"单位“{u.display_name}”的报告有 {u.errors} 个错误（{codes}），其数据已计入汇总："
                          "请其核实更正后重新报送，再“重新读取”。", subject=u.file)
    if cons.prior_units is None:
        return
    now = {u.name for u in cons.units if u.status is not UnitStatus.UNREADABLE}
    missing = [p.name for p in cons.prior_units if p.name not in now]
    if missing:
        yield Finding("H2", Severity.WARNING,
                      f"上年汇总的单位{_names(missing)}本年没有报告：请催报，或确认其已撤并（机构改革）。",
                      subject="missing:" + "|".join(missing))


@rule("H3")
def units_copied(ctx: Context):
    """Two units' text sections that read the same (inspectors mark 雷同 between units)."""
    cons = ctx.report.consolidation
    if cons is None:
        return
    by_file = {u.file: u for u in cons.units if u.included}
    for group in cons.similar:
        units = [by_file[f] for f in group.units if f in by_file]
        if len(units) < 2:
            continue
        yield Finding(
            "H3", Severity.WARNING,
            f"单位{_names([u.display_name for u in units])}的“{ctx.spec.section(group.section).heading}”几乎相同"
            f"（相同内容约占 {group.similarity}%），可能相互套用（雷同），请各单位按本单位情况撰写。",
            subject=group.section + ":" + "|".join(u.file for u in units), actual=group.similarity)


@rule("H4")
def set_changed(ctx: Context):
    """The set of units differs from last year's: which came and went, and what that does to 上年结转."""
    cons = ctx.report.consolidation
    if cons is None or cons.prior_units is None:
        return
    included = cons.included()
    before = {p.name: p for p in cons.prior_units}
    now = {u.name: u for u in included}
    came = [n for n in now if n not in before]
    went = [n for n in before if n not in now]
    if not came and not went:
        return
    carried = [i for i, k in enumerate(cons.cells) if k.startswith("applications.carried_over.")]
    brought = sum(now[n].values[i] or 0 for n in came for i in carried)
    taken = sum(sum(v for v in before[n].carried_forward if v) for n in went)
    parts = []
    if came:
        parts.append(f"新增{_names(came)}（其上年结转共 {brought} 件）")
    if went:
        parts.append(f"不再汇总{_names(went)}（其上年结转下年度共 {taken} 件）")
    yield Finding(
        "H4", Severity.WARNING,
        "与上年汇总相比，单位有变化：" + "；".join(parts) +
        f"。因此汇总的“二、上年结转”与上年报告的“结转下年度继续办理”相差 {brought - taken:+d} 件，请在报告中说明。",
        Location(section="applications", table="applications", row="carried_over", column="total"),
        details={"came": came, "went": went, "brought": brought, "taken": taken},
        subject="|".join(sorted(came)) + "/" + "|".join(sorted(went)))
