"""The report document: what the clerk entered, and nothing that can disagree with it.

Totals the format defines as sums are computed (`Report.value`), never stored. Cells hold
`None` (blank: not yet filled), an `int`, or a `Decimal` (the fee in 万元, kept exactly).
A document read from elsewhere may hold what the format forbids (a negative count, a
fraction); the rules report it (A5) instead of the loader refusing the whole report.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from typing_extensions import TypedDict

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, ValidationInfo, field_validator

from forms.spec import CURRENT_TEMPLATE, Spec, known_templates, load_spec
from forms.spec.levels import OrgLevel
from forms.model.values import CellValue, checked, stored

# Every cell read from a file passes the bounds of forms.model.values before pydantic sees it.
Cell = Annotated[CellValue, BeforeValidator(stored)]
TableCells = dict[str, dict[str, dict[str, Cell]]]


def _consolidation(value: Any) -> Any:
    """A consolidated report's record, its models built only when a report has one: most have
    none, and every process that opens a report would otherwise pay for building them."""
    if value is None:
        return None
    from forms.model.consolidation import Consolidation
    return value if isinstance(value, Consolidation) else Consolidation.model_validate(value)


if TYPE_CHECKING:
    from forms.model.consolidation import Consolidation
    ConsolidationRecord = Consolidation | None
else:  # validated by _consolidation; saved as the record's own model (pydantic serialises what it holds)
    ConsolidationRecord = Annotated[Any, PlainValidator(_consolidation)]


class CellNotEnterable(KeyError):
    """A cell that is unknown or computed; `str()` is the Chinese message for the clerk."""

    def __str__(self) -> str:
        return str(self.args[0])


class Organization(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    name: str = ""
    level: OrgLevel = OrgLevel.GOVERNMENT
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""


class Overview(BaseModel):
    """一、总体情况: an opening paragraph and the five topics of the format."""
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    intro: str = ""
    active: str = ""
    on_request: str = ""
    management: str = ""
    platform: str = ""
    oversight: str = ""


class Sections(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    preface: str = ""  # the opening paragraph before 一; blank means "the standard one"
    preface_by_hand: bool = False  # typed in by the clerk: no longer follows the cover fields
    overview: Overview = Field(default_factory=Overview)
    problems: str = ""
    other: str = ""
    notes: dict[str, str] = Field(default_factory=dict)  # table key -> note printed under it
    closing: str = ""  # the sign-off date (2025年1月20日); blank: forms.model.preface.default_sign_off


class Acknowledgement(BaseModel):
    """A warning the clerk checked and marked “已核实”, stored against its fingerprint."""
    model_config = ConfigDict(extra="forbid")
    code: str
    explanation: str = ""
    at: datetime


class CarriedSentence(BaseModel):
    """A sentence of last year's report carried into this draft that needs this year's hand:
    it states last year's figure (Y5), or last year's plan for this year (Y6)."""
    model_config = ConfigDict(extra="forbid")
    kind: Literal["figure", "plan"]
    text: str


class ExportRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    at: datetime
    formats: list[str]
    open_findings: list[str]  # "code fingerprint: message" of the errors/warnings then open


class LegacyCell(TypedDict):
    """A cell of the 2019 format with no home in 2021, as the imported document wrote it."""
    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    cell: str
    label: str
    value: Cell
    source_text: str


class Legacy(TypedDict, total=False):
    """What an older format holds with no home in this one, kept and shown (F5)."""
    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    format_2019_items: list[str]
    format_2019_cells: list[LegacyCell]


def _blank_tables(spec: Spec) -> TableCells:
    return {t.key: {r.key: {c.key: None for c in t.columns if not c.computed}
                    for r in t.rows if not r.computed}
            for t in spec.tables}


def _text_keys(spec: Spec) -> list[str]:
    """The preface, then the spec's text sections; 一 as its opening and the format's topics."""
    keys = ["preface"]
    for section in spec.text_sections:
        if section.key == "overview":
            keys += ["overview.intro"] + [f"overview.{t.key}" for t in spec.topics]
        else:
            keys.append(section.key)
    return keys


MIN_YEAR, MAX_YEAR = 1990, 2100
MAX_EARLIER = 4  # with the prior, five earlier years


class Report(BaseModel):
    """One year's report of one organ."""
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    template: str = CURRENT_TEMPLATE
    year: int = Field(ge=MIN_YEAR, le=MAX_YEAR)
    organization: Organization = Field(default_factory=Organization)
    title: str = ""  # blank: “<organ><year>年政府信息公开工作年度报告”
    sections: Sections = Field(default_factory=Sections)
    tables: TableCells = Field(default_factory=dict, validate_default=True)
    # What an older format holds with no home in this one (2019 rows, 表二（九）…), kept and shown.
    legacy: Legacy = Field(default_factory=dict)  # type: ignore[assignment]
    # The text a cell had in the document it was read from ("fees.admin_fees.amount": "25534.03万元").
    source_texts: dict[str, str] = Field(default_factory=dict)
    # Text sections copied from last year's report and not yet rewritten (Y3 until they are).
    copied_texts: list[str] = Field(default_factory=list)
    # Sentences carried from last year that state its figures or its plans, by text key (Y5, Y6).
    carried: dict[str, list[CarriedSentence]] = Field(default_factory=dict)
    # Drafting: blank cells are progress, not problems, until a table is marked finished (A6).
    drafting: bool = False
    finished_tables: list[str] = Field(default_factory=list)
    acknowledged: dict[str, Acknowledgement] = Field(default_factory=dict)
    exports: list[ExportRecord] = Field(default_factory=list)
    prior: Report | None = None  # last year's report, attached for Y1–Y4
    # Reports older than the prior, newest first: the figures over the years (forms.model.series).
    earlier: list[Report] = Field(default_factory=list, max_length=MAX_EARLIER)
    # A consolidated report (汇总): its units and each one's figures (H1–H4).
    consolidation: ConsolidationRecord = None

    @field_validator("tables")
    @classmethod
    def _complete_tables(cls, tables: TableCells, info: ValidationInfo) -> TableCells:
        """Every enterable cell of the template present (blank if not given), nothing else."""
        if "template" not in info.data:
            return tables  # the template itself was refused; that error says enough
        known = _blank_tables(load_spec(info.data["template"]))
        for tkey, rows in tables.items():
            if tkey not in known:
                raise ValueError(f"未知的表格“{tkey}”")
            for rkey, cols in rows.items():
                if rkey not in known[tkey]:
                    raise ValueError(f"表格“{tkey}”中没有可填写的行“{rkey}”")
                for ckey, value in cols.items():
                    if ckey not in known[tkey][rkey]:
                        raise ValueError(f"表格“{tkey}”行“{rkey}”中没有可填写的列“{ckey}”")
                    known[tkey][rkey][ckey] = value
        return known

    @field_validator("sections")
    @classmethod
    def _notes_of_known_tables(cls, sections: Sections, info: ValidationInfo) -> Sections:
        if "template" in info.data:
            tables = {t.key for t in load_spec(info.data["template"]).tables}
            for key in sections.notes:
                if key not in tables:
                    raise ValueError(f"表格说明所属的表格“{key}”不存在")
        return sections

    @field_validator("copied_texts")
    @classmethod
    def _known_texts(cls, keys: list[str], info: ValidationInfo) -> list[str]:
        if "template" in info.data:
            spec = load_spec(info.data["template"])
            known = set(_text_keys(spec)) | {f"notes.{t.key}" for t in spec.tables}
            for key in keys:
                if key not in known:
                    raise ValueError(f"没有名为“{key}”的文字部分")
        return keys

    @field_validator("template")
    @classmethod
    def _known_template(cls, v: str) -> str:
        if v not in known_templates():  # a file from a newer version may follow a format we do not know
            raise ValueError(f"未知的报告格式“{v}”（本软件支持 {'、'.join(known_templates())}），"
                             "可能由较新版本的软件保存，请升级软件")
        return v

    # --- the spec this report follows --------------------------------------------------
    @property
    def spec(self) -> Spec:
        return load_spec(self.template)

    @property
    def display_title(self) -> str:
        return self.title or f"{self.organization.name}{self.year}年政府信息公开工作年度报告"

    # --- cells ------------------------------------------------------------------------
    def entered(self, table: str, row: str, column: str) -> CellValue:
        return self.tables[table][row][column]

    def value(self, table: str, row: str, column: str) -> CellValue:
        """The value of any cell: entered, or computed when the format defines it as a sum.

        A sum of cells that are all blank is blank; blanks inside a sum count as 0 (A6 names them).
        """
        tspec = self.spec.table(table)
        r, c = tspec.row(row), tspec.column(column)
        if not (r.computed or c.computed):
            return self.tables[table][row][column]
        parts = ([self.value(table, k, column) for k in r.sum_of] if r.computed
                 else [self.value(table, row, k) for k in c.sum_of])
        return _sum(parts)

    def table_values(self, table: str) -> dict[str, dict[str, CellValue]]:
        """Every cell of a table, computed totals included, in one pass (what the rules read)."""
        tspec = self.spec.table(table)
        entered = self.tables[table]
        totals = [(c.key, c.sum_of) for c in tspec.columns if c.sum_of]
        out: dict[str, dict[str, CellValue]] = {}
        for r in tspec.rows:
            if r.sum_of:
                continue
            vals = out[r.key] = dict(entered[r.key])
            for key, parts in totals:
                vals[key] = _sum([vals[k] for k in parts])
        for r in tspec.rows:
            if r.sum_of:
                rows = [out[k] for k in r.sum_of]
                out[r.key] = {c.key: _sum([row[c.key] for row in rows]) for c in tspec.columns}
        return out

    def fill_progress(self, table: str) -> tuple[int, int]:
        """(cells filled, cells to fill) of a table: while drafting, blanks are progress, not problems."""
        cells = [v for cols in self.tables[table].values() for v in cols.values()]
        return sum(v is not None for v in cells), len(cells)

    def set_cell(self, table: str, row: str, column: str, value: CellValue) -> CellValue:
        """Enter one cell; returns the previous value (for undo)."""
        cells = self.tables.get(table, {}).get(row, {})
        if column not in cells:
            raise CellNotEnterable(self._why_not_enterable(table, row, column))
        old = cells[column]
        cells[column] = checked(value)
        return old

    def _why_not_enterable(self, table: str, row: str, column: str) -> str:
        try:
            tspec = self.spec.table(table)
        except KeyError:
            return f"未知的表格“{table}”"
        if not tspec.has_cell(row, column):
            return f"{tspec.short_name}中没有单元格“{row}.{column}”"
        return f"{tspec.cell_label(row, column)}是合计，由各分项自动计算，不能直接填写"

    # --- text -------------------------------------------------------------------------
    @property
    def text_keys(self) -> list[str]:
        return _text_keys(self.spec) + [f"notes.{t.key}" for t in self.spec.tables]

    def text(self, key: str) -> str:
        head, _, tail = key.partition(".")
        if head == "overview":
            return getattr(self.sections.overview, tail)
        if head == "notes":
            return self.sections.notes.get(tail, "")
        return getattr(self.sections, head)

    def set_text(self, key: str, value: str) -> str:
        """Replace one text; returns the previous text (for undo)."""
        old = self.text(key)
        head, _, tail = key.partition(".")
        if head == "overview":
            setattr(self.sections.overview, tail, value)
        elif head == "notes":
            self.spec.table(tail)
            if value:
                self.sections.notes[tail] = value
            else:
                self.sections.notes.pop(tail, None)
        else:
            setattr(self.sections, head, value)
        if key in self.copied_texts and value != old:
            self.copied_texts.remove(key)
        return old

    def overview_text(self) -> str:
        """一、总体情况 as one text: the intro and the five topics."""
        o = self.sections.overview
        return "\n".join(x for x in [o.intro] + [getattr(o, t.key) for t in self.spec.topics] if x)


def _sum(parts: list[CellValue]) -> CellValue:
    if None not in parts:  # a filled-in table: the common case, summed in C
        return sum(parts) if parts else None
    filled = [p for p in parts if p is not None]
    return sum(filled) if filled else None


def new_report(year: int, org_name: str = "", level: OrgLevel | str = OrgLevel.GOVERNMENT,
               template: str = CURRENT_TEMPLATE) -> Report:
    return Report(template=template, year=year, drafting=True,  # blanks are progress until a table is finished
                  organization=Organization(name=org_name, level=OrgLevel(level)))
