"""The 对比 page: the key figures and rates this year against last year (and the series when more years
are attached), changes over the threshold highlighted with what the Y rules say, a click on a figure
going to its cell, and the charts of the 图解 — all from forms.model.series and forms.render.charts.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSizePolicy, QTableWidget, QTableWidgetItem, QWidget)

from forms.model import Report
from forms.model.findings import Location
from forms.model.series import NOTABLE_POINTS, Series, attach, compare, format_change, format_number
from forms.render.charts import HEIGHT, WIDTH, Chart, chart_svg, charts_for
from gui.commands import _Command
from gui.document import Document
from gui.pages import Page
from gui.palette import MUTED, NOTABLE_CHANGE

Y_CODES = ("Y1", "Y2", "Y4")


class SetYears(_Command):
    """Attach an earlier year's report (last year's becomes the prior, older ones the series)."""

    def __init__(self, doc: Document, other: Report):
        super().__init__(doc, f"附加 {other.year} 年报告")
        self.old = doc.report.prior, list(doc.report.earlier)
        probe = doc.report.model_copy(update={"prior": doc.report.prior, "earlier": list(doc.report.earlier)})
        self.message = attach(probe, other)  # AttachError (Chinese) before anything changes
        self.new = probe.prior, probe.earlier

    def redo(self) -> None:
        self.doc.set_years(*self.new)

    def undo(self) -> None:
        self.doc.set_years(*self.old)


class ChartView(QWidget):
    """One chart of the 图解, drawn by Qt's SVG renderer at the widget's size (crisp at any scale)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: Chart | None = None
        self._renderer = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(WIDTH * 3 // 4, HEIGHT * 3 // 4)

    def set_chart(self, chart: Chart) -> None:
        from gui.svg_raster import renderer_for
        self.chart = chart
        self._renderer = renderer_for(chart_svg(chart, for_web=False))
        self.setToolTip(chart.summary)
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(chart.summary)  # the same text alternative as the web page
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, HEIGHT)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * HEIGHT / WIDTH)

    def paintEvent(self, event) -> None:
        if self._renderer is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = self.width()
        h = min(self.height(), self.heightForWidth(w))
        self._renderer.render(painter, QRectF(0, 0, w, h))
        painter.end()


class ComparePage(Page):
    cellRequested = Signal(object)   # a Location: the cell behind a clicked figure
    attachRequested = Signal()       # 附加往年报告…
    exportRequested = Signal(str)    # "compare" or "infographic"

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(doc, "对比", parent)
        self.years_label = QLabel()
        self.years_label.setWordWrap(True)
        attach_button = QPushButton("附加往年报告…")
        attach_button.setToolTip("附加上年或更早年度的报告（本软件的文件，或可导入的 Word、网页、PDF、文本），最多 5 个年度")
        attach_button.clicked.connect(self.attachRequested)
        top = QHBoxLayout()
        top.addWidget(self.years_label, 1)
        top.addWidget(attach_button)
        for kind, text, tip in (("compare", "导出数据对比…", "本年与往年逐项对比的表格（网页或 Word），供本单位核对和撰写第五部分"),
                                ("infographic", "导出图解…", "一页图解（PNG 图片、网页或 PDF），可与年报一同发布")):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, k=kind: self.exportRequested.emit(k))
            top.addWidget(button)
        self.column.addLayout(top)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        self.table.cellClicked.connect(self._clicked)
        self.column.addWidget(self.table)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(f"QLabel {{ color: {MUTED}; }}")
        self.column.addWidget(self.legend)
        charts_heading = QLabel("图解")
        charts_heading.setStyleSheet("QLabel { font-size: 13pt; font-weight: bold; padding-top: 10px; }")
        self.column.addWidget(charts_heading)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(10)
        self.column.addLayout(self.chart_grid)
        self.chart_views: list[ChartView] = []
        self.finish()
        self.series: list[Series] = []
        self._stale = True
        doc.changed.connect(self._mark_stale)
        doc.findingsChanged.connect(self._mark_stale)
        self.refresh()

    # --- keeping up with the document -------------------------------------------------------
    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        comparison = compare(self.doc.report)
        years = comparison.year_list
        report = self.doc.report
        if comparison.has_prior_year:
            older = "、".join(str(y) for y in years[:-2])
            text = f"本年 {report.year} 年，与 {report.year - 1} 年比较" + (f"；另附 {older} 年报告，列出历年数字" if older else "")
        else:
            text = f"未附 {report.year - 1} 年报告：附加后可逐项比较。" + (
                f"已附 {'、'.join(str(y) for y in years[:-1])} 年报告。" if len(years) > 1 else "")
        self.years_label.setText(text)
        self._fill_table(comparison, years)
        self._fill_charts(charts_for(comparison))

    def _y_findings(self) -> dict[tuple, list[str]]:
        found: dict[tuple, list[str]] = {}
        for f in self.doc.findings:
            if f.code in Y_CODES:
                loc = f.location
                found.setdefault((loc.table, loc.row, loc.column), []).append(f"{f.code}：{f.message}")
        return found

    def _fill_table(self, comparison, years: list[int]) -> None:
        self.series = comparison.key_figures + comparison.measures
        findings = self._y_findings()
        headers = ["项目", *[f"{y}年" for y in years], "比上年", "说明"]
        t = self.table
        t.clear()
        t.setColumnCount(len(headers))
        t.setRowCount(len(self.series))
        t.setHorizontalHeaderLabels(headers)
        bold = QFont(t.font())
        bold.setBold(True)
        for r, s in enumerate(self.series):
            by_year = {st.year: st.value for st in s.steps}
            notes = (["变化较大"] if s.notable else []) + findings.get(s.cell, [])
            texts = [s.label, *[format_number(by_year.get(y), s.unit) for y in years],
                     format_change(s) if s.before is not None else "—", "；".join(notes)]
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if 0 < c < len(texts) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if s.notable:
                    item.setBackground(QBrush(QColor(NOTABLE_CHANGE)))
                    if c == len(texts) - 2:
                        item.setFont(bold)
                item.setToolTip(f"{s.label} = {s.definition}" if s.definition else
                                "单击转到该单元格" if s.cell else "")
                t.setItem(r, c, item)
        header = t.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        t.resizeRowsToContents()
        t.setFixedHeight(t.horizontalHeader().height() + sum(t.rowHeight(i) for i in range(t.rowCount()))
                         + 2 * t.frameWidth())
        rates = [s for s in self.series if s.definition]
        self.legend.setText(
            f"底色标出的是变化较大的项目：增减达上年的一半以上（且数字在 10 以上），或比率变化达 {NOTABLE_POINTS} 个百分点以上。"
            "单击数字转到它所在的单元格。<br>" + "<br>".join(f"{s.label} = {s.definition}" for s in rates))

    def _fill_charts(self, charts: list[Chart]) -> None:
        while len(self.chart_views) < len(charts):
            view = ChartView(self)
            self.chart_grid.addWidget(view, len(self.chart_views) // 2, len(self.chart_views) % 2)
            self.chart_views.append(view)
        for view, chart in zip(self.chart_views, charts):
            view.set_chart(chart)
            view.show()
        for view in self.chart_views[len(charts):]:
            view.hide()

    def _clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.series) and self.series[row].cell:
            table, r, c = self.series[row].cell
            self.cellRequested.emit(Location(table=table, row=r, column=c))


def attach_earlier(window) -> None:
    """附加往年报告…: choose a file, preview the import, attach it as one undo step."""
    from forms.model.series import AttachError
    from gui.import_ui import _import_chosen
    doc = window.doc
    result = _import_chosen(window, window.context, "选择往年的年度报告，用于数据对比")
    if result is None:
        return
    if not window.context.interaction.preview_import(window, result, f"附加 {result.report.year} 年报告"):
        return
    try:
        command = SetYears(doc, result.report)
    except AttachError as exc:
        window.statusBar().showMessage(str(exc), 10000)
        return
    doc.undo_stack.push(command)
    window.statusBar().showMessage(command.message, 8000)


def export_from_page(window, kind: str) -> Path | None:
    """导出数据对比… / 导出图解…: ask where, write it (well under a second), say where it went."""
    from forms.render.compare import CompareError, write_compare
    from forms.render.infographic import InfographicError, write_infographic
    from gui.svg_raster import raster
    report = window.doc.report
    what = "数据对比" if kind == "compare" else "图解"
    suffix = ".html" if kind == "compare" else ".png"
    folder = window.doc.path.parent if window.doc.path else Path.home()
    out = window.context.interaction.export_path(window, kind, folder / f"{report.display_title}{what}{suffix}")
    if out is None:
        return None
    try:
        if kind == "compare":
            write_compare(report, out)
        else:
            write_infographic(report, out, raster=raster)
    except (CompareError, InfographicError, ValueError) as exc:
        window.context.interaction.error(window, f"导出{what}", str(exc))
        return None
    except OSError as exc:
        window.context.interaction.error(window, f"导出{what}", f"无法写入“{out}”（{exc.strerror or exc}）。")
        return None
    window.statusBar().showMessage(f"已导出{what}：{out}", 10000)
    return out
