"""Consistency rules: small pure functions from a report (and last year's) to findings.

Each family lives in its own module and registers its rules with `@rule`. `check()` runs
them all; the GUI, the CLI and the export gate show the same list.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterable

from forms.model.findings import Finding, Location, Severity
from forms.model import CellValue, Report


@dataclass
class Context:
    report: Report
    prior: Report | None = None
    final: bool = False  # checking for export of the final report: some warnings become errors
    _values: dict = field(default_factory=dict)
    _prior_values: dict = field(default_factory=dict)

    @cached_property
    def spec(self):
        return self.report.spec

    def values(self, table: str) -> dict[str, dict[str, CellValue]]:
        if table not in self._values:
            self._values[table] = self.report.table_values(table)
        return self._values[table]

    def value(self, table: str, row: str, column: str) -> CellValue:
        return self.values(table)[row][column]

    def prior_value(self, table: str, row: str, column: str) -> CellValue:
        if self.prior is None:
            return None
        if table not in self._prior_values:
            try:
                self._prior_values[table] = self.prior.table_values(table)
            except KeyError:
                self._prior_values[table] = {}
        return self._prior_values[table].get(row, {}).get(column)


RuleFunc = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    family: str
    func: RuleFunc
    needs_prior: bool = False


RULES: list[Rule] = []


def rule(code: str, *, needs_prior: bool = False) -> Callable[[RuleFunc], RuleFunc]:
    def register(func: RuleFunc) -> RuleFunc:
        family = func.__module__.rsplit(".", 1)[-1]
        RULES.append(Rule(code, family, func, needs_prior))
        return func
    return register


FAMILIES = ("arithmetic", "completeness", "cross_year", "text", "drafting", "consolidation")  # the order findings are listed in
_loaded = False


def _load_families() -> None:
    global _loaded
    for family in FAMILIES:  # imported for their @rule registrations
        importlib.import_module(f"forms.rules.{family}")
    # A family imported on its own before the first check registered first.
    RULES.sort(key=lambda r: FAMILIES.index(r.family) if r.family in FAMILIES else len(FAMILIES))
    _loaded = True


def check(report: Report, prior: Report | None = None, *, final: bool = False,
          codes: Iterable[str] | None = None) -> list[Finding]:
    """All findings for a report, errors first. `prior` defaults to the attached prior report."""
    if not _loaded:  # not `if not RULES`: importing one family must not switch the others off
        _load_families()
    ctx = Context(report, prior if prior is not None else report.prior, final)
    wanted = set(codes) if codes is not None else None
    found: list[Finding] = []
    for r in RULES:
        if wanted is not None and r.code not in wanted:
            continue
        if r.needs_prior and ctx.prior is None:
            continue
        found.extend(r.func(ctx))
    order = {code: i for i, code in enumerate(dict.fromkeys(r.code for r in RULES))}
    found.sort(key=lambda f: (f.severity.rank, order.get(f.code, 99)))
    return found


def open_findings(report: Report, findings: list[Finding]) -> list[Finding]:
    """Findings the clerk has not marked “已核实” (errors can never be marked)."""
    return [f for f in findings
            if f.severity is Severity.ERROR or f.fingerprint not in report.acknowledged]


__all__ = ["Context", "Finding", "Location", "Severity", "RULES", "rule", "check", "open_findings"]
