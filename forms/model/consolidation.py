"""What a consolidated report (汇总) keeps of its units: who they are, how each read, and their figures.

A consolidated report is an ordinary report whose tables are the sums of its units' tables; this
record sits beside them so that every figure stays traceable. Each unit keeps only its entered
cells, as one list aligned with `Consolidation.cells` (blank = None): memory and file size grow with
the cells kept, never with whole imported documents.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from forms.spec import CURRENT_TEMPLATE, load_spec

UnitValue = Union[int, Decimal, None]


class UnitStatus(str, Enum):
    CLEAN = "clean"
    WARNINGS = "warnings"
    ERRORS = "errors"
    UNREADABLE = "unreadable"
    DUPLICATE = "duplicate"
    OTHER_YEAR = "other_year"

    @property
    def label(self) -> str:
        return {"clean": "无问题", "warnings": "有警告", "errors": "有错误", "unreadable": "无法读取",
                "duplicate": "重复", "other_year": "年度不符"}[self.value]

    @property
    def refused(self) -> bool:
        """Never summed, whatever the clerk says: the figures are not this set's."""
        return self in (UnitStatus.UNREADABLE, UnitStatus.DUPLICATE, UnitStatus.OTHER_YEAR)


class Unit(BaseModel):
    """One unit's report as read for the consolidation."""
    model_config = ConfigDict(extra="forbid")
    name: str                       # the organ, as its report names it (the file name when it does not)
    file: str                       # the path it was read from
    sha256: str = ""                # of the file's bytes: the same content sent twice is one unit
    year: int | None = None
    format: str = ""                # national-2021 | national-2019 | free-form | native
    source_kind: str = ""           # docx | html | pdf | text | native-json
    level: str = ""                 # OrgLevel value
    status: UnitStatus = UnitStatus.CLEAN
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    error_codes: list[str] = Field(default_factory=list)  # the rule codes of its errors, once each
    is_self: bool = False           # 本级: the consolidating government's own report
    excluded: str = ""              # why it is not summed ("" = summed)
    excluded_by_clerk: bool = False
    note: str = ""                  # what the clerk should know (a 2019-format unit, a refusal's reason)
    values: list[UnitValue] = Field(default_factory=list)  # aligned with Consolidation.cells

    @property
    def included(self) -> bool:
        return not self.excluded

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.infos

    @property
    def display_name(self) -> str:
        return f"{self.name}（本级）" if self.is_self else self.name


class SimilarTexts(BaseModel):
    """Units whose text section reads the same (H3), found when the units were read."""
    model_config = ConfigDict(extra="forbid")
    section: str                    # overview | problems | other
    units: list[str]                # unit files
    similarity: int                 # percent


class PriorUnit(BaseModel):
    """A unit of last year's consolidation (H2 missing units, H4 changes to the set)."""
    model_config = ConfigDict(extra="forbid")
    name: str
    carried_forward: list[UnitValue] = Field(default_factory=list)  # its 结转下年度继续办理, by column


class Consolidation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cells: list[str]                # "table.row.column", the 2021 format's entered cells
    units: list[Unit] = Field(default_factory=list)
    similar: list[SimilarTexts] = Field(default_factory=list)
    prior_units: list[PriorUnit] | None = None  # None: no last-year consolidation to compare with
    prior_file: str = ""
    merged_at: str = ""             # ISO time the units were read
    log: list[str] = Field(default_factory=list)  # the clerk's changes to the set: “时间 排除“X”：理由”
    appendix: bool = False          # exports carry 附：各单位数据汇总 (units × key figures)
    # The sums of the last set summed (H1 runs on every keystroke; 10,000 units take a while to add up).
    _sums: tuple = PrivateAttr(default=((), None))

    def index(self, cell: str) -> int:
        return self.cells.index(cell)

    def included(self) -> list[Unit]:
        return [u for u in self.units if u.included]

    def self_unit(self) -> Unit | None:
        return next((u for u in self.units if u.is_self and u.included), None)

    def unit(self, file: str) -> Unit | None:
        return next((u for u in self.units if u.file == file), None)


# --- the cells a consolidation sums ------------------------------------------------------
@cache
def cell_keys() -> tuple[str, ...]:
    """Every entered cell of the format in force, "table.row.column", in the spec's order."""
    return tuple(f"{t.key}.{r}.{c}" for t in load_spec(CURRENT_TEMPLATE).tables for r, c in t.entered_cells())


@cache
def cell_index() -> dict[str, int]:
    return {key: i for i, key in enumerate(cell_keys())}


def split_key(key: str) -> tuple[str, str, str]:
    table, row, column = key.split(".")
    return table, row, column


def add(a: UnitValue, b: UnitValue) -> UnitValue:
    if a is None:
        return b
    if b is None:
        return a
    return a + b


def value_of(get, table: str, row: str, column: str) -> UnitValue:
    """Any cell's value, entered or a total the format computes, from `get(table, row, column)`
    which answers entered cells. A total of blanks only is blank (as `Report.value`)."""
    tspec = load_spec(CURRENT_TEMPLATE).table(table)
    r, c = tspec.row(row), tspec.column(column)
    if not (r.computed or c.computed):
        return get(table, row, column)
    parts = ([value_of(get, table, k, column) for k in r.sum_of] if r.computed
             else [value_of(get, table, row, k) for k in c.sum_of])
    filled = [p for p in parts if p is not None]
    return sum(filled) if filled else None


def unit_getter(values: list[UnitValue]):
    index = cell_index()
    return lambda t, r, c: values[index[f"{t}.{r}.{c}"]]


@dataclass(frozen=True)
class CellSum:
    value: UnitValue
    blank_units: int   # included units that left the cell blank
    units: int         # included units


def sums(cons: Consolidation) -> list[CellSum]:
    """Each cell summed over the included units: blank only where every one of them is blank.
    Units are replaced, never changed in place, except for being excluded: that is the set's key."""
    units, excluded = tuple(cons.units), tuple(u.excluded for u in cons.units)
    cached_units, cached = cons._sums[0], cons._sums[1]
    if (cached is not None and len(cached_units) == len(units) and cached[0] == excluded
            and all(a is b for a, b in zip(cached_units, units))):  # the cache holds them: no id reused
        return cached[1]
    result = _sums(cons)
    cons._sums = (units, (excluded, result))
    return result


def _sums(cons: Consolidation) -> list[CellSum]:
    included = cons.included()
    out = []
    for i in range(len(cons.cells)):
        total: UnitValue = None
        blanks = 0
        for unit in included:
            v = unit.values[i]
            if v is None:
                blanks += 1
            else:
                total = add(total, v)
        out.append(CellSum(total, blanks, len(included)))
    return out
