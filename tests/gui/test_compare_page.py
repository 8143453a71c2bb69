"""The 对比 page: this year beside last year, notable changes marked with the Y findings, a click
goes to the cell, the 图解 charts drawn, earlier years attached as an undo step."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from forms.model import store
from PySide6.QtGui import QColor

from forms.render.charts import RED
from gui.palette import NOTABLE_CHANGE
from gui_helpers import ScriptedInteraction


class Answers(ScriptedInteraction):
    def __init__(self, path):
        super().__init__()
        self.path = path

    def choose_import(self, parent, title):
        return self.path

    def preview_import(self, parent, result, action, warning=""):
        return True


def rows(page) -> dict[str, list[str]]:
    t = page.table
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in range(1, t.columnCount())]
            for r in range(t.rowCount())}


def click_row(qtbot, page, label: str) -> None:
    t = page.table
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).text() == label)
    rect = t.visualItemRect(t.item(row, 1))
    qtbot.mouseClick(t.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_compare_page_shows_the_years_and_goes_to_the_cell(qtbot, window):
    window.navigator.setCurrentItem(window.navigator._items[("compare", None)])
    page = window.page_stack.currentWidget()
    assert page is window.pages["compare"]
    t = page.table
    assert [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())] == [
        "项目", "2023年", "2024年", "比上年", "说明"]
    got = rows(page)
    assert got["新收政府信息公开申请"][:3] == ["127", "150", "+23（+18.1%）"]
    assert got["公开率"][:3] == ["50.4%", "52.0%", "+1.6 个百分点"]
    assert "（予以公开 + 部分公开）÷ 办理结果总计" in page.legend.text()
    assert 4 <= sum(v.isVisible() for v in page.chart_views) <= 6
    assert all(v.accessibleDescription() for v in page.chart_views if v.isVisible())
    assert page.chart_views[0].grab().toImage().pixelColor(QPoint(2, 10)) == QColor(RED)  # drawn
    click_row(qtbot, page, "行政复议")
    current = window.current_page()
    assert current is window.pages["review_litigation"]
    view = current.tables["review_litigation"]
    assert view.model().cell_at(view.currentIndex()) == ("review", "total")


def test_a_big_change_is_highlighted_with_its_y_finding(qtbot, window):
    doc = window.doc
    from gui.commands import SetCell
    doc.undo_stack.push(SetCell(doc, "licensing", "administrative_license", "decisions", 99999))
    window.show_page("compare")
    page = window.pages["compare"]
    qtbot.waitUntil(lambda: "99,999" in rows(page)["行政许可决定"][1])
    line = rows(page)["行政许可决定"]
    assert line[3].startswith("变化较大") and "Y4" in line[3]
    row = [page.table.item(r, 0).text() for r in range(page.table.rowCount())].index("行政许可决定")
    assert page.table.item(row, 0).background().color() == page.table.item(row, 3).background().color()
    assert page.table.item(row, 0).background().color() == QColor(NOTABLE_CHANGE)
    plain = [page.table.item(r, 0).text() for r in range(page.table.rowCount())].index("行政处罚决定")
    assert page.table.item(plain, 0).background().style() == Qt.BrushStyle.NoBrush
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: not rows(page)["行政许可决定"][3])


def test_attaching_an_older_year_adds_its_column_and_undoes(qtbot, window, context, tmp_path, sample_prior_path):
    older = store.load(sample_prior_path)
    older.year = 2022
    older.tables["applications"]["new_received"]["natural_person"] = 90
    path = tmp_path / "2022.json"
    store.save(older, path)
    context.interaction = Answers(path)
    page = window.show_page("compare")
    page.attachRequested.emit()
    assert [r.year for r in window.doc.report.earlier] == [2022]
    t = page.table
    assert [t.horizontalHeaderItem(c).text() for c in range(1, 4)] == ["2022年", "2023年", "2024年"]
    assert rows(page)["自然人申请占比"][0] != rows(page)["自然人申请占比"][1]
    assert window.doc.modified
    window.doc.undo_stack.undo()
    assert window.doc.report.earlier == []
    assert t.columnCount() == 5


def test_a_report_without_last_year_says_how_to_compare(qtbot, window):
    from gui.commands import SetPrior
    window.doc.undo_stack.push(SetPrior(window.doc, None))
    page = window.show_page("compare")
    assert "未附 2023 年报告" in page.years_label.text()
    assert all(line[-2] == "—" for line in rows(page).values())


class SaveTo(ScriptedInteraction):
    def __init__(self, path):
        super().__init__()
        self.path = path

    def export_path(self, parent, kind, suggested):
        self.asked.append((kind, suggested.name))
        return self.path


@pytest.mark.parametrize("name", ["图解.png", "对比.docx"])
def test_the_page_exports_the_infographic_and_the_comparison(qtbot, window, context, tmp_path, name):
    from PySide6.QtGui import QImage
    out = tmp_path / name
    context.interaction = SaveTo(out)
    page = window.show_page("compare")
    page.exportRequested.emit("infographic" if name.endswith(".png") else "compare")
    assert out.exists()
    if name.endswith(".png"):
        assert QImage(str(out)).width() >= 2480
        assert context.interaction.asked[0] == ("infographic", "青岚县人民政府2024年政府信息公开工作年度报告图解.png")
    else:
        import docx
        assert "数据对比" in docx.Document(str(out)).paragraphs[0].text
    assert "已导出" in window.statusBar().currentMessage()
