"""The editor pages, one per node of the section navigator, each a scrolling column."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from forms.model.findings import Location, Severity
from gui.commands import SetFinished
from gui.document import Document
from gui.findings_panel import sharp_pixmap
from gui.fonts import set_heading
from gui.text_editor import TextBlock, TextEditor
from gui import palette as colors

NOTE_HINT = "表格说明（可选）：需要时说明表中数字的口径，将印在表格下方。"


class Page(QScrollArea):
    """A column of blocks in a scroll area; reveals a location inside it."""

    def __init__(self, doc: Document, heading: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setWidgetResizable(True)
        body = QWidget()
        palette = body.palette()  # a palette, not a style sheet: style sheets slow every child's painting
        palette.setColor(QPalette.ColorRole.Window, QColor(colors.PAGE))
        body.setPalette(palette)
        body.setAutoFillBackground(True)
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(28, 18, 28, 28)
        self.column.setSpacing(8)
        title = QLabel(heading)
        title.setObjectName("pageHeading")
        set_heading(title, 15)
        title.setContentsMargins(0, 0, 0, 6)
        title.setIndent(title.fontMetrics().horizontalAdvance("x") // 2)  # where the heading always stood
        self.column.addWidget(title)
        self.setWidget(body)
        self.tables: dict = {}  # table key -> TableView
        self.progress: dict = {}  # table key -> TableProgress
        self.editors: dict[str, TextEditor] = {}

    def finish(self) -> None:
        self.column.addStretch(1)

    def resizeEvent(self, event) -> None:
        margins = self.column.contentsMargins()
        # The vertical scroll bar's room kept free: a long page gets one once the tables are laid out.
        room = (event.size().width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
                - margins.left() - margins.right())
        for view in self.tables.values():
            view.fit(room)
        super().resizeEvent(event)

    def commit_pending(self) -> None:
        for view in self.tables.values():
            view.commit_pending()

    def add_text(self, key: str, heading: str, hint: str, label: str = "", editor_class=None) -> TextBlock:
        block = TextBlock(self.doc, key, heading, hint, label=label, editor_class=editor_class)
        self.editors[key] = block.editor
        self.column.addWidget(block)
        return block

    def add_table(self, table_key: str, caption: str | None):
        # Imported here: the table classes cost start-up time, and the first page is text.
        from gui.table_model import TableModel
        from gui.table_view import FrozenLabels, StickyHeader, TableView
        view = TableView(TableModel(self.doc, table_key), self)
        # On a narrow screen the row labels stay at the left while the figures scroll sideways.
        frozen = FrozenLabels(view, self.viewport())
        self.horizontalScrollBar().valueChanged.connect(frozen.follow)
        self.verticalScrollBar().valueChanged.connect(frozen.follow)
        if len(view.model().grid.table.rows) > 10:  # 表三: its column labels stay in sight
            sticky = StickyHeader(view, self.viewport())
            self.verticalScrollBar().valueChanged.connect(sticky.follow)
            self.horizontalScrollBar().valueChanged.connect(sticky.follow)
            sticky.raise_()
        box = QVBoxLayout()
        box.setSpacing(0)
        if caption:  # the shaded caption row of 表二 in the Word template
            cap = QLabel(caption)
            cap.setObjectName("tableCaption")
            cap.setStyleSheet(f"QLabel#tableCaption {{ background: {colors.CAPTION_BACKGROUND}; border: 1px solid {colors.GRID};"
                              " border-bottom: none; padding: 3px 6px; }")
            cap.setFixedWidth(view.width())
            view.resized.connect(lambda c=cap, v=view: c.setFixedWidth(v.width()))
            box.addWidget(cap)
        box.addWidget(view)
        view.leftEdge.connect(lambda forward, column, key=table_key: self._next_table(key, forward, column))
        progress = TableProgress(self.doc, table_key)
        box.addWidget(progress)
        self.progress[table_key] = progress
        self.tables[table_key] = view
        self.column.addLayout(box)
        return view

    def _next_table(self, key: str, forward: bool, column: int) -> None:
        keys = list(self.tables)
        i = keys.index(key) + (1 if forward else -1)
        if 0 <= i < len(keys):
            view = self.tables[keys[i]]
            view.enter_from_edge(forward, column)
            view._keep_in_sight(view.currentIndex())

    def show_widget(self, widget: QWidget, point: QPoint | None = None) -> None:
        self.widget().layout().activate()
        target = widget.mapTo(self.widget(), point if point is not None else QPoint(0, 0))
        self.ensureVisible(target.x(), target.y(), 60, 120)

    def reveal(self, loc: Location) -> bool:
        """Go to a cell or a text in this page; False when it is not here."""
        view = self.tables.get(loc.table or "")
        if view is not None:
            model = view.model()
            row, column = loc.row, loc.column
            if row is None or column is None:
                firsts = [k for k in model.grid.positions
                          if (row is None or k[0] == row) and (column is None or k[1] == column)]
                if not firsts:
                    return False
                row, column = firsts[0]
            view.select_cell(row, column)
            self.show_widget(view.viewport(), view.visualRect(view.currentIndex()).center())
            return True
        editor = self.editors.get(loc.text or "")
        if editor is not None:
            editor.show_span(loc.span)
            self.show_widget(editor, editor.cursorRect().center())
            return True
        return loc.table is None and loc.text is None


class TableProgress(QWidget):
    """Under a table: how much of it is filled in, and “本表已填完”, after which its blanks are findings."""

    def __init__(self, doc: Document, table: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.table = doc, table
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 0)
        self.count = QLabel()
        colors.set_ink(self.count, colors.MUTED)
        self.finished = QCheckBox("本表已填完（检查空白单元格）")
        self.finished.setToolTip("填写期间空白单元格只计入进度；勾选后，本表的空白单元格作为问题列出（没有发生的应填 0）。"
                                 "导出前的检查总会列出空白单元格。")
        self.finished.toggled.connect(self._toggled)
        row.addWidget(self.count)
        row.addStretch(1)
        row.addWidget(self.finished)
        doc.cellsChanged.connect(lambda key: key == table and self.refresh())
        self.refresh()

    def _toggled(self, checked: bool) -> None:
        if checked != (self.table in self.doc.report.finished_tables):
            self.doc.undo_stack.push(SetFinished(self.doc, self.table, checked))

    def refresh(self) -> None:
        filled, total = self.doc.report.fill_progress(self.table)
        self.count.setText(f"已填 {filled} / {total} 格" + ("（已填完）" if filled == total else ""))
        self.finished.setVisible(self.doc.report.drafting)
        self.finished.blockSignals(True)
        self.finished.setChecked(self.table in self.doc.report.finished_tables)
        self.finished.blockSignals(False)


def legend() -> QWidget:
    """What the cell colours mean."""
    from gui.table_model import COMPUTED_BACKGROUND, TINTS
    from gui.cell_editor import BLANK_HATCH
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 4, 0, 4)

    def swatch(color: QColor | None, hatch: bool = False, text: str = "") -> QLabel:
        pix = sharp_pixmap(28, 16)
        pix.fill(color or QColor(colors.PAGE))
        p = QPainter(pix)
        area = QRect(0, 0, 28, 16)
        if hatch:
            p.fillRect(area, QBrush(BLANK_HATCH, Qt.BrushStyle.BDiagPattern))
        p.setPen(QColor(colors.GRID))
        p.drawRect(area.adjusted(0, 0, -1, -1))
        if text:
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, text)
        p.end()
        label = QLabel()
        label.setPixmap(pix)
        return label

    for sw, text in ((swatch(None, hatch=True), "空白（未填）"), (swatch(None, text="0"), "填了 0"),
                     (swatch(COMPUTED_BACKGROUND), "合计（自动计算）"), (swatch(TINTS[Severity.ERROR]), "有错误"),
                     (swatch(TINTS[Severity.WARNING]), "有警告")):
        row.addWidget(sw)
        label = QLabel(text)
        colors.set_ink(label, colors.MUTED)
        row.addWidget(label)
        row.addSpacing(10)
    row.addStretch(1)
    return box


def text_page(doc: Document, section: str) -> Page:
    spec = doc.report.spec
    page = Page(doc, spec.section(section).heading)
    hint = spec.section(section).hint  # what to write, from the spec: the format's own asks
    if section == "overview":
        page.add_text("overview.intro", "开篇概述", hint)
        for topic in spec.topics:
            page.add_text(f"overview.{topic.key}", topic.heading, topic.hint)
    else:
        page.add_text(section, "", hint, label=spec.section(section).heading)
    page.finish()
    return page


def table_page(doc: Document, section: str) -> Page:
    spec = doc.report.spec
    page = Page(doc, spec.section(section).heading)
    tables = spec.tables_of(section)
    for table in tables:
        page.add_table(table.key, table.caption if len(tables) > 1 else None)
    page.column.addWidget(legend())
    for table in tables:
        name = table.short_name
        page.add_text(f"notes.{table.key}", f"{name}说明" if len(tables) > 1 else "表格说明", NOTE_HINT)
    page.finish()
    return page
