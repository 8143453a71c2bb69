"""A1–A6: the arithmetic of the tables."""
from __future__ import annotations

from decimal import Decimal

from forms.model.findings import Finding, Location, Severity, fmt
from forms.rules import Context, rule
from forms.spec import older_formats


def _sum(values) -> int | Decimal:
    return sum(v for v in values if v is not None)


def _table_is_blank(ctx: Context, table: str) -> bool:
    return all(v is None for row in ctx.report.tables[table].values() for v in row.values())


@rule("A1")
def balance(ctx: Context):
    """一 + 二 = （七）总计 + 四, in every column of 表三 (the official note under its header)."""
    for b in ctx.spec.balances:
        table = ctx.spec.table(b.table)
        if _table_is_blank(ctx, b.table):
            continue  # F1 says the table is empty; a balance of nothing says nothing more
        vals = ctx.values(b.table)
        r = ctx.report
        # While drafting, a column still being filled in is not yet unbalanced: it is unfinished.
        filling = r.drafting and not ctx.final and b.table not in r.finished_tables
        for col in table.columns:
            left = [vals[row][col.key] for row in b.left]
            right = [vals[row][col.key] for row in b.right]
            if all(v is None for v in left + right) or (filling and any(v is None for v in left + right)):
                continue
            lsum, rsum = _sum(left), _sum(right)
            if lsum == rsum:
                continue
            lpart = "＋".join(f"{_short(table.row(r).label)}（{fmt(v)}）" for r, v in zip(b.left, left))
            rpart = "＋".join(f"{_short(table.row(r).label)}（{fmt(v)}）" for r, v in zip(b.right, right))
            yield Finding(
                "A1", Severity.ERROR,
                f"{table.short_name}“{col.label}”列不平衡：{lpart}＝{fmt(lsum)}，"
                f"而{rpart}＝{fmt(rsum)}，相差 {fmt(abs(lsum - rsum))}。",
                Location(section=table.section, table=table.key, column=col.key),
                expected=lsum, actual=rsum,
                details={"left": dict(zip(b.left, left)), "right": dict(zip(b.right, right))})


def _short(label: str) -> str:
    """一、本年新收政府信息公开申请数量 -> 一、本年新收; （七）总计 stays."""
    for cut in ("政府信息公开申请数量", "继续办理"):
        label = label.replace(cut, "")
    return label


def _stated_total_findings(ctx: Context, table_key: str, code: str, *, by_row: bool):
    """A total written in the source document that is not the sum of its parts as written.

    The parts are read as the document shows them (a stated sub-total where there is one), so
    one wrong （七）总计 cell is one A2, not also an A3 on a row that balances as published.
    """
    stated = ctx.stated.get(table_key)
    if not stated:
        return  # a document drafted here: its totals are computed, they cannot disagree
    table = ctx.spec.table(table_key)
    values = ctx.values(table_key)
    for row_key, cols in stated.items():
        for col_key, written in cols.items():
            if written is None or not table.has_cell(row_key, col_key):
                continue
            r, c = table.row(row_key), table.column(col_key)
            parts_of = c.sum_of if by_row else r.sum_of
            if not parts_of:
                continue
            parts = ([values[row_key][k] for k in parts_of] if by_row
                     else [values[k][col_key] for k in parts_of])
            if all(p is None for p in parts):
                continue
            total = _sum(parts)
            if total != written:
                yield Finding(
                    code, Severity.ERROR,
                    f"{table.cell_label(row_key, col_key)}填写为 {fmt(written)}，"
                    f"但其各分项之和为 {fmt(total)}。",
                    Location(section=table.section, table=table_key, row=row_key, column=col_key),
                    expected=total, actual=written)


@rule("A2", needs=("table:applications",))
def results_total_is_sum(ctx: Context):
    """（七）总计 as written = the sum of the result rows (documents written elsewhere)."""
    yield from _stated_total_findings(ctx, "applications", "A2", by_row=False)


@rule("A3", needs=("table:applications",))
def row_total_is_sum(ctx: Context):
    """总计 as written = the six applicant columns (documents written elsewhere)."""
    yield from _stated_total_findings(ctx, "applications", "A3", by_row=True)


@rule("A4", needs=("table:review_litigation",))
def review_total_is_sum(ctx: Context):
    """表四: each group's 总计 as written = 维持 + 纠正 + 其他 + 尚未审结."""
    yield from _stated_total_findings(ctx, "review_litigation", "A4", by_row=True)


@rule("A5")
def valid_numbers(ctx: Context):
    for table in ctx.spec.tables:
        signed, amounts = table.signed_columns, table.amount_columns
        for row_key, cols in ctx.report.tables[table.key].items():
            for col_key, v in cols.items():
                if v is None:
                    continue
                amount = col_key in amounts
                wrong = None
                if v < 0 and col_key not in signed:
                    wrong = "不能为负数"
                elif not amount and isinstance(v, Decimal) and v != v.to_integral_value():
                    wrong = "应为整数（件数）"
                if wrong:
                    yield Finding(
                        "A5", Severity.ERROR,
                        f"{table.cell_label(row_key, col_key)}为 {fmt(v)}，{wrong}。",
                        Location(section=table.section, table=table.key, row=row_key, column=col_key),
                        actual=v)


@rule("A6")
def no_blanks(ctx: Context):
    """A blank cell where the format wants a number (0 when there was none)."""
    severity = Severity.ERROR if ctx.final else Severity.WARNING
    r = ctx.report
    unsplit = _held_unsplit(ctx)
    for table in ctx.spec.tables:
        if r.drafting and not ctx.final and table.key not in r.finished_tables:
            continue  # while drafting, blanks are progress: only a table marked finished is checked
        if all(_table_is_blank(ctx, t.key) for t in ctx.spec.tables_of(table.section)):
            continue  # F1 reports the empty section once instead of every cell (表二 is four tables)
        for row_key, cols in ctx.report.tables[table.key].items():
            for col_key, v in cols.items():
                if v is not None or (table.key, row_key) in unsplit:
                    continue
                source = ctx.report.source_texts.get(f"{table.key}.{row_key}.{col_key}")
                if source is None and ctx.report.source_texts:  # imported, but this cell was not read
                    said = "未能从原文读取：请对照原文填写，没有发生的填 0。"
                else:
                    said = (f"为“{source.strip()}”" if source and source.strip() else "为空白") + "：没有发生的请填 0。"
                yield Finding(
                    "A6", severity,
                    f"{table.cell_label(row_key, col_key)}{said}",
                    Location(section=table.section, table=table.key, row=row_key, column=col_key))
        yield from _blank_written_totals(ctx, table, severity)


def _held_unsplit(ctx: Context) -> set[tuple[str, str]]:
    """Rows an older format's single row still holds (a 2021-format report with 2019's one
    （六）其他处理 row): not blank but unsplit, which F5 says once, not A6 cell by cell."""
    held: set[tuple[str, str]] = set()
    for cell in ctx.report.legacy.get("format_2019_cells") or ():
        parts = str(cell.get("cell", "")).split(".")
        if len(parts) != 3:
            continue
        source = (parts[0], parts[1], parts[2])
        for spec in older_formats(ctx.report.template):
            target, move = spec.migration.move(source) if spec.migration else (None, None)
            if move is not None and target is not None:
                held |= {(target[0], row) for row in move.stands_for if row != target[1]}
    return held


def _blank_written_totals(ctx: Context, table, severity: Severity):
    """A total a source document left blank beside parts it filled in (its own blank, not ours)."""
    for row_key, cols in ctx.stated.get(table.key, {}).items():
        for col_key, written in cols.items():
            if written is not None or not table.has_cell(row_key, col_key):
                continue
            total = ctx.report.table_values(table.key)[row_key][col_key]
            if total is None:
                continue  # its parts are blank too: A6 names them
            yield Finding(
                "A6", severity,
                f"{table.cell_label(row_key, col_key)}在原文中为空白：应为各分项之和 {fmt(total)}。",
                Location(section=table.section, table=table.key, row=row_key, column=col_key),
                expected=total)
