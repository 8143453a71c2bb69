"""文件 → 汇总下级单位报告…: the units of a consolidated report and where its figures come from.

The page lists the units (add files or a folder, or drop them on it), each with its status and
findings; units are read in the background (worker processes for many, a progress bar and 取消).
The first units read make the consolidated draft, which the editor then edits like any report;
excluding, taking back, re-reading a unit and marking 本级 are undoable and recorded in the file.
A side panel in the editor shows any consolidated cell's contributions by unit; a double click
opens that unit's own report read-only with the cell selected.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QDockWidget, QHBoxLayout, QHeaderView, QLabel,
                               QMainWindow, QPlainTextEdit, QProgressBar, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from forms.importers import ImportCancelled
from forms.importers.result import format_name
from forms.spec import CURRENT_TEMPLATE, older_formats
from forms.merge.consolidate import (NoUnitsError, add_units, assess, build, files_in, note, read_units,
                                     replace_unit, set_excluded)
from forms.merge.explain import explain
from forms.merge.read import UnitRead
from forms.model.consolidation import Unit, UnitStatus
from forms.model.findings import Location, fmt
from gui.document import Document
from gui.flow_layout import FlowLayout
from gui.merge_commands import ConsolidationEdit
from gui import palette as colors
from gui.small_screen import fill_scrolling

IMPORT_FILTER = ("各单位的年度报告 (*.json *.docx *.html *.htm *.mht *.pdf *.txt);;所有文件 (*)")
STATUS_COLORS = {UnitStatus.CLEAN: colors.SEVERITY_INK["verified"], UnitStatus.WARNINGS: colors.SEVERITY_INK["warning"],
                 UnitStatus.ERRORS: colors.SEVERITY_INK["error"], UnitStatus.UNREADABLE: colors.NOT_COUNTED,
                 UnitStatus.DUPLICATE: colors.NOT_COUNTED, UnitStatus.OTHER_YEAR: colors.NOT_COUNTED}
COLUMNS = ["单位", "文件", "年度", "格式", "状态", "错误", "警告", "计入汇总"]


class UnitReader(QObject):
    """Reads unit files off the GUI thread (in worker processes when there are many)."""
    progressed = Signal(int, int, str)   # done, total, the unit just read
    finished = Signal(object)            # list[UnitRead]
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, paths: list[str], workers: int | None = None) -> None:
        self._cancel.clear()
        self._thread = threading.Thread(target=self._run, args=(paths, workers), daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, seconds: float = 60) -> None:
        if self._thread is not None:
            self._thread.join(seconds)

    def _run(self, paths: list[str], workers: int | None) -> None:
        def progress(done: int, total: int, unit: Unit) -> None:
            if self._cancel.is_set():
                raise ImportCancelled()
            self.progressed.emit(done, total, unit.name)

        try:
            reads = list(read_units(paths, workers=workers, progress=progress))
        except ImportCancelled:
            self.cancelled.emit()
            return
        self.finished.emit(reads)


class MergePage(QWidget):
    """The list of units of the consolidated report open in `window` (or of the one being made)."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.texts: dict[str, dict] = {}   # H3 samples of the units read in this session
        self.reader = UnitReader(self)
        self.reader.progressed.connect(self._progressed)
        self.reader.finished.connect(self._read)
        self.reader.cancelled.connect(self._cancelled)
        self._rereading: str | None = None
        self.setAcceptDrops(True)

        self.title = QLabel()
        self.title.setObjectName("mergeTitle")
        self.title.setStyleSheet("QLabel#mergeTitle { font-size: 15pt; font-weight: bold; }")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = {}
        row = FlowLayout()  # on a narrow page the buttons wrap rather than lose their words
        for key, text, slot in (("files", "添加文件…", self.add_files_dialog),
                                ("folder", "添加文件夹…", self.add_folder_dialog),
                                ("exclude", "排除 / 重新计入…", self.toggle_excluded),
                                ("reread", "重新读取", self.reread_selected),
                                ("self", "设为本级", self.toggle_self),
                                ("open", "查看单位报告（只读）", self.open_selected),
                                ("csv", "导出明细表（CSV）…", self.export_csv),
                                ("editor", "编辑汇总报告 →", self.back_to_editor)):
            button = QPushButton(text)
            button.clicked.connect(lambda checked=False, s=slot: s())
            self.buttons[key] = button
            row.addWidget(button)
        self.appendix = QCheckBox("导出汇总报告时附“各单位数据汇总”表")
        self.appendix.toggled.connect(self._appendix_toggled)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # why a unit is not counted: the longest, and last, text
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText("选中一个单位，这里显示它的文件、状态、问题和未计入的原因。")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setSizes([760, 320])

        self.progress = QProgressBar()
        self.progress_label = QLabel()
        self.cancel_button = QPushButton("取消")
        self.cancel_button.clicked.connect(self.reader.cancel)
        bar = QHBoxLayout()
        bar.addWidget(self.progress_label)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        self.progress_row = QWidget()
        self.progress_row.setLayout(bar)
        self.progress_row.setVisible(False)

        older = "、".join(s.name for s in older_formats())
        hint = QLabel("可以把各单位的年报文件或文件夹直接拖到这里。本软件的文件、Word、网页、PDF、文本均可；"
                      f"{older}按 {format_name(CURRENT_TEMPLATE, short=True)}对应关系计入。")
        hint.setStyleSheet(f"color: {colors.MUTED};")
        hint.setWordWrap(True)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.appendix)
        layout.addWidget(split, 1)
        layout.addWidget(self.progress_row)
        layout.addWidget(hint)
        # The list of units keeps room for a dozen lines; a shorter page scrolls.
        split.setMinimumHeight(self.fontMetrics().height() * 12)
        fill_scrolling(self, content)
        self.refresh()

    # --- the consolidated document ---------------------------------------------------------
    @property
    def doc(self) -> Document | None:
        doc = self.window_.doc
        return doc if doc is not None and doc.report.consolidation is not None else None

    def watch(self, doc: Document) -> None:
        if getattr(doc, "_merge_page_watching", False):
            return
        doc._merge_page_watching = True
        doc.consolidationChanged.connect(self.refresh)

    def units(self) -> list[Unit]:
        return self.doc.report.consolidation.units if self.doc else []

    def selected(self) -> Unit | None:
        rows = self.table.selectionModel().selectedRows()
        units = self.units()
        return units[rows[0].row()] if rows and rows[0].row() < len(units) else None

    def refresh(self) -> None:
        doc = self.doc
        current = self.selected()
        units = self.units()
        if doc is None:
            self.title.setText("汇总下级单位报告")
            self.summary.setText("添加各单位（乡镇、街道、部门）的年报：逐个读取、校验，表二、三、四逐格相加，"
                                 "生成汇总报告草稿。本级的报告也作为一个单位加入，再“设为本级”。")
        else:
            r = doc.report
            included = [u for u in units if u.included]
            own = r.consolidation.self_unit()
            self.title.setText(f"汇总下级单位报告 — {r.year} 年度")
            self.summary.setText(
                f"共 {len(units)} 份报告，计入 {len(included)} 个单位，未计入 {len(units) - len(included)} 份；"
                f"有错误的单位 {sum(u.status is UnitStatus.ERRORS for u in included)} 个。"
                + (f"本级：{own.name}。" if own else "尚未指定本级。"))
        self.table.setRowCount(len(units))
        for i, u in enumerate(units):
            texts = [u.display_name, Path(u.file).name, str(u.year or "—"), (format_name(u.format, short=True) if u.format else "—"),
                     u.status.label, str(u.errors), str(u.warnings), "是" if u.included else f"否：{u.excluded}"]
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(u.file if col == 1 else text)
                if col == 4:
                    item.setForeground(QBrush(QColor(STATUS_COLORS[u.status])))
                if not u.included:
                    item.setForeground(QBrush(QColor(colors.NOT_COUNTED))) if col != 4 else None
                self.table.setItem(i, col, item)
        if current is not None:
            for i, u in enumerate(units):
                if u.file == current.file:
                    self.table.selectRow(i)
        self.appendix.blockSignals(True)
        self.appendix.setChecked(doc is not None and doc.report.consolidation.appendix)
        self.appendix.setEnabled(doc is not None)
        self.appendix.blockSignals(False)
        busy = self.reader.busy
        for key in ("exclude", "reread", "self", "open", "csv"):
            self.buttons[key].setEnabled(doc is not None and not busy)
        self.buttons["editor"].setEnabled(doc is not None)
        self._show_selected()

    def _show_selected(self) -> None:
        u = self.selected()
        if u is None:
            self.details.setPlainText("")
            return
        lines = [u.display_name, f"文件：{u.file}", f"内容 SHA-256：{u.sha256 or '—'}",
                 f"年度：{u.year or '—'}　格式：{(format_name(u.format, short=True) if u.format else '—')}",
                 f"状态：{u.status.label}（错误 {u.errors}，警告 {u.warnings}，提示 {u.infos}）"]
        if u.error_codes:
            lines.append(f"错误的规则：{'、'.join(u.error_codes)}")
        lines.append("计入汇总" if u.included else f"未计入：{u.excluded}")
        if u.note and u.note != u.excluded:
            lines.append(f"注：{u.note}")
        self.details.setPlainText("\n".join(lines))

    # --- adding units ----------------------------------------------------------------------
    def add_files_dialog(self) -> None:
        paths = self.window_.context.interaction.open_paths(self, "添加单位的年报", None, IMPORT_FILTER)
        if paths:
            self.add_paths(paths)

    def add_folder_dialog(self) -> None:
        folder = self.window_.context.interaction.open_folder(self, "添加文件夹中的全部年报")
        if folder is not None:
            self.add_paths([folder])

    def add_paths(self, paths: list[Path]) -> bool:
        """Files, and the report files of folders, read in the background. False when busy or none."""
        if self.reader.busy:
            return False
        files: list[str] = []
        for p in map(Path, paths):
            try:
                files += [str(f.resolve()) for f in files_in(p)] if p.is_dir() else [str(p.resolve())]
            except NoUnitsError as exc:
                self.window_.context.interaction.error(self, "无法添加", str(exc))
        if not files:
            self.window_.statusBar().showMessage("没有找到年报文件。", 8000)
            return False
        self._start(files)
        return True

    def _start(self, files: list[str]) -> None:
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self.progress_label.setText(f"正在读取 {len(files)} 份报告…")
        self.progress_row.setVisible(True)
        for key in ("files", "folder"):
            self.buttons[key].setEnabled(False)
        self.reader.start(files)
        self.refresh()

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        self.progress_label.setText(f"已读取 {done}/{total}：{name}")

    def _idle(self) -> None:
        self.progress_row.setVisible(False)
        for key in ("files", "folder"):
            self.buttons[key].setEnabled(True)

    def _cancelled(self) -> None:
        self._idle()
        self._rereading = None
        self.window_.statusBar().showMessage("已取消读取，未添加任何单位。", 8000)
        self.refresh()

    def _read(self, reads: list[UnitRead]) -> None:
        self._idle()
        if self._rereading is not None:
            file, self._rereading = self._rereading, None
            self._replace(file, reads[0])
        elif self.doc is None:
            self._make_draft(reads)
        else:
            self.doc.undo_stack.push(ConsolidationEdit(self.doc, f"添加 {len(reads)} 个单位",
                                                       lambda r: self._add(r, reads)))
        self.refresh()

    def _add(self, report, reads: list[UnitRead]) -> None:
        added = add_units(report, reads, self.texts)
        note(report, f"添加 {len(added)} 份报告：" + "、".join(Path(u.file).name for u in added))

    def _make_draft(self, reads: list[UnitRead]) -> None:
        assessed = assess(reads)
        try:
            draft = build(assessed)
        except NoUnitsError as exc:
            self.window_.context.interaction.error(self, "无法汇总", str(exc))
            return
        self.texts.update(assessed.texts)
        note(draft, f"汇总 {len(reads)} 份报告")
        if not self.window_.close_document():
            return
        self.window_.open_report(draft, untitled=f"{draft.year}年度汇总", modified=True)
        show_merge_page(self.window_)
        self.window_.statusBar().showMessage(
            f"已生成 {draft.year} 年度汇总报告草稿：计入 {len(draft.consolidation.included())} 个单位。", 10000)

    # --- changing the set ---------------------------------------------------------------------
    def toggle_excluded(self) -> None:
        u, doc = self.selected(), self.doc
        if u is None or doc is None:
            return
        if u.included:
            reason = self.window_.context.interaction.ask_text(
                self, "排除单位", f"不计入“{u.display_name}”的数字。请写明原因（保存在汇总文件中）：", "垂直管理单位，不计入")
            if not reason:
                return
            doc.undo_stack.push(ConsolidationEdit(doc, f"排除“{u.name}”", lambda r: (
                set_excluded(r, u.file, reason), note(r, f"排除“{u.name}”：{reason}"))))
        elif u.excluded_by_clerk:
            doc.undo_stack.push(ConsolidationEdit(doc, f"重新计入“{u.name}”", lambda r: (
                set_excluded(r, u.file, ""), note(r, f"重新计入“{u.name}”"))))
        else:
            self.window_.context.interaction.info(self, "不能计入", f"“{u.display_name}”{u.excluded}")

    def toggle_self(self) -> None:
        u, doc = self.selected(), self.doc
        if u is None or doc is None:
            return
        make_self = not u.is_self

        def change(report) -> None:
            for other in report.consolidation.units:
                other.is_self = make_self and other.file == u.file
            note(report, f"设“{u.name}”为本级" if make_self else f"取消“{u.name}”的本级标记")
        doc.undo_stack.push(ConsolidationEdit(doc, "设为本级" if make_self else "取消本级", change))

    def reread_selected(self) -> None:
        u = self.selected()
        if u is None or self.reader.busy:
            return
        self._rereading = u.file
        self._start([u.file])

    def _replace(self, file: str, read: UnitRead) -> None:
        doc = self.doc
        if doc is None:
            return
        if read.unit.included:
            self.texts[file] = read.texts

        def change(report) -> None:
            replace_unit(report, file, read.unit.model_copy())
            note(report, f"重新读取“{Path(file).name}”：{read.unit.status.label}")
        doc.undo_stack.push(ConsolidationEdit(doc, f"重新读取“{read.unit.name}”", change))

    def open_selected(self) -> None:
        u = self.selected()
        if u is not None:
            open_unit_report(self.window_, u)

    def _appendix_toggled(self, on: bool) -> None:
        doc = self.doc
        if doc is None or doc.report.consolidation.appendix == on:
            return

        def change(report) -> None:
            report.consolidation.appendix = on
        doc.undo_stack.push(ConsolidationEdit(doc, "附“各单位数据汇总”" if on else "不附“各单位数据汇总”", change))

    def export_csv(self) -> None:
        doc = self.doc
        if doc is None:
            return
        from forms.merge.tables_out import write_csv
        folder = doc.path.parent if doc.path else Path.home()
        path = self.window_.context.interaction.save_file(
            self, "导出各单位明细表", folder / f"{doc.report.year}年度各单位明细.csv", "CSV 表格 (*.csv)")
        if path is None:
            return
        try:
            write_csv(doc.report, path)
        except OSError as exc:
            self.window_.context.interaction.error(self, "导出失败", f"无法写入“{path}”：{exc.strerror or exc}")
            return
        self.window_.statusBar().showMessage(f"已导出各单位明细表：{path}", 10000)

    def back_to_editor(self) -> None:
        self.window_.show_editor()

    # --- drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)


# --- the breakdown of a consolidated cell ------------------------------------------------------
class BreakdownPanel(QWidget):
    """The current consolidated cell's contributions by unit; a double click opens the unit's report."""
    COLUMNS = ["单位", "数值", "状态"]

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.cell: tuple[str, str, str] | None = None
        self.rows: list[Unit] = []
        self.heading = QLabel("在汇总报告的表格中选中一个单元格，这里列出各单位的数字。")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_row(row))
        self.open_button = QPushButton("查看该单位报告（只读）")
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.open_button)

    def show_cell(self, table: str, row: str, column: str) -> None:
        doc = self.window_.doc
        if doc is None or doc.report.consolidation is None:
            return
        self.cell = (table, row, column)
        self.refresh()

    def refresh(self) -> None:
        doc = self.window_.doc
        if self.cell is None or doc is None or doc.report.consolidation is None:
            return
        x = explain(doc.report, *self.cell)
        head = f"{x.label}\n汇总 {fmt(x.value)}；各单位合计 {fmt(x.total)}，{x.blank_units} 个单位空白"
        if x.self_value is not None:
            head += f"；本级 {fmt(x.self_value)}"
        self.heading.setText(head)
        contributions = sorted(x.included, key=lambda c: (c.value is None, -(c.value or 0))) + x.excluded
        self.rows = [c.unit for c in contributions]
        self.table.setRowCount(len(contributions))
        for i, c in enumerate(contributions):
            state = c.unit.status.label if c.unit.included else "未计入"
            for col, text in enumerate((c.unit.display_name, fmt(c.value), state)):
                item = QTableWidgetItem(text)
                if not c.unit.included:
                    item.setForeground(QBrush(QColor(colors.NOT_COUNTED)))
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            open_unit_report(self.window_, self.rows[row], self.cell)


# --- a unit's own report, read-only ------------------------------------------------------------
class ReadOnlyDocument(Document):
    """A unit's report as it sent it: nothing typed, pasted or cleared reaches it."""

    def set_cell(self, table, row, column, value):
        return self.report.entered(table, row, column)

    def set_text(self, key, value):
        return self.report.text(key)


class UnitReportWindow(QMainWindow):
    def __init__(self, unit: Unit, doc: ReadOnlyDocument, parent: QWidget | None = None):
        super().__init__(parent)
        from gui.pages import table_page, text_page
        self.unit, self.doc = unit, doc
        doc.setParent(self)
        self.setWindowTitle(f"{unit.display_name} — {Path(unit.file).name}（只读）")
        self.tabs = QTabWidget()
        self.pages = {}
        spec = doc.report.spec
        for section in spec.sections:
            page = table_page(doc, section.key) if spec.tables_of(section.key) else text_page(doc, section.key)
            for view in page.tables.values():
                view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for editor in page.editors.values():
                editor.setReadOnly(True)
            self.pages[section.key] = page
            self.tabs.addTab(page, section.heading)
        self.setCentralWidget(self.tabs)
        # A set minimum: tabs of different sizes do not resize the window (nor warn offscreen).
        self.setMinimumSize(640, 440)
        self.resize(1100, 760)

    def select(self, table: str, row: str, column: str) -> bool:
        spec = self.doc.report.spec
        try:
            tspec = spec.table(table)
        except KeyError:
            return False
        if not tspec.has_cell(row, column):
            return False
        page = self.pages[tspec.section]
        self.tabs.setCurrentWidget(page)
        QApplication.processEvents()
        return page.reveal(Location(section=tspec.section, table=table, row=row, column=column))


def open_unit_report(window, unit: Unit, cell: tuple[str, str, str] | None = None) -> UnitReportWindow | None:
    from forms.importers.open import open_report
    from forms.model.store import StoreError
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report, _native = open_report(unit.file)
    except StoreError as exc:
        window.context.interaction.error(window, "无法打开单位报告", str(exc))
        return None
    finally:
        QApplication.restoreOverrideCursor()
    report.prior = None
    view = UnitReportWindow(unit, ReadOnlyDocument(report), window)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.unit_windows = [w for w in getattr(window, "unit_windows", []) if w.isVisible()] + [view]
    view.show()
    if cell is not None:
        view.select(*cell)
    return view


# --- wiring into the main window ----------------------------------------------------------------
def show_merge_page(window) -> MergePage:
    page = getattr(window, "merge_page", None)
    if page is None:
        page = window.merge_page = MergePage(window)
        window.central.addWidget(page)
    if page.doc is not None:
        follow_consolidated(window, page.doc)
        page.watch(page.doc)
    page.refresh()
    window.central.setCurrentWidget(page)
    return page


def follow_consolidated(window, doc: Document) -> None:
    """A consolidated report is open: the breakdown panel follows the current cell."""
    dock = getattr(window, "breakdown_dock", None)
    if dock is None:
        dock = window.breakdown_dock = QDockWidget("各单位明细", window)
        dock.setObjectName("breakdownDock")
        dock.setWidget(BreakdownPanel(window))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.resizeDocks([dock], [max(300, window.width() // 4)], Qt.Orientation.Horizontal)
        window.cellSelected.connect(dock.widget().show_cell)
    panel: BreakdownPanel = dock.widget()
    if getattr(doc, "_merge_followed", False):
        return
    doc._merge_followed = True
    doc.consolidationChanged.connect(panel.refresh)
    doc.cellsChanged.connect(lambda _t: panel.refresh())
    dock.show()


