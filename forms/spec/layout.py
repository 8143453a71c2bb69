"""The printed layout of a table, derived from the spec: merged header cells and where data sits.

The Qt tables, the DOCX and the HTML all draw a table from one `TableGrid`, so the merged
header cells of the official Word template (申请人情况 / 法人或其他组织 over the columns, the nested
row groups 三、本年度办理结果 / （三）不予公开 …) are worked out once, here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from forms.spec import Table, load_spec


@dataclass(frozen=True)
class HeaderCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    kind: str = "column"  # "corner", "column" (column header) or "row" (row label)
    key: str | None = None  # the canonical key of the column or row it labels, if a leaf


@dataclass(frozen=True)
class TableGrid:
    table: Table
    n_rows: int            # header rows + data rows
    n_cols: int            # label columns + data columns
    header_rows: int
    label_cols: int
    headers: tuple[HeaderCell, ...]
    positions: dict        # (row_key, column_key) -> (grid row, grid col)

    def data_rows(self) -> list[list[tuple[str, str]]]:
        """The data cells, one list per printed line, in grid order."""
        lines: dict[int, list] = {}
        for cell, (r, c) in sorted(self.positions.items(), key=lambda kv: kv[1]):
            lines.setdefault(r, []).append(cell)
        return [lines[r] for r in sorted(lines)]


def _spans(paths: list[tuple[str, ...]]) -> list[tuple[int, int, int, str]]:
    """Merge equal ancestors that follow each other: (level, start, length, text)."""
    out = []
    depth = max((len(p) for p in paths), default=0)
    for level in range(depth):
        start = 0
        while start < len(paths):
            if len(paths[start]) <= level:
                start += 1
                continue
            prefix = paths[start][:level + 1]
            end = start
            while end + 1 < len(paths) and paths[end + 1][:level + 1] == prefix:
                end += 1
            out.append((level, start, end - start + 1, prefix[-1]))
            start = end + 1
    return out


def _column_leaves(table: Table) -> list[tuple[tuple[str, ...], str, str]]:
    """(ancestor labels, leaf label, key) for each printed column, left to right."""
    if table.rows_as_column_groups:
        return [(tuple(x for x in (r.group, r.label) if x), c.label, f"{r.key}.{c.key}")
                for r in table.rows for c in table.columns]
    top = (table.column_header,) if table.column_header else ()
    return [(top + ((c.group,) if c.group else ()), c.label, c.key) for c in table.columns]


@cache
def table_grid(template: str, table_key: str) -> TableGrid:
    table = load_spec(template).table(table_key)
    headers: list[HeaderCell] = []

    leaves = _column_leaves(table)
    header_rows = max(len(p) for p, _, _ in leaves) + 1
    if table.rows_as_column_groups:
        row_paths: list[tuple[str, ...]] = []
        label_cols = 0
    else:
        row_paths = [tuple(x for x in (r.group, r.subgroup) if x) for r in table.rows]
        label_cols = max(len(p) for p in row_paths) + 1

    for level, start, length, text in _spans([p for p, _, _ in leaves]):
        headers.append(HeaderCell(text, level, label_cols + start, 1, length, "column"))
    for i, (path, label, key) in enumerate(leaves):
        headers.append(HeaderCell(label, len(path), label_cols + i, header_rows - len(path), 1,
                                  "column", key))

    if label_cols:
        corner = table.note or table.row_header or ""
        headers.append(HeaderCell(corner, 0, 0, header_rows, label_cols, "corner"))
        for level, start, length, text in _spans(row_paths):
            headers.append(HeaderCell(text, header_rows + start, level, length, 1, "row"))
        for i, (path, row) in enumerate(zip(row_paths, table.rows)):
            headers.append(HeaderCell(row.label, header_rows + i, len(path), 1,
                                      label_cols - len(path), "row", row.key))

    positions = {}
    if table.rows_as_column_groups:
        for i, (_, _, key) in enumerate(leaves):
            positions[tuple(key.split("."))] = (header_rows, i)
        n_rows = header_rows + 1
    else:
        for i, row in enumerate(table.rows):
            for j, col in enumerate(table.columns):
                positions[(row.key, col.key)] = (header_rows + i, label_cols + j)
        n_rows = header_rows + len(table.rows)
    headers.sort(key=lambda h: (h.row, h.col))
    return TableGrid(table, n_rows, label_cols + len(leaves), header_rows, label_cols,
                     tuple(headers), positions)
