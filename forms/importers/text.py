"""Plain text copied from a web page or a PDF: paragraphs, and tables one row per line
(cells split by spaces or by “|”, Markdown tables) or one cell per line."""
from __future__ import annotations

import re

from forms.importers.document import Paragraph, SourceDocument
from forms.importers.lines import FOOTER

# Page marks in text copied page by page: “===== [page 3] =====”.
_PAGE_MARK = re.compile(r"^\s*=+\s*\[page\s*(\d+)\]\s*=+\s*$", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")


def decode(raw: bytes) -> tuple[str, str | None]:
    """UTF-8 (with or without BOM), else GB18030 (which covers GB2312 and GBK)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding), (None if encoding == "utf-8-sig" else encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("gb18030", raw, 0, 1, "not text")


def read_text(text: str) -> SourceDocument:
    doc = SourceDocument(source_kind="text")
    page = 0
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].startswith("SOURCE:"):  # provenance header of collected copies
        lines = lines[1:]
    for n, line in enumerate(lines, 1):
        if m := _PAGE_MARK.match(line):
            page = int(m.group(1))
            doc.pages = max(doc.pages, page)
            continue
        if FOOTER.match(line) or not line.strip():
            continue
        where = f"第 {page} 页" if page else f"第 {n} 行"
        doc.blocks.append(Paragraph(_MARKDOWN_HEADING.sub("", line).rstrip(), where))
    return doc
