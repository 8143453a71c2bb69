"""The findings panel: what the rules found, by severity; a click goes to the place."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QLabel, QMenu, QPushButton,
                               QTreeView, QVBoxLayout, QWidget)

from forms.findings import Finding, Severity
from gui.commands import Acknowledge
from gui.document import Document
from gui.interaction import Interaction

COLORS = {"error": QColor("#cf1322"), "warning": QColor("#d48806"), "info": QColor("#1677ff"),
          "verified": QColor("#389e0d")}
GROUPS = [("error", "错误"), ("warning", "警告"), ("info", "提示"), ("verified", "已核实")]

_Index = QModelIndex | QPersistentModelIndex


def sharp_pixmap(width: int, height: int) -> QPixmap:
    """A pixmap drawn at the screen's own resolution, so it stays crisp at 150 % and 200 %."""
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
    pix = QPixmap(round(width * ratio), round(height * ratio))
    pix.setDevicePixelRatio(ratio)
    return pix


def dot(color: QColor) -> QIcon:
    pix = sharp_pixmap(12, 12)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(color)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(1, 1, 10, 10)
    p.end()
    return QIcon(pix)


def group_findings(doc: Document) -> list[tuple[str, str, list[Finding]]]:
    """(group key, label, findings) for the non-empty groups, in panel order."""
    acknowledged = doc.report.acknowledged
    buckets: dict[str, list[Finding]] = {key: [] for key, _ in GROUPS}
    for f in doc.findings:
        verified = f.severity is not Severity.ERROR and f.fingerprint in acknowledged
        buckets["verified" if verified else f.severity.value].append(f)
    return [(key, label, buckets[key]) for key, label in GROUPS if buckets[key]]


def _shape(groups) -> list:
    return [(key, [(f.fingerprint, f.message) for f in items]) for key, _, items in groups]


class FindingsModel(QAbstractItemModel):
    HEADERS = ("规则", "说明")

    def __init__(self, doc: Document, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.groups: list = []  # filled by refresh()
        self._icons = {key: dot(color) for key, color in COLORS.items()}

    def refresh(self) -> bool:
        """Rebuild when the findings differ from those shown; False when nothing changed."""
        groups = group_findings(self.doc)
        if self.groups and _shape(groups) == _shape(self.groups):
            self.groups = groups
            return False
        self.beginResetModel()
        self.groups = groups
        self.endResetModel()
        return True

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][2])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def finding(self, index: _Index) -> Finding | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][2][index.row()]

    def group_of(self, index: _Index) -> str | None:
        if not index.isValid():
            return None
        return self.groups[index.row() if index.internalId() == 0 else index.internalId() - 1][0]

    def index_of(self, fingerprint: str) -> QModelIndex:
        for g, (_, _, items) in enumerate(self.groups):
            for r, f in enumerate(items):
                if f.fingerprint == fingerprint:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self.group_of(index)
        f = self.finding(index)
        if f is None:
            if index.column() != 0:
                return None
            label, items = self.groups[index.row()][1], self.groups[index.row()][2]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{label}（{len(items)}）"
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icons[key]
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        ack = self.doc.report.acknowledged.get(f.fingerprint) if key == "verified" else None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f.code
            return f"{f.message}（已核实：{ack.explanation or '无说明'}）" if ack else f.message
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{f.code} · {f.severity.label}\n{f.message}" + (f"\n已核实：{ack.explanation}" if ack else "")
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return self._icons[key]
        if role == Qt.ItemDataRole.ForegroundRole and key == "verified":
            return QColor("#6b7280")
        return None


class FindingsPanel(QWidget):
    findingActivated = Signal(object)  # Finding

    def __init__(self, doc: Document, interaction: Interaction, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.interaction = doc, interaction
        self.model = FindingsModel(doc, self)
        self.summary = QLabel()
        fm = self.summary.fontMetrics()  # fixed, so a new count does not re-lay out the window
        self.summary.setFixedSize(fm.horizontalAdvance("错误 999 项，警告 999 项，提示 999 项") + 12, fm.height() + 6)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setWordWrap(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.header().setStretchLastSection(True)
        self.view.setColumnWidth(0, 90)
        self.view.clicked.connect(self._go)
        self.view.activated.connect(self._go)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.verify = QPushButton("标记为已核实…")
        self.verify.setToolTip("经核实确实无误的警告，可写明理由后标记为已核实；理由保存在年报文件中。")
        self.verify.clicked.connect(self.acknowledge_current)
        self.unverify = QPushButton("取消核实")
        self.unverify.clicked.connect(self.unacknowledge_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary)
        buttons.addStretch(1)
        buttons.addWidget(self.verify)
        buttons.addWidget(self.unverify)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        doc.findingsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        current = self.model.finding(self.view.currentIndex())
        if self.model.refresh():
            for row in range(self.model.rowCount()):
                self.view.setFirstColumnSpanned(row, QModelIndex(), True)
            self.view.expandAll()
            if current is not None:
                index = self.model.index_of(current.fingerprint)
                if index.isValid():
                    self.view.selectionModel().setCurrentIndex(
                        index, self.view.selectionModel().SelectionFlag.ClearAndSelect
                        | self.view.selectionModel().SelectionFlag.Rows)
        counts = {key: len(items) for key, _, items in self.model.groups}
        if not self.doc.checked:
            self.summary.setText("正在检查……")
        elif not any(counts.get(k) for k in ("error", "warning", "info")):
            self.summary.setText("未发现问题。")
        else:
            self.summary.setText(f"错误 {counts.get('error', 0)} 项，警告 {counts.get('warning', 0)} 项，"
                                 f"提示 {counts.get('info', 0)} 项")
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.view.currentIndex()
        f = self.model.finding(index)
        group = self.model.group_of(index)
        self.verify.setEnabled(f is not None and group in ("warning", "info"))
        self.unverify.setEnabled(f is not None and group == "verified")

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        f = self.model.finding(index)
        if f is None:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction("转到", lambda: self.findingActivated.emit(f))
        menu.addAction("复制说明", lambda: QApplication.clipboard().setText(f"{f.code} {f.message}"))
        menu.addSeparator()
        menu.addAction(self.verify.text(), self.acknowledge_current).setEnabled(self.verify.isEnabled())
        menu.addAction(self.unverify.text(), self.unacknowledge_current).setEnabled(self.unverify.isEnabled())
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _go(self, index: QModelIndex) -> None:
        f = self.model.finding(index)
        if f is not None:
            self.findingActivated.emit(f)

    def select(self, fingerprint: str) -> bool:
        index = self.model.index_of(fingerprint)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        return index.isValid()

    def step(self, forward: bool) -> Finding | None:
        """The next (F8) or previous (Shift+F8) open finding, selected and gone to."""
        order = [f for key, _, items in self.model.groups if key != "verified" for f in items]
        if not order:
            return None
        current = self.model.finding(self.view.currentIndex())
        prints = [f.fingerprint for f in order]
        if current is not None and current.fingerprint in prints:
            i = (prints.index(current.fingerprint) + (1 if forward else -1)) % len(order)
        else:
            i = 0 if forward else len(order) - 1
        self.select(order[i].fingerprint)
        self.findingActivated.emit(order[i])
        return order[i]

    def acknowledge_current(self) -> None:
        f = self.model.finding(self.view.currentIndex())
        if f is None:
            return
        if f.severity is Severity.ERROR:
            self.interaction.info(self, "不能标记", "错误不能标记为已核实，请改正后重新检查。")
            return
        explanation = self.interaction.explanation(self, f)
        if explanation is not None:
            self.doc.undo_stack.push(Acknowledge(self.doc, f, explanation))

    def unacknowledge_current(self) -> None:
        f = self.model.finding(self.view.currentIndex())
        if f is not None and f.fingerprint in self.doc.report.acknowledged:
            self.doc.undo_stack.push(Acknowledge(self.doc, f, None))
