"""Consistency rules: small pure functions from a report (and last year's) to findings.

Each family lives in its own module and registers its rules with `@rule`. `check()` runs
them all; the GUI, the CLI and the export gate show the same list.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Iterable

from forms.model.findings import Finding, Location, Severity, is_open
from forms.model import CellValue, Report, TableCells


@dataclass
class Context:
    """One run of the rules over one report: what they read, and what they share while running."""
    report: Report
    prior: Report | None = None
    final: bool = False  # checking for export of the final report: some warnings become errors
    # Totals as a source document wrote them (an import's, never the clerk's document): the
    # published figure of a total where the source states one, and what A2–A4 compare.
    stated: TableCells = field(default_factory=dict)
    # Work several rules of one run share (the text rules' comparisons): dies with the run,
    # so a check in the import worker and one in the GUI never see each other's.
    cache: dict = field(default_factory=dict)
    _values: dict = field(default_factory=dict)
    _prior_values: dict = field(default_factory=dict)

    @cached_property
    def spec(self):
        return self.report.spec

    def values(self, table: str) -> dict[str, dict[str, CellValue]]:
        """Every cell as the report shows it: entered, computed, or the total as the source stated it."""
        if table not in self._values:
            values = self.report.table_values(table)
            for row, cols in self.stated.get(table, {}).items():
                for col, written in cols.items():
                    if written is not None and row in values and col in values[row]:
                        values[row][col] = written
            self._values[table] = values
        return self._values[table]

    def stated_value(self, table: str, row: str, column: str) -> CellValue:
        return self.stated.get(table, {}).get(row, {}).get(column)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """`compute()` once per run for rules that share it."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def value(self, table: str, row: str, column: str) -> CellValue:
        return self.values(table)[row][column]

    def prior_value(self, table: str, row: str, column: str) -> CellValue:
        """Last year's figure for a cell of this year's format (through the older format's
        migration table when last year's report was written in it)."""
        if self.prior is None:
            return None
        if self.prior.template != self.report.template:
            migration = self.prior.spec.migration
            source = migration.source_of((table, row, column)) if migration else None
            if source is None or migration.target != self.report.template:
                return None
            table, row, column = source
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
    # What the rule reads from a format (`Spec.provides`): a rule applies to the formats whose
    # spec has it, so a new format opts in through its spec, not through code.
    needs: tuple[str, ...] = ()

    def applies_to(self, spec) -> bool:
        return all(spec.provides(feature) for feature in self.needs)


RULES: list[Rule] = []


def rule(code: str, *, needs_prior: bool = False, needs: tuple[str, ...] = ()) -> Callable[[RuleFunc], RuleFunc]:
    def register(func: RuleFunc) -> RuleFunc:
        family = func.__module__.rsplit(".", 1)[-1]
        RULES.append(Rule(code, family, func, needs_prior, needs))
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


def rules_for(spec) -> list[Rule]:
    """The rules that apply to a format (worked out once per format: the editor checks on every key)."""
    if not _loaded:  # not `if not RULES`: importing one family must not switch the others off
        _load_families()
    key = (spec.id, len(RULES))
    if key not in _applicable:
        _applicable[key] = [r for r in RULES if r.applies_to(spec)]
    return _applicable[key]


_applicable: dict[tuple[str, int], list[Rule]] = {}


def check(report: Report, prior: Report | None = None, *, final: bool = False,
          codes: Iterable[str] | None = None, stated: TableCells | None = None) -> list[Finding]:
    """All findings for a report, errors first. `prior` defaults to the attached prior report;
    `stated` are the totals a source document wrote (an import's), for the source's own errors."""
    ctx = Context(report, prior if prior is not None else report.prior, final, stated or {})
    wanted = set(codes) if codes is not None else None
    found: list[Finding] = []
    for r in rules_for(ctx.spec):
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
    return [f for f in findings if is_open(f, report.acknowledged)]


__all__ = ["Context", "Finding", "Location", "Severity", "RULES", "rule", "rules_for", "check", "open_findings"]
