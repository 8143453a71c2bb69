"""文件 → 汇总下级单位报告…: add units, watch them read, see each cell's breakdown, exclude and undo."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from merge_units import unit_report, write_units  # noqa: E402

from forms.model import store  # noqa: E402
from forms.model.consolidation import UnitStatus  # noqa: E402

GRANTED = ("applications", "granted", "natural_person")


def _open_page(window):
    window.actions_["merge"].trigger()
    page = window.merge_page
    assert window.central.currentWidget() is page
    return page


def _drop(page, paths) -> None:
    """What Explorer does when files or folders are dragged onto the page."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    page.dropEvent(QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier))


def _read(qtbot, page, paths, *, drop: bool = False):
    progress = []
    page.reader.progressed.connect(lambda done, total, name: progress.append((done, total)))
    if drop:
        _drop(page, paths)
    else:
        assert page.add_paths(paths)
    assert page.progress_row.isVisibleTo(page)
    qtbot.waitUntil(lambda: not page.reader.busy and not page.progress_row.isVisibleTo(page), timeout=60000)
    return progress


def test_add_units_makes_the_draft_and_lists_each_with_its_status(qtbot, window, tmp_path):
    units = write_units(tmp_path / "units", 3)
    (tmp_path / "units" / "坏文件.docx").write_bytes(b"PK\x03\x04 damaged")
    page = _open_page(window)
    progress = _read(qtbot, page, [tmp_path / "units"], drop=True)   # a folder dropped from Explorer
    assert progress[-1] == (4, 4)
    doc = window.doc
    assert doc.report.consolidation is not None and doc.modified
    assert page.table.rowCount() == 4
    statuses = {page.table.item(i, 1).text(): page.table.item(i, 4).text() for i in range(4)}
    assert statuses["unit00000.json"] == "无问题" and statuses["坏文件.docx"] == "无法读取"
    assert page.table.item(3, 7).text().startswith("否：")
    total = sum(store.load(p).entered(*GRANTED) for p in units)
    assert doc.report.entered(*GRANTED) == total
    assert "计入 3 个单位" in page.summary.text()

    # More units later: one undo step; a second copy of a unit is refused as a duplicate.
    extra = tmp_path / "more"
    extra.mkdir()
    store.save(unit_report(7), extra / "七.json")
    (extra / "copy.json").write_bytes(units[0].read_bytes())
    _read(qtbot, page, [extra / "七.json", extra / "copy.json"])
    assert page.table.rowCount() == 6
    assert doc.report.consolidation.units[-1].status is UnitStatus.DUPLICATE
    assert doc.report.entered(*GRANTED) == total + unit_report(7).entered(*GRANTED)
    doc.undo_stack.undo()
    assert page.table.rowCount() == 4 and doc.report.entered(*GRANTED) == total


def test_breakdown_follows_the_cell_and_opens_the_units_report(qtbot, window, tmp_path):
    units = write_units(tmp_path / "units", 3)
    page = _open_page(window)
    _read(qtbot, page, units)
    page.back_to_editor()
    window.show_page("applications")
    view = window.pages["applications"].tables["applications"]
    view.select_cell("granted", "natural_person")
    panel = window.breakdown_dock.widget()
    assert window.breakdown_dock.isVisible()
    values = [store.load(p).entered(*GRANTED) for p in units]
    assert f"汇总 {sum(values)}" in panel.heading.text()
    shown = {panel.table.item(i, 0).text(): int(panel.table.item(i, 1).text()) for i in range(3)}
    assert shown == {f"青岚县第{i + 1}单位": v for i, v in enumerate(values)}
    tip = view.model().data(view.model().index_of(*GRANTED[1:]), 3)  # Qt.ToolTipRole
    assert "各单位合计" in tip and "青岚县第1单位" in tip

    row = next(i for i in range(3) if panel.table.item(i, 0).text() == "青岚县第2单位")
    panel.table.setCurrentCell(row, 0)
    panel.open_button.click()
    unit_window = window.unit_windows[-1]
    qtbot.waitExposed(unit_window)
    unit_view = unit_window.pages["applications"].tables["applications"]
    assert unit_view.model().cell_at(unit_view.currentIndex()) == ("granted", "natural_person")
    assert "只读" in unit_window.windowTitle()
    unit_view.model().setData(unit_view.currentIndex(), "999")   # nothing reaches the unit's report
    assert unit_window.doc.report.entered(*GRANTED) == values[1]
    unit_window.close()


def test_exclude_a_unit_then_undo_and_the_file_records_it(qtbot, window, interaction, tmp_path):
    units = write_units(tmp_path / "units", 3)
    page = _open_page(window)
    _read(qtbot, page, units)
    doc = window.doc
    total = doc.report.entered(*GRANTED)
    page.table.selectRow(1)
    interaction.answers["ask_text"] = "垂直管理单位，不计入"
    page.buttons["exclude"].click()
    second = store.load(units[1]).entered(*GRANTED)
    assert doc.report.entered(*GRANTED) == total - second
    assert page.table.item(1, 7).text() == "否：垂直管理单位，不计入"
    assert not [f for f in doc.findings if f.code == "H1"]
    out = tmp_path / "汇总.json"
    interaction.answers["save_path"] = out
    assert window.save_as()
    saved = store.load(out).consolidation
    assert saved.units[1].excluded == "垂直管理单位，不计入" and any("排除" in line for line in saved.log)
    doc.undo_stack.undo()
    assert doc.report.entered(*GRANTED) == total and page.table.item(1, 7).text() == "是"
    doc.undo_stack.redo()
    assert doc.report.entered(*GRANTED) == total - second


def test_reread_a_corrected_unit(qtbot, window, tmp_path):
    units = write_units(tmp_path / "units", 2)
    broken = store.load(units[0])
    broken.set_cell("applications", "new_received", "natural_person",
                    broken.entered("applications", "new_received", "natural_person") + 3)
    store.save(broken, units[0])
    page = _open_page(window)
    _read(qtbot, page, units)
    doc = window.doc
    assert page.table.item(0, 4).text() == "有错误"
    assert any(f.code == "H2" and "青岚县第1单位" in f.message for f in doc.findings)
    store.save(unit_report(0), units[0])          # the unit sends a corrected file
    page.table.selectRow(0)
    page.reread_selected()
    qtbot.waitUntil(lambda: not page.reader.busy and page.table.item(0, 4).text() == "无问题", timeout=60000)
    assert not any(f.code == "H2" for f in doc.findings)
    doc.undo_stack.undo()
    assert page.table.item(0, 4).text() == "有错误"


def test_cancel_reading(qtbot, window, tmp_path, monkeypatch):
    import time

    import forms.merge.consolidate as consolidate
    units = write_units(tmp_path / "units", 3)
    read = consolidate.read_unit
    monkeypatch.setattr(consolidate, "read_unit", lambda path: (time.sleep(0.5), read(path))[1])  # PDFs are slow
    page = _open_page(window)
    page.reader.progressed.connect(lambda *_: page.cancel_button.click())
    page.add_paths(units)
    qtbot.waitUntil(lambda: not page.reader.busy and not page.progress_row.isVisibleTo(page), timeout=60000)
    assert window.doc.report.consolidation is None      # nothing added: the clerk's report is untouched
    assert "已取消" in window.statusBar().currentMessage()


def test_appendix_switch_and_csv_from_the_page(qtbot, window, interaction, tmp_path):
    units = write_units(tmp_path / "units", 2)
    page = _open_page(window)
    _read(qtbot, page, units)
    doc = window.doc
    page.appendix.setChecked(True)
    assert doc.report.consolidation.appendix
    from forms.render.html_writer import html_text
    assert "各单位数据汇总" in html_text(doc.report) and "青岚县第2单位" in html_text(doc.report)
    doc.undo_stack.undo()
    assert not page.appendix.isChecked() and "各单位数据汇总" not in html_text(doc.report)
    interaction.answers["save_file"] = tmp_path / "明细.csv"
    page.buttons["csv"].click()
    text = (tmp_path / "明细.csv").read_text(encoding="utf-8-sig")
    assert text.count("\n") == 2 + 2 + 2 and "青岚县第1单位" in text


def test_on_a_small_page_the_buttons_wrap_whole_and_the_list_keeps_room_for_its_units(qtbot, window):
    page = _open_page(window)
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: page.width() < 700, timeout=1000)
    buttons = list(page.buttons.values())
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) > 1, timeout=1000)  # more than one line
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.geometry().right() <= page.width()
    assert page.table.height() >= page.fontMetrics().height() * 10  # the page scrolls instead
