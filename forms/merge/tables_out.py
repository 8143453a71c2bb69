"""Units × every cell, for the office's records: CSV (opens in Excel/WPS), one row a unit."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from forms.model.consolidation import Unit
from forms.model.findings import _jsonable
from forms.model.consolidation import unit_getter, value_of
from forms.model import Report
from forms.spec import CURRENT_TEMPLATE, load_spec

HEAD = ["单位", "文件", "本级", "年度", "格式", "状态", "错误", "警告", "计入汇总", "未计入原因"]


def all_cells() -> list[tuple[str, str, str]]:
    """Every cell of tables 二, 三, 四, totals included, in the printed order."""
    return [(t.key, r, c) for t in load_spec(CURRENT_TEMPLATE).tables for r, c in t.cells()]


def rows(report: Report) -> list[list]:
    """The header, one row a unit, then the consolidated figures and the count of blank units."""
    spec = load_spec(CURRENT_TEMPLATE)
    cells = all_cells()
    out: list[list] = [HEAD + [spec.table(t).cell_label(r, c) for t, r, c in cells],
           [""] * len(HEAD) + [f"{t}.{r}.{c}" for t, r, c in cells]]
    for unit in report.consolidation.units:
        out.append(_head(unit) + _values(unit, cells))
    out.append(["汇总（计入的单位）"] + [""] * (len(HEAD) - 1) +
               [_plain(report.value(*cell)) for cell in cells])
    included = report.consolidation.included()
    out.append(["此格空白的单位数"] + [""] * (len(HEAD) - 1) +
               [sum(1 for u in included if value_of(unit_getter(u.values), *cell) is None) for cell in cells])
    return out


def _head(u: Unit) -> list:
    return [u.name, Path(u.file).name, "是" if u.is_self else "", u.year or "", u.format, u.status.label,
            u.errors, u.warnings, "是" if u.included else "否", u.excluded]


def _values(u: Unit, cells) -> list:
    if not u.values:
        return [""] * len(cells)
    get = unit_getter(u.values)
    return [_plain(value_of(get, *cell)) for cell in cells]


def _plain(value):
    return "" if value is None else _jsonable(value)


def write_csv(report: Report, path: str | os.PathLike) -> None:
    """UTF-8 with a byte-order mark, so Excel on Windows reads the Chinese as Chinese."""
    from forms.model.store import write_atomic
    buf = io.StringIO()
    csv.writer(buf).writerows(rows(report))
    write_atomic(path, "\ufeff" + buf.getvalue())
