"""Word (.docx) written by anyone: paragraphs and tables in body order, merged cells once.

python-docx reads every zip member fully and trusts the XML, so the package is checked first:
member count, unpacked size, compression ratio (a zip bomb), and DTD/entity declarations (an XML
entity bomb; a Word document never carries a DTD).
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from forms.importers import result as R
from forms.importers.document import MAX_GRID_AREA, MAX_GRID_WIDTH, MAX_SPAN, Grid, Paragraph, SourceDocument

MAX_MEMBERS = 1000
MAX_UNPACKED = 100 * 1024 * 1024
MAX_RATIO = 100          # deflate reaches ~10 on XML; a bomb reaches 1000
RATIO_MIN_SIZE = 1024 * 1024
MAIN_PART = "word/document.xml"


def check_package(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise R.DamagedFileError(path, f"压缩包内有 {len(infos)} 个文件，不是正常的 Word 文档，未读取。")
            total = sum(i.file_size for i in infos)
            if total > MAX_UNPACKED:
                raise R.TooLargeError(path, f"文档解压后达 {total // 1024 // 1024} MB，不是正常的 Word 文档"
                                            "（可能是恶意构造的文件），未读取。")
            for i in infos:
                if i.file_size > RATIO_MIN_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                    raise R.DamagedFileError(path, f"文档中的“{i.filename}”压缩比异常（可能是恶意构造的文件），未读取。")
            names = {i.filename for i in infos}
            if MAIN_PART not in names:
                kind = "Excel 表格" if "xl/workbook.xml" in names else (
                    "PowerPoint 演示文稿" if "ppt/presentation.xml" in names else "Word 文档")
                raise R.UnsupportedFormatError(path, f"这不是 Word 文档（{kind}），无法作为年报导入。"
                                               if kind != "Word 文档" else "压缩包中没有 Word 正文，不是 Word 文档。")
            for i in infos:
                if i.filename.endswith(".xml") or i.filename.endswith(".rels"):
                    head = zf.read(i)
                    if b"<!ENTITY" in head or b"<!DOCTYPE" in head:
                        raise R.DamagedFileError(path, f"文档中的“{i.filename}”含有 XML 实体声明（Word 不会生成，"
                                                       "可能是恶意构造的文件），未读取。")
    except zipfile.BadZipFile:
        raise R.DamagedFileError(path, "Word 文件已损坏或不完整（不是有效的 .docx 压缩包）。") from None
    except (zipfile.LargeZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError,
            ValueError) as exc:
        raise R.DamagedFileError(path, f"Word 文件已损坏，无法读取（{type(exc).__name__}）。") from None


def _span(tc) -> int:
    try:
        return max(1, min(int(tc.xpath("./w:tcPr/w:gridSpan/@w:val")[0]), MAX_SPAN))
    except (IndexError, ValueError):
        return 1


def _grid(tbl, path: Path) -> Grid:
    """Rows of cell texts read from the XML itself: python-docx expands a gridSpan into that many
    cells, so one hostile `w:gridSpan="2147483648"` would fill the memory."""
    from docx.text.paragraph import Paragraph as DocxParagraph
    trs = tbl.xpath("./w:tr")
    rows: list[list[str | None]] = []
    for tr in trs:
        texts: list[str | None] = []
        for tc in tr.xpath("./w:tc"):
            continued = tc.xpath("./w:tcPr/w:vMerge[not(@w:val) or @w:val='continue']")
            texts.append(None if continued else "\n".join(
                DocxParagraph(p, None).text for p in tc.xpath("./w:p")))
            texts += [None] * (_span(tc) - 1)
            if len(texts) > MAX_GRID_WIDTH or len(texts) * len(trs) > MAX_GRID_AREA:
                raise R.TooLargeError(path, f"文档中有一个 {len(trs)} 行、超过 {len(texts)} 列的表格，"
                                            "远大于年度报告的表格（可能是恶意构造的文件），未读取。")
        rows.append(texts)
    return Grid(rows)


def read_docx(path: Path) -> SourceDocument:
    check_package(path)
    import docx
    from docx.text.paragraph import Paragraph as DocxParagraph
    try:
        document = docx.Document(str(path))
        doc = SourceDocument(source_kind="docx")
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                text = DocxParagraph(child, None).text
                if text.strip():
                    doc.blocks.append(Paragraph(text))
            elif tag == "tbl":
                doc.blocks.append(_grid(child, path))
    except R.UnreadableDocument:
        raise
    except Exception as exc:  # python-docx raises many kinds of error on a damaged part
        raise R.DamagedFileError(path, f"Word 文件已损坏，无法读取（{type(exc).__name__}）。") from None
    return doc
