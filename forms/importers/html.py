"""Web pages saved from a government site: text in reading order, tables with rowspan/colspan
expanded (a merged cell once, at its top-left), &nbsp; as blank, GB2312/GBK read as GB18030."""
from __future__ import annotations

import re
from pathlib import Path

from forms.importers import result as R
from forms.importers.document import (MAX_GRID_AREA, MAX_GRID_WIDTH, MAX_SPAN, Grid, Paragraph, SourceDocument,
                                      too_large)

BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
         "header", "footer", "blockquote", "center", "dd", "dt", "pre", "title", "body"}
SKIP = {"script", "style", "noscript", "head", "template", "iframe", "object"}
MAX_GRID_CELLS = 20000
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")


def decode_html(raw: bytes) -> tuple[str, str | None]:
    """UTF-8 when the bytes are UTF-8 (some pages declare GB2312 wrongly), else GB18030, the
    superset of the GB2312/GBK that Chinese sites declare. Returns the text and the GB encoding used."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace"), "GB18030"


def _cell_text(el) -> str:
    return _WS.sub(" ", "".join(el.itertext())).strip()


def _span(el, name: str) -> int:
    try:
        return max(1, min(int(el.get(name, "1")), MAX_SPAN))
    except ValueError:
        return 1


def _grid(table, path: Path) -> Grid:
    occupied: dict[tuple[int, int], str | None] = {}
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in tr.xpath("./td|./th"):
            while (r, c) in occupied:
                c += 1
            rs, cs = _span(td, "rowspan"), min(_span(td, "colspan"), MAX_GRID_WIDTH - c)
            if cs <= 0 or len(occupied) + rs * cs > MAX_GRID_CELLS:
                break
            for dr in range(rs):
                for dc in range(cs):
                    occupied[(r + dr, c + dc)] = None
            occupied[(r, c)] = _cell_text(td)
            c += cs
            width = max(width, c)
    height = len(rows)
    if width * height > MAX_GRID_AREA:  # the cells written may be few, the grid they span is not
        raise R.TooLargeError(path, f"网页中有一个 {height} 行、{width} 列的表格，远大于年度报告的表格"
                                    "（可能是恶意构造的文件），未读取。")
    return Grid([[occupied.get((r, c)) for c in range(width)] for r in range(height)])


def read_html(raw: bytes, path: Path) -> tuple[SourceDocument, str]:
    import lxml.html
    from lxml import etree
    text, encoding = decode_html(raw)
    doc = SourceDocument(source_kind="html")
    if encoding:
        doc.notes.append(f"网页按 {encoding} 编码读取（兼容 GB2312/GBK）。")
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                                  remove_pis=True, huge_tree=False, default_doctype=False)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise R.DamagedFileError(path, f"网页无法解析（{exc}）。") from None
    buf: list[str] = []

    def flush() -> None:
        joined = "".join(buf)
        buf.clear()
        for line in joined.split("\n"):
            if line.strip():
                doc.blocks.append(Paragraph(line.strip()))
                if len(doc.blocks) % 1000 == 0 and (why := too_large(doc.blocks)):
                    raise R.TooLargeError(path, why)  # said before reading the rest of a page this long

    skipping = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if skipping or tag in SKIP:
                skipping += 1
                continue
            if tag == "table":
                flush()
                doc.blocks.append(_grid(el, path))
                skipping += 1
                continue
            if tag in BLOCK or tag == "tr":
                flush()
            if tag == "br":
                buf.append("\n")
            if el.text:
                buf.append(_WS.sub(" ", el.text))
        else:
            if skipping:
                skipping -= 1
                if skipping == 0 and el.tail:  # text after a skipped element or a table
                    buf.append(_WS.sub(" ", el.tail))
                continue
            if tag in BLOCK:
                flush()
            if el.tail:
                buf.append(_WS.sub(" ", el.tail))
    flush()
    return doc, text
