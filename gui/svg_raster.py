"""The raster engine of the charts: Qt's SVG renderer draws the core's SVG as PNG (print resolution)
or PDF (vector), the one SC face installed put in for the font list (Qt takes one family)."""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgRenderer

from forms.render.charts import FONT_STACK
from gui.pdf import ensure_gui_application, fix_text_extraction

DPI = 300
CSS_DPI = 96
SC_FACES = ["Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "WenQuanYi Micro Hei",
            "SimHei", "SimSun"]


@cache
def sc_face() -> str:
    """The first Simplified-Chinese face installed (never a JP one: the name says SC)."""
    installed = set(QFontDatabase.families())
    return next((f for f in SC_FACES if f in installed), "sans-serif")


def renderer_for(svg: str) -> QSvgRenderer:
    """Qt's renderer for the core's SVG, the installed SC face in place of the font list."""
    ensure_gui_application()
    text = svg.replace(FONT_STACK, f"'{sc_face()}'")
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("图表无法绘制（SVG 无效）。")
    return renderer


def png_bytes(svg: str, dpi: int = DPI) -> bytes:
    renderer = renderer_for(svg)
    size = renderer.defaultSize()
    scale = dpi / CSS_DPI
    image = QImage(round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def pdf_bytes(svg: str) -> bytes:
    """One page the size of the drawing (A4 for the 图解), in vectors: crisp at any print size."""
    import tempfile
    from pathlib import Path
    renderer = renderer_for(svg)
    size = renderer.defaultSize()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "chart.pdf"
        writer = QPdfWriter(str(target))
        writer.setResolution(DPI)
        mm = QSizeF(size.width() / CSS_DPI * 25.4, size.height() / CSS_DPI * 25.4)
        writer.setPageLayout(QPageLayout(QPageSize(mm, QPageSize.Unit.Millimeter), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0)))
        writer.setCreator("nianbao")
        painter = QPainter(writer)
        renderer.render(painter, QRectF(0, 0, writer.width(), writer.height()))
        painter.end()
        return fix_text_extraction(target.read_bytes())  # copied text reads 人, not the radical ⼈


def raster(svg: str, kind: str, dpi: int = DPI) -> bytes:
    """The engine the core calls (forms.render.infographic.RasterEngine): PNG (at `dpi`) or PDF bytes."""
    return png_bytes(svg, dpi) if kind == "png" else pdf_bytes(svg)
