"""PDF: tables read by position (pdfplumber), the text between them in reading order.

Vertical labels (三、本年度办理结果 printed one or two characters per line) stay inside their
cell, so they cannot be mistaken for rows. Pages are capped: a report has a handful.
"""
from __future__ import annotations

import logging
import zlib
from pathlib import Path
from typing import Callable

from forms.importers import result as R
from forms.importers.document import Grid, Paragraph, SourceDocument, too_large

MAX_PAGES = 60
MAX_STREAM_BYTES = 32 * 1024 * 1024  # a page's content inflated; a bomb of 1 MB inflates to gigabytes
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)  # warnings about odd fonts are not the clerk's


class _StreamTooLarge(Exception):
    pass


class _BoundedZlib:
    """pdfminer's zlib, inflating no stream past MAX_STREAM_BYTES (pdfminer itself has no limit)."""
    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        d = zlib.decompressobj()
        out = d.decompress(data, MAX_STREAM_BYTES)
        if d.unconsumed_tail:
            raise _StreamTooLarge()
        if not d.eof:
            raise zlib.error("incomplete stream")  # pdfminer then salvages what it can, through us
        return out

    @staticmethod
    def decompressobj() -> _BoundedInflater:
        return _BoundedInflater()


class _BoundedInflater:
    def __init__(self) -> None:
        self._d = zlib.decompressobj()
        self._total = 0

    def decompress(self, data: bytes) -> bytes:
        out = self._d.decompress(data, MAX_STREAM_BYTES)
        self._total += len(out)
        if self._total >= MAX_STREAM_BYTES or self._d.unconsumed_tail:
            raise _StreamTooLarge()
        return out


def _bound_pdfminer() -> None:
    import pdfminer.pdftypes
    pdfminer.pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]


def _in_chain(exc: BaseException, kinds: tuple[type, ...]) -> bool:
    """pdfplumber wraps pdfminer's errors (PDFPasswordIncorrect, ours) in its own PdfminerException."""
    seen: set[int] = set()
    stack: list[object] = [exc]
    while stack:
        e = stack.pop()
        if not isinstance(e, BaseException) or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, kinds):
            return True
        stack += [e.__cause__, e.__context__, *e.args]
    return False


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
    from pdfminer.pdfdocument import PDFEncryptionError
    _bound_pdfminer()
    try:
        return _read(path, progress)
    except (R.UnreadableDocument, R.ImportCancelled):
        raise
    except Exception as exc:  # pdfminer parses lazily: damage can surface anywhere, as any error
        if _in_chain(exc, (_StreamTooLarge,)):
            raise R.TooLargeError(path, f"PDF 中有内容解压后超过 {MAX_STREAM_BYTES // 1024 // 1024} MB，"
                                        "不是正常的年度报告（可能是恶意构造的文件），未读取。") from None
        if _in_chain(exc, (PDFEncryptionError,)):
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
                if _in_chain(exc, (_StreamTooLarge,)):
                    raise
                doc.notes.append(f"第 {i} 页无法读取（{type(exc).__name__}），已跳过。")
                continue
            finally:
                page.close()
            doc.blocks += [b for _, b in blocks]
            if why := too_large(doc.blocks):
                raise R.TooLargeError(path, why)
        if progress:
            progress(total, total)
    if not any(isinstance(b, Paragraph) and b.text.strip() for b in doc.blocks) and not any(
            isinstance(b, Grid) for b in doc.blocks):
        raise R.NotAReportError(path, "PDF 中没有可提取的文字（可能是扫描件图片），无法导入。"
                                      "请使用文字版 PDF、Word 文档或网页。")
    return doc
