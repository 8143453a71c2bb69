"""The charts of the 图解 and the 对比 page, as SVG: one module for the editor, the web page, the PNG,
the PDF and the Word appendix.

SVG written here, from the figures of forms.model.series, needs no plotting library: a browser
draws it in the web page, Qt's SVG module draws it in the editor and rasterises it for PNG, PDF
and Word (the engine plugged in by the GUI layer, as for the PDF export). Only what Qt's SVG Tiny
renderer draws is used: rect, path, line, text, g with translate; no CSS, no nested <svg>.
Every chart has its figures written on it and a text alternative (`summary`, `table`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from math import cos, pi, sin
from xml.sax.saxutils import escape, quoteattr

from forms.model import Report
from forms.model.series import Cell, Comparison, Number, format_number

# SC faces first on every system: a browser, or the raster engine (which puts the one installed
# face in), must never fall back to Japanese glyph forms.
FONT_STACK = "Microsoft YaHei, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif"
WIDTH, HEIGHT = 360, 250          # one chart, in CSS pixels
PAGE_WIDTH, PAGE_HEIGHT = 794, 1123  # A4 at 96 px per inch
RED, DARK, GREY, LIGHT = "#c0392b", "#333333", "#888888", "#f3e9e4"
PALETTE = ("#c0392b", "#e67e22", "#f1c40f", "#2e86c1", "#16a085", "#8e44ad", "#7f8c8d")
YEAR_COLOURS = ("#d9b3aa", "#c0392b")  # last year pale, this year strong


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    kind: str                               # bars, grouped, donut, hbars, rates, trend
    categories: tuple[str, ...]
    groups: tuple[str, ...]                 # one name per value series (years, results …)
    values: tuple[tuple[Number | None, ...], ...]  # per group, per category
    unit: str = "件"
    cells: tuple[Cell | None, ...] = ()     # per category: the cell it comes from, for the editor
    note: str = ""                          # a definition printed under the chart

    @property
    def summary(self) -> str:
        """The text alternative: every figure of the chart in one sentence."""
        parts = []
        for ci, cat in enumerate(self.categories):
            figures = "，".join(f"{g}{format_number(self.values[gi][ci], self.unit)}"
                                if len(self.groups) > 1 else format_number(self.values[gi][ci], self.unit)
                                for gi, g in enumerate(self.groups))
            parts.append(f"{cat}{'：' if len(self.groups) > 1 else ' '}{figures}")
        unit = "" if self.unit in ("%", "") else f"（单位：{self.unit}）"
        return f"{self.title}{unit}：" + "；".join(parts) + "。"

    @property
    def table(self) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
        """The data table: header and rows, as printed beside the chart in the web page."""
        header = ("项目", *self.groups) if len(self.groups) > 1 else ("项目", "数值")
        rows = [(cat, *(format_number(self.values[gi][ci], self.unit) for gi in range(len(self.groups))))
                for ci, cat in enumerate(self.categories)]
        return header, rows


def _short(label: str) -> str:
    """（一）予以公开 → 予以公开; （二）部分公开（区分处理的…） → 部分公开."""
    return re.sub(r"^（[一二三四五六七八九十]+）", "", label).split("（")[0]


def _num(v: Number | None) -> Number:
    return v or 0


# --- the charts of a report ------------------------------------------------------------
def charts_for(comparison: Comparison) -> list[Chart]:
    """The 图解's charts: what it can show from the report's format and the years attached."""
    report = comparison.report
    tables = {t.key: t for t in report.spec.tables}
    years = comparison.year_list
    last_two = [r for r in comparison.reports[-2:]] if comparison.has_prior_year else [report]
    group_names = tuple(f"{r.year}年" for r in last_two)
    out: list[Chart] = []

    def by_year(cells: list[Cell]) -> tuple[tuple[Number | None, ...], ...]:
        series = [comparison.cell(*c) for c in cells]
        wanted = [r.year for r in last_two]
        return tuple(tuple(next((st.value for st in s.steps if st.year == y), None) for s in series)
                     for y in wanted)

    if "applications" in tables:
        t = tables["applications"]
        cells = [("applications", r, "total") for r in ("new_received", "carried_over", "results_total",
                                                        "carried_forward") if t.has_cell(r, "total")]
        out.append(Chart("applications", "政府信息公开申请办理情况", "grouped" if len(last_two) > 1 else "bars",
                         tuple(_short(t.row(c[1]).label.split("、", 1)[-1]).replace("政府信息公开申请", "")
                               .replace("数量", "").replace("继续办理", "") or c[1] for c in cells),
                         group_names, by_year(cells), cells=tuple(cells)))
        results: dict[str, list[str]] = {}
        for r in t.rows:
            if r.group and not r.computed:
                results.setdefault(_short(r.subgroup or r.label), []).append(r.key)
        values = report.table_values("applications")
        sums = tuple(sum(_num(values[k]["total"]) for k in keys) for keys in results.values())
        out.append(Chart("results", f"{report.year}年申请办理结果", "donut", tuple(results), ("件数",),
                         (sums,), cells=tuple(("applications", keys[0], "total") if len(keys) == 1 else None
                                              for keys in results.values())))
        applicants = [c for c in t.columns if not c.computed]
        out.append(Chart("applicants", f"{report.year}年申请人类型", "hbars",
                         tuple(c.label if c.group is None or c.label != "其他" else "其他组织" for c in applicants),
                         ("件数",), (tuple(values["new_received"][c.key] for c in applicants),),
                         cells=tuple(("applications", "new_received", c.key) for c in applicants)))
    if "review_litigation" in tables:
        t = tables["review_litigation"]
        values = report.table_values("review_litigation")
        kinds = [c for c in t.columns if not c.computed]
        out.append(Chart("review", f"{report.year}年行政复议和行政诉讼结果", "stacked",
                         tuple(r.label if not r.group else f"{r.label}" for r in t.rows),
                         tuple(c.label for c in kinds),
                         tuple(tuple(values[r.key][c.key] for r in t.rows) for c in kinds),
                         cells=tuple((t.key, r.key, "total") for r in t.rows)))
    rates = comparison.measures
    out.append(Chart("rates", "主要比率", "rates", tuple(s.label for s in rates),
                     group_names, tuple(tuple(next((st.value for st in s.steps if st.year == y), None)
                                              for s in rates) for y in (r.year for r in last_two)),
                     unit="%", note="；".join(f"{s.label} = {s.definition}" for s in rates)))
    if len(years) > 2 and "applications" in tables:
        s = comparison.cell("applications", "new_received", "total")
        out.append(Chart("trend", "历年新收政府信息公开申请", "trend", tuple(f"{st.year}年" for st in s.steps),
                         ("新收申请",), (tuple(st.value for st in s.steps),), cells=()))
    else:
        figures = [k for k in comparison.key_figures if k.cell and k.cell[0] in ("regulations", "licensing",
                                                                                   "enforcement")]
        if figures:
            cells = [k.cell for k in figures]
            out.append(Chart("administration", "规范性文件与行政执法", "grouped" if len(last_two) > 1 else "bars",
                             tuple(k.label.replace("决定", "") for k in figures), group_names, by_year(cells),
                             cells=tuple(cells)))
    return out


# --- drawing ------------------------------------------------------------------------------
def _text(x: float, y: float, text: str, size: float = 12, anchor: str = "start", fill: str = DARK,
          weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"'
            f' font-weight="{weight}">{escape(text)}</text>')


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" fill="{fill}"/>'


def _fit(label: str, chars: int) -> str:
    return label if len(label) <= chars else label[:chars - 1] + "…"


def _scale(values) -> float:
    top = max([float(v) for row in values for v in row if v is not None] or [0])
    return top or 1.0


def _bars(chart: Chart, w: float, h: float) -> list[str]:
    out, top = [], _scale(chart.values)
    n, groups = len(chart.categories), len(chart.groups)
    left, base, plot_h = 10, h - 34, h - (100 if len(chart.groups) > 1 else 84)
    slot = (w - 2 * left) / max(n, 1)
    bar = min(slot * 0.7 / groups, 46)
    colours = YEAR_COLOURS if groups == 2 else (RED,)
    out.append(f'<line x1="{left}" y1="{base}" x2="{w - left}" y2="{base}" stroke="{GREY}" stroke-width="1"/>')
    for ci, cat in enumerate(chart.categories):
        x0 = left + ci * slot + (slot - bar * groups) / 2
        for gi in range(groups):
            v = chart.values[gi][ci]
            bh = float(_num(v)) / top * plot_h
            x = x0 + gi * bar
            out.append(_rect(x + 1, base - bh, bar - 2, bh, colours[gi % len(colours)]))
            out.append(_text(x + bar / 2, base - bh - 4, format_number(v, chart.unit), 11 if groups > 1 else 13,
                             "middle", weight="bold" if gi == groups - 1 else "normal"))
        out.append(_text(left + ci * slot + slot / 2, base + 16, _fit(cat, int(slot / 11)), 11, "middle"))
    if groups > 1:
        out += _legend(chart.groups, colours, w, 40)
    return out


def _legend(names, colours, w: float, y: float) -> list[str]:
    out, x = [], w - 10
    for name, colour in reversed(list(zip(names, colours))):
        x -= 12 * len(name) + 22
        out.append(_rect(x, y - 9, 10, 10, colour))
        out.append(_text(x + 14, y, name, 11))
    return out


def _donut(chart: Chart, w: float, h: float) -> list[str]:
    out, values = [], [float(_num(v)) for v in chart.values[0]]
    total = sum(values)
    cx, cy, r_out, r_in = 92, h / 2 + 14, 74, 44
    if total:
        angle = -pi / 2
        for i, v in enumerate(values):
            if not v:
                continue
            sweep = v / total * 2 * pi
            if sweep >= 2 * pi - 1e-9:  # one slice: a whole ring, drawn as two halves
                sweep = 2 * pi - 1e-4
            a1 = angle + sweep
            large = 1 if sweep > pi else 0
            p = (f"M {cx + r_out * cos(angle):.2f} {cy + r_out * sin(angle):.2f} "
                 f"A {r_out} {r_out} 0 {large} 1 {cx + r_out * cos(a1):.2f} {cy + r_out * sin(a1):.2f} "
                 f"L {cx + r_in * cos(a1):.2f} {cy + r_in * sin(a1):.2f} "
                 f"A {r_in} {r_in} 0 {large} 0 {cx + r_in * cos(angle):.2f} {cy + r_in * sin(angle):.2f} Z")
            out.append(f'<path d="{p}" fill="{PALETTE[i % len(PALETTE)]}"/>')
            angle = a1
    else:
        out.append(f'<circle cx="{cx}" cy="{cy}" r="{(r_out + r_in) / 2}" fill="none" stroke="{LIGHT}"'
                   f' stroke-width="{r_out - r_in}"/>')
    out.append(_text(cx, cy - 2, format_number(int(total) if total == int(total) else total), 20, "middle",
                     RED, "bold"))
    out.append(_text(cx, cy + 16, "办理总数", 11, "middle", GREY))
    y = 62
    for i, (cat, v) in enumerate(zip(chart.categories, values)):
        share = f"{Decimal(v * 100 / total).quantize(Decimal('0.1'))}%" if total else "—"
        out.append(_rect(186, y - 10, 11, 11, PALETTE[i % len(PALETTE)]))
        out.append(_text(202, y, cat, 12))
        out.append(_text(w - 12, y, f"{format_number(chart.values[0][i])}（{share}）", 12, "end", weight="bold"))
        y += 27
    return out


def _hbars(chart: Chart, w: float, h: float, unit: str | None = None) -> list[str]:
    out, values = [], chart.values[0]
    total = sum(float(_num(v)) for v in values)
    top = _scale(chart.values)
    n = len(chart.categories)
    row = min((h - 50) / max(n, 1), 30)
    label_w, right = 92, 96
    for i, (cat, v) in enumerate(zip(chart.categories, values)):
        y = 46 + i * row
        bw = float(_num(v)) / top * (w - label_w - right - 10)
        out.append(_text(label_w - 6, y + row * 0.6, _fit(cat, 7), 12, "end"))
        out.append(_rect(label_w, y + row * 0.15, w - label_w - right - 10, row * 0.7, LIGHT))
        out.append(_rect(label_w, y + row * 0.15, bw, row * 0.7, RED))
        share = f"（{Decimal(float(v) * 100 / total).quantize(Decimal('0.1'))}%）" if total and v is not None else ""
        out.append(_text(w - 8, y + row * 0.6, f"{format_number(v, chart.unit)}{share}", 11, "end",
                         weight="bold"))
    return out


def _stacked(chart: Chart, w: float, h: float) -> list[str]:
    """One bar per row (行政复议, 直接起诉, 复议后起诉), its results side by side, each labelled."""
    out, n = [], len(chart.categories)
    label_w, row = 106, min((h - 84) / max(n, 1), 44)
    totals = [sum(float(_num(chart.values[g][c])) for g in range(len(chart.groups))) for c in range(n)]
    top = max(totals) or 1.0
    span = w - label_w - 50
    for ci, cat in enumerate(chart.categories):
        y = 48 + ci * row
        out.append(_text(label_w - 6, y + row * 0.5, _fit(cat, 8), 12, "end"))
        x: float = label_w
        for gi in range(len(chart.groups)):
            v = float(_num(chart.values[gi][ci]))
            bw = v / top * span
            out.append(_rect(x, y + row * 0.1, bw, row * 0.6, PALETTE[(gi + 3) % len(PALETTE)]))
            if v and bw >= 16:
                out.append(_text(x + bw / 2, y + row * 0.5, format_number(chart.values[gi][ci]), 11, "middle",
                                 "#ffffff", "bold"))
            x += bw
        out.append(_text(x + 6, y + row * 0.5, f"共{format_number(int(totals[ci]))}", 11, weight="bold"))
    y = h - 18
    x = 12
    for gi, name in enumerate(chart.groups):
        out.append(_rect(x, y - 9, 10, 10, PALETTE[(gi + 3) % len(PALETTE)]))
        out.append(_text(x + 14, y, f"{name}", 11))
        x += 14 + 12 * len(name) + 14
    return out


def _rates(chart: Chart, w: float, h: float) -> list[str]:
    out, n, groups = [], len(chart.categories), len(chart.groups)
    label_w, right = 106, 62
    row = min((h - 60) / max(n, 1), 46)
    span = w - label_w - right
    colours = YEAR_COLOURS if groups == 2 else (RED,)
    for ci, cat in enumerate(chart.categories):
        y = 44 + ci * row
        out.append(_text(label_w - 6, y + row * 0.45, _fit(cat, 8), 12, "end"))
        bar = row * 0.7 / groups
        for gi in range(groups):
            v = chart.values[gi][ci]
            by = y + row * 0.05 + gi * bar
            out.append(_rect(label_w, by, span, bar - 2, LIGHT))
            out.append(_rect(label_w, by, float(_num(v)) / 100 * span, bar - 2, colours[gi % len(colours)]))
            out.append(_text(label_w + span + 4, by + bar - 4,
                             (f"{chart.groups[gi][:-1]} " if groups > 1 else "") + format_number(v, "%"),
                             10 if groups > 1 else 12, weight="bold" if gi == groups - 1 else "normal"))
    return out


def _trend(chart: Chart, w: float, h: float) -> list[str]:
    out, values = [], chart.values[0]
    top = _scale(chart.values)
    n = len(values)
    left, right, base, plot_h = 30, 30, h - 34, h - 90
    step = (w - left - right) / max(n - 1, 1)
    points = [(left + i * step, base - float(_num(v)) / top * plot_h) for i, v in enumerate(values)]
    out.append(f'<line x1="10" y1="{base}" x2="{w - 10}" y2="{base}" stroke="{GREY}" stroke-width="1"/>')
    out.append('<path d="' + " ".join(f"{'M' if i == 0 else 'L'} {x:.1f} {y:.1f}" for i, (x, y) in enumerate(points))
               + f'" fill="none" stroke="{RED}" stroke-width="3"/>')
    for (x, y), v, cat in zip(points, values, chart.categories):
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{RED}"/>')
        out.append(_text(x, y - 10, format_number(v, chart.unit), 12, "middle", weight="bold"))
        out.append(_text(x, base + 16, cat, 11, "middle"))
    return out


_DRAW = {"bars": _bars, "grouped": _bars, "donut": _donut, "hbars": _hbars, "stacked": _stacked,
         "rates": _rates, "trend": _trend}


def chart_body(chart: Chart, w: float = WIDTH, h: float = HEIGHT) -> str:
    """The chart's drawing (a title, the figures on it) in a box w × h at the origin."""
    parts = [_rect(0, 0, w, h, "#ffffff"), _rect(0, 0, 5, 22, RED), _text(12, 17, chart.title, 15, weight="bold")]
    if chart.unit and chart.unit != "%":
        parts.append(_text(w - 8, 17, f"单位：{chart.unit}", 10, "end", GREY))
    parts += _DRAW[chart.kind](chart, w, h)
    return "\n".join(parts)


def chart_svg(chart: Chart, w: float = WIDTH, h: float = HEIGHT, *, for_web: bool = True) -> str:
    """A standalone SVG of one chart with a title and the text alternative inside; for the web page
    also role img and the ARIA labels (Qt's renderer, which knows no ARIA, gets it without)."""
    ident = f"chart-{chart.key}"
    aria = f' role="img" aria-labelledby="{ident}-title {ident}-desc"' if for_web else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="{w}" height="{h}"'
            f' viewBox="0 0 {w} {h}"{aria} font-family={quoteattr(FONT_STACK)}>'
            f'<title id="{ident}-title">{escape(chart.title)}</title>'
            f'<desc id="{ident}-desc">{escape(chart.summary)}</desc>\n{chart_body(chart, w, h)}\n</svg>')


@dataclass(frozen=True)
class Infographic:
    """The 图解 of one report: its heading, the headline figures and the charts."""
    title: str
    organ: str
    year: int
    headline: tuple[tuple[str, str, str], ...]  # label, figure, change against last year
    charts: tuple[Chart, ...] = field(default_factory=tuple)


def infographic(report: Report, comparison: Comparison | None = None) -> Infographic:
    from forms.model.series import compare, format_change
    comparison = comparison or compare(report)
    wanted = ("new_received", "results_total", "carried_forward")
    heads = [s for s in comparison.key_figures if s.cell and s.cell[1] in wanted]
    heads += [s for s in comparison.measures if s.key == "disclosure_rate"]
    headline = tuple((s.label, format_number(s.now.value, s.unit),
                      f"比上年{format_change(s)}" if s.before is not None and s.now.change is not None else "")
                     for s in heads)
    return Infographic(f"图解{report.display_title}", report.organization.name, report.year, headline,
                       tuple(charts_for(comparison)[:6]))


def page_svg(info: Infographic) -> str:
    """The whole 图解 on one A4 page, as one SVG (what the PNG and PDF are drawn from)."""
    w = PAGE_WIDTH
    parts = [_rect(0, 0, w, PAGE_HEIGHT, "#fbf6f2"), _rect(0, 0, w, 128, RED),
             _text(w / 2, 52, f"{info.year}年政府信息公开工作年度报告", 30, "middle", "#ffffff", "bold"),
             _text(w / 2, 86, "图 解", 20, "middle", "#ffe9c7", "bold"),
             _text(w / 2, 114, info.organ, 15, "middle", "#ffffff")]
    tile_w = (w - 40 - 12 * (len(info.headline) - 1)) / max(len(info.headline), 1)
    for i, (label, figure, change) in enumerate(info.headline):
        x = 20 + i * (tile_w + 12)
        parts.append(_rect(x, 144, tile_w, 86, "#ffffff"))
        parts.append(_text(x + tile_w / 2, 186, figure, 28, "middle", RED, "bold"))
        parts.append(_text(x + tile_w / 2, 206, _fit(label, int(tile_w / 12.5)), 12, "middle"))
        if change:
            parts.append(_text(x + tile_w / 2, 223, _fit(change, int(tile_w / 9)), 10, "middle", GREY))
    col_w, row_h, top = (w - 52) / 2, 272, 246
    for i, chart in enumerate(info.charts):
        x, y = 20 + (i % 2) * (col_w + 12), top + (i // 2) * (row_h + 10)
        parts.append(f'<g transform="translate({x:.1f},{y:.1f})">{chart_body(chart, col_w, row_h)}</g>')
    parts.append(_text(w / 2, PAGE_HEIGHT - 14, f"数据来源：{info.organ}{info.year}年政府信息公开工作年度报告",
                       10, "middle", GREY))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="{w}"'
            f' height="{PAGE_HEIGHT}" viewBox="0 0 {w} {PAGE_HEIGHT}" font-family={quoteattr(FONT_STACK)}>'
            f'<title>{escape(info.title)}</title>\n' + "\n".join(parts) + "\n</svg>")
