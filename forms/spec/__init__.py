"""The national report formats as data.

Everything that knows a label, a row list or a sum (the form, the renderers, the
importers, the rules) reads it from here; nothing repeats it by hand.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

CURRENT_TEMPLATE = "national-2021"


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    number: str  # "一" … "六", the heading's own numbering
    hint: str = ""  # what the clerk writes here (text sections)

    @property
    def title(self) -> str:
        """The heading without its numbering: 总体情况."""
        return self.heading.split("、", 1)[-1]


@dataclass(frozen=True)
class Topic:
    key: str
    heading: str
    keyword: str
    hint: str = ""
    # words that show the topic is covered though not under its heading (信息清理, 公开指南 for 政府信息管理)
    signals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    group: str | None = None
    sum_of: tuple[str, ...] = ()
    signed: bool = False  # a change from last year (2019's 本年增/减: +2, -8)
    value_type: str | None = None  # when it differs from its table's

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
class Outcome:
    """A group of 表三's result rows as a report's text speaks of it: （三）不予公开 and its 8 rows."""
    key: str
    label: str
    rows: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    key: str
    section: str
    caption: str
    unit: str
    value_type: str  # "count" (whole number) or "amount" (decimal, 万元)
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    short_name: str = ""  # 表二（一）, 表三, 表四 — as clerks refer to the tables
    # 表三's outcome groups, which the text names (予以公开, 不予公开 …), by key
    outcomes: dict[str, Outcome] = field(default_factory=dict, compare=False)
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

    def value_type_of(self, column: str) -> str:
        return self.column(column).value_type or self.value_type

    @cached_property
    def signed_columns(self) -> frozenset[str]:
        return frozenset(c.key for c in self.columns if c.signed)

    @cached_property
    def amount_columns(self) -> frozenset[str]:
        return frozenset(c.key for c in self.columns if (c.value_type or self.value_type) == "amount")


@dataclass(frozen=True)
class Balance:
    """A checked equality between sums of rows, column by column (the official note of 表三)."""
    code: str
    table: str
    left: tuple[str, ...]
    right: tuple[str, ...]


@dataclass(frozen=True)
class CellMove:
    """One line of a format's migration table: cells (`*` for any row or column) and where they go."""
    source: tuple[str, str, str]
    target: tuple[str, str, str] | None  # None: no home in the newer format
    approximate: bool = False
    note: str = ""
    # the newer format's rows one older row holds unsplit (（六）其他处理 → its three sub-rows)
    stands_for: tuple[str, ...] = ()

    def matches(self, cell: tuple[str, str, str]) -> bool:
        return all(p in ("*", c) for p, c in zip(self.source, cell))

    def moved(self, cell: tuple[str, str, str]) -> tuple[str, str, str] | None:
        if self.target is None:
            return None
        return tuple(c if t == "*" else t for t, c in zip(self.target, cell))  # type: ignore[return-value]


@dataclass(frozen=True)
class Migration:
    """How a report in an older format becomes one in the newer (national-2019 → national-2021):
    the listed moves, else the cell with the same keys when the newer format has it."""
    source: str
    target: str
    moves: tuple[CellMove, ...]

    def move(self, cell: tuple[str, str, str]) -> tuple[tuple[str, str, str] | None, CellMove | None]:
        """(the newer format's cell or None, the move that says so if listed)."""
        for m in self.moves:
            if m.matches(cell):
                return m.moved(cell), m
        table, row, column = cell
        try:
            has = load_spec(self.target).table(table).has_cell(row, column)
        except KeyError:
            has = False
        return (cell if has else None), None

    def source_of(self, cell: tuple[str, str, str]) -> tuple[str, str, str] | None:
        """The older format's cell that moves into `cell` of the newer one."""
        for m in self.moves:
            if m.target is not None and all(t in ("*", c) for t, c in zip(m.target, cell)):
                return tuple(c if s == "*" else s for s, c in zip(m.source, cell))  # type: ignore[return-value]
        table, row, column = cell
        try:
            old = load_spec(self.source).table(table)
        except KeyError:
            return None
        if not old.has_cell(row, column) or self.move(cell)[0] != cell:
            return None
        return cell


@dataclass(frozen=True)
class Spec:
    id: str
    name: str        # 2021 年版格式: how a clerk names the format
    short_name: str  # 2021 年版
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

    @property
    def migration(self) -> Migration | None:
        """How a report in this format becomes one in the newer format, if there is a newer one."""
        m = self.raw.get("migration")
        if not m:
            return None
        moves = tuple(CellMove(tuple(c["from"].split(".")), tuple(c["to"].split(".")) if c["to"] else None,
                               c.get("approximate", False), c.get("note", ""), tuple(c.get("stands_for", ())))
                      for c in m["cells"])
        return Migration(self.id, m["to"], moves)

    def provides(self, feature: str) -> bool:
        """Whether the format has a part a rule reads (`overview_topics`, `fee_statement`,
        `carry_over`, `stock`, `required_sections`, or `table:<key>`): the rules that need it
        apply to this format only if so."""
        if feature.startswith("table:"):
            return any(t.key == feature[6:] for t in self.tables)
        return bool(self.raw.get(feature))

    @cached_property
    def text_sections(self) -> list[Section]:
        """Sections written as prose (一、五、六)."""
        with_tables = {t.section for t in self.tables}
        return [s for s in self.sections if s.key not in with_tables]


def _number(heading: str) -> str:
    return heading.split("、", 1)[0]


def _parse(data: dict) -> Spec:
    sections = tuple(Section(s["key"], s["heading"], _number(s["heading"]), s.get("hint", ""))
                     for s in data["sections"])
    topics = tuple(Topic(t["key"], t["heading"], t.get("keyword", t["heading"][3:]), t.get("hint", ""),
                         tuple(t.get("signals", ())))
                   for t in data.get("overview_topics", []))
    tables = []
    for t in data["tables"]:
        rows = tuple(Row(r["key"], r["label"], r.get("group") or r.get("parent"), r.get("subgroup"),
                         tuple(r.get("sum_of", ()))) for r in t["rows"])
        cols = tuple(Column(c["key"], c["label"], c.get("group"), tuple(c.get("sum_of", ())),
                            c.get("signed", False), c.get("value_type")) for c in t["columns"])
        tables.append(Table(
            key=t["key"], section=t["section"], caption=t.get("caption", ""), unit=t.get("unit", "件"),
            value_type=t.get("value_type", "count"), rows=rows, columns=cols,
            short_name=t.get("short_name") or t.get("caption", t["key"]),
            outcomes={k: Outcome(k, v["label"], tuple(v["rows"])) for k, v in t.get("outcomes", {}).items()},
            row_header=t.get("row_header"), column_header=t.get("column_header"), note=t.get("note"),
            rows_as_column_groups=t.get("orientation") == "rows_as_column_groups"))
    balances = tuple(Balance(b["code"], b["table"], tuple(b["left"]), tuple(b["right"]))
                     for b in data.get("checks", []))
    return Spec(data["id"], data.get("name", data["id"]), data.get("short_name", data["id"]), data["basis"], data["year_from"], sections, topics,
                tuple(tables),
                balances, data.get("carry_over", {}), data.get("stock", {}), data)


@cache
def load_spec(template: str = CURRENT_TEMPLATE) -> Spec:
    """The spec of a national format, by its id (national-2021, national-2019)."""
    text = resources.files("forms.specs").joinpath(f"{template}.json").read_text(encoding="utf-8")
    return _parse(json.loads(text))


def format_for_year(year: int) -> str:
    """The national format in force for a report year (free-form before the first one)."""
    specs = sorted((load_spec(t) for t in known_templates()), key=lambda s: s.year_from)
    return next((s.id for s in reversed(specs) if s.year_from <= year), specs[0].id)


def older_formats(template: str = CURRENT_TEMPLATE) -> list[Spec]:
    """The formats whose reports migrate into `template` (national-2019 into national-2021)."""
    return [s for s in map(load_spec, known_templates()) if s.migration and s.migration.target == template]


def known_templates() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("forms.specs").iterdir()
                  if p.name.endswith(".json"))
