"""Who contributed what to a consolidated cell (`nianbao merge --explain`, the editor's breakdown)."""
from __future__ import annotations

from dataclasses import dataclass, field

from forms.model.consolidation import Unit, UnitValue
from forms.model.findings import fmt
from forms.model.consolidation import unit_getter, value_of
from forms.model import Report
from forms.spec import CURRENT_TEMPLATE, load_spec


@dataclass
class Contribution:
    unit: Unit
    value: UnitValue


@dataclass
class Explanation:
    cell: str             # table.row.column
    label: str            # 表三“（一）予以公开”行“自然人”列
    value: UnitValue      # the draft's figure (what the report says)
    total: UnitValue      # the sum over the included units
    self_value: UnitValue | None  # 本级
    included: list[Contribution] = field(default_factory=list)
    excluded: list[Contribution] = field(default_factory=list)

    @property
    def blank_units(self) -> int:
        return sum(1 for c in self.included if c.value is None)

    def to_dict(self) -> dict:
        def one(c: Contribution) -> dict:
            return {"unit": c.unit.name, "file": c.unit.file, "self": c.unit.is_self,
                    "value": _json(c.value), **({"excluded": c.unit.excluded} if c.unit.excluded else {})}
        return {"cell": self.cell, "label": self.label, "value": _json(self.value), "sum": _json(self.total),
                "self_value": _json(self.self_value), "blank_units": self.blank_units,
                "units": [one(c) for c in self.included], "excluded": [one(c) for c in self.excluded]}

    def lines(self) -> list[str]:
        head = f"{self.label}：汇总 {fmt(self.value)}"
        if self.value != self.total:
            head += f"（各单位合计 {fmt(self.total)}，不一致）"
        if self.self_value is not None or any(c.unit.is_self for c in self.included):
            head += f"，其中本级 {fmt(self.self_value)}"
        out = [head]
        width = max((len(c.unit.display_name) for c in self.included + self.excluded), default=0)
        for c in sorted(self.included, key=lambda c: (c.value is None, -(c.value or 0))):
            out.append(f"  {c.unit.display_name.ljust(width, '　')}  {fmt(c.value)}")
        out.append(f"计入 {len(self.included)} 个单位，其中 {self.blank_units} 个单位此格空白。")
        for c in self.excluded:
            out.append(f"  未计入：{c.unit.display_name}  {fmt(c.value)}（{c.unit.excluded}）")
        return out


def explain(report: Report, table: str, row: str, column: str) -> Explanation:
    cons = report.consolidation
    label = load_spec(CURRENT_TEMPLATE).table(table).cell_label(row, column)

    def of(unit: Unit) -> UnitValue:
        return value_of(unit_getter(unit.values), table, row, column) if unit.values else None

    included = [Contribution(u, of(u)) for u in cons.units if u.included]
    excluded = [Contribution(u, of(u)) for u in cons.units if not u.included and u.values]
    total = None
    for c in included:
        if c.value is not None:
            total = c.value if total is None else total + c.value
    self_unit = cons.self_unit()
    return Explanation(f"{table}.{row}.{column}", label, report.value(table, row, column), total,
                       of(self_unit) if self_unit else None, included, excluded)


def _json(value):
    from forms.model.findings import _jsonable
    return _jsonable(value)


def breakdown_lines(report: Report, table: str, row: str, column: str, shown: int = 8) -> list[str]:
    """A few lines for a cell's tooltip: the largest contributions, the blanks, 本级."""
    x = explain(report, table, row, column)
    lines = [f"各单位合计 {fmt(x.total)}（{len(x.included)} 个单位，{x.blank_units} 个空白）"]
    if x.self_value is not None:
        lines.append(f"其中本级 {fmt(x.self_value)}")
    filled = sorted((c for c in x.included if c.value), key=lambda c: -c.value)
    lines += [f"  {c.unit.display_name}：{fmt(c.value)}" for c in filled[:shown]]
    if len(filled) > shown:
        lines.append(f"  …其余 {len(filled) - shown} 个单位")
    return lines
