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
from forms.spec import CURRENT_TEMPLATE, CellMove, Spec, load_spec, older_formats

# The template's own instructions where the text goes: “（文字描述，收取信息处理费情况在此处报告。）”.
PLACEHOLDER = re.compile(r"^\s*[（(]\s*文字(描述|说明)[^）)]*[）)]\s*$")
NOTE = re.compile(r"^\s*(注|说明)\s*[:：]")
TRADITIONAL_MIN = 5
SAMPLE_CHARS = 20_000  # characters that change under t2s before a text counts as Traditional
TABLE_SECTIONS = {t.section for t in load_spec(CURRENT_TEMPLATE).tables}


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
        self.current = load_spec(CURRENT_TEMPLATE)
        # the formats a report may be written in: the one in force first, then the older ones
        self.formats = [self.current] + older_formats()
        self.spec = self.current  # the document's own format, once `decide_format` has seen its tables
        self.notes: list[R.ImportNote] = []
        self.cells: dict[R.Cell, str] = {}
        self.tables: dict = {}
        self.stated: dict = {}
        self.source_texts: dict[str, str] = {}
        self.legacy_items: list[str] = []
        self.legacy_cells: list[dict] = []

    def note(self, kind: str, message: str, location="", source_text: str = "") -> None:
        self.notes.append(R.ImportNote(kind, message, location, source_text))

    # --- the document's format -----------------------------------------------------------
    def decide_format(self, found: TablesFound, year: int) -> str:
        """The format the document is written in; it stays in it (a 2019-format report is a 2019 document)."""
        if not found.any:
            self.spec = load_spec(R.FREE_FORM)
            self.note(R.FORMAT, "原文没有统计表格（早期自由格式的报告）：只导入了年度和文字部分，未生成任何表格数据。")
            return R.FREE_FORM
        for spec in self.formats[1:]:
            old_active = found.active_format == spec.id
            old_apps = found.applications_format == spec.id
            if old_active or (old_apps and year < self.current.year_from):
                self.spec = spec
                self.note(R.FORMAT, f"原文使用 {spec.name}（{spec.basis.split(' ')[0].rstrip(';')}），按该格式导入；"
                                    f"据此新建 {self.current.year_from} 年以后的草稿时转为 {self.current.name}。")
                return spec.id
            if old_apps:
                apps = self.current.table("applications")
                unsplit = [r for r in spec.table("applications").rows if not any(x.key == r.key for x in apps.rows)]
                self.note(R.FORMAT, f"原文是 {self.current.name}，但表三仍用 {spec.name}的单一"
                                    f"“{unsplit[0].label if unsplit else ''}”行（未细分）。",
                          ("applications", unsplit[0].key if unsplit else "", ""))
        return self.current.id

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
        if value is not None and tspec.value_type_of(column) == "amount" and isinstance(value, int):
            value = Decimal(value)
        target = self.stated if tspec.is_computed(row, column) else self.tables
        target.setdefault(table, {}).setdefault(row, {})[column] = value

    def legacy(self, spec: Spec, table: str, row: str, column: str, text: str) -> None:
        t = spec.table(table)
        label = f"{t.caption or t.short_name}“{t.row(row).label}”行“{t.column(column).label}”列"
        self.legacy_cells.append({"cell": f"{table}.{row}.{column}", "label": label,
                                  "value": read_cell_text(text).value, "source_text": text})

    def read_row(self, rr: RowRead) -> None:
        """A row in the document's format goes where it is; a row of another format (2019's single
        （六）其他处理 in a 2021-format report) goes where that format's migration table says, if anywhere."""
        if rr.spec_id == self.spec.id:
            for col, text in zip(self.spec.table(rr.table).columns, rr.values):
                self.put(rr.table, rr.row, col.key, text)
            return
        row_spec = load_spec(rr.spec_id)
        table = row_spec.table(rr.table)
        noted_row = False
        for col, text in zip(table.columns, rr.values):
            cell = (rr.table, rr.row, col.key)
            target, move = self._home(row_spec, cell)
            if target is None:
                self.legacy(row_spec, *cell, text)
                self._legacy_item(table, rr.row, col.key)
                continue
            self.put(target[0], target[1], target[2], text)
            if move is None or not move.note:
                continue
            if target[1] == rr.row:  # the same row, a column of near meaning
                self.note(R.LEGACY, f"{self.spec.table(target[0]).cell_label(target[1], target[2])}：{move.note}。",
                          target, text)
            else:  # a row the document's format splits: kept as written too, and named (F5)
                self.legacy(row_spec, *cell, text)
                self._legacy_item(table, rr.row, col.key)
                if not noted_row:
                    self.note(R.LEGACY, f"{move.note}。", (target[0], target[1], ""), rr.line.raw)
                    noted_row = True

    def _home(self, row_spec: Spec, cell: tuple[str, str, str]) -> tuple[tuple[str, str, str] | None, CellMove | None]:
        """(the document's cell for a cell of another format, the migration line that says so)."""
        if self._has_cell(*cell):
            return cell, None
        migration = row_spec.migration
        if migration is not None and migration.target == self.spec.id:
            return migration.move(cell)
        return None, None

    def _has_cell(self, table: str, row: str, column: str) -> bool:
        return self._has_table(table) and self.spec.table(table).has_cell(row, column)

    def _legacy_item(self, old, row: str, column: str) -> None:
        """How F5 names an item of another format with no home in the document's."""
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
        """A table of the format the row was read in (the document's, unless said otherwise)."""
        if spec_id is not None:
            return load_spec(spec_id).table(key)
        if self._has_table(key):
            return self.spec.table(key)
        return next(s.table(key) for s in self.formats if any(t.key == key for t in s.tables))

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
    found = find_tables(lines, b.formats)
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
    fmt = b.decide_format(found, year)
    b.read_tables(found)
    report = _assemble(b, year, organ, title, texts)
    section_texts = {k: join_lines(v) for k, v in texts.items()}
    if not organ:
        b.note(R.SECTION, "未能从标题中识别机关名称，请在报告信息中填写。", "title")
    for section in b.spec.text_sections:
        if not texts.get(section.key):
            b.note(R.SECTION, f"未找到“{section.heading}”的内容。", section.key)
    source_text = "\n".join(ln.raw or ln.label for ln in lines)
    result = R.ImportResult(report, fmt, doc.source_kind, b.notes, b.cells, section_texts, doc.pages, source_text,
                            b.stated)
    return result


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
            b.note(R.SECTION, f"原文缺少“{b.spec.section('problems').heading}”标题，"
                              "表四之后的文字已按该部分导入，请核对。", "problems", line.raw)
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
        tables = b.spec.tables_of(section)
        if found and tables:
            notes[tables[-1].key] = "\n".join(found)
    return notes


def _assemble(b: _Builder, year: int, organ: str, title: str, texts: dict[str, list[str]]) -> Report:
    preface = join_lines(texts.get("preface", []))
    org = Organization(name=organ, level=organ_level(organ) if organ else Organization().level,
                       **contact_details(preface))
    other_lines, closing = split_closing(texts.get("other", []), organ)
    intro, topics = split_topics(texts.get("overview", []), b.spec)
    report = Report(template=b.spec.id, year=year, organization=org, tables=b.tables)
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
