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
    """An older format's cells where its spec's migration table puts them in the format in force
    (2019's single （六）其他处理 row under 3.其他, its 本年新制作数量 under 本年制发件数)."""
    migration = report.spec.migration
    index = cell_index()
    values: list[UnitValue] = [None] * len(index)
    notes: list[str] = []
    for table, rows in report.tables.items():
        for row, cols in rows.items():
            for column, value in cols.items():
                target, move = migration.move((table, row, column)) if migration else (None, None)
                key = ".".join(target) if target else None
                if key not in index:
                    continue
                values[index[key]] = add(values[index[key]], value)
                if move is not None and move.approximate and move.note not in notes:
                    notes.append(move.note)
    current = load_spec(CURRENT_TEMPLATE)
    said = f"（{'；'.join(notes)}）" if notes else ""
    return values, f"按{report.spec.name}填报，已按{current.name}对应关系计入{said}"
