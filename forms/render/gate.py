"""The export gate: a report with errors or blank cells is exported only when the clerk insists,
and what went out with open findings is recorded in the report (Report.exports)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from forms.model.findings import Finding, Severity
from forms.model import ExportRecord, Report
from forms.rules import check, open_findings

SHOWN = 12  # findings listed in a message before “……另有 N 项”


@dataclass(frozen=True)
class Verdict:
    findings: tuple[Finding, ...]   # check(final=True): blanks (A6) count as errors

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def blank_cells(self) -> int:
        return sum(1 for f in self.blocking if f.code == "A6")

    def open(self, report: Report) -> list[Finding]:
        """Errors, and warnings the clerk has not marked “已核实”."""
        return [f for f in open_findings(report, list(self.findings)) if f.severity is not Severity.INFO]


def assess(report: Report) -> Verdict:
    return Verdict(tuple(check(report, final=True)))


def describe(verdict: Verdict) -> str:
    """What stands in the way, in Chinese, for the confirmation dialog and the command line."""
    errors = verdict.blocking
    blanks = verdict.blank_cells
    head = f"报告还有 {len(errors)} 个错误"
    if blanks:
        head += f"（其中 {blanks} 个单元格为空白，没有发生的请填 0）"
    lines = [head + "："]
    lines += [f"  [{f.code}] {f.message}" for f in errors[:SHOWN]]
    if len(errors) > SHOWN:
        lines.append(f"  ……另有 {len(errors) - SHOWN} 项")
    return "\n".join(lines)


def record_export(report: Report, formats: list[str], verdict: Verdict,
                  at: datetime | None = None) -> ExportRecord | None:
    """Append what is exported with open findings to the report; None when nothing was open."""
    still_open = verdict.open(report)
    if not still_open:
        return None
    record = ExportRecord(at=(at or datetime.now()).replace(microsecond=0), formats=list(formats),
                          open_findings=[f"{f.code} {f.fingerprint}: {f.message}" for f in still_open])
    report.exports.append(record)
    return record
