"""Findings are data: what a rule found, where, and what it expected."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from forms.model.values import fmt  # noqa: F401  (the rules format their figures with it)

if TYPE_CHECKING:
    from forms.model import Report


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Location:
    """Where a finding points: a section, a table cell (or a whole row/column), or a text span."""
    section: str | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    text: str | None = None            # text key: "overview.on_request", "problems", …
    span: tuple[int, int] | None = None  # [start, end) in that text

    def to_dict(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v)
                for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Finding:
    code: str            # DOMAIN.md rule code: A1, F3, Y1, N2 …
    severity: Severity
    message: str         # Chinese, for the clerk
    location: Location = field(default_factory=Location)
    expected: Any = None
    actual: Any = None
    # What makes this finding itself, beyond code and place: the quoted figure of a text
    # finding, say. Kept out of positions so that an edit elsewhere keeps the fingerprint.
    subject: str = ""
    details: dict = field(default_factory=dict)

    @cached_property  # read on every repaint of the panel and on every diff of two checks
    def fingerprint(self) -> str:
        loc = self.location
        key = "|".join(str(x or "") for x in
                       (self.code, loc.section, loc.table, loc.row, loc.column, loc.text, self.subject))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    def to_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity.value, "message": self.message,
                "location": self.location.to_dict(), "expected": _jsonable(self.expected),
                "actual": _jsonable(self.actual), "fingerprint": self.fingerprint,
                **({"details": _jsonable(self.details)} if self.details else {})}


def is_open(finding: Finding, acknowledged) -> bool:
    """Not marked “已核实” by the clerk (errors can never be marked)."""
    return finding.severity is Severity.ERROR or finding.fingerprint not in acknowledged


class OpenFindings:
    """The findings of one check still open, worked out once for every view of the document:
    in panel order, by text and by table, and the set of their fingerprints."""

    def __init__(self, findings: list[Finding], acknowledged) -> None:
        self.all = findings
        self.open = [f for f in findings if is_open(f, acknowledged)]
        self.fingerprints = frozenset(f.fingerprint for f in self.open)
        self.by_text: dict[str, list[Finding]] = {}
        self.by_table: dict[str, list[Finding]] = {}
        for f in self.open:
            if f.location.text:
                self.by_text.setdefault(f.location.text, []).append(f)
            if f.location.table:
                self.by_table.setdefault(f.location.table, []).append(f)

    def __iter__(self):
        return iter(self.open)

    def __len__(self) -> int:
        return len(self.open)

    def is_open(self, finding: Finding) -> bool:
        return finding.fingerprint in self.fingerprints

    def in_text(self, key: str) -> list[Finding]:
        return self.by_text.get(key, [])

    def in_table(self, table: str) -> list[Finding]:
        return self.by_table.get(table, [])

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.open if f.severity is severity)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def blank_row_label(report: Report, blanks: list[Finding]) -> str:
    """The A6 findings of one table row as one line; a lone blank keeps its own message."""
    if len(blanks) == 1:
        return blanks[0].message
    loc = blanks[0].location
    table = report.spec.table(loc.table)
    names = "、".join(table.column(f.location.column).label for f in blanks)
    row = f"{table.short_name}“{table.row(loc.row).label}”" + ("" if table.rows_as_column_groups else "行")
    if all("未能从原文读取" in f.message for f in blanks):
        return f"{row}的 {len(blanks)} 格（{names}）未能从原文读取：请对照原文填写，没有发生的填 0。"
    return f"{row}的 {len(blanks)} 格（{names}）为空白：没有发生的请填 0。"
