"""帮助: the user guide (F1) and the rule catalogue, in one window; a finding opens its rule."""
from __future__ import annotations

from html import escape
from importlib import resources
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from forms.rules.catalogue import SEVERITY_NAMES, catalogue
from gui.small_screen import size_to_screen


def app_version() -> str:
    try:
        return version("nianbao")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "开发版"


def guide_markdown() -> str:
    return resources.files("resources").joinpath("help/guide.md").read_text(encoding="utf-8")


def catalogue_html() -> str:
    """Every rule, with an anchor per code so a finding can open its own entry."""
    parts = ["<h1>校验规则</h1><p>每条问题前的编号就是下面的规则编号。错误必须改正；警告核实无误的，可以标记为已核实并写明理由；"
             "提示仅供参考。</p>"]
    family = None
    for info in catalogue().values():
        if info.family != family:
            family = info.family
            parts.append(f"<h2>{escape(info.code[0])} {escape(family)}</h2>")
        parts.append(f'<h3><a name="{info.code}"></a>{info.code} {escape(info.title)}'
                     f'（{SEVERITY_NAMES[info.severity]}）</h3>'
                     f"<p><b>检查什么：</b>{escape(info.checks)}</p><p><b>怎样改正：</b>{escape(info.fix)}</p>")
    return "".join(parts)


class HelpWindow(QDialog):
    """Not modal: the clerk reads the guide beside the report."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("帮助 — 政府信息公开工作年度报告编辑器")
        self.setMinimumSize(480, 360)  # fixed bounds: size hints never need passing on
        size_to_screen(self, 860, 760)
        self.tabs = QTabWidget(self)
        self.guide = QTextBrowser()
        self.guide.setMarkdown(guide_markdown())
        self.rules = QTextBrowser()
        self.rules.setHtml(catalogue_html())
        self.tabs.addTab(self.guide, "使用说明")
        self.tabs.addTab(self.rules, "校验规则")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def show_guide(self) -> None:
        self.tabs.setCurrentWidget(self.guide)
        self.guide.moveCursor(QTextCursor.MoveOperation.Start)
        self._present()

    def show_rule(self, code: str | None = None) -> None:
        self.tabs.setCurrentWidget(self.rules)
        self._present()
        if code:
            self.rules.scrollToAnchor(code)
        else:
            self.rules.moveCursor(QTextCursor.MoveOperation.Start)

    def _present(self) -> None:
        if self.isVisible():  # behind the main window: bring it forward
            self.raise_()
            self.activateWindow()
        else:
            self.show()

