"""The cover page: year, organ, contact lines, the date signed and the preface.

A module of its own: its form widgets (spin box, date edit, combo box) cost start-up time, and the
editor opens on the report's first section, not on the cover.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QWidget)

from forms.model.findings import Location
from forms.model import OrgLevel
from forms.model.preface import chinese_date, default_sign_off, parse_chinese_date
from gui.commands import ResetPreface, SetField
from gui.document import Document
from gui.pages import Page
from gui.text_editor import PrefaceEditor
from gui import palette as colors

PREFACE_HINT = ("印在标题之下、“{first}”之前。未经手动修改时，随上面的封面信息（年度、电话、地址等）自动更新；"
                "手动修改后不再自动更新，与封面信息不一致时会提示。")


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
        colors.set_ink(self.preface_state, colors.MUTED)
        self.preface_reset = QPushButton("恢复标准前言")
        self.preface_reset.setToolTip("放弃手动修改，改用由封面信息生成的标准前言（可撤销）")
        self.preface_reset.clicked.connect(lambda: self.doc.undo_stack.push(ResetPreface(self.doc)))
        state_row = QHBoxLayout()
        state_row.addWidget(self.preface_state, 1)
        state_row.addWidget(self.preface_reset)
        self.column.addLayout(state_row)
        self.prior_note = QLabel()
        colors.set_ink(self.prior_note, colors.MUTED)
        self.prior_note.setContentsMargins(0, 12, 0, 0)
        self.prior_note.setWordWrap(True)  # a long organ name must not widen the page past the screen
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
