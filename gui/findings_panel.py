"""The findings panel: what the rules found, by severity; a click goes to the place."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QGuiApplication, QIcon, QPainter, QPixmap, QStandardItem,
                           QStandardItemModel)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QMenu, QPushButton,
                               QTreeView, QVBoxLayout, QWidget)

from forms.model.findings import Finding, blank_row_label
from gui.commands import Acknowledge, AcknowledgeAll
from gui.document import Document
from gui.interaction import Interaction
from gui import palette as colors
from gui.quiet_label import QuietLabel

COLORS = {key: QColor(ink) for key, ink in colors.SEVERITY_INK.items()}
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
    buckets: dict[str, list[Finding]] = {key: [] for key, _ in GROUPS}
    for f in doc.findings:
        buckets[f.severity.value if doc.open.is_open(f) else "verified"].append(f)
    return [(key, label, buckets[key]) for key, label in GROUPS if buckets[key]]


def panel_lines(items: list[Finding]) -> list[list[Finding]]:
    """The lines of one group: a finding a line, except the blank cells (A6) of one table row,
    which share a line, else a half-filled 表三 shows dozens of lines."""
    lines: list[list[Finding]] = []
    rows: dict[tuple[str, str], list[Finding]] = {}
    for f in items:
        loc = f.location
        if f.code == "A6" and loc.table and loc.row:
            if (loc.table, loc.row) not in rows:
                rows[loc.table, loc.row] = []
                lines.append(rows[loc.table, loc.row])
            rows[loc.table, loc.row].append(f)
        else:
            lines.append([f])
    return lines


@dataclass(eq=False)
class Node:
    kind: str                # "group" (a severity), "row" (blank cells of one table row), "finding"
    group: str               # key of the severity group it sits in
    text: str
    findings: list[Finding]  # every finding at or under it
    parent: int = 0          # the parent's id; 0 is the invisible root
    children: list[int] = field(default_factory=list)
    specs: list["Node"] = field(default_factory=list)  # while a check is compared: the children wanted
    items: list[QStandardItem] = field(default_factory=list)  # its line: one item a column
    look: tuple = ()         # the texts its items show, as last set

    @property
    def key(self) -> tuple:
        """What the node stands for among its siblings, the same from one check to the next."""
        if self.kind == "finding":
            return ("finding", self.findings[0].fingerprint)
        if self.kind == "row":
            return ("row", self.findings[0].location.table, self.findings[0].location.row)
        return ("group", self.group)


def build_tree(doc: Document, groups) -> list[Node]:
    """The severity groups as wanted, each with its lines (and the cells under a row of blanks)."""
    out = []
    for key, label, items in groups:
        g = Node("group", key, label, items)
        for line in panel_lines(items):
            if len(line) == 1:
                g.specs.append(Node("finding", key, line[0].message, line))
                continue
            r = Node("row", key, blank_row_label(doc.report, line), line)
            r.specs = [Node("finding", key, f.message, [f]) for f in line]
            g.specs.append(r)
        out.append(g)
    return out


def _numbered(keys: list[tuple]) -> list[tuple]:
    """Keys made unique among siblings: a text pasted twice says the same thing twice."""
    seen: dict[tuple, int] = {}
    out = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        out.append((*key, seen[key]))
    return out


NodeRole = Qt.ItemDataRole.UserRole + 1  # the id of the node a line stands for
_DISPLAY, _TIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


class FindingsModel(QStandardItemModel):
    """The findings as a tree that follows each check by difference: lines of findings that
    stay are left alone, those gone are removed and new ones inserted, so the view keeps its
    selection, expansion and scroll position and repaints only what changed. The lines are
    Qt's own items: painting the list calls no Python (a Python model's callbacks cost more
    than the painting itself)."""
    HEADERS = ("规则", "说明")

    def __init__(self, doc: Document, parent=None):
        super().__init__(0, len(self.HEADERS), parent)
        self.setHorizontalHeaderLabels(list(self.HEADERS))
        self.doc = doc
        self.groups: list = []  # (key, label, findings), filled by refresh()
        self.nodes: dict[int, Node] = {0: Node("root", "", "", [])}
        self._next_id = 1
        self._icons = {key: dot(color) for key, color in COLORS.items()}
        self._bold = QFont()
        self._bold.setBold(True)
        self._settled = QColor(colors.SETTLED)

    def refresh(self) -> bool:
        """Follow the findings; True when the lines had to be made anew (the view's state is lost)."""
        self.groups = group_findings(self.doc)
        wanted = build_tree(self.doc, self.groups)
        if self._sync(0, wanted):
            return False
        root = self.nodes[0]
        self.invisibleRootItem().removeRows(0, len(root.children))
        for child in root.children:
            self._drop(child)
        root.children = []
        self._insert(0, 0, wanted)
        return True

    # --- following a check by difference ----------------------------------------------------------
    def _sync(self, pid: int, specs: list[Node]) -> bool:
        """Make the children of node `pid` those of `specs`; False when only a rebuild can
        (siblings that stay changed their order)."""
        parent = self.nodes[pid]
        old_keys = _numbered([self.nodes[i].key for i in parent.children])
        new_keys = _numbered([s.key for s in specs])
        old_set, new_set = set(old_keys), set(new_keys)
        if [k for k in old_keys if k in new_set] != [k for k in new_keys if k in old_set]:
            return False
        i = len(old_keys) - 1
        while i >= 0:  # gone: removed in runs, from the end so the rows before keep their numbers
            if old_keys[i] in new_set:
                i -= 1
                continue
            j = i
            while j > 0 and old_keys[j - 1] not in new_set:
                j -= 1
            self._line_of(pid).removeRows(j, i - j + 1)
            for child in parent.children[j:i + 1]:
                self._drop(child)
            del parent.children[j:i + 1]
            i = j - 1
        pos = k = 0
        while k < len(specs):
            if new_keys[k] in old_set:  # stays: only its text, and its own children, may change
                if not self._update(parent.children[pos], specs[k]):
                    return False
                pos, k = pos + 1, k + 1
                continue
            m = k
            while m < len(specs) and new_keys[m] not in old_set:
                m += 1
            self._insert(pid, pos, specs[k:m])
            pos, k = pos + m - k, m
        return True

    def _update(self, nid: int, spec: Node) -> bool:
        node = self.nodes[nid]
        node.text, node.findings = spec.text, spec.findings
        self._show(node)
        return self._sync(nid, spec.specs) if spec.specs or node.children else True

    def _insert(self, pid: int, pos: int, specs: list[Node]) -> None:
        line = self._line_of(pid)
        for offset, spec in enumerate(specs):
            nid = self._make(pid, spec)
            self.nodes[pid].children.insert(pos + offset, nid)
            line.insertRow(pos + offset, self.nodes[nid].items)

    def _make(self, pid: int, spec: Node) -> int:
        """A node and its line, with the lines under it (not yet in the model: no signals)."""
        nid, self._next_id = self._next_id, self._next_id + 1
        node = self.nodes[nid] = Node(spec.kind, spec.group, spec.text, spec.findings, pid)
        node.items = [QStandardItem() for _ in self.HEADERS]
        for column, item in enumerate(node.items):
            item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
            item.setData(nid, NodeRole)
            if node.kind == "group" and column:
                continue  # a group is one line across: only its first column shows
            if column == 0:
                item.setData(self._icons[node.group], Qt.ItemDataRole.DecorationRole)
            if node.kind == "group":
                item.setData(self._bold, Qt.ItemDataRole.FontRole)
            elif node.group == "verified":
                item.setData(self._settled, Qt.ItemDataRole.ForegroundRole)
        self._show(node)
        for child in spec.specs:
            cid = self._make(nid, child)
            node.children.append(cid)
            node.items[0].appendRow(self.nodes[cid].items)
        return nid

    def _show(self, node: Node) -> None:
        """Set the texts of the node's line where they changed: an unchanged line is not repainted."""
        look = self._look(node)
        if look == node.look:
            return
        node.look = look
        for item, texts in zip(node.items, look):
            for role, text in zip((_DISPLAY, _TIP), texts):
                if item.data(role) != text:
                    item.setData(text, role)

    def _look(self, node: Node) -> tuple:
        """(text, tooltip) of each column of the node's line."""
        if node.kind == "group":
            return ((f"{node.text}（{len(node.findings)}）", None), (None, None))
        f = node.findings[0]
        ack = self._verified(node) if node.group == "verified" else ""
        tip = f"{f.code} · {f.severity.label}\n{node.text}" + (f"\n{ack}" if ack else "")
        code = "" if self.nodes[node.parent].kind == "row" else f.code  # a cell under its row: the row names the rule
        return ((code, tip), (node.text + ack, tip))

    def _drop(self, nid: int) -> None:
        for child in self.nodes.pop(nid).children:
            self._drop(child)

    def _line_of(self, nid: int) -> QStandardItem:
        return self.nodes[nid].items[0] if nid else self.invisibleRootItem()

    def _index_of_id(self, nid: int) -> QModelIndex:
        return self.nodes[nid].items[0].index() if nid else QModelIndex()

    def node(self, index: _Index) -> Node | None:
        return self.nodes.get(index.data(NodeRole)) if index.isValid() else None

    def finding(self, index: _Index) -> Finding | None:
        """The one finding a line stands for; None for a group or a row of blank cells."""
        node = self.node(index)
        return node.findings[0] if node is not None and node.kind == "finding" else None

    def findings_at(self, index: _Index) -> list[Finding]:
        """The findings a line stands for: one, or the blank cells of a row; none for a group."""
        node = self.node(index)
        return node.findings if node is not None and node.kind != "group" else []

    def group_of(self, index: _Index) -> str | None:
        node = self.node(index)
        return node.group if node is not None else None

    def index_of(self, fingerprint: str) -> QModelIndex:
        nid = next((i for i, n in self.nodes.items()
                    if n.kind == "finding" and n.findings[0].fingerprint == fingerprint), 0)
        return self._index_of_id(nid) if nid else QModelIndex()

    def row_entries(self) -> list[QModelIndex]:
        return [self._index_of_id(i) for i, n in self.nodes.items() if n.kind == "row"]

    def open_findings(self) -> list[Finding]:
        """Every finding not yet verified, in the order the panel lists them."""
        out: list[Finding] = []

        def walk(nid: int) -> None:
            for child in self.nodes[nid].children:
                node = self.nodes[child]
                if node.kind == "finding":
                    out.append(node.findings[0])
                walk(child)
        for gid in self.nodes[0].children:
            if self.nodes[gid].group != "verified":
                walk(gid)
        return out

    def _verified(self, node: Node) -> str:
        """（已核实：the clerk's explanation）, when the node's findings share one."""
        acks = [self.doc.report.acknowledged.get(f.fingerprint) for f in node.findings]
        explanations = {(a.explanation if a else "") or "" for a in acks}
        if len(explanations) != 1:
            return "（已核实）"
        return f"（已核实：{explanations.pop() or '无说明'}）"


class FindingsPanel(QWidget):
    findingActivated = Signal(object)  # Finding
    ruleRequested = Signal(str)  # a rule code: what “这条规则是什么意思？” opens

    def __init__(self, doc: Document, interaction: Interaction, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc, self.interaction = doc, interaction
        self.model = FindingsModel(doc, self)
        self.summary = QuietLabel("错误 999 项，警告 999 项，提示 999 项")  # a new count repaints only itself
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.model.rowsInserted.connect(self._inserted)
        self.view.setUniformRowHeights(True)
        # The scroll bar's range follows every check. It fills its own background, so repainting
        # it repaints neither its frame nor the dock and the window behind it (same pixels). Not
        # the frame itself: Python's first handle on that private Qt class costs 15-20 ms at start.
        self.view.verticalScrollBar().setAutoFillBackground(True)
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
        self.explain = QPushButton("这条规则是什么意思？")
        self.explain.setToolTip("这条问题的规则检查什么、怎样改正")
        self.explain.clicked.connect(self.explain_current)
        self.unverify.clicked.connect(self.unacknowledge_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary)
        buttons.addStretch(1)
        buttons.addWidget(self.explain)
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
        model, view = self.model, self.view
        current = model.node(view.currentIndex())
        keep = [] if current is None else [f.fingerprint for f in current.findings]
        if model.refresh():  # a reset: groups open again, the line worked on selected again
            for row in range(model.rowCount()):
                self._show_group(row)
            index = next((i for i in map(model.index_of, keep) if i.isValid()), QModelIndex())
            if index.isValid():
                view.selectionModel().setCurrentIndex(
                    index, view.selectionModel().SelectionFlag.ClearAndSelect
                    | view.selectionModel().SelectionFlag.Rows)
        counts = {key: len(items) for key, _, items in self.model.groups}
        if not self.doc.checked:
            self.summary.setText("正在检查……")
        elif not any(counts.get(k) for k in ("error", "warning", "info")):
            self.summary.setText("未发现问题。")
        else:
            self.summary.setText(f"错误 {counts.get('error', 0)} 项，警告 {counts.get('warning', 0)} 项，"
                                 f"提示 {counts.get('info', 0)} 项")
        self._update_buttons()

    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():  # a new severity group: one line across, opened
            for row in range(first, last + 1):
                self._show_group(row)

    def _show_group(self, row: int) -> None:
        self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        self.view.expand(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        index = self.view.currentIndex()
        found = bool(self.model.findings_at(index))
        group = self.model.group_of(index)
        self.verify.setEnabled(found and group in ("warning", "info"))
        self.explain.setEnabled(found)
        self.unverify.setEnabled(found and group == "verified")

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        node = self.model.node(index)
        if node is None or node.kind == "group":
            return
        self.view.setCurrentIndex(index)
        code = node.findings[0].code
        menu = QMenu(self)
        menu.addAction("转到", lambda: self.findingActivated.emit(node.findings[0]))
        menu.addAction("复制说明", lambda: QApplication.clipboard().setText(f"{code} {node.text}"))
        menu.addAction(self.explain.text(), lambda: self.ruleRequested.emit(code))
        menu.addSeparator()
        menu.addAction(self.verify.text(), self.acknowledge_current).setEnabled(self.verify.isEnabled())
        menu.addAction(self.unverify.text(), self.unacknowledge_current).setEnabled(self.unverify.isEnabled())
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _go(self, index: QModelIndex) -> None:
        """A finding goes to its place; a row of blank cells to the first of them."""
        findings = self.model.findings_at(index)
        if findings:
            self.findingActivated.emit(findings[0])

    def select(self, fingerprint: str) -> bool:
        index = self.model.index_of(fingerprint)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)  # opens a row of blank cells to show the one selected
        return index.isValid()

    def step(self, forward: bool) -> Finding | None:
        """The next (F8) or previous (Shift+F8) open finding, selected and gone to.

        On a row of blank cells, the row counts as its first cell, where a click on it went."""
        order = self.model.open_findings()
        if not order:
            return None
        here = self.model.findings_at(self.view.currentIndex())
        prints = [f.fingerprint for f in order]
        if here and here[0].fingerprint in prints:
            i = (prints.index(here[0].fingerprint) + (1 if forward else -1)) % len(order)
        else:
            i = 0 if forward else len(order) - 1
        self.select(order[i].fingerprint)
        self.findingActivated.emit(order[i])
        return order[i]

    def explain_current(self) -> None:
        findings = self.model.findings_at(self.view.currentIndex())
        if findings:
            self.ruleRequested.emit(findings[0].code)

    def acknowledge_current(self) -> None:
        index = self.view.currentIndex()
        findings = self.model.findings_at(index)
        if not findings:
            return
        if self.model.group_of(index) == "error":
            self.interaction.info(self, "不能标记", "错误不能标记为已核实，请改正后重新检查。")
            return
        # The dialog quotes the line the clerk chose: for a row of blanks, the row's own line.
        subject = replace(findings[0], message=self.model.node(index).text)
        explanation = self.interaction.explanation(self, subject)
        if explanation is not None and not explanation.strip():
            self.interaction.info(self, "未标记", "请写明核实的理由（例如“经核对登记台账，数字无误”），理由将保存在年报文件中。")
            return
        if explanation is not None:
            self.doc.undo_stack.push(self._acknowledgement(findings, explanation))

    def unacknowledge_current(self) -> None:
        findings = [f for f in self.model.findings_at(self.view.currentIndex())
                    if f.fingerprint in self.doc.report.acknowledged]
        if findings:
            self.doc.undo_stack.push(self._acknowledgement(findings, None))

    def _acknowledgement(self, findings: list[Finding], explanation: str | None):
        if len(findings) == 1:
            return Acknowledge(self.doc, findings[0], explanation)
        return AcknowledgeAll(self.doc, findings, explanation)
