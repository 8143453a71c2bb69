"""`nianbao --screenshot`: the real window drawn offscreen into a PNG, for README and reviews."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTemporaryDir
from PySide6.QtWidgets import QApplication

from forms.model.findings import Location
from gui.context import AppContext
from gui.interaction import Interaction
from gui.main_window import MainWindow
from gui.navigator import page_key_of

SIZE = (1440, 920)


class Unattended(Interaction):
    """No one is there to answer: messages go to stderr, questions get the cautious answer."""

    def open_path(self, parent, title, start=None, filters=""):
        return None

    def save_path(self, parent, title, suggested):
        return None

    def ask_save_changes(self, parent, what):
        return "discard"  # a screenshot changes nothing worth keeping

    def offer_restore(self, parent, recovery):
        return "later"

    def explanation(self, parent, finding, current=""):
        return None

    def error(self, parent, title, message):
        print(f"nianbao: {title}：{message}", file=sys.stderr)

    def info(self, parent, title, message):
        print(f"nianbao: {message}", file=sys.stderr)


def take_screenshot(out: Path, file: Path | None, section: str | None) -> int:
    scratch = QTemporaryDir()  # the clerk's own settings and recovery files are left alone
    settings = QSettings(str(Path(scratch.path()) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(settings=settings, recovery=None, interaction=Unattended()))
    if QApplication.platformName() == "offscreen":  # no real screen to fit: the README's size
        window.resize(*SIZE)
    opened = window.open_path(file) if file else window.open_sample()
    if not opened:
        print(f"nianbao: 无法打开 {file}", file=sys.stderr)
        return 2
    window.show()
    if section and not _show_section(window, section):
        print(f"nianbao: 没有名为“{section}”的部分", file=sys.stderr)
        return 2
    for _ in range(3):
        QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"nianbao: 无法写入 {out}", file=sys.stderr)
        return 2
    window.close()
    return 0


def _show_section(window: MainWindow, section: str) -> bool:
    if section == "merge" and window.doc.report.consolidation is not None:  # the 汇总 page of a consolidation
        from gui.merge_page import show_merge_page
        page = show_merge_page(window)
        page.table.selectRow(next((i for i, u in enumerate(window.doc.report.consolidation.units)
                                   if u.status.value == "errors"), 0))
        window.breakdown_dock.widget().show_cell("applications", "new_received", "total")
        return True
    if section == "compare":  # the 对比 page
        window.show_page("compare")
        return True
    spec = window.doc.report.spec
    table_keys = {t.key for t in spec.tables}
    if section in table_keys:
        loc = Location(table=section)
    elif section in {s.key for s in spec.sections} | {"cover"}:
        loc = Location(section=section)
    else:
        return False
    key = page_key_of(spec, loc)
    window.show_page(key)
    if loc.table:
        window.go_to(loc)
    # Show the first finding of that part, selected in the panel and under the cursor.
    for f in window.doc.findings:
        if page_key_of(spec, f.location) == key and (not loc.table or f.location.table == loc.table):
            window.panel.select(f.fingerprint)
            window.go_to(f.location)
            break
    return True
