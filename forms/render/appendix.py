"""附：各单位数据汇总 — a consolidated report's units × key figures, printed after its sections when
the clerk asks for it (`Consolidation.appendix`). One table view, so DOCX and HTML render it as
they render the format's own tables."""
from __future__ import annotations

from forms.model import Report
from forms.model.consolidation import Unit, UnitValue, add, unit_getter, value_of
from forms.render.view import Block, GridCell, TableView, column_widths, format_value
from forms.spec import CURRENT_TEMPLATE, load_spec

HEADING = "附：各单位数据汇总"
CAPTION = "各单位数据汇总"


def _figures() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(column heading, the cells it adds up) for each key figure."""
    reviews = load_spec(CURRENT_TEMPLATE).table("review_litigation")
    return [
        ("新收申请", [("applications", "new_received", "total")]),
        ("上年结转", [("applications", "carried_over", "total")]),
        ("办结", [("applications", "results_total", "total")]),
        ("结转下年", [("applications", "carried_forward", "total")]),
        (reviews.row("review").label, [("review_litigation", "review", "total")]),
        (reviews.row("litigation_direct").group or "", [("review_litigation", "litigation_direct", "total"),
                                                        ("review_litigation", "litigation_after_review", "total")]),
        ("制发文件", [("regulations", "rules", "issued"), ("regulations", "normative_docs", "issued")]),
    ]


def _value(unit: Unit, cells) -> UnitValue:
    get = unit_getter(unit.values)
    total: UnitValue = None
    for cell in cells:
        total = add(total, value_of(get, *cell))
    return total


def appendix_blocks(report: Report) -> list[Block]:
    cons = report.consolidation
    if cons is None or not cons.appendix:
        return []
    figures = _figures()
    units = cons.included()
    n_cols = 1 + len(figures)
    cells = [GridCell("单位", 0, 0, 1, 1, "column", "appendix-h0", scope="col")]
    cells += [GridCell(head, 0, c, 1, 1, "column", f"appendix-h{c}", scope="col")
              for c, (head, _) in enumerate(figures, 1)]
    rows = [(u.display_name, [_value(u, parts) for _, parts in figures]) for u in units]
    totals = [_sum_cells(report, parts) for _, parts in figures]
    rows.append(("合计", totals))
    for r, (name, values) in enumerate(rows, 1):
        cells.append(GridCell(name, r, 0, 1, 1, "row", f"appendix-r{r}", scope="row"))
        cells += [GridCell(format_value(v), r, c, 1, 1, "data", f"appendix-r{r}-c{c}",
                           (f"appendix-r{r}", f"appendix-h{c}")) for c, v in enumerate(values, 1)]
    view = TableView("appendix", CAPTION, len(rows) + 1, n_cols, 1, 1, tuple(cells),
                     column_widths(n_cols, 1, len(figures)))
    note = f"共 {len(units)} 个单位" + (f"，其中本级 {cons.self_unit().name}" if cons.self_unit() else "") + "。"
    return [Block("heading1", HEADING, "appendix"), Block("tables", tables=(view,)), Block("note", note)]


def _sum_cells(report: Report, cells) -> UnitValue:
    total: UnitValue = None
    for cell in cells:
        total = add(total, report.value(*cell))
    return total
