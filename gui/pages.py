"""The editor pages, one per node of the section navigator, each a scrolling column."""
from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from forms.model.findings import Location, Severity
from forms.model import OrgLevel
from forms.model.preface import chinese_date, default_sign_off, parse_chinese_date
from gui.commands import ResetPreface, SetField, SetFinished
from gui.document import Document
from gui.findings_panel import sharp_pixmap
from gui.text_editor import PrefaceEditor, TextBlock, TextEditor
from gui import palette as colors

NOTE_HINT = "表格说明（可选）：需要时说明表中数字的口径，将印在表格下方。"
PREFACE_HINT = ("印在标题之下、“{first}”之前。未经手动修改时，随上面的封面信息（年度、电话、地址等）自动更新；"
                "手动修改后不再自动更新，与封面信息不一致时会提示。")


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
        title.setStyleSheet("QLabel#pageHeading { font-size: 15pt; font-weight: bold; padding-bottom: 6px; }")
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
        self.count.setStyleSheet(f"color: {colors.MUTED};")
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
        label.setStyleSheet(f"color: {colors.MUTED};")
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


class CoverPage(Page):
    """Year, organ and the contact lines printed with the report."""

    FIELDS = [("organization.name", "机关名称"), ("title", "报告标题"), ("organization.address", "地址"),
              ("organization.postcode", "邮政编码"), ("organization.phone", "电话"),
              ("organization.email", "电子邮箱"), ("organization.website", "网站")]

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(doc, "封面信息", parent)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setSuffix(" 年")
        self.year.editingFinished.connect(lambda: self._commit("year", self.year.value(), "报告年度"))
        form.addRow("报告年度", self.year)
        self.level = QComboBox()
        self.level.addItems([lv.value for lv in OrgLevel])
        self.level.activated.connect(
            lambda i: self._commit("organization.level", OrgLevel(self.level.itemText(i)), "机关层级"))
        self.lines: dict[str, QLineEdit] = {}
        for name, label in self.FIELDS:
            edit = QLineEdit()
            edit.setMinimumWidth(420)
            edit.editingFinished.connect(lambda n=name, e=edit, lb=label: self._commit(n, e.text().strip(), lb))
            self.lines[name] = edit
            form.addRow(label, edit)
            if name == "organization.name":
                form.addRow("机关层级", self.level)
        self.sign_off_auto = QCheckBox()
        self.sign_off = QDateEdit()
        self.sign_off.setCalendarPopup(True)
        self.sign_off.setDisplayFormat("yyyy年M月d日")
        self.sign_off_auto.toggled.connect(self._sign_off_edited)
        self.sign_off.editingFinished.connect(self._sign_off_edited)
        dated = QHBoxLayout()
        dated.addWidget(self.sign_off)
        dated.addWidget(self.sign_off_auto)
        dated.addStretch(1)
        form.addRow("落款日期", dated)
        self.column.addLayout(form)
        hint = PREFACE_HINT.format(first=doc.report.spec.sections[0].heading)
        self.preface = self.add_text("preface", "前言", hint, label="前言", editor_class=PrefaceEditor)
        self.preface_state = QLabel()
        self.preface_state.setStyleSheet(f"color: {colors.MUTED};")
        self.preface_reset = QPushButton("恢复标准前言")
        self.preface_reset.setToolTip("放弃手动修改，改用由封面信息生成的标准前言（可撤销）")
        self.preface_reset.clicked.connect(lambda: self.doc.undo_stack.push(ResetPreface(self.doc)))
        state_row = QHBoxLayout()
        state_row.addWidget(self.preface_state, 1)
        state_row.addWidget(self.preface_reset)
        self.column.addLayout(state_row)
        self.prior_note = QLabel()
        self.prior_note.setStyleSheet(f"color: {colors.MUTED}; padding-top: 12px;")
        self.column.addWidget(self.prior_note)
        self.finish()
        doc.metaChanged.connect(self.refresh)
        doc.priorChanged.connect(self.refresh)
        doc.textChanged.connect(lambda key: key == "preface" and self.refresh())
        self.refresh()

    def _sign_off_edited(self, *_) -> None:
        self.sign_off.setEnabled(not self.sign_off_auto.isChecked())
        d = self.sign_off.date()
        value = "" if self.sign_off_auto.isChecked() else chinese_date(d.toPython())
        self._commit("sections.closing", value, "落款日期")

    def commit_pending(self) -> None:
        # A field is committed when it loses focus; Ctrl+S does not take the focus away.
        self._commit("year", self.year.value(), "报告年度")
        for name, label in self.FIELDS:
            self._commit(name, self.lines[name].text().strip(), label)

    def _commit(self, name: str, value, label: str) -> None:
        if self.doc.field(name) != value:
            self.doc.undo_stack.push(SetField(self.doc, name, value, label))

    def refresh(self) -> None:
        r = self.doc.report
        self.year.blockSignals(True)
        self.year.setValue(r.year)
        self.year.blockSignals(False)
        self.level.setCurrentText(r.organization.level.value)
        for name, edit in self.lines.items():
            if edit.text() != self.doc.field(name):
                edit.setText(self.doc.field(name))
        self.lines["title"].setPlaceholderText(f"{r.organization.name}{r.year}年政府信息公开工作年度报告（留空即用此标题）")
        default = default_sign_off(r.year)
        chosen = parse_chinese_date(r.sections.closing)
        for w in (self.sign_off, self.sign_off_auto):
            w.blockSignals(True)
        self.sign_off_auto.setText(f"默认（{chinese_date(default)}：导出当天，最晚为次年1月31日）")
        self.sign_off_auto.setChecked(not r.sections.closing.strip())
        self.sign_off.setDate(QDate(chosen or default))
        self.sign_off.setEnabled(not self.sign_off_auto.isChecked())
        for w in (self.sign_off, self.sign_off_auto):
            w.blockSignals(False)
        by_hand = r.sections.preface_by_hand
        self.preface_state.setText("前言已手动修改，不再随封面信息更新。" if by_hand
                                   else "前言随封面信息自动更新。")
        self.preface_reset.setEnabled(by_hand or bool(r.sections.preface.strip()))
        prior = r.prior
        self.prior_note.setText(f"已附加上年报告：{prior.display_title}（用于上年结转等跨年校验，及文字对照）"
                                if prior else "尚未附加上年报告。附加后可校验“上年结转”等跨年数据，并对照上年文字。"
                                              "（文件 → 附加/替换上年报告…）")

    def reveal(self, loc: Location) -> bool:
        if loc.text == "title":
            self.lines["title"].setFocus()
            return True
        if loc.text == "closing":
            self.sign_off.setFocus()
            return True
        return super().reveal(loc)
