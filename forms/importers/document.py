"""The intermediate form every reader produces: the document's text and tables, in reading order.

A reader knows its file type and nothing of the report format; the mapping step
(`forms.importers.mapping`) matches this form against the spec.
"""
from __future__ import annotations

from dataclasses import dataclass, field


# A report's tables are at most a few dozen cells wide and rows long. A span or a grid far beyond
# that is a hostile file: spans are clipped, and a grid whose area (width × rows, not only the
# cells written) passes the limit is refused before it is built.
MAX_SPAN = 100
MAX_GRID_WIDTH = 200
MAX_GRID_AREA = 200_000
# A report is some 10,000 characters (a province's, several times that). Far more text is not one,
# and reading it would take minutes (label matching, Traditional → Simplified): refused first.
MAX_TEXT_CHARS = 150_000
MAX_LINES = 8_000  # paragraphs and table rows; a report has a few hundred


@dataclass
class Paragraph:
    text: str
    location: str = ""  # “第 3 页”, “第 12 行”: where a clerk finds it in the source


@dataclass
class Grid:
    """A table as rows of cell texts. A merged cell appears once, at its top-left position;
    the positions it covers hold None (a real empty cell is "")."""
    rows: list[list[str | None]]
    location: str = ""


Block = Paragraph | Grid


@dataclass
class SourceDocument:
    blocks: list[Block] = field(default_factory=list)
    source_kind: str = "text"  # docx, html, pdf, text
    pages: int = 0
    notes: list[str] = field(default_factory=list)  # what the reader itself had to say

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if isinstance(b, Paragraph))


def too_large(blocks: list[Block]) -> str | None:
    """Why a document this long is not read (None: it may be a report)."""
    lines = chars = 0
    for b in blocks:
        if isinstance(b, Paragraph):
            lines += b.text.count("\n") + 1
            chars += len(b.text)
        else:
            lines += len(b.rows)
            chars += sum(len(c) for row in b.rows for c in row if c)
    if chars > MAX_TEXT_CHARS:
        return f"文档的文字超过 {MAX_TEXT_CHARS // 10000} 万字，远超年度报告的篇幅，未读取。请确认选择的是年度报告。"
    if lines > MAX_LINES:
        return f"文档超过 {MAX_LINES} 段（行），远超年度报告的篇幅，未读取。请确认选择的是年度报告。"
    return None
