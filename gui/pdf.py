"""PDF of a report with nothing installed: the HTML export laid out by Qt and written by QPdfWriter.

Qt embeds the fonts it uses, so the Chinese text is searchable and prints anywhere. When LibreOffice
is installed, `write_pdf` prefers it (the DOCX, converted): tables and page breaks follow Word's layout.
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from datetime import date
from functools import cache
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QAbstractTextDocumentLayout, QFont, QGuiApplication, QPageLayout, QPageSize,
                           QPainter, QPdfWriter, QRawFont, QTextBlock, QTextBlockFormat,
                           QTextCursor, QTextDocument, QTextFormat, QTextFrameFormat, QTextTable)

from forms.model import Report
from forms.render import office
from forms.model.atomic import write_atomic
from forms.render.html_writer import html_text
from forms.render.page import MARGINS_MM as PAGE_MARGINS

RESOLUTION = 300
MARGINS_MM = QMarginsF(PAGE_MARGINS["left"], PAGE_MARGINS["top"], PAGE_MARGINS["right"], PAGE_MARGINS["bottom"])
FOOTER_GAP_MM = 7
# Explicit Chinese families: with only Noto CJK fonts and a C locale Qt would pick Japanese glyphs.
BODY_FAMILIES = ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun"]
NUMBER_FAMILIES = ["宋体", "SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC"]
HEADING_FAMILIES = ["黑体", "SimHei", "Noto Sans CJK SC"]
KAI_FAMILIES = ["楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC"]
RADICALS = range(0x2E80, 0x2FE0)      # CJK Radicals Supplement and Kangxi Radicals
IDEOGRAPHS = range(0x4E00, 0xA000)
_CMAP = re.compile(rb"begincmap.*?endcmap", re.S)
_CMAP_ARRAY = re.compile(rb"\[[^\]]*\]")
_RADICAL_CODE = re.compile(rb"<(2[EF][0-9A-Fa-f]{2})>")


def ensure_gui_application() -> QGuiApplication:
    """Qt needs an application object for fonts; from the command line there may be no display."""
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") \
                and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["nianbao"])
    return app


def _font(families: list[str], point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    return font


@cache
def _radical_twins() -> dict[int, int]:
    """Radical code point -> the ideograph our fonts draw with the same glyph (⼈ -> 人, ⻘ -> 青)."""
    twins: dict[int, int] = {}
    ideographs = "".join(map(chr, IDEOGRAPHS))
    radicals = "".join(map(chr, RADICALS))
    for families in (BODY_FAMILIES, HEADING_FAMILIES, KAI_FAMILIES, NUMBER_FAMILIES):
        raw = QRawFont.fromFont(_font(families, 16))
        by_glyph: dict[int, int] = {}
        for ch, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs)):
            if glyph:
                by_glyph.setdefault(glyph, ord(ch))
        for ch, glyph in zip(radicals, raw.glyphIndexesForString(radicals)):
            if glyph in by_glyph:
                twins.setdefault(ord(ch), by_glyph[glyph])
    return twins


def fix_text_extraction(pdf: bytes) -> bytes:
    """Undo a Qt flaw: its ToUnicode maps take the lowest code point per glyph, and fonts such as
    Noto CJK share a glyph between 人 and the radical ⼈, so copied text came out as radicals.
    The fix rewrites four hex digits with four: no offset in the file moves."""
    twins = _radical_twins()

    def ideograph(m: re.Match) -> bytes:
        code = int(m.group(1), 16)
        return b"<%04X>" % twins[code] if code in twins else m.group(0)

    def fix_array(m: re.Match) -> bytes:
        return _RADICAL_CODE.sub(ideograph, m.group(0))

    return _CMAP.sub(lambda m: _CMAP_ARRAY.sub(fix_array, m.group(0)), pdf)


def set_html(document: QTextDocument, html: str) -> None:
    """Load the Qt variant of the page: headings at the sizes the stylesheet gives them.

    Qt enlarges <h1>–<h3> by a relative step on top of any CSS font-size; that step is removed.
    """
    document.setDefaultFont(_font(BODY_FAMILIES, 16))
    document.setHtml(html)
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                fmt.clearProperty(QTextFormat.Property.FontSizeAdjustment)
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(fmt)
                it += 1
        block = block.next()


def _items(document: QTextDocument) -> list:
    """The top-level blocks with text and the tables, in reading order (Qt puts an empty block
    around every table)."""
    out, it = [], document.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        if isinstance(frame, QTextTable):
            out.append(frame)
        elif it.currentBlock().text():
            out.append(it.currentBlock())
        it += 1
    return out


def _break_before(item) -> None:
    if isinstance(item, QTextBlock):
        fmt = QTextBlockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(item).mergeBlockFormat(fmt)
    else:
        fmt: QTextFrameFormat = item.format()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        item.setFormat(fmt)


def _first_line_top(item, rect) -> float:
    """Where an item's first line is drawn: Qt moves a line that does not fit to the next page."""
    if isinstance(item, QTextBlock) and item.layout().lineCount():
        return rect.top() + item.layout().lineAt(0).y()
    return rect.top()


def keep_together(document: QTextDocument) -> None:
    """What Word does with keepNext and cantSplit, which Qt lacks: a heading never ends a page, and a
    table that fits on a page starts on a new one rather than being cut (with its heading)."""
    layout = document.documentLayout()
    height = document.pageSize().height()
    for _ in range(50):  # each break moves what follows it: settle one at a time
        items = _items(document)
        rects = [layout.frameBoundingRect(i) if isinstance(i, QTextTable) else layout.blockBoundingRect(i)
                 for i in items]
        pages = [(int(_first_line_top(i, r) // height), int((r.bottom() - 1) // height))
                 for i, r in zip(items, rects)]
        for k, item in enumerate(items):
            first, last = pages[k]
            heading = isinstance(item, QTextBlock) and item.blockFormat().headingLevel()
            if heading and k + 1 < len(items) and pages[k + 1][0] > last:
                _break_before(item)
                break
            if isinstance(item, QTextTable) and last > first and rects[k].height() <= height:
                before = items[k - 1] if k else None
                keep_heading = isinstance(before, QTextBlock) and before.blockFormat().headingLevel()
                _break_before(before if keep_heading else item)
                break
        else:
            return


def html_to_pdf_bytes(html: str, title: str = "") -> bytes:
    """Lay the page out on A4 with the GB/T 9704 margins and “— N —” page numbers at the outer side."""
    ensure_gui_application()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "report.pdf"
        writer = QPdfWriter(str(target))
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         MARGINS_MM, QPageLayout.Unit.Millimeter))
        writer.setTitle(title)
        writer.setCreator("nianbao")
        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        set_html(document, html)
        body = writer.pageLayout().paintRectPixels(RESOLUTION)
        page = QSizeF(body.width(), body.height())
        document.setPageSize(page)
        keep_together(document)
        painter = QPainter(writer)
        try:
            for index in range(document.pageCount()):
                if index:
                    writer.newPage()
                _draw_page(painter, document, index, page)
        finally:
            painter.end()
        return fix_text_extraction(target.read_bytes())


def _draw_page(painter: QPainter, document: QTextDocument, index: int, page: QSizeF) -> None:
    painter.save()
    top = index * page.height()
    painter.translate(0, -top)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, top, page.width(), page.height())
    painter.setClipRect(context.clip)
    document.documentLayout().draw(painter, context)
    painter.restore()
    font = _font(NUMBER_FAMILIES, 14)
    painter.setFont(font)
    em = painter.fontMetrics().horizontalAdvance("一")
    gap = FOOTER_GAP_MM / 25.4 * RESOLUTION
    box = QRectF(em, page.height() + gap, page.width() - 2 * em, painter.fontMetrics().height())
    number = index + 1
    align = Qt.AlignmentFlag.AlignRight if number % 2 else Qt.AlignmentFlag.AlignLeft
    painter.drawText(box, align | Qt.AlignmentFlag.AlignTop, f"— {number} —")


def write_pdf(report: Report, path: str | os.PathLike, *, engine: str = "auto",
              reference_doc: str | os.PathLike | None = None, today: date | None = None,
              cancel: threading.Event | None = None) -> str:
    """Write the PDF; returns the engine used ("office" or "qt"). engine: auto, office or qt."""
    soffice = office.find_soffice() if engine in ("auto", "office") else None
    if engine == "office" and soffice is None:
        raise office.OfficeError("未找到 LibreOffice，无法用它生成 PDF。")
    if soffice:
        office.write_pdf(report, path, soffice, reference_doc=reference_doc, today=today, cancel=cancel)
        return "office"
    write_atomic(path, html_to_pdf_bytes(html_text(report, today=today, embed_data=False, for_qt=True),
                                               report.display_title))
    return "qt"
