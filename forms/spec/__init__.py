"""The national report formats as data.

Everything that knows a label, a row list or a sum (the form, the renderers, the
importers, the rules) reads it from here; nothing repeats it by hand.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

CURRENT_TEMPLATE = "national-2021"


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    number: str  # "一" … "六", the heading's own numbering

    @property
    def title(self) -> str:
        """The heading without its numbering: 总体情况."""
        return self.heading.split("、", 1)[-1]


@dataclass(frozen=True)
class Topic:
    key: str
    heading: str
    keyword: str


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    group: str | None = None
    sum_of: tuple[str, ...] = ()

    @property
    def computed(self) -> bool:
        return bool(self.sum_of)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    group: str | None = None      # 三、本年度办理结果; in 表四, the parent 行政诉讼
    subgroup: str | None = None   # （三）不予公开 …
    sum_of: tuple[str, ...] = ()

    @property
    def computed(self) -> bool:
        return bool(self.sum_of)


@dataclass(frozen=True)
class Table:
    key: str
    section: str
    caption: str
    unit: str
    value_type: str  # "count" (whole number) or "amount" (decimal, 万元)
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    row_header: str | None = None
    column_header: str | None = None
    note: str | None = None
    # 表四 is printed as one line of 15 cells: its rows are column groups on paper.
    rows_as_column_groups: bool = False
    _rows_by_key: dict = field(init=False, repr=False, compare=False)
    _columns_by_key: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_rows_by_key", {r.key: r for r in self.rows})
        object.__setattr__(self, "_columns_by_key", {c.key: c for c in self.columns})

    def row(self, key: str) -> Row:
        return self._rows_by_key[key]

    def column(self, key: str) -> Column:
        return self._columns_by_key[key]

    def has_cell(self, row: str, column: str) -> bool:
        return row in self._rows_by_key and column in self._columns_by_key

    def is_computed(self, row: str, column: str) -> bool:
        return self.row(row).computed or self.column(column).computed

    def entered_cells(self) -> list[tuple[str, str]]:
        """The cells a clerk fills in, row by row."""
        return [(r.key, c.key) for r in self.rows for c in self.columns
                if not (r.computed or c.computed)]

    def cells(self) -> list[tuple[str, str]]:
        return [(r.key, c.key) for r in self.rows for c in self.columns]

    def cell_label(self, row: str, column: str) -> str:
        """How a clerk names a cell: 表三“（一）予以公开”行“自然人”列."""
        r, c = self.row(row), self.column(column)
        if self.rows_as_column_groups:
            return f"{self.short_name}“{r.label}—{c.label}”"
        return f"{self.short_name}“{r.label}”行“{c.label}”列"

    @property
    def short_name(self) -> str:
        """表二（一）, 表三, 表四 — as clerks refer to the tables."""
        if self.section == "active_disclosure":
            item = self.caption.replace("第二十条第", "").replace("项", "")
            return f"表二{item}"
        return {"applications": "表三", "review_litigation": "表四"}.get(self.section, self.caption)


@dataclass(frozen=True)
class Balance:
    """A checked equality between sums of rows, column by column (the official note of 表三)."""
    code: str
    table: str
    left: tuple[str, ...]
    right: tuple[str, ...]


@dataclass(frozen=True)
class Spec:
    id: str
    basis: str
    year_from: int
    sections: tuple[Section, ...]
    topics: tuple[Topic, ...]
    tables: tuple[Table, ...]
    balances: tuple[Balance, ...] = ()
    carry_over: dict = field(default_factory=dict)
    stock: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    def table(self, key: str) -> Table:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def tables_of(self, section: str) -> list[Table]:
        return [t for t in self.tables if t.section == section]

    def provides(self, feature: str) -> bool:
        """Whether the format has a part a rule reads (`overview_topics`, `fee_statement`,
        `carry_over`, `stock`, `checks`): the rules that need it apply to this format only if so."""
        return bool(self.raw.get(feature))

    @property
    def text_sections(self) -> list[Section]:
        """Sections written as prose (一、五、六)."""
        with_tables = {t.section for t in self.tables}
        return [s for s in self.sections if s.key not in with_tables]


def _number(heading: str) -> str:
    return heading.split("、", 1)[0]


def _parse(data: dict) -> Spec:
    sections = tuple(Section(s["key"], s["heading"], _number(s["heading"])) for s in data["sections"])
    topics = tuple(Topic(t["key"], t["heading"], t.get("keyword", t["heading"][3:]))
                   for t in data.get("overview_topics", []))
    tables = []
    for t in data["tables"]:
        if "rows" not in t:  # 2019's 表四 is "identical to national-2021"
            tables.append(load_spec(CURRENT_TEMPLATE).table(t["key"]))
            continue
        rows = tuple(Row(r["key"], r["label"], r.get("group") or r.get("parent"), r.get("subgroup"),
                         tuple(r.get("sum_of", ()))) for r in t["rows"])
        cols = tuple(Column(c["key"], c["label"], c.get("group"), tuple(c.get("sum_of", ())))
                     for c in t["columns"])
        tables.append(Table(
            key=t["key"], section=t.get("section", t["key"] if t["key"] in
                                        ("applications", "review_litigation") else "active_disclosure"),
            caption=t.get("caption", ""), unit=t.get("unit", "件"),
            value_type=t.get("value_type", "count"), rows=rows, columns=cols,
            row_header=t.get("row_header"), column_header=t.get("column_header"), note=t.get("note"),
            rows_as_column_groups=t.get("orientation") == "rows_as_column_groups"))
    balances = tuple(Balance(b["code"], b["table"], tuple(b["left"]), tuple(b["right"]))
                     for b in data.get("checks", []))
    return Spec(data["id"], data["basis"], data["year_from"], sections, topics, tuple(tables),
                balances, data.get("carry_over", {}), data.get("stock", {}), data)


@cache
def load_spec(template: str = CURRENT_TEMPLATE) -> Spec:
    """The spec of a national format, by its id (national-2021, national-2019)."""
    text = resources.files("forms.specs").joinpath(f"{template}.json").read_text(encoding="utf-8")
    return _parse(json.loads(text))


def known_templates() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("forms.specs").iterdir()
                  if p.name.endswith(".json"))
