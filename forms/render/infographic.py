"""The 图解: one page in the style governments publish beside the report — as a self-contained,
accessible web page (every chart an SVG with a title, a text alternative and its data table),
or as PNG (print resolution) and PDF drawn from one page SVG by the raster engine that the GUI
layer plugs in (the core does not import Qt)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from forms.model import Report
from forms.model.atomic import write_atomic
from forms.model.series import Comparison, compare
from forms.render.charts import FONT_STACK, Infographic, chart_svg, infographic, page_svg
from forms.render.html_writer import environment

# raster(svg_text, "png" | "pdf"[, dpi]) -> bytes: gui.svg_raster.raster, or a test's stand-in
RasterEngine = Callable[..., bytes]
# A chart drawn 360 px (95 mm) wide and printed 130 mm wide in Word (two to a page): 480 dpi drawn is
# ~350 dpi on paper.
APPENDIX_WIDTH_MM, APPENDIX_DPI = 130, 480
KINDS = ("html", "png", "pdf")


class InfographicError(Exception):
    """Cannot make the 图解 as asked; the message is for the clerk."""


def html_text(info: Infographic) -> str:
    charts = [(c, Markup(chart_svg(c))) for c in info.charts]  # our own SVG: its text is escaped there
    return environment().get_template("infographic.html.j2").render(
        info=info, charts=charts, font_stack=FONT_STACK)


def kind_of(out: Path) -> str:
    kind = out.suffix.lower().lstrip(".")
    if kind not in KINDS:
        raise InfographicError(f"图解只能导出为 .html、.png 或 .pdf，不能导出为“{out.name}”。")
    return kind


def write_infographic(report: Report, out: str | os.PathLike, *, raster: RasterEngine | None = None,
                      comparison: Comparison | None = None) -> str:
    """Write the 图解 in the format the file name says; returns that format."""
    out = Path(out)
    kind = kind_of(out)
    info = infographic(report, comparison or compare(report))
    if kind == "html":
        write_atomic(out, html_text(info).encode("utf-8"))
        return kind
    if raster is None:
        raise InfographicError("无法生成图片或 PDF 格式的图解：没有可用的绘图引擎，请导出为 .html。")
    write_atomic(out, raster(page_svg(info), kind))
    return kind


def add_chart_appendix(docx_path: str | os.PathLike, report: Report, raster: RasterEngine,
                       comparison: Comparison | None = None) -> int:
    """Append the 图解's charts to an exported Word document, on a page of their own: 附件 图解,
    each chart a picture with its text alternative as the picture's description and caption."""
    import io

    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Mm, Pt

    info = infographic(report, comparison or compare(report))
    document = docx.Document(str(docx_path))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("附件", style="heading 1")
    document.add_paragraph(f"{info.year}年政府信息公开工作年度报告图解", style="Title")
    for chart in info.charts:
        paragraph = document.add_paragraph(style="Table Text")
        paragraph.paragraph_format.keep_with_next = True  # a chart never parts from its caption
        picture = paragraph.add_run().add_picture(
            io.BytesIO(raster(chart_svg(chart, for_web=False), "png", APPENDIX_DPI)), width=Mm(APPENDIX_WIDTH_MM))
        doc_pr = picture._inline.docPr
        doc_pr.set("title", chart.title)
        doc_pr.set("descr", chart.summary)  # what a screen reader says for the picture
        caption = document.add_paragraph(chart.summary, style="Table Label")
        caption.paragraph_format.space_after = Pt(18)
    out = io.BytesIO()
    document.save(out)
    write_atomic(docx_path, out.getvalue())
    return len(info.charts)
