"""One view of a report for publishing, shared by the DOCX and the HTML renderers.

Headings, paragraphs and tables come from the spec and from `forms.spec.layout.table_grid`; the
renderers only decide how each block looks. Nothing here knows a label by heart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from forms.spec.layout import HeaderCell, table_grid
from forms.model import CellValue, Report
from forms.model.carried import strip_topic_heading
from forms.model.preface import effective_preface, sign_off_date
from forms.render.page import TEXT_WIDTH_TWIPS
from forms.spec import Spec, Table

# A data column this narrow (in twips) holds two 五号 characters per line.
NARROW_DATA_COLUMN = 700
TEXT_WIDTH = TEXT_WIDTH_TWIPS


@dataclass(frozen=True)
class GridCell:
    text: str
    row: int
    col: int
    rowspan: int
    colspan: int
    kind: str                          # corner, column, row (header cells) or data
    id: str
    headers: tuple[str, ...] = ()      # ids of every header cell labelling a data cell
    key: tuple[str, str] | None = None  # (row key, column key) of a data cell
    scope: str | None = None           # col, colgroup, row, rowgroup for header cells


@dataclass(frozen=True)
class TableView:
    key: str
    caption: str
    n_rows: int
    n_cols: int
    header_rows: int
    label_cols: int
    cells: tuple[GridCell, ...]
    widths: tuple[int, ...]            # twips per grid column, summing to the text width
    note: str = ""

    def lines(self) -> list[list[GridCell]]:
        """Cells by the grid row they start in, left to right."""
        out: list[list[GridCell]] = [[] for _ in range(self.n_rows)]
        for c in sorted(self.cells, key=lambda c: (c.row, c.col)):
            out[c.row].append(c)
        return out

    def widened(self, n_cols: int) -> TableView:
        """The same table stretched to n_cols: its last column spans the extra grid columns.

        This is how the Word template sets the one-value tables of 二 under the three-value one.
        """
        extra = n_cols - self.n_cols
        if extra <= 0:
            return self
        cells = tuple(replace(c, colspan=c.colspan + extra) if c.col + c.colspan == self.n_cols else c
                      for c in self.cells)
        return replace(self, n_cols=n_cols, cells=cells,
                       widths=column_widths(n_cols, self.label_cols, n_cols - self.label_cols))


@dataclass(frozen=True)
class Block:
    kind: str             # heading1, heading2, paragraph, tables, note
    text: str = ""
    id: str = ""
    tables: tuple[TableView, ...] = ()


@dataclass(frozen=True)
class SignatureLine:
    text: str
    right_ems: float  # space to the right margin, in characters of the body size


@dataclass(frozen=True)
class ReportView:
    title: str
    title_lines: tuple[str, ...]
    blocks: tuple[Block, ...]
    signature: tuple[SignatureLine, ...]   # organ, date
    year: int
    organization: str


def format_value(value: CellValue) -> str:
    """A number as printed: blank stays blank, 万元 keep their decimals without trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def column_widths(n_cols: int, label_cols: int, n_data: int) -> tuple[int, ...]:
    """Twips per column: many data columns are narrow so the row labels keep room to read."""
    if not label_cols:
        base = TEXT_WIDTH // n_cols
        return tuple([base] * (n_cols - 1) + [TEXT_WIDTH - base * (n_cols - 1)])
    data = TEXT_WIDTH // n_cols if n_data <= 4 else NARROW_DATA_COLUMN
    group = round(data * 1.3) if label_cols > 1 else 0
    last_label = TEXT_WIDTH - data * n_data - group * (label_cols - 1)
    return tuple([group] * (label_cols - 1) + [last_label] + [data] * n_data)


def _kind(h: HeaderCell, table: Table) -> str:
    # 信息内容 over the row labels of 二 is a column header; the corner of 三 is the format's note.
    return "column" if h.kind == "corner" and h.text == table.row_header else h.kind


def _scope(h: HeaderCell, table: Table) -> str | None:
    kind = _kind(h, table)
    if kind == "column":
        return "colgroup" if h.colspan > 1 else "col"
    if kind == "row":
        return "rowgroup" if h.rowspan > 1 else "row"
    return None


def table_view(report: Report, table: Table, values: dict | None = None) -> TableView:
    grid = table_grid(report.template, table.key)
    values = report.table_values(table.key) if values is None else values
    headers = [GridCell(h.text, h.row, h.col, h.rowspan, h.colspan, _kind(h, table), f"{table.key}-h{h.row}-{h.col}",
                        scope=_scope(h, table)) for h in grid.headers]
    cells = list(headers)
    for (row_key, col_key), (r, c) in grid.positions.items():
        labels = tuple(h.id for h in headers if h.kind == "row" and h.row <= r < h.row + h.rowspan)
        labels += tuple(h.id for h in headers if h.kind == "column" and h.col <= c < h.col + h.colspan)
        cells.append(GridCell(format_value(values[row_key][col_key]), r, c, 1, 1, "data",
                              f"{table.key}-{row_key}-{col_key}", labels, (row_key, col_key)))
    n_data = grid.n_cols - grid.label_cols
    return TableView(table.key, table.caption, grid.n_rows, grid.n_cols, grid.header_rows, grid.label_cols,
                     tuple(cells), column_widths(grid.n_cols, grid.label_cols, n_data),
                     report.sections.notes.get(table.key, "").strip())


# Control characters pasted from Word (bell, form feed's cousins) and non-characters: XML forbids them.
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# Word's manual line break (U+000B) and page break (U+000C) when copied, and Unicode's own: line breaks.
_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")


def printable(text: str) -> str:
    """One line of text as XML can hold it (a title, a name): breaks become spaces."""
    return _UNPRINTABLE.sub("", _BREAKS.sub(" ", text.replace("\t", " ")))


def paragraphs(text: str) -> list[str]:
    """A clerk's text as paragraphs: one per line, indentation typed by hand removed."""
    return [line.strip() for line in printable(_BREAKS.sub("\n", text)).split("\n") if line.strip()]


CORE_PROPERTY_CHARS = 255  # what Word's document properties (title, author) hold


def export_notes(report: Report) -> list[str]:
    """What the export had to change in the clerk's text to write it, said in Chinese: characters a
    document cannot hold (removed; Word's line and page breaks become line breaks), a title too long
    for the Word file's properties."""
    spec = report.spec
    headings = {s.key: s.heading for s in spec.sections}
    fields = {"机关名称": report.organization.name, "标题": report.title,
              "开头段落": report.sections.preface, "落款日期": report.sections.closing}
    for key in report.text_keys:
        head, _, tail = key.partition(".")
        name = (f"{spec.table(tail).short_name}的说明" if head == "notes" else headings.get(head, key))
        if key != "preface":
            fields[name] = fields.get(name, "") + report.text(key)
    notes = []
    for name, text in fields.items():
        removed = len(_UNPRINTABLE.findall(text.replace("\t", " ")))
        breaks = len(_BREAKS.findall(text))
        if removed:
            notes.append(f"“{name}”中有 {removed} 个文档无法容纳的控制字符，导出时已删除。")
        if breaks:
            notes.append(f"“{name}”中有 {breaks} 个从 Word 复制来的换行符或分页符，导出时已改为换行。")
    if len(printable(report.display_title).strip()) > CORE_PROPERTY_CHARS:
        notes.append(f"标题超过 {CORE_PROPERTY_CHARS} 个字符：Word 文件属性中的标题只保留前 {CORE_PROPERTY_CHARS} 个字符，"
                     "文档中的标题完整。")
    return notes


TITLE_TAIL = "政府信息公开工作年度报告"
TITLE_LINE_EMS = 20  # 2号 characters on a 156 mm line


def _ems(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


def title_lines(title: str) -> tuple[str, ...]:
    """The title, broken before 政府信息公开工作年度报告 when it is too long for one line, so that
    no word is cut (GB/T 9704 7.3.3: 回行时要做到词意完整)."""
    head = title[:-len(TITLE_TAIL)]
    if not title.endswith(TITLE_TAIL) or not head or _ems(title) <= TITLE_LINE_EMS:
        return (title,)
    return (*_organ_lines(head), TITLE_TAIL)


# Where an organ's name may break: after a place or an organ (省、市、区、县、人民政府、办公室、局 …).
_NAME_WORD = re.compile(r".+?(?:自治区|自治州|自治县|特别行政区|省|市|区|县|州|盟|旗|乡|镇|街道办事处|街道|人民政府|"
                        r"办公厅|办公室|委员会|管理委员会|局|厅|委|署|院|中心|公司)|.+$")


def _organ_lines(head: str) -> list[str]:
    """A head longer than a line (a long organ name and the year) in lines that end at word ends."""
    if _ems(head) <= TITLE_LINE_EMS:
        return [head]
    lines = [""]
    for word in _NAME_WORD.findall(head):
        if lines[-1] and _ems(lines[-1] + word) > TITLE_LINE_EMS:
            lines.append(word)
        else:
            lines[-1] += word
    return lines


def sign_off(organ: str, day: str) -> tuple[SignatureLine, ...]:
    """GB/T 9704-2012 7.3.5.2 (no seal): the organ 2 characters from the right, the date below it
    starting 2 characters further right; a date longer than that keeps 2 and pushes the organ left."""
    if not organ:
        return (SignatureLine(day, 2),) if day else ()
    date_right = max(2.0, _ems(organ) - _ems(day))
    organ_right = date_right + _ems(day) + 2 - _ems(organ)
    return SignatureLine(organ, organ_right), SignatureLine(day, date_right)


def _text_section_blocks(report: Report, spec: Spec, key: str) -> list[Block]:
    if key != "overview":
        if key not in report.text_keys:  # 2019's 表四 is not held in this report: nothing to print
            return []
        return [Block("paragraph", p) for p in paragraphs(report.text(key))]
    blocks = [Block("paragraph", p) for p in paragraphs(report.sections.overview.intro)]
    for topic in spec.topics:
        # A text written with its own sub-heading (“（一）主动公开情况。…”) does not get it twice.
        body = paragraphs(strip_topic_heading(report.text(f"overview.{topic.key}"), topic.keyword))
        if body:
            blocks.append(Block("heading2", topic.heading, f"topic-{topic.key}"))
            blocks += [Block("paragraph", p) for p in body]
    return blocks


def build_view(report: Report, today: date | None = None) -> ReportView:
    spec = report.spec
    blocks = [Block("paragraph", p) for p in paragraphs(effective_preface(report))]
    for section in spec.sections:
        blocks.append(Block("heading1", section.heading, f"section-{section.key}"))
        tables = spec.tables_of(section.key)
        if not tables:
            blocks += _text_section_blocks(report, spec, section.key)
            continue
        views = [table_view(report, t) for t in tables]
        width = max(v.n_cols for v in views)
        blocks.append(Block("tables", tables=tuple(v.widened(width) for v in views)))
        for v in views:
            blocks += [Block("note", p) for p in paragraphs(v.note)]
    if report.consolidation is not None:  # 汇总: the units' key figures, when the clerk asks for them
        from forms.render.appendix import appendix_blocks
        blocks += appendix_blocks(report)
    closing = sign_off_date(report, today)
    organ, title = printable(report.organization.name).strip(), printable(report.display_title).strip()
    signature = sign_off(organ, printable(closing))
    return ReportView(title, title_lines(title), tuple(blocks), signature, report.year, organ)
