"""The intermediate form every reader produces: the document's text and tables, in reading order.

A reader knows its file type and nothing of the report format; the mapping step
(`forms.importers.mapping`) matches this form against the spec.
"""
from __future__ import annotations

from dataclasses import dataclass, field


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
