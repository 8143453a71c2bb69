"""The start page: a new report, a new report from last year's, open, recent files."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from forms.model import OrgLevel
from gui import palette as colors
from gui.small_screen import fill_scrolling
from gui.fonts import set_heading


def likely_report_year(today: date) -> int:
    """The year a report is being drafted for: drafting starts in December (departments file by
    31 January, governments by 31 March), so from December on it is this year, before that last year."""
    return today.year if today.month == 12 else today.year - 1


class StartPage(QWidget):
    createRequested = Signal(int, str, str)   # year, organ name, level
    fromPriorRequested = Signal()
    openRequested = Signal()
    openPathRequested = Signal(Path)
    sampleRequested = Signal()
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel("政府信息公开工作年度报告")
        set_heading(title, 18)
        subtitle = QLabel("按国办公开办函〔2021〕30号格式填写，边填边校验，导出 Word、网页、PDF。")
        colors.set_ink(subtitle, colors.MUTED)

        new_box = QGroupBox("新建报告")
        form = QFormLayout(new_box)
        self.year = QSpinBox()
        self.year.setRange(2021, 2100)
        self.year.setValue(likely_report_year(date.today()))
        self.year.setSuffix(" 年度")
        self.org = QLineEdit()
        self.org.setPlaceholderText("如：青岚县人民政府")
        self.org.setMinimumWidth(280)
        self.level = QComboBox()
        self.level.addItems([lv.value for lv in OrgLevel])
        create = QPushButton("新建空白报告")
        create.setDefault(True)
        create.clicked.connect(self._create)
        self.org.returnPressed.connect(self._create)
        self.problem = QLabel()
        colors.set_ink(self.problem, colors.PROBLEM)
        form.addRow("报告年度", self.year)
        form.addRow("机关名称", self.org)
        form.addRow("机关层级", self.level)
        form.addRow("", create)
        form.addRow("", self.problem)

        other = QGroupBox("其他方式")
        col = QVBoxLayout(other)
        for text, tip, signal in (
                ("从上年报告新建…", "读入上年的年报（本软件文件，或已发布的 Word / 网页 / PDF），生成本年草稿：沿用机关信息，"
                                   "上年结转自动填入。", self.fromPriorRequested),
                ("打开…", "打开年报文件，或导入 Word / 网页 / PDF / 文本。", self.openRequested),
                ("打开示例报告", "青岚县人民政府 2024 年度报告（虚构），可随意试填。", self.sampleRequested)):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(signal.emit)
            col.addWidget(button)
        self.back = QPushButton("返回当前报告")
        self.back.clicked.connect(self.backRequested.emit)
        col.addWidget(self.back)
        col.addStretch(1)

        recent_box = QGroupBox("最近打开")
        rcol = QVBoxLayout(recent_box)
        self.recent = QListWidget()
        self.recent.itemActivated.connect(lambda item: self.openPathRequested.emit(Path(item.data(Qt.ItemDataRole.UserRole))))
        rcol.addWidget(self.recent)

        left = QVBoxLayout()
        left.addWidget(new_box)
        left.addWidget(other)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addWidget(recent_box, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(row, 1)
        fill_scrolling(self, content)

    def set_recent(self, files: list[Path]) -> None:
        self.recent.clear()
        for path in files:
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not files:
            item = QListWidgetItem("（还没有打开过文件）")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def set_can_go_back(self, can: bool) -> None:
        self.back.setVisible(can)

    def _create(self) -> None:
        name = self.org.text().strip()
        if not name:
            self.problem.setText("请填写机关名称。")
            self.org.setFocus()
            return
        self.problem.clear()
        self.createRequested.emit(self.year.value(), name, self.level.currentText())
