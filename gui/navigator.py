"""The section navigator: 封面, 一 … 六, with the four tables of 二 as children; marks sections with findings."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from forms.model.findings import Location, Severity
from forms.spec import Spec
from gui.document import Document
from gui import palette as colors
from gui.findings_panel import COLORS, dot

PageRole = Qt.ItemDataRole.UserRole
TableRole = Qt.ItemDataRole.UserRole + 1
MarkRole = Qt.ItemDataRole.UserRole + 2  # (count, severity) shown


def page_key_of(spec: Spec, loc: Location) -> str | None:
    """Which page shows a location."""
    if loc.table:
        return spec.table(loc.table).section
    if loc.text:
        head, _, tail = loc.text.partition(".")
        if head == "notes":
            return spec.table(tail).section
        if head in ("title", "preface", "closing"):
            return "cover"
        return "overview" if head == "overview" else head
    if loc.section in {s.key for s in spec.sections} | {"cover"}:
        return loc.section
    return None


class Navigator(QTreeWidget):
    pageRequested = Signal(str, object)  # page key, table key or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setMinimumWidth(200)
        self._items: dict[tuple[str, str | None], QTreeWidgetItem] = {}
        self._labels: dict[tuple[str, str | None], str] = {}
        self._icons = {key: dot(color) for key, color in COLORS.items()}
        self.currentItemChanged.connect(self._changed)

    def build(self, spec: Spec) -> None:
        self.blockSignals(True)
        self.clear()
        self._items.clear()
        self._add("cover", None, "封面信息")
        for s in spec.sections:
            parent = self._add(s.key, None, s.heading)
            tables = spec.tables_of(s.key)
            if len(tables) > 1:
                for t in tables:
                    self._add(s.key, t.key, t.caption, parent)
        self._add("compare", None, "对比（与往年）")
        self.expandAll()
        self.blockSignals(False)

    def _add(self, page: str, table: str | None, text: str, parent: QTreeWidgetItem | None = None):
        item = QTreeWidgetItem(parent or self, [text])
        item.setData(0, PageRole, page)
        item.setData(0, TableRole, table)
        item.setToolTip(0, text)
        self._items[(page, table)] = item
        self._labels[(page, table)] = text
        return item

    def _changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is not None:
            self.pageRequested.emit(current.data(0, PageRole), current.data(0, TableRole))

    def select(self, page: str) -> None:
        item = self._items.get((page, None))
        if item is not None and self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def show_progress(self, doc: Document, table: str | None = None) -> None:
        """How much of each table is filled, beside its name (all tables, or the one that changed)."""
        spec, report = doc.report.spec, doc.report
        if self.columnCount() < 2:
            self.setColumnCount(2)
            self.header().setStretchLastSection(False)
            self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
            self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        sections = {spec.table(table).section} if table else {t.section for t in spec.tables}
        for section in sections:
            tables = spec.tables_of(section)
            parts = [report.fill_progress(t.key) for t in tables]
            items = [((section, None), (sum(p[0] for p in parts), sum(p[1] for p in parts)))]
            if len(tables) > 1:
                items += [((section, t.key), p) for t, p in zip(tables, parts)]
            for key, (filled, total) in items:
                item = self._items.get(key)
                if item is None:
                    continue
                text = "已填完" if filled == total else f"{filled}/{total}"
                if item.text(1) != text:
                    item.setText(1, text)
                    item.setToolTip(1, f"已填 {filled} 格，共 {total} 格")
                    item.setForeground(1, QColor(colors.SAVED if filled == total else colors.MUTED))

    def mark(self, doc: Document) -> None:
        """A coloured dot and a count on the sections that have open findings."""
        spec = doc.report.spec
        worst: dict[str, Severity] = {}
        counts: dict[str, int] = {}
        for f in doc.open:
            key = page_key_of(spec, f.location)
            if key is None:
                continue
            counts[key] = counts.get(key, 0) + 1
            if key not in worst or f.severity.rank < worst[key].rank:
                worst[key] = f.severity
        for (page, table), item in self._items.items():
            if table is not None:
                continue
            label = self._labels[(page, None)]
            mark = (counts[page], worst[page].value) if page in counts else (0, "verified")
            if item.data(0, MarkRole) == mark:
                continue  # unchanged: leave the tree unrepainted
            item.setData(0, MarkRole, mark)
            item.setText(0, f"{label}（{mark[0]}）" if mark[0] else label)
            item.setIcon(0, self._icons[mark[1]])
            item.setToolTip(0, f"{label}：{mark[0]} 个问题" if mark[0] else label)
