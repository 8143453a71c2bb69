"""PDF: tables read by position (pdfplumber), the text between them in reading order.

Vertical labels (三、本年度办理结果 printed one or two characters per line) stay inside their
cell, so they cannot be mistaken for rows. Pages are capped: a report has a handful.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from forms.importers import result as R
from forms.importers.document import Grid, Paragraph, SourceDocument

MAX_PAGES = 60
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)  # warnings about odd fonts are not the clerk's


def _is_grid(rows: list[list[str | None]]) -> bool:
    """A text frame drawn with borders comes back as a one-column “table”: it is text."""
    columns = {i for row in rows for i, c in enumerate(row) if c and c.strip()}
    return len(columns) >= 2


def _page_blocks(page, number: int) -> list[tuple[float, Paragraph | Grid]]:
    where = f"第 {number} 页"
    blocks: list[tuple[float, Paragraph | Grid]] = []
    grids = []
    for table in page.find_tables():
        rows = table.extract()
        if _is_grid(rows):
            grids.append(table.bbox)
            blocks.append((table.bbox[1], Grid(rows, where)))
    top = 0.0
    for _x0, t, _x1, bottom in sorted(grids, key=lambda b: b[1]) + [(0, page.height, 0, page.height)]:
        if t > top + 1:
            text = page.crop((0, top, page.width, min(t, page.height))).extract_text() or ""
            if text.strip():
                blocks.append((top, Paragraph(text, where)))
        top = max(top, bottom)
    return sorted(blocks, key=lambda b: b[0])


def read_pdf(path: Path, progress: Callable[[int, int], None] | None = None) -> SourceDocument:
    try:
        return _read(path, progress)
    except (R.UnreadableDocument, R.ImportCancelled):
        raise
    except Exception as exc:  # pdfminer parses lazily: damage can surface anywhere, as any error
        if "Password" in type(exc).__name__ or "Password" in str(exc):
            raise R.UnsupportedFormatError(path, "PDF 文件有密码保护，无法读取。请先解除保护，或改用 Word 文档。") from None
        raise R.DamagedFileError(path, f"PDF 文件已损坏或不完整，无法读取（{type(exc).__name__}）。") from None


def _read(path: Path, progress: Callable[[int, int], None] | None) -> SourceDocument:
    import pdfplumber
    doc = SourceDocument(source_kind="pdf")
    with pdfplumber.open(path) as pdf:
        pages = pdf.pages
        total = len(pages)
        if total == 0:
            raise R.DamagedFileError(path, "PDF 文件没有页面。")
        if total > MAX_PAGES:
            raise R.TooLargeError(path, f"PDF 共 {total} 页，远超年度报告的篇幅（不超过 {MAX_PAGES} 页），未读取。"
                                        "请确认选择的是年度报告。")
        doc.pages = total
        for i, page in enumerate(pages, 1):
            if progress:
                progress(i - 1, total)
            try:
                blocks = _page_blocks(page, i)
            except R.ImportCancelled:
                raise
            except Exception as exc:  # one bad page must not lose the others
                doc.notes.append(f"第 {i} 页无法读取（{type(exc).__name__}），已跳过。")
                continue
            finally:
                page.close()
            doc.blocks += [b for _, b in blocks]
        if progress:
            progress(total, total)
    if not any(isinstance(b, Paragraph) and b.text.strip() for b in doc.blocks) and not any(
            isinstance(b, Grid) for b in doc.blocks):
        raise R.NotAReportError(path, "PDF 中没有可提取的文字（可能是扫描件图片），无法导入。"
                                      "请使用文字版 PDF、Word 文档或网页。")
    return doc
