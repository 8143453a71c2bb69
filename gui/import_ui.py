"""从上年报告新建, and attaching last year's report: choose a file, import it (in a worker thread,
with progress for slow PDFs, cancellable), preview what was recognised beside the source text
with the notes, confirm.

Every question goes through the context's Interaction, so tests answer instead of a clerk.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QSplitter, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from forms.model import store
from forms.model.values import fmt
from forms.importers import ImportCancelled, ImportResult, import_report
from forms.importers.result import format_name
from forms.model import Report
from forms.model.prefill import prefill_with_notes
from gui.context import AppContext
from gui import palette as colors
from gui.small_screen import size_to_screen

NOTED = QColor(colors.IMPORT_NOTED)
WRONG = QColor(colors.IMPORT_WRONG)


class PreviewDialog(QDialog):
    """The recognised tables beside the source text, with the notes; 确定 accepts the import."""

    def __init__(self, result: ImportResult, action: str, warning: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.imported = result
        r = result.report
        self.setWindowTitle("导入预览")
        size_to_screen(self, 1100, 720)
        counts = result.counts()
        summary = QLabel(
            f"<b>{r.display_title}</b><br>{r.year} 年度 · {format_name(result.format)} · "
            f"读取单元格 {counts['cells']} 个（有数值 {counts['filled']}，空白 {counts['blank']}）· 说明 {counts['notes']} 条"
            + (f"<br><span style='color:{colors.IMPORT_WARNING}'>{warning}</span>" if warning else ""))
        summary.setTextFormat(Qt.TextFormat.RichText)
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableWidget] = {}
        for table in r.spec.tables:
            view = self._table(table)
            self.tables[table.key] = view
            self.tabs.addTab(view, table.short_name)
        self.source = QPlainTextEdit(result.source_text)
        self.source.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tabs)
        split.addWidget(self.source)
        split.setSizes([650, 450])
        self.notes = QListWidget()
        for note in result.notes:
            item = QListWidgetItem(note.message)
            item.setData(Qt.ItemDataRole.UserRole, note.location)
            self.notes.addItem(item)
        self.notes.itemActivated.connect(self._show_note)
        self.notes.itemClicked.connect(self._show_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        notes_label = QLabel("说明（单击定位到表格单元格）：")
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(split, 3)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)

    def _table(self, table) -> QTableWidget:
        r = self.imported.report
        values = r.table_values(table.key)
        view = QTableWidget(len(table.rows), len(table.columns))
        # The groups stay with the labels (（三）不予公开 › 1.属于国家秘密), on a line of their own.
        view.setHorizontalHeaderLabels([f"{c.group}\n{c.label}" if c.group else c.label for c in table.columns])
        view.setVerticalHeaderLabels([preview_row_label(row) for row in table.rows])
        noted = {n.location for n in self.imported.notes if isinstance(n.location, tuple)}
        for i, row in enumerate(table.rows):
            for j, col in enumerate(table.columns):
                cell = (table.key, row.key, col.key)
                # a total shows as the document wrote it; the sum is in the tooltip when they differ
                stated, value = self.imported.stated_value(*cell), values[row.key][col.key]
                shown = stated if stated is not None else value
                item = QTableWidgetItem("" if shown is None else fmt(shown))
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                source = self.imported.cells.get(cell)
                tip = f"原文：“{source}”" if source is not None else "原文中未找到"
                if stated is not None and value is not None and stated != value:
                    tip += f"；分项之和为 {fmt(value)}"
                item.setToolTip(tip)
                if cell in noted:
                    wrong = any(n.location == cell and n.kind == "source_check" and "A6" not in n.message
                                for n in self.imported.notes)
                    item.setBackground(QBrush(WRONG if wrong else NOTED))
                view.setItem(i, j, item)
        view.resizeColumnsToContents()
        view.resizeRowsToContents()
        return view

    def _show_note(self, item: QListWidgetItem) -> None:
        loc = item.data(Qt.ItemDataRole.UserRole)
        if not (isinstance(loc, tuple) and len(loc) == 3 and loc[0] in self.tables):
            return
        table = self.imported.report.spec.table(loc[0])
        view = self.tables[loc[0]]
        self.tabs.setCurrentWidget(view)
        rows = [r.key for r in table.rows]
        cols = [c.key for c in table.columns]
        if loc[1] in rows:
            col = cols.index(loc[2]) if loc[2] in cols else 0
            view.setCurrentCell(rows.index(loc[1]), col)


def preview_row_label(row) -> str:
    """A row as the preview names it: with its subgroup (（三）不予公开 › 1.属于国家秘密) or group."""
    parent = row.subgroup or row.group
    return f"{parent} › {row.label}" if parent and parent != row.label else row.label


def run_import(parent: QWidget | None, context: AppContext, path: Path) -> ImportResult | None:
    """Imports in a worker thread while the window stays responsive; None if cancelled or unreadable."""
    cancelled = threading.Event()
    done = {"pages": 0, "total": 0}

    def progress(page: int, total: int) -> None:
        done["pages"], done["total"] = page, total
        if cancelled.is_set():
            raise ImportCancelled()

    bar = context.interaction.import_progress(parent, path)
    bar.canceled.connect(cancelled.set)
    loop = QEventLoop()
    with ThreadPoolExecutor(max_workers=1) as pool:
        future: Future = pool.submit(import_report, path, progress=progress)
        timer = QTimer()
        timer.setInterval(30)

        def poll() -> None:
            if bar.wasCanceled():
                cancelled.set()
            if done["total"]:
                bar.setMaximum(done["total"])
                bar.setValue(done["pages"])
                bar.setLabelText(f"正在读取“{path.name}”：第 {done['pages']} / {done['total']} 页")
            if future.done():
                loop.quit()

        timer.timeout.connect(poll)
        timer.start()
        if not future.done():
            loop.exec()
        timer.stop()
    bar.reset()
    bar.deleteLater()
    if cancelled.is_set():
        return None  # the clerk cancelled: even a finished import is not wanted any more
    try:
        return future.result()
    except ImportCancelled:
        return None
    except store.StoreError as exc:
        context.interaction.error(parent, "无法导入", str(exc))
        return None


def _import_chosen(parent: QWidget | None, context: AppContext, title: str) -> ImportResult | None:
    path = context.interaction.choose_import(parent, title)
    if path is None:
        return None
    return run_import(parent, context, path)


def new_from_prior(parent: QWidget | None, context: AppContext) -> Report | None:
    """从上年报告新建: the next year's draft, prefilled from the chosen report."""
    result = _import_chosen(parent, context, "选择上年的年度报告（Word、网页、PDF、文本或本软件的文件）")
    if result is None:
        return None
    year = result.report.year + 1
    if not context.interaction.preview_import(parent, result, f"新建 {year} 年度草稿"):
        return None
    draft, notes = prefill_with_notes(result.report, year)
    context.interaction.info(parent, "已生成草稿", "\n".join(
        [f"已根据 {result.report.year} 年度报告生成 {year} 年度草稿：上年结转已填入，文字部分沿用上年，其他数据请填写。"]
        + [f"· {line}" for line in notes]))
    return draft


def attach_prior(parent: QWidget | None, context: AppContext, report: Report) -> Report | None:
    """The chosen prior report (without its own prior); the editor attaches it undoably."""
    result = _import_chosen(parent, context, "选择上年的年度报告，用于跨年度校验")
    if result is None:
        return None
    prior = result.report
    warning = (f"所选报告为 {prior.year} 年度，而当前报告为 {report.year} 年度，上年报告应为 {report.year - 1} 年度。"
               if prior.year != report.year - 1 else "")
    if not context.interaction.preview_import(parent, result, "附加为上年报告", warning):
        return None
    return prior.model_copy(update={"prior": None})
