"""The one mapping step: a source document (any reader's output) -> the report and what was noted."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import cast

from forms.importers import result as R
from forms.importers.document import Grid, Paragraph, SourceDocument
from forms.importers.lines import Line, lines_of
from forms.importers.normalize import count_traditional, normalize, to_simplified
from forms.model.values import read_cell_text
from forms.importers.sections import (
    Heading, contact_details, find_headings, join_lines, organ_level, split_closing, split_topics,
    title_and_year, year_from_period,
)
from forms.importers.tables import RowRead, TablesFound, find_tables
from forms.model import LegacyCell, Organization, Report
from forms.spec import Spec, load_spec

# The template's own instructions where the text goes: “（文字描述，收取信息处理费情况在此处报告。）”.
PLACEHOLDER = re.compile(r"^\s*[（(]\s*文字(描述|说明)[^）)]*[）)]\s*$")
NOTE = re.compile(r"^\s*(注|说明)\s*[:：]")
TRADITIONAL_MIN = 5
SAMPLE_CHARS = 20_000  # characters that change under t2s before a text counts as Traditional
TABLE_SECTIONS = {t.section for t in load_spec("national-2021").tables}
# national-2019's prefill_mapping_to_2021, by key: a 2019 cell lands in the 2021 cell with the same
# table, row and column key, except these renamed columns; anything else is kept in report.legacy.
RENAMED_2019_COLUMNS = {("regulations", "made"): "issued"}
# 2019's single （六）其他处理 row is counted under 3.其他 until the clerk splits it, so that the
# table's own arithmetic still holds; the row itself is kept and named (F5).
UNSPLIT_2019_ROWS = {("applications", "other_processing"): "other_misc"}
APPROXIMATE_2019 = {("regulations", "made"): "“本年新制作数量”按“本年制发件数”带入（含义相近，请核对）"}


def to_simplified_document(doc: SourceDocument) -> int:
    """Converts a Traditional-character document in place; returns how many characters changed
    in the sample that decided it (the opening of the text and of the tables)."""
    cells = "".join(c or "" for b in doc.blocks if isinstance(b, Grid) for r in b.rows for c in r)
    changed = count_traditional(doc.text[:SAMPLE_CHARS] + cells[:SAMPLE_CHARS])
    if changed < TRADITIONAL_MIN:
        return 0
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            b.text = to_simplified(b.text)
        else:
            b.rows = [[to_simplified(c) if c else c for c in row] for row in b.rows]
    return changed


class _Builder:
    def __init__(self, doc: SourceDocument):
        self.doc = doc
        self.spec = load_spec("national-2021")
        self.spec19 = load_spec("national-2019")
        self.notes: list[R.ImportNote] = []
        self.cells: dict[R.Cell, str] = {}
        self.tables: dict = {}
        self.stated: dict = {}
        self.source_texts: dict[str, str] = {}
        self.legacy_items: list[str] = []
        self.legacy_cells: list[dict] = []

    def note(self, kind: str, message: str, location="", source_text: str = "") -> None:
        self.notes.append(R.ImportNote(kind, message, location, source_text))

    # --- cells ---------------------------------------------------------------------------
    def put(self, table: str, row: str, column: str, text: str) -> None:
        tspec = self.spec.table(table)
        parsed = read_cell_text(text)
        cell = (table, row, column)
        label = tspec.cell_label(row, column)
        self.cells[cell] = text
        self.source_texts[".".join(cell)] = text
        if parsed.note:
            kind = R.CONVERSION if parsed.readable else R.NOT_FOUND
            self.note(kind, f"{label}：{parsed.note}。", cell, text)
        value = parsed.value
        if value is not None and tspec.value_type == "amount" and isinstance(value, int):
            value = Decimal(value)
        target = self.stated if tspec.is_computed(row, column) else self.tables
        target.setdefault(table, {}).setdefault(row, {})[column] = value

    def legacy(self, spec: Spec, table: str, row: str, column: str, text: str) -> None:
        t = spec.table(table)
        label = f"{t.caption or t.short_name}“{t.row(row).label}”行“{t.column(column).label}”列"
        self.legacy_cells.append({"cell": f"{table}.{row}.{column}", "label": label,
                                  "value": read_cell_text(text).value, "source_text": text})

    def read_row(self, rr: RowRead) -> None:
        if rr.spec_id == self.spec.id:
            for col, text in zip(self.spec.table(rr.table).columns, rr.values):
                self.put(rr.table, rr.row, col.key, text)
            return
        old = self.spec19.table(rr.table)
        if (rr.table, rr.row) in UNSPLIT_2019_ROWS:
            target = UNSPLIT_2019_ROWS[(rr.table, rr.row)]
            for col, text in zip(old.columns, rr.values):
                self.legacy(self.spec19, rr.table, rr.row, col.key, text)
                self.put(rr.table, target, col.key, text)
            self._legacy_item(old, rr.row, old.columns[0].key)
            new = self.spec.table(rr.table).row(target).label
            self.note(R.LEGACY, f"原文“{old.row(rr.row).label}”一行未细分，其数值暂记入“{new}”，请按 2021 年版的三项拆分填写。",
                      (rr.table, target, ""), rr.line.raw)
            return
        for col, text in zip(old.columns, rr.values):
            target_col = RENAMED_2019_COLUMNS.get((rr.table, col.key), col.key)
            if self._in_2021(rr.table, rr.row, target_col):
                self.put(rr.table, rr.row, target_col, text)
                if (rr.table, col.key) in APPROXIMATE_2019:
                    cell = (rr.table, rr.row, target_col)
                    self.note(R.LEGACY, f"{self.spec.table(rr.table).cell_label(rr.row, target_col)}："
                                        f"{APPROXIMATE_2019[(rr.table, col.key)]}。", cell, text)
            else:
                self.legacy(self.spec19, rr.table, rr.row, col.key, text)
                self._legacy_item(old, rr.row, col.key)

    def _in_2021(self, table: str, row: str, column: str) -> bool:
        try:
            return self.spec.table(table).has_cell(row, column)
        except KeyError:
            return False

    def _legacy_item(self, old, row: str, column: str) -> None:
        """How F5 names a 2019 item with no 2021 home."""
        if not self._has_table(old.key):
            item = f"{old.caption}（{old.row(row).label}）"
        elif not any(r.key == row for r in self.spec.table(old.key).rows):
            item = (f"{old.row(row).label}（未细分）" if old.key == "applications"
                    else f"{old.caption}“{old.row(row).label}”行")
        else:
            item = f"{old.caption}“{old.column(column).label}”列"
        if item not in self.legacy_items:
            self.legacy_items.append(item)

    # --- tables --------------------------------------------------------------------------
    def _table(self, key: str, spec_id: str | None = None):
        """A table of the format the document used for it (2019 when that is where the row lives)."""
        if spec_id == self.spec19.id or not self._has_table(key):
            return self.spec19.table(key)
        return self.spec.table(key)

    def read_tables(self, found: TablesFound) -> None:
        for rr in found.rows:
            self.read_row(rr)
            if rr.label_score < 100:
                t = self._table(rr.table, rr.spec_id)
                self.note(R.FUZZY, f"行标题“{rr.line.label}”按“{t.row(rr.row).label}”读取"
                                   f"（相似度 {rr.label_score:.0f}%）。", (rr.table, rr.row, ""), rr.line.label)
        for table, row, line, spec_id in found.mismatched:
            t = self._table(table, spec_id)
            self.note(R.NOT_FOUND, f"{t.short_name}“{t.row(row).label}”行有 {len(line.values)} 个数值，"
                                   f"而该表有 {len(t.columns)} 列，无法确定对应关系，未读取，请对照原文填写。",
                      (table, row, ""), line.raw)
        for table, row in found.missing_rows:
            t = self._table(table, found.applications_format if table == "applications" else None)
            self.note(R.NOT_FOUND, f"未找到{t.short_name}“{t.row(row).label}”行，该行留空。", (table, row, ""))
        for line in found.extra_lines:
            self.note(R.EXTRA, f"表三中多出一行数据，未使用（{line.location}）。", "applications", line.raw)
        seen_tables = {rr.table for rr in found.rows} | {m[0] for m in found.mismatched}
        for t in self.spec.tables:
            if t.key not in seen_tables:
                self.note(R.NOT_FOUND, f"未找到{t.short_name}，该表留空。", t.key)

    def _has_table(self, key: str) -> bool:
        return any(t.key == key for t in self.spec.tables)


def _heading_followed_by_table(lines: list[Line], h: Heading, spec: Spec) -> bool:
    """A table section's heading counts only when its tables follow (not a prose sub-heading)."""
    captions = {normalize(t.caption) for t in spec.tables_of(h.key) if t.caption}
    window = lines[h.index + 1: h.index + 12]
    return any(ln.from_table or len(ln.values) >= 3
               or any(c in normalize(ln.label) for c in captions) for ln in window)


def build(doc: SourceDocument) -> R.ImportResult:
    b = _Builder(doc)
    for message in doc.notes:
        b.note(R.SECTION, message)
    if changed := to_simplified_document(doc):
        b.note(R.ENCODING, f"原文为繁体字（{changed} 处），已转换为简体字后识别。")
    lines = lines_of(doc)
    found = find_tables(lines, [b.spec, b.spec19])
    headings = [h for h in find_headings(lines, b.spec)
                if h.key not in TABLE_SECTIONS or _heading_followed_by_table(lines, h, b.spec)]
    first = headings[0].index if headings else len(lines)
    title, organ, year, after_title = title_and_year(lines, first)
    texts = _section_lines(lines, headings, found, after_title, b)
    year = year or year_from_period("\n".join(texts.get("preface", [])) or doc.text[:2000])
    if not found.any and not headings:
        raise ValueError("未找到年报的标题、章节或表格")
    if year is None:  # a blank template, say: usable, with the year to be set
        year = date.today().year - 1
        b.note(R.SECTION, f"原文没有写明报告年度，暂按 {year} 年导入，请在报告信息中改正。", "year")
    b.read_tables(found)
    fmt = _format(found, year, b)
    report = _assemble(b, year, organ, title, texts)
    section_texts = {k: join_lines(v) for k, v in texts.items()}
    if not organ:
        b.note(R.SECTION, "未能从标题中识别机关名称，请在报告信息中填写。", "title")
    for key in ("overview", "problems", "other"):
        if not texts.get(key):
            b.note(R.SECTION, f"未找到“{b.spec.section(key).heading}”的内容。", key)
    source_text = "\n".join(ln.raw or ln.label for ln in lines)
    result = R.ImportResult(report, fmt, doc.source_kind, b.notes, b.cells, section_texts, doc.pages, source_text,
                            b.stated)
    _add_source_findings(result)
    return result


def _add_source_findings(result: R.ImportResult) -> None:
    """The document's own errors as written: arithmetic (A1–A6) and text against tables (N)."""
    from forms.rules import check
    for f in check(result.report, stated=result.stated):
        if f.code[0] in "AN":
            loc = f.location
            where = (loc.table, loc.row or "", loc.column or "") if loc.table else (loc.text or loc.section or "")
            result.notes.append(R.ImportNote(R.SOURCE_CHECK, f"原文 {f.code}：{f.message}", where))


def _format(found: TablesFound, year: int, b: _Builder) -> str:
    if not found.any:
        b.note(R.FORMAT, "原文没有统计表格（早期自由格式的报告）：只导入了年度和文字部分，未生成任何表格数据。")
        return "free-form"
    old_active = found.active_format == b.spec19.id
    old_apps = found.applications_format == b.spec19.id
    if old_active or (old_apps and year < b.spec.year_from):
        b.note(R.FORMAT, "原文使用 2019 年版格式（国办公开办函〔2019〕60号），已按 2021 年版对应；"
                         "没有对应项的内容保留在“旧格式内容”中。")
        return b.spec19.id
    if old_apps:
        b.note(R.FORMAT, "原文是 2021 年版格式，但表三仍用 2019 年版的单一“（六）其他处理”行（未细分为三项）。",
               ("applications", "other_processing", ""))
    return b.spec.id


def _section_lines(lines: list[Line], headings: list[Heading], found: TablesFound, after_title: int,
                   b: _Builder) -> dict[str, list[str]]:
    starts = {h.index: h.key for h in headings}
    table_lines = {id(rr.line) for rr in found.rows}
    texts: dict[str, list[str]] = {}
    current = "preface"
    has_problems = any(h.key == "problems" for h in headings)
    for i in range(after_title, len(lines)):
        line = lines[i]
        if i in starts:
            current = starts[i]
            continue
        if id(line) in table_lines or PLACEHOLDER.match(line.label):
            continue
        if (current == "review_litigation" and not has_problems and found.review_line_index is not None
                and i > found.review_line_index and line.is_text):
            current = "problems"
            has_problems = True
            b.note(R.SECTION, "原文缺少“五、存在的主要问题及改进情况”标题，表四之后的文字已按该部分导入，请核对。",
                   "problems", line.raw)
        if current == "preface" and line.is_text and re.match(r"^\s*一\s*[、.．]", line.label):
            current = "overview"  # an early report's own first heading (一、概述) opens its overview
        if current in TABLE_SECTIONS and not line.is_text:
            continue
        texts.setdefault(current, []).append(line.raw or line.label)
    return texts


def _table_notes(b: _Builder, texts: dict[str, list[str]]) -> dict[str, str]:
    """“注：行政复议、行政诉讼数量含上年度结转数量。” under a table: the note printed under it."""
    notes = {}
    for section in TABLE_SECTIONS:
        found = [ln.strip() for ln in texts.get(section, []) if NOTE.match(ln)]
        if found:
            notes[b.spec.tables_of(section)[-1].key] = "\n".join(found)
    return notes


def _assemble(b: _Builder, year: int, organ: str, title: str, texts: dict[str, list[str]]) -> Report:
    preface = join_lines(texts.get("preface", []))
    org = Organization(name=organ, level=organ_level(organ) if organ else Organization().level,
                       **contact_details(preface))
    other_lines, closing = split_closing(texts.get("other", []), organ)
    intro, topics = split_topics(texts.get("overview", []), b.spec)
    report = Report(year=year, organization=org, tables=b.tables)
    report.source_texts = b.source_texts
    report.sections.preface = preface
    report.sections.overview.intro = join_lines(intro)
    for key, topic_lines in topics.items():
        setattr(report.sections.overview, key, join_lines(topic_lines))
    report.sections.problems = join_lines(texts.get("problems", []))
    report.sections.other = join_lines(other_lines)
    report.sections.closing = closing
    report.sections.notes = _table_notes(b, texts)
    if title and re.sub(r"\s", "", title) != re.sub(r"\s", "", report.display_title):
        report.title = title
    if b.legacy_items or b.legacy_cells:
        report.legacy = {"format_2019_items": b.legacy_items,
                         "format_2019_cells": cast(list[LegacyCell], b.legacy_cells)}
    return report
