"""The table editor: the official grid with merged header cells, spreadsheet keys, copy and paste."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QApplication, QLineEdit, QMenu,
                               QScrollArea, QTableView, QWidget)

from gui.cell_editor import CellDelegate, InlineMessage
from gui.commands import SetCells
from forms.model.values import format_cell
from gui.table_model import TableModel
from gui import palette as colors

GRID = QColor(colors.GRID)


MIN_LABEL_SCALE = 0.55  # row labels wrap onto more lines before the table scrolls sideways


class TableView(QTableView):
    message = Signal(str)  # something the clerk should read (rejected paste …)
    resized = Signal()     # its column widths changed to fit the page
    # Down or Enter past the last row (True), Up past the first (False), at this data column:
    # 表二's four tables are one form, so the page moves on to the next (or previous) table.
    leftEdge = Signal(bool, int)

    def __init__(self, model: TableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.inline = InlineMessage(self)
        self.setItemDelegate(CellDelegate(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Mid, GRID)  # the grid lines' colour
        # A see-through selection, so the tint of a cell with a finding still shows under it.
        palette.setColor(QPalette.ColorRole.Highlight, colors.SELECTION)
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor(colors.SELECTED_TEXT))
        self.setPalette(palette)
        for h in model.grid.headers:
            if h.rowspan > 1 or h.colspan > 1:
                self.setSpan(h.row, h.col, h.rowspan, h.colspan)
        self._fit_width: int | None = None
        self._size_cells()
        self.selectionModel().currentChanged.connect(self._say_where)

    def model(self) -> TableModel:  # noqa: D102 - narrows the type
        return super().model()

    # --- geometry: widths in character units, heights to fit the wrapped labels ----------
    def fit(self, width: int) -> None:
        """Columns narrowed (labels wrapping, figures still whole) to fit a page this wide, down to a floor."""
        if width != self._fit_width:
            self._fit_width = width
            self._size_cells()
            self.resized.emit()

    def _size_cells(self) -> None:
        self._size_cells_scaled(1.0)
        g = self.model().grid
        if self._fit_width is None or self.width() <= self._fit_width:
            return
        fm = QFontMetrics(self.font())
        data_floor = fm.horizontalAdvance("9999") + 8  # four digits whole; the column labels wrap
        data_cols = g.n_cols - g.label_cols
        label_scale = data_scale = 1.0
        natural_labels = sum(self.columnWidth(c) for c in range(g.label_cols))
        for _ in range(4):  # the paddings do not scale: close in on the width in a few steps
            over = self.width() - self._fit_width
            if over <= 0:
                return
            labels = sum(self.columnWidth(c) for c in range(g.label_cols))
            data = self.width() - labels
            # The labels give up room first (wrapping onto more lines), then the figures, down to four digits.
            if labels:
                give = min(over, labels - natural_labels * MIN_LABEL_SCALE)
                if give > 0:
                    label_scale *= (labels - give) / labels
                    over -= give
            if over > 0 and data:
                data_scale = max(data_floor * data_cols / data * data_scale, data_scale * (data - over) / data)
            self._size_cells_scaled(label_scale, min(1.0, data_scale))

    def _size_cells_scaled(self, label_scale: float, data_scale: float = 1.0) -> None:
        m = self.model()
        fm = QFontMetrics(self.font())
        unit = fm.horizontalAdvance("中")
        g = m.grid
        if g.label_cols == 3:      # 表三: group, subgroup, item
            label_widths = [4.5, 5.5, 17]
            data_width = 4.6
        elif g.label_cols:         # 表二: its four tables share one width, as on paper
            label_widths = [12]
            data_width = 36 / len(g.table.columns)
        else:                      # 表四: 15 cells in a line
            label_widths = []
            data_width = 4.2
        data_cols = g.n_cols - g.label_cols
        padded = 3 if g.label_cols == 1 else data_cols  # 表二 pads as if it had three columns
        data_total = round((data_width * data_cols * unit + 12 * padded) * data_scale)
        for c in range(g.n_cols):
            if c < g.label_cols:
                self.setColumnWidth(c, round(label_widths[c] * unit * label_scale + 12))
            else:  # spread the rounding so equal tables end equally wide
                i = c - g.label_cols
                self.setColumnWidth(c, data_total * (i + 1) // data_cols - data_total * i // data_cols)
        line = fm.height() + 12
        heights = [line] * g.n_rows
        multi = []
        for h in g.headers:
            width = sum(self.columnWidth(c) for c in range(h.col, h.col + h.colspan)) - 10
            need = fm.boundingRect(QRect(0, 0, max(width, unit), 10000),
                                   Qt.TextFlag.TextWordWrap, h.text).height() + 10
            if h.rowspan == 1:
                heights[h.row] = max(heights[h.row], need)
            else:
                multi.append((h, need))
        for h, need in multi:
            rows = range(h.row, h.row + h.rowspan)
            short = need - sum(heights[r] for r in rows)
            if short > 0:
                for r in rows:
                    heights[r] += -(-short // h.rowspan)
        for r, height in enumerate(heights):
            self.setRowHeight(r, height)
        frame = 2 * self.frameWidth()
        self.setFixedSize(sum(self.columnWidth(c) for c in range(g.n_cols)) + frame, sum(heights) + frame)

    # --- spreadsheet movement ------------------------------------------------------------
    def _entered(self, row: int, col: int) -> bool:
        cell = self.model().cell_at(self.model().index(row, col))
        return cell is not None and not self.model().is_computed(cell)

    def _step_entered(self, row: int, col: int, forward: bool, by_row: bool) -> tuple[int, int]:
        """The next cell to fill in reading order (Tab) or down the column (Enter)."""
        top, bottom, left, right = self.model().data_rect()
        if by_row:
            order = [(r, col) for r in range(top, bottom + 1)]
        else:
            order = [(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)]
        if not forward:
            order.reverse()
        start = order.index((row, col)) if (row, col) in order else -1
        for pos in order[start + 1:] + ([] if by_row else order[:start + 1]):
            if self._entered(*pos):
                return pos
        return row, col

    def moveCursor(self, action, modifiers):
        m = self.model()
        top, bottom, left, right = m.data_rect()
        cur = self.currentIndex()
        r, c = (cur.row(), cur.column()) if cur.isValid() else (top, left)
        if not (top <= r <= bottom and left <= c <= right):
            return m.index(top, left)
        A = QAbstractItemView.CursorAction
        if action in (A.MoveUp, A.MoveDown) and r == (top if action == A.MoveUp else bottom):
            self.leftEdge.emit(action == A.MoveDown, c - left)
        if action == A.MoveUp:
            r = max(top, r - 1)
        elif action == A.MoveDown:
            r = min(bottom, r + 1)
        elif action == A.MoveLeft:
            c = max(left, c - 1)
        elif action == A.MoveRight:
            c = min(right, c + 1)
        elif action == A.MoveHome:
            c = left
            if modifiers & Qt.KeyboardModifier.ControlModifier:
                r = top
        elif action == A.MoveEnd:
            c = right
            if modifiers & Qt.KeyboardModifier.ControlModifier:
                r = bottom
        elif action == A.MovePageUp:
            r = top
        elif action == A.MovePageDown:
            r = bottom
        elif action in (A.MoveNext, A.MovePrevious):
            r, c = self._step_entered(r, c, action == A.MoveNext, by_row=False)
        return m.index(r, c)

    def closeEditor(self, editor, hint):
        H = QAbstractItemDelegate.EndEditHint
        step = {H.SubmitModelCache: (True, True), H.EditNextItem: (True, False),
                H.EditPreviousItem: (False, False)}.get(hint)
        super().closeEditor(editor, H.NoHint)
        if step:
            self._move_entered(*step)

    def _move_entered(self, forward: bool, by_row: bool) -> None:
        cur = self.currentIndex()
        r, c = self._step_entered(cur.row(), cur.column(), forward, by_row)
        if by_row and (r, c) == (cur.row(), cur.column()):
            self.leftEdge.emit(forward, c - self.model().data_rect()[2])
            return
        self.setCurrentIndex(self.model().index(r, c))

    def enter_from_edge(self, from_above: bool, data_column: int) -> None:
        """Arrive from the table above (at the first row) or below (at the last), in the same data column."""
        top, bottom, left, right = self.model().data_rect()
        c = min(left + max(0, data_column), right)
        rows = range(top, bottom + 1) if from_above else range(bottom, top - 1, -1)
        r = next((r for r in rows if self._entered(r, c)), top if from_above else bottom)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectionModel().setCurrentIndex(self.model().index(r, c),
                                              self.selectionModel().SelectionFlag.ClearAndSelect)

    def keyPressEvent(self, event):
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Copy):
                return self.copy_selection()
            if event.matches(QKeySequence.StandardKey.Paste):
                return self.paste()
            if event.matches(QKeySequence.StandardKey.Cut):
                self.copy_selection()
                return self.clear_selection("剪切")
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                return self.clear_selection()
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                return self._move_entered(not shift, by_row=True)
            if event.key() == Qt.Key.Key_Tab:
                return self._move_entered(True, by_row=False)
            if event.key() == Qt.Key.Key_Backtab:
                return self._move_entered(False, by_row=False)
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab moves between cells, as in a spreadsheet, not to the next widget.
        if self.state() == QAbstractItemView.State.EditingState:
            return super().focusNextPrevChild(next)
        self._move_entered(next, by_row=False)
        return True

    # --- blocks --------------------------------------------------------------------------
    def _selected_cells(self) -> list[QModelIndex]:
        m = self.model()
        found = [i for i in self.selectedIndexes() if m.cell_at(i) is not None]
        if not found and m.cell_at(self.currentIndex()) is not None:
            found = [self.currentIndex()]
        return found

    def copy_selection(self) -> None:
        cells = self._selected_cells()
        if not cells:
            return
        m = self.model()
        rows = range(min(i.row() for i in cells), max(i.row() for i in cells) + 1)
        cols = range(min(i.column() for i in cells), max(i.column() for i in cells) + 1)
        lines = []
        for r in rows:
            lines.append("\t".join(format_cell(m.value(cell)) if (cell := m.cell_at(m.index(r, c))) else ""
                                   for c in cols))
        QApplication.clipboard().setText("\r\n".join(lines) + "\r\n")

    def clear_selection(self, verb: str = "清除") -> None:
        m = self.model()
        report = m.doc.report
        values = {}
        for i in sorted(self._selected_cells(), key=lambda i: (i.row(), i.column())):
            cell = m.cell_at(i)
            if not m.is_computed(cell) and report.entered(m.table.key, *cell) is not None:
                values[cell] = None
        if values:
            m.doc.undo_stack.push(SetCells(m.doc, m.table.key, values,
                                           f"{verb}{m.table.short_name}的 {len(values)} 个单元格"))

    def fill_blanks_with_zero(self) -> int:
        """What the format asks of a cell where nothing happened: 0, not blank (A6). One undo step."""
        m = self.model()
        values = {cell: 0 for cell in m.table.entered_cells()
                  if m.doc.report.entered(m.table.key, *cell) is None}
        if values:
            m.doc.undo_stack.push(SetCells(m.doc, m.table.key, values,
                                           f"{m.table.short_name}的 {len(values)} 个空白单元格填 0"))
        self.message.emit(f"已在 {len(values)} 个空白单元格填入 0。" if values else "本表没有空白单元格。")
        return len(values)

    def paste(self) -> None:
        self.paste_text(QApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Fill cells from the current one with a tab-separated block (Excel, WPS)."""
        m = self.model()
        block = [line.split("\t") for line in text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")]
        if not text.strip("\r\n"):
            return False
        top, bottom, left, right = m.data_rect()
        targets = self._selected_cells()
        start = min(targets, key=lambda i: (i.row(), i.column())) if targets else self.currentIndex()
        r0, c0 = start.row(), start.column()
        if m.cell_at(start) is None:
            return self._reject("请先选中要粘贴到的单元格。")
        if len(block) == 1 and len(block[0]) == 1 and len(targets) > 1:
            spots = [(i.row(), i.column(), block[0][0]) for i in targets]
        else:
            width = max(len(line) for line in block)
            if r0 + len(block) - 1 > bottom or c0 + width - 1 > right:
                return self._reject(f"粘贴的内容有 {len(block)} 行 {width} 列，从当前单元格起超出了表格范围，未粘贴。")
            spots = [(r0 + i, c0 + j, text) for i, line in enumerate(block) for j, text in enumerate(line)]
        values, skipped = {}, 0
        for r, c, raw in spots:
            cell = m.cell_at(m.index(r, c))
            if cell is None:
                continue
            if m.is_computed(cell):
                skipped += 1
                continue
            try:
                values[cell] = m.parse(raw)
            except ValueError as exc:
                return self._reject(f"{m.table.cell_label(*cell)}：{exc}整块未粘贴。")
        report = m.doc.report
        values = {k: v for k, v in values.items() if report.entered(m.table.key, *k) != v}
        if values:
            m.doc.undo_stack.push(SetCells(m.doc, m.table.key, values,
                                           f"粘贴到{m.table.short_name}的 {len(values)} 个单元格"))
        if skipped:
            self.message.emit(f"已粘贴；其中 {skipped} 个合计单元格由软件自动计算，已跳过。")
        return True

    def _reject(self, text: str) -> bool:
        self.inline.show_at(self.viewport(), self.visualRect(self.currentIndex()), text)
        self.message.emit(text)
        return False

    def focusOutEvent(self, event):
        # Several tables share a page: only the one being worked in shows a selection.
        if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason,
                                  Qt.FocusReason.MenuBarFocusReason) and self.state() != self.State.EditingState:
            self.clearSelection()
        super().focusOutEvent(event)

    def mousePressEvent(self, event):
        self.inline.hide()
        super().mousePressEvent(event)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction("复制", QKeySequence(QKeySequence.StandardKey.Copy), self.copy_selection)
        menu.addAction("粘贴", QKeySequence(QKeySequence.StandardKey.Paste), self.paste)
        menu.addAction("清除", QKeySequence(QKeySequence.StandardKey.Delete), self.clear_selection)
        menu.addSeparator()
        menu.addAction("本表空白单元格填 0", self.fill_blanks_with_zero)
        menu.exec(self.viewport().mapToGlobal(pos))

    def _say_where(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cell = self.model().cell_at(current)
        if cell is not None:
            self.message.emit(self.model().table.cell_label(*cell))
            self._keep_in_sight(current)

    def _keep_in_sight(self, index: QModelIndex) -> None:
        """The table does not scroll itself (it is as tall as its rows): its page does, so that the
        cell shows whole below the column labels (the sticky header covers the page's top rows)."""
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is None or scroll.widget() is None:
            return
        rect = self.visualRect(index)
        center = self.viewport().mapTo(scroll.widget(), rect.center())
        scroll.ensureVisible(center.x(), center.y(), rect.width(), 0)  # sideways; up or down below
        top = self.viewport().mapTo(scroll.widget(), rect.topLeft()).y()
        headers = sum(self.rowHeight(r) for r in range(self.model().grid.header_rows)) + 2 * self.frameWidth()
        bar, height = scroll.verticalScrollBar(), scroll.viewport().height()
        highest = top - headers  # the page's scroll position that shows the labels right above the cell
        if bar.value() > highest:
            bar.setValue(highest)
        elif bar.value() + height < top + rect.height():
            bar.setValue(min(top + rect.height() - height, highest))  # the cell whole; short of room, its top

    def commit_pending(self) -> None:
        """Enter what is typed in an open cell editor (before a save, an export or closing)."""
        editor = QApplication.focusWidget()
        if (self.state() == QAbstractItemView.State.EditingState and isinstance(editor, QLineEdit)
                and editor.parentWidget() is self.viewport()):
            if editor.hasAcceptableInput():
                self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def select_cell(self, row: str, column: str) -> None:
        index = self.model().index_of(row, column)
        # Explicit: setCurrentIndex() would toggle instead when Ctrl happens to be held.
        self.selectionModel().setCurrentIndex(index, self.selectionModel().SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)



class _Overlay(QTableView):
    """A second view of a table's model laid over the page, showing part of the table (its header
    rows, its row labels) while the rest scrolls; it takes no clicks and follows the table's sizes."""

    def __init__(self, table: TableView, host: QWidget):
        super().__init__(host)
        self.table = table
        self.setModel(table.model())
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setPalette(table.palette())
        grid = table.model().grid
        for h in grid.headers:
            if (h.rowspan > 1 or h.colspan > 1) and self.shows(h, grid):
                self.setSpan(h.row, h.col, h.rowspan, h.colspan)
        self.sync()
        table.resized.connect(self.sync)
        self.hide()

    def shows(self, header, grid) -> bool:
        return True

    def sync(self) -> None:
        raise NotImplementedError


class StickyHeader(_Overlay):
    """The header rows of a long table, kept at the top of the page while its rows scroll by."""

    def shows(self, header, grid) -> bool:
        return header.row < grid.header_rows

    def sync(self) -> None:
        table, grid = self.table, self.table.model().grid
        for c in range(grid.n_cols):
            self.setColumnWidth(c, table.columnWidth(c))
        for r in range(grid.header_rows):
            self.setRowHeight(r, table.rowHeight(r))
        frame = 2 * self.frameWidth()
        self.header_height = sum(table.rowHeight(r) for r in range(grid.header_rows))
        self.setFixedSize(table.width(), self.header_height + frame)

    def follow(self) -> None:
        """Show at the top of the host while the table's own header is scrolled out of sight."""
        top = self.table.mapTo(self.parentWidget(), QPoint(0, 0))
        rows_in_view = top.y() + self.table.height() - self.height() > 0
        if top.y() < 0 and rows_in_view:
            self.move(top.x(), 0)
            self.raise_()
            self.show()
        else:
            self.hide()


class FrozenLabels(_Overlay):
    """The row labels of a table wider than the page, kept at the left while its figures scroll sideways."""

    def sync(self) -> None:
        table, grid = self.table, self.table.model().grid
        for c in range(grid.n_cols):
            self.setColumnWidth(c, table.columnWidth(c))
        for r in range(grid.n_rows):
            self.setRowHeight(r, table.rowHeight(r))
        width = sum(table.columnWidth(c) for c in range(grid.label_cols)) + self.frameWidth()
        self.setFixedSize(width, table.height())

    def follow(self) -> None:
        """Show at the left of the host while the table's own labels are scrolled out of sight."""
        if not self.table.model().grid.label_cols:
            return
        top_left = self.table.mapTo(self.parentWidget(), QPoint(0, 0))
        if top_left.x() < 0 and -top_left.y() < self.table.height():
            self.move(0, top_left.y())
            self.raise_()
            self.show()
        else:
            self.hide()
