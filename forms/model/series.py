"""The figures over the years: every cell and every derived measure of a report beside the same
figure in its attached earlier reports (the prior and older ones), with the change and the ratio.

One place for the comparison a clerk writes by hand in section 五, the 对比 page, the comparison
export and the 图解. A derived measure is defined here once, with the definition the reader is shown.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from forms.model import MAX_EARLIER, Report
from forms.spec import CURRENT_TEMPLATE, load_spec

Number = int | Decimal
Cell = tuple[str, str, str]  # table, row, column

# A change worth pointing at: half again or half less, between figures of at least MIN_SIGNIFICANT
# (1 → 3 is normal for a small organ), or a rate that moved this many percentage points.
NOTABLE_RATIO = Decimal("0.5")
MIN_SIGNIFICANT = 10
NOTABLE_POINTS = Decimal(10)


@dataclass(frozen=True)
class Step:
    """One year of a series; change and ratio against the year before it in the series."""
    year: int
    value: Number | None
    change: Number | None = None
    ratio: Decimal | None = None  # value ÷ the year before's (1.25 = up a quarter); None when that was 0


@dataclass(frozen=True)
class Series:
    key: str                 # "applications.new_received.total", or a measure's key
    label: str               # what the reader is shown
    unit: str                # 件, 万元, %
    steps: tuple[Step, ...]  # oldest first; the report's own year last
    cell: Cell | None = None  # the cell it is read from (None for a measure)
    definition: str = ""     # a measure's definition, as shown

    @property
    def now(self) -> Step:
        return self.steps[-1]

    @property
    def before(self) -> Step | None:
        """Last year's step (the year just before), if that year is attached."""
        if len(self.steps) > 1 and self.steps[-2].year == self.now.year - 1:
            return self.steps[-2]
        return None

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"

    @property
    def notable(self) -> bool:
        """A change against last year that a reader or inspector will ask about."""
        before, now = self.before, self.now
        if before is None or before.value is None or now.value is None:
            return False
        if self.is_rate:
            return abs(Decimal(now.value) - Decimal(before.value)) >= NOTABLE_POINTS
        if max(now.value, before.value) < MIN_SIGNIFICANT:
            return False
        if before.value == 0:
            return True
        return abs(Decimal(now.value - before.value)) >= NOTABLE_RATIO * abs(Decimal(before.value))


@dataclass(frozen=True)
class KeyFigure:
    label: str  # short, as a 图解 prints it
    cell: Cell


_SPEC = load_spec(CURRENT_TEMPLATE)
_DIRECT, _AFTER_REVIEW = (_SPEC.table("review_litigation").row(r).label for r in ("litigation_direct",
                                                                                   "litigation_after_review"))
# The figures a reader of the report looks at first, in the order a 图解 shows them.
KEY_FIGURES = (
    KeyFigure("新收政府信息公开申请", ("applications", "new_received", "total")),
    KeyFigure("上年结转申请", ("applications", "carried_over", "total")),
    KeyFigure("办理结果总计", ("applications", "results_total", "total")),
    KeyFigure("予以公开", ("applications", "granted", "total")),
    KeyFigure("部分公开", ("applications", "partially_granted", "total")),
    KeyFigure("结转下年度继续办理", ("applications", "carried_forward", "total")),
    KeyFigure("行政复议", ("review_litigation", "review", "total")),
    KeyFigure(_DIRECT, ("review_litigation", "litigation_direct", "total")),
    KeyFigure(_AFTER_REVIEW, ("review_litigation", "litigation_after_review", "total")),
    KeyFigure("制发规范性文件", ("regulations", "normative_docs", "issued")),
    KeyFigure("行政许可决定", ("licensing", "administrative_license", "decisions")),
    KeyFigure("行政处罚决定", ("enforcement", "penalty", "decisions")),
    KeyFigure(f"{_SPEC.table('fees').row('admin_fees').label}（万元）", ("fees", "admin_fees", "amount")),
)

_CONCLUDED = ("upheld", "corrected", "other")  # 已审结: every result but 尚未审结


@dataclass(frozen=True)
class Measure:
    """A rate derived from cells: sum(numerator) ÷ sum(denominator), in percent."""
    key: str
    name: str
    definition: str
    numerator: tuple[Cell, ...]
    denominator: tuple[Cell, ...]

    def value(self, values: "YearValues") -> Decimal | None:
        top = [values.get(c) for c in self.numerator]
        bottom = [values.get(c) for c in self.denominator]
        if None in top or None in bottom or not sum(bottom):
            return None  # blank, a format without these cells, or nothing to divide by
        return (Decimal(sum(top)) * 100 / Decimal(sum(bottom))).quantize(Decimal("0.1"), ROUND_HALF_UP)


MEASURES = (
    Measure("disclosure_rate", "公开率", "（予以公开 + 部分公开）÷ 办理结果总计",
            (("applications", "granted", "total"), ("applications", "partially_granted", "total")),
            (("applications", "results_total", "total"),)),
    Measure("review_correction_rate", "行政复议纠错率", "行政复议结果纠正 ÷ 已审结（结果维持 + 结果纠正 + 其他结果）",
            (("review_litigation", "review", "corrected"),),
            tuple(("review_litigation", "review", c) for c in _CONCLUDED)),
    Measure("litigation_correction_rate", "行政诉讼纠错率",
            f"行政诉讼（{_DIRECT} + {_AFTER_REVIEW}）结果纠正 ÷ 已审结（结果维持 + 结果纠正 + 其他结果）",
            (("review_litigation", "litigation_direct", "corrected"),
             ("review_litigation", "litigation_after_review", "corrected")),
            tuple(("review_litigation", r, c) for r in ("litigation_direct", "litigation_after_review")
                  for c in _CONCLUDED)),
    Measure("natural_person_share", "自然人申请占比", "自然人新收申请 ÷ 新收申请总计",
            (("applications", "new_received", "natural_person"),),
            (("applications", "new_received", "total"),)),
)


class YearValues:
    """Every cell of one year's report, computed totals included, read once per table."""

    def __init__(self, report: Report):
        self.report = report
        self._tables: dict[str, dict] = {}

    def get(self, cell: Cell) -> Number | None:
        table, row, column = cell
        if table not in self._tables:
            known = {t.key: t for t in self.report.spec.tables}
            self._tables[table] = self.report.table_values(table) if table in known else {}
        return self._tables[table].get(row, {}).get(column)


def years(report: Report) -> list[Report]:
    """The report and its attached earlier reports, oldest first, one per year (the nearest kept)."""
    found: dict[int, Report] = {report.year: report}
    for other in [report.prior, *report.earlier]:
        if other is not None and other.year < report.year:
            found.setdefault(other.year, other)
    return [found[y] for y in sorted(found)]


def _steps(points: list[tuple[int, Number | None]]) -> tuple[Step, ...]:
    steps, previous = [], None
    for year, value in points:
        change = ratio = None
        if previous is not None and value is not None and previous[1] is not None:
            change = value - previous[1]
            if previous[1]:
                ratio = (Decimal(value) / Decimal(previous[1])).quantize(Decimal("0.001"), ROUND_HALF_UP)
        steps.append(Step(year, value, change, ratio))
        previous = (year, value)
    return tuple(steps)


class Comparison:
    """The series of one report over its attached years; built on demand, read many times."""

    def __init__(self, report: Report):
        self.report = report
        self.reports = years(report)
        self._values = [YearValues(r) for r in self.reports]

    @property
    def year_list(self) -> list[int]:
        return [r.year for r in self.reports]

    @property
    def has_prior_year(self) -> bool:
        return len(self.reports) > 1 and self.reports[-2].year == self.report.year - 1

    def cell(self, table: str, row: str, column: str, label: str | None = None) -> Series:
        tspec = self.report.spec.table(table)
        points = [(r.year, v.get((table, row, column))) for r, v in zip(self.reports, self._values)]
        unit = "万元" if tspec.value_type == "amount" else "件"
        return Series(f"{table}.{row}.{column}", label or tspec.cell_label(row, column), unit,
                      _steps(points), cell=(table, row, column))

    @cached_property
    def cells(self) -> dict[str, Series]:
        """Every cell of every table of the report's format, totals included, in the format's order."""
        return {s.key: s for t in self.report.spec.tables for row, col in t.cells()
                for s in [self.cell(t.key, row, col)]}

    @cached_property
    def key_figures(self) -> list[Series]:
        tables = {t.key: t for t in self.report.spec.tables}
        return [self.cell(*k.cell, label=k.label) for k in KEY_FIGURES
                if k.cell[0] in tables and tables[k.cell[0]].has_cell(*k.cell[1:])]

    @cached_property
    def measures(self) -> list[Series]:
        return [Series(m.key, m.name, "%", _steps([(r.year, m.value(v)) for r, v in zip(self.reports, self._values)]),
                       definition=m.definition)
                for m in MEASURES]

    def notable(self) -> list[Series]:
        """Key figures and measures that changed over the threshold against last year."""
        return [s for s in self.key_figures + self.measures if s.notable]


def compare(report: Report) -> Comparison:
    return Comparison(report)


def format_number(value: Number | float | None, unit: str = "") -> str:
    """A figure as printed: 1,234 件; 12.5%; blank as —."""
    if value is None:
        return "—"
    if unit == "%":
        return f"{value}%"
    if isinstance(value, Decimal):
        return f"{value:,}"
    return f"{value:,}"


def format_change(series: Series, step: Step | None = None) -> str:
    """The change against the year before, as a reader says it: +12（+25.0%）, or +3.2 个百分点."""
    step = step or series.now
    if step.change is None:
        return "—"
    if step.change == 0:
        return "持平"
    sign = "+" if step.change > 0 else ""
    if series.is_rate:
        return f"{sign}{step.change} 个百分点"
    text = f"{sign}{step.change:,}"
    if step.ratio is not None:
        pct = ((step.ratio - 1) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
        text += f"（{'+' if pct > 0 else ''}{pct}%）"
    elif step.change:
        text += "（上年为 0）"
    return text


class AttachError(ValueError):
    """An earlier report that cannot be attached; `str()` is the Chinese message."""


def attach(report: Report, other: Report) -> str:
    """Attach an earlier year's report (last year's becomes the prior, older ones `earlier`, newest
    first, five years at most); returns what was done, in Chinese. A year already attached is replaced."""
    if other.year >= report.year:
        raise AttachError(f"“{other.display_title}”是 {other.year} 年的报告，不早于本报告（{report.year} 年），不能作为往年报告附加。")
    other = other.model_copy(update={"prior": None, "earlier": []})
    mine, theirs = report.organization.name, other.organization.name
    caution = f"请注意：所附报告的机关是“{theirs}”，不是“{mine}”。" if mine and theirs and mine != theirs else ""
    if other.year == report.year - 1:
        replaced = report.prior is not None
        report.prior = other
        return f"已{'替换' if replaced else '附加'}上年（{other.year} 年）报告。{caution}"
    kept = [e for e in report.earlier if e.year != other.year]
    replaced = len(kept) != len(report.earlier)
    older = sorted([*kept, other], key=lambda r: r.year, reverse=True)
    if len(older) > MAX_EARLIER:
        dropped = older[MAX_EARLIER:]
        if other in dropped:
            raise AttachError(f"最多附加 {MAX_EARLIER + 1} 个往年报告；{other.year} 年早于已附加的各年，未附加。")
        older = older[:MAX_EARLIER]
    report.earlier = older
    return f"已{'替换' if replaced else '附加'} {other.year} 年报告。{caution}"
