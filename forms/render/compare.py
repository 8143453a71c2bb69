"""The comparison export: this year's figures beside last year's (and the earlier years attached),
with the change, for the office's own review and for section 五 — as a web page or a Word document.

Built from forms.model.series (one place for the series, changes and measures); the changes over
the threshold are marked in words, not only in colour, with what the Y rules say about them.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from forms.model import Report
from forms.model.atomic import write_atomic
from forms.model.series import Comparison, Series, compare, format_change, format_number
from forms.render.docx_writer import _append, _open_reference, _paragraph_xml
from forms.render.html_writer import environment
from forms.rules import check

NOTABLE = "变化较大"
KINDS = ("html", "docx")


class CompareError(Exception):
    """Cannot write the comparison as asked; the message is for the clerk."""


@dataclass(frozen=True)
class Line:
    label: str
    figures: tuple[str, ...]   # one per year, oldest first
    change: str                # against last year
    notable: bool = False
    note: str = ""             # a measure's definition, or what a Y rule says


@dataclass(frozen=True)
class Part:
    heading: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class CompareView:
    title: str
    years: tuple[int, ...]
    parts: tuple[Part, ...]
    remark: str


def _y_notes(report: Report) -> dict[tuple, str]:
    """What the Y rules say of a cell, keyed by (table, row, column)."""
    if report.prior is None:
        return {}
    found: dict[tuple, list[str]] = {}
    for f in check(report, codes=["Y1", "Y2", "Y4"]):
        loc = f.location
        found.setdefault((loc.table, loc.row, loc.column), []).append(f"{f.code}：{f.message}")
    return {k: "；".join(v) for k, v in found.items()}


def _line(series: Series, years: list[int], notes: dict, label: str | None = None, note: str = "") -> Line:
    by_year = {s.year: s.value for s in series.steps}
    return Line(label or series.label, tuple(format_number(by_year.get(y), series.unit) for y in years),
                format_change(series) if series.before is not None else "—", series.notable,
                note or notes.get(series.cell, ""))


def build_compare_view(report: Report, comparison: Comparison | None = None) -> CompareView:
    c = comparison or compare(report)
    years = c.year_list
    notes = _y_notes(report)
    parts = [Part("一、主要数字", tuple(_line(s, years, notes) for s in c.key_figures)),
             Part("二、主要比率", tuple(_line(s, years, notes, note=f"{s.label} = {s.definition}")
                                   for s in c.measures))]
    numbers = "三四五六七八九十"
    for i, t in enumerate(report.spec.tables):
        lines = []
        for row, col in t.cells():
            s = c.cells[f"{t.key}.{row}.{col}"]
            if all(not st.value for st in s.steps):
                continue  # blank or nothing in every year: no line to read
            r, k = t.row(row), t.column(col)
            label = r.label if len(t.columns) == 1 else f"{r.label}—{k.label}"
            lines.append(_line(s, years, notes, label=label))
        if lines:
            what = "、".join(r.label for r in t.rows) if t.section == "active_disclosure" else t.caption
            parts.append(Part(f"{numbers[min(len(parts) - 2, len(numbers) - 1)]}、{t.short_name} {what}",
                              tuple(lines)))
    before = f"与{report.year - 1}年" if c.has_prior_year else "（未附上年报告）"
    remark = (f"“比上年”一栏为{report.year}年{before}相比的增减；标“{NOTABLE}”的，增减达上年的一半以上"
              f"（且数字在 10 以上）或比率变化达 10 个百分点以上。各年数字取自附在年报文件中的各年报告；"
              "只列出至少一年不为零的项目。")
    if not c.has_prior_year:
        remark = f"本报告未附{report.year - 1}年报告，无法逐项比较；请在编辑器中附加上年报告后再导出。" + remark
    title = f"{report.organization.name}{report.year}年政府信息公开工作年度报告数据对比"
    return CompareView(title, tuple(years), tuple(parts), remark)


def html_text(view: CompareView) -> str:
    return environment().get_template("compare.html.j2").render(view=view, notable=NOTABLE)


# --- Word -------------------------------------------------------------------------------------
# Tables written as XML in one piece: python-docx's cell objects cost a second for 200 lines.
TWIPS_PER_MM = 56.7
_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def _widths(n_years: int) -> list[int]:
    """Columns across the 156 mm of a GB/T 9704 page, in mm: the label, the years, the change, the note."""
    label, change, note = (32, 34, 24)
    year = min(22, (156 - label - change - note) // n_years)
    return [label, *[year] * n_years, change, 156 - label - change - year * n_years]


def _cell(width_mm: int, text: str, style: str, *, right: bool = False, bold: bool = False) -> str:
    jc = '<w:jc w:val="right"/>' if right else ""
    rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{round(width_mm * TWIPS_PER_MM)}" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{run}</w:p></w:tc>')


def _row(texts: list[str], widths: list[int], *, header: bool = False) -> str:
    last = len(texts) - 1
    cells = "".join(_cell(w, t, "TableLabel" if i in (0, last) else "TableText", right=0 < i < last and not header,
                          bold=header) for i, (w, t) in enumerate(zip(widths, texts)))
    head = "<w:trPr><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    return f"<w:tr>{head}{cells}</w:tr>"


def _table_xml(part: Part, years: list[str]) -> str:
    widths = _widths(len(years))
    grid = "".join(f'<w:gridCol w:w="{round(w * TWIPS_PER_MM)}"/>' for w in widths)
    rows = [_row(["项目", *years, "比上年", "说明"], widths, header=True)]
    for line in part.lines:
        note = "；".join(x for x in (NOTABLE if line.notable else "", line.note) if x)
        rows.append(_row([line.label, *line.figures, line.change, note], widths))
    return (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{round(sum(widths) * TWIPS_PER_MM)}" w:type="dxa"/>'
            f'<w:jc w:val="center"/><w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def docx_bytes(view: CompareView, *, reference_doc: str | os.PathLike | None = None) -> bytes:
    document = _open_reference(reference_doc)
    _append(document, parse_xml(_paragraph_xml("Title", view.title)))
    years = [f"{y}年" for y in view.years]
    for part in view.parts:
        _append(document, parse_xml(_paragraph_xml("Heading1", part.heading)))
        _append(document, parse_xml(_table_xml(part, years)))
        _append(document, parse_xml(_paragraph_xml("Normal", "")))
    _append(document, parse_xml(_paragraph_xml("TableLabel", view.remark)))
    props = document.core_properties
    props.title = view.title
    props.language = "zh-CN"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def kind_of(out: Path) -> str:
    kind = out.suffix.lower().lstrip(".")
    if kind not in KINDS:
        raise CompareError(f"数据对比只能导出为 .html 或 .docx，不能导出为“{out.name}”。")
    return kind


def write_compare(report: Report, out: str | os.PathLike, *, reference_doc: str | os.PathLike | None = None,
                  comparison: Comparison | None = None) -> str:
    """Write the comparison in the format the file name says; returns that format."""
    out = Path(out)
    kind = kind_of(out)
    view = build_compare_view(report, comparison)
    data = html_text(view).encode("utf-8") if kind == "html" else docx_bytes(view, reference_doc=reference_doc)
    write_atomic(out, data)
    return kind
