"""What an import tells the clerk: the report found, each cell with its source text, and notes."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from forms.model import store
from forms.model import Report
from forms.model.findings import Finding

Cell = tuple[str, str, str]  # (table, row, column)

# Kinds of note, so a program (or the preview dialog) can group them.
FORMAT, FUZZY, CONVERSION, NOT_FOUND, EXTRA, SECTION, EDITED, ENCODING, LEGACY = (
    "format", "fuzzy_match", "conversion", "not_found", "extra", "section", "edited_export", "encoding", "legacy")
NATIVE = "native"  # ImportResult.format of our own file
FREE_FORM = "free-form"  # the format (forms/specs/free-form.json) of an early report without tables
# What a clerk calls a source that is not in a national format (those are named by their spec).
OTHER_FORMAT_NAMES = {NATIVE: ("本软件的文件", "本软件的文件")}


def format_name(format_id: str, *, short: bool = False) -> str:
    """2021 年版格式 (or 2021 年版), 早期自由格式（无统计表）…: how a clerk names what was read."""
    if format_id in OTHER_FORMAT_NAMES:
        return OTHER_FORMAT_NAMES[format_id][1 if short else 0]
    from forms.spec import known_templates, load_spec
    if format_id in known_templates():
        spec = load_spec(format_id)
        return spec.short_name if short else spec.name
    return format_id
CONVERTED = "converted"  # an old .doc / .wps read after LibreOffice made it .docx
SOURCE_CHECK = "source_check"  # the source document's own errors: arithmetic (A), text against tables (N)


@dataclass(frozen=True)
class ImportNote:
    kind: str
    message: str              # Chinese, for the clerk
    location: str | Cell = ""  # a cell (table, row, column), a section key, or a place in the source
    source_text: str = ""
    finding: Finding | None = None  # a source_check note: the finding itself, for programs to read

    def to_dict(self) -> dict:
        loc = ".".join(self.location) if isinstance(self.location, tuple) else self.location
        return {"kind": self.kind, "message": self.message, "location": loc, "source_text": self.source_text}


@dataclass
class ImportResult:
    report: Report
    format: str          # national-2021 | national-2019 | free-form | native
    source_kind: str     # docx | html | pdf | text | native-json | own-export
    notes: list[ImportNote] = field(default_factory=list)
    cells: dict[Cell, str] = field(default_factory=dict)
    section_texts: dict[str, str] = field(default_factory=dict)
    pages: int = 0
    source_text: str = ""  # the document as read, line by line (table rows with “ | ” between cells)
    # Totals as the source wrote them: the source's own errors (A2–A4) are reported against them;
    # the report itself computes its totals from its cells, so nothing in it can disagree.
    stated: dict[str, dict[str, dict]] = field(default_factory=dict)

    def stated_value(self, table: str, row: str, column: str):
        return self.stated.get(table, {}).get(row, {}).get(column)

    def counts(self) -> dict[str, int]:
        """Cells read with a value, cells read blank, and notes: the one-line summary."""
        filled = sum(1 for cell in self.cells if self._entered_or_stated(*cell) is not None)
        return {"cells": len(self.cells), "filled": filled, "blank": len(self.cells) - filled,
                "notes": len(self.notes)}

    def to_dict(self) -> dict:
        r = self.report
        return {
            "report": {"year": r.year, "organization": r.organization.name,
                       "level": r.organization.level.value, "title": r.display_title},
            "format": self.format, "source_kind": self.source_kind, "pages": self.pages,
            "counts": self.counts(),
            "cells": [{"cell": ".".join(k), "source_text": v,
                       "value": _json(self._entered_or_stated(*k))} for k, v in self.cells.items()],
            "sections": {k: v for k, v in self.section_texts.items() if v},
            "notes": [n.to_dict() for n in self.notes],
        }

    def _entered_or_stated(self, table: str, row: str, column: str):
        entered = self.report.tables.get(table, {}).get(row, {})
        if column in entered:
            return entered[column]
        stated = self.stated_value(table, row, column)
        if stated is None and self.source_kind == "own-export":  # its totals are computed, never stated
            return self.report.value(table, row, column)
        return stated


def _json(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


class UnreadableDocument(store.StoreError):
    """A document the importers cannot read; `str()` names the file and what is wrong."""


class UnsupportedFormatError(UnreadableDocument):
    pass


class DamagedFileError(UnreadableDocument):
    pass


class TooLargeError(UnreadableDocument):
    pass


class NotAReportError(UnreadableDocument):
    pass


class ImportCancelled(Exception):
    """The clerk cancelled a slow import (raised from the progress callback)."""
