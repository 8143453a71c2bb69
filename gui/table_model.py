"""One official table as a Qt model: the whole printed grid, header cells included.

The grid comes from forms.spec.layout.table_grid(), so the view can merge cells exactly as the
Word template does. Data cells read the report (totals computed by the model); edits go
through SetCell on the document's undo stack.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from forms.model.findings import Finding, Severity
from forms.spec.layout import HeaderCell, table_grid
from forms.model import CellValue
from gui.commands import SetCell
from gui.document import Document
from forms.model.values import format_cell, parse_typed
from gui import palette as colors

KindRole = Qt.ItemDataRole.UserRole + 1      # "header", "entered" or "computed"
SeverityRole = Qt.ItemDataRole.UserRole + 2  # the worst open finding on the cell, or None
ValueRole = Qt.ItemDataRole.UserRole + 3     # the cell's value (None for blank)

HEADER_BACKGROUND = QColor(colors.HEADER_BACKGROUND)
COMPUTED_BACKGROUND = QColor(colors.COMPUTED_BACKGROUND)
COMPUTED_FOREGROUND = QColor(colors.COMPUTED_INK)
TINTS = {s: QColor(colors.CELL_TINT[s.value]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}

_Index = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    def __init__(self, doc: Document, table_key: str, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.grid = table_grid(doc.report.template, table_key)
        self.table = self.grid.table
        self.amount = self.table.value_type == "amount"
        self._cells = {pos: key for key, pos in self.grid.positions.items()}
        self._headers: dict[tuple[int, int], HeaderCell] = {(h.row, h.col): h for h in self.grid.headers}
        self._computed = {cell for cell in self.grid.positions if self.table.is_computed(*cell)}
        self._values = doc.report.table_values(table_key)
        self._findings: dict[tuple[str, str], list[Finding]] = {}
        self._index_findings()
        self._shown = self._snapshot()
        self._marked = self._marks()
        doc.cellsChanged.connect(self._cells_changed)
        doc.findingsChanged.connect(self._findings_changed)

    # --- the grid ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.grid.n_rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.grid.n_cols

    def cell_at(self, index: _Index) -> tuple[str, str] | None:
        """(row key, column key) of a data cell; None for header cells."""
        return self._cells.get((index.row(), index.column())) if index.isValid() else None

    def index_of(self, row: str, column: str) -> QModelIndex:
        r, c = self.grid.positions[(row, column)]
        return self.index(r, c)

    def header_at(self, row: int, column: int) -> HeaderCell | None:
        return self._headers.get((row, column))

    def data_rect(self) -> tuple[int, int, int, int]:
        """First and last grid row and column holding data."""
        rows = [r for r, _ in self._cells]
        cols = [c for _, c in self._cells]
        return min(rows), max(rows), min(cols), max(cols)

    def is_computed(self, cell: tuple[str, str]) -> bool:
        return cell in self._computed

    # --- reading -----------------------------------------------------------------------
    def value(self, cell: tuple[str, str]) -> CellValue:
        return self._values[cell[0]][cell[1]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self.cell_at(index)
        if cell is None:
            return self._header_data(index, role)
        computed = self.is_computed(cell)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_cell(self.value(cell))
        if role == ValueRole:
            return self.value(cell)
        if role == KindRole:
            return "computed" if computed else "entered"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == SeverityRole:
            worst = self._worst(cell)
            return worst.value if worst else None
        if role == Qt.ItemDataRole.BackgroundRole:
            worst = self._worst(cell)
            if worst:
                return TINTS[worst]
            return COMPUTED_BACKGROUND if computed else None
        if role == Qt.ItemDataRole.ForegroundRole and computed:
            return COMPUTED_FOREGROUND
        if role == Qt.ItemDataRole.FontRole and computed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell, computed)
        return None

    def _header_data(self, index: _Index, role: int):
        header = self.header_at(index.row(), index.column())
        if header is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header.text
        if role == KindRole:
            return "header"
        if role == Qt.ItemDataRole.BackgroundRole:
            return HEADER_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole:
            leaf_row_label = header.kind == "row" and header.key is not None
            horizontal = Qt.AlignmentFlag.AlignLeft if leaf_row_label else Qt.AlignmentFlag.AlignHCenter
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and len(header.text) > 12:
            return header.text
        return None

    def _worst(self, cell: tuple[str, str]) -> Severity | None:
        found = self._findings.get(cell)
        return min((f.severity for f in found), key=lambda s: s.rank) if found else None

    def _tooltip(self, cell: tuple[str, str], computed: bool) -> str:
        lines = [self.table.cell_label(*cell)]
        if computed:
            lines.append("合计，由各项自动计算，不能直接填写。")
        elif self.value(cell) is None:
            lines.append("空白（尚未填写）。没有发生的请填 0。")
        prior = self.doc.report.prior
        if prior is not None and self.table.key in prior.tables:
            before = prior.table_values(self.table.key).get(cell[0], {}).get(cell[1])
            lines.append(f"上年（{prior.year} 年）：{format_cell(before) or '空白'}")
        if self.doc.report.consolidation is not None:  # 汇总: who contributed what
            from forms.merge.explain import breakdown_lines
            lines += breakdown_lines(self.doc.report, self.table.key, *cell)
        lines += [f"【{f.severity.label}】{f.message}" for f in self._findings.get(cell, [])]
        return "\n".join(lines)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        cell = self.cell_at(index)
        if cell is None:
            return Qt.ItemFlag.ItemIsEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self.is_computed(cell) else base | Qt.ItemFlag.ItemIsEditable

    # --- writing -----------------------------------------------------------------------
    def parse(self, text: str) -> CellValue:
        """Raises ValueError with the Chinese reason."""
        return parse_typed(text, amount=self.amount)

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell_at(index)
        if role != Qt.ItemDataRole.EditRole or cell is None or self.is_computed(cell):
            return False
        if isinstance(value, str):
            try:
                value = self.parse(value)
            except ValueError:
                return False
        if value == self.doc.report.entered(self.table.key, *cell):
            return True
        self.doc.undo_stack.push(SetCell(self.doc, self.table.key, cell[0], cell[1], value))
        return True

    # --- following the document --------------------------------------------------------
    # Only the cells that look different are announced: repainting the whole of 表三 on
    # every keystroke would cost more than a frame. Values and marks are compared apart, as
    # they change apart (a cell edit, then the check that follows it).
    def _snapshot(self) -> dict[tuple[str, str], tuple]:
        return {cell: self._values[cell[0]][cell[1]] for cell in self.grid.positions}

    def _marks(self) -> dict[tuple[str, str], tuple]:
        return {cell: (self._worst(cell), len(found)) for cell, found in self._findings.items()}

    def _cells_changed(self, table_key: str) -> None:
        if table_key == self.table.key:
            self._values = self.doc.report.table_values(table_key)
            shown, before = self._snapshot(), self._shown
            self._shown = shown
            self._emit(cell for cell, value in shown.items() if before.get(cell) != value)

    def _findings_changed(self) -> None:
        before = self._marked
        self._index_findings()
        self._marked = marks = self._marks()
        self._emit(cell for cell in before.keys() | marks.keys() if before.get(cell) != marks.get(cell))

    def _emit(self, cells) -> None:
        for cell in cells:
            index = self.index_of(*cell)
            self.dataChanged.emit(index, index)

    def _index_findings(self) -> None:
        found: dict[tuple[str, str], list[Finding]] = {}
        for f in self.doc.open.in_table(self.table.key):
            loc = f.location
            if loc.row is None and loc.column is None:
                continue
            for cell in self._cells_of(f):
                found.setdefault(cell, []).append(f)
        self._findings = found

    def _cells_of(self, f: Finding) -> list[tuple[str, str]]:
        loc = f.location
        if loc.row and loc.column:
            return [(loc.row, loc.column)] if (loc.row, loc.column) in self.grid.positions else []
        if loc.row:
            return [k for k in self.grid.positions if k[0] == loc.row]
        rows = [*f.details.get("left", {}), *f.details.get("right", {})] or [r.key for r in self.table.rows]
        return [(r, loc.column) for r in rows if (r, loc.column) in self.grid.positions]
