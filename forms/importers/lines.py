"""The document as a sequence of lines, each a label and the values that follow it.

Tables arrive in many shapes (Word and HTML grids, PDF tables, one cell per line, cells split by
“|” or by spaces); as lines they all look alike: the row's label text, then its cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from forms.importers.document import Grid, Paragraph, SourceDocument
from forms.model.values import looks_like_value

_IN_BRACKETS = re.compile(r"([（(][^（）()]{0,40}[）)])")


@dataclass
class Line:
    label: str
    values: list[str]   # cell texts read as figures (or blanks), left to right
    location: str
    from_table: bool    # a grid row or a “|” row, where an empty cell is a real cell
    raw: str = ""       # the line as written (prose keeps its own spacing)
    gathered: bool = False  # figures gathered from the lines below the label (one cell per line)

    @property
    def is_text(self) -> bool:
        return not self.values


def _join_bracket_spaces(text: str) -> str:
    """“55（含自然失效 29 件）” is one cell: the spaces inside brackets do not split it."""
    return _IN_BRACKETS.sub(lambda m: re.sub(r"\s+", "", m.group(1)), text)


def _split_values(cells: list[str | None]) -> tuple[str, list[str]]:
    """Trailing value cells, and the label made of the cells before them."""
    end = len(cells)
    while end and cells[end - 1] is None:  # an index, not a copy per cell: a row may be thousands wide
        end -= 1
    cells = cells[:end]
    i = len(cells)
    while i > 0 and looks_like_value(cells[i - 1]):
        i -= 1
    label = " ".join(c.strip() for c in cells[:i] if c and c.strip())
    return label, [c or "" for c in cells[i:]]


def text_line(text: str, location: str) -> Line:
    if "|" in text:
        line = table_line(_pipe_cells(text), location)
        line.raw = text.strip()
        return line
    tokens = _join_bracket_spaces(text).split()
    i = len(tokens)
    while i > 0 and looks_like_value(tokens[i - 1]):
        i -= 1
    if i == len(tokens):
        return Line(text.strip(), [], location, False, text.strip())
    return Line(" ".join(tokens[:i]), tokens[i:], location, False, text.strip())


def _pipe_cells(text: str) -> list[str]:
    t = text.strip()
    if t.startswith("|"):  # Markdown: | a | b |
        t = t[1:]
        if t.endswith("|"):
            t = t[:-1]
    return [c.strip() for c in t.split("|")]


def table_line(cells: list[str | None], location: str) -> Line:
    label, values = _split_values(list(cells))
    raw = " | ".join((c or "").strip() for c in cells) if values else label
    return Line(label, values, location, True, raw)


# Page furniture a PDF leaves in its text: “- 3 -”, “— 3 —”.
FOOTER = re.compile(r"^\s*[-—－]\s*\d{1,3}\s*[-—－]\s*$")
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def _merge_cell_per_line(lines: list[Line]) -> list[Line]:
    """Text copied from a web table often puts one cell per line: a label, then its figures below."""
    out: list[Line] = []
    for line in lines:
        single = not line.from_table and not line.label and len(line.values) == 1
        prev = out[-1] if out else None
        if single and prev is not None and not prev.from_table and (
                prev.is_text and len(prev.label) <= 60 or prev.gathered):
            if not prev.gathered:
                prev = out[-1] = Line(prev.label, [], prev.location, False, prev.raw, gathered=True)
            prev.values.append(line.values[0])
            prev.raw = f"{prev.raw} | {line.values[0]}"
            continue
        out.append(line)
    return out


def lines_of(doc: SourceDocument) -> list[Line]:
    out: list[Line] = []
    for block in doc.blocks:
        if isinstance(block, Grid):
            for i, row in enumerate(block.rows):
                if any(c is not None for c in row):  # a row of empty cells is a row of blanks (the template)
                    out.append(table_line(row, f"{block.location}表格第 {i + 1} 行".strip()))
        elif isinstance(block, Paragraph):
            for text in block.text.split("\n"):
                if text.strip() and not _SEPARATOR.match(text.strip()) and not FOOTER.match(text):
                    out.append(text_line(text, block.location))
    return _merge_cell_per_line(out)
