"""The cells a consolidation sums, and a unit's figures as one list aligned with them."""
from __future__ import annotations

from forms.model.consolidation import UnitValue, add, cell_index, cell_keys, split_key
from forms.model import Report
from forms.spec import CURRENT_TEMPLATE, Table, load_spec


def table_of(key: str) -> Table:
    return load_spec(CURRENT_TEMPLATE).table(key.split(".", 1)[0])


def cell_label(key: str) -> str:
    table, row, column = split_key(key)
    return table_of(key).cell_label(row, column)


def parse_cell_key(text: str) -> tuple[str, str, str]:
    """A cell a clerk names on the command line; KeyError with a Chinese message when unknown."""
    parts = text.strip().split(".")
    spec = load_spec(CURRENT_TEMPLATE)
    try:
        table = spec.table(parts[0])
        if len(parts) == 3 and table.has_cell(parts[1], parts[2]):
            return parts[0], parts[1], parts[2]
    except KeyError:
        pass
    raise KeyError(f"没有单元格“{text}”：请写成“表.行.列”，例如 applications.granted.natural_person")


def values_2021(report: Report) -> tuple[list[UnitValue], str]:
    """The report's entered cells in `cell_keys()` order, and a note when it was written in another
    format (a 2019-format report goes through the 2019 → 2021 mapping, as next year's draft does)."""
    if report.template == CURRENT_TEMPLATE:
        tables = report.tables
        return [tables[t][r][c] for t, r, c in map(split_key, cell_keys())], ""
    return _mapped(report)


def _mapped(report: Report) -> tuple[list[UnitValue], str]:
    """An older format's cells under the same keys in the format in force; 2019's single
    （六）其他处理 row under 3.其他, its 本年新制作数量 under 本年制发件数 (as the importer reads them)."""
    from forms.importers.mapping import RENAMED_2019_COLUMNS, UNSPLIT_2019_ROWS
    index = cell_index()
    values: list[UnitValue] = [None] * len(index)
    for table, rows in report.tables.items():
        for row, cols in rows.items():
            for column, value in cols.items():
                key = (f"{table}.{UNSPLIT_2019_ROWS.get((table, row), row)}."
                       f"{RENAMED_2019_COLUMNS.get((table, column), column)}")
                if key in index:
                    values[index[key]] = add(values[index[key]], value)
    return values, "按 2019 年版格式填报，已按 2021 年版对应关系计入（（六）其他处理计入“3.其他”，本年新制作数量计入本年制发件数）"
