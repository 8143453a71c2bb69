"""Finding the report's tables among the document's lines and reading their cells.

表二's rows are found by their labels; 表三's rows are aligned in order with the spec's rows
(labels, where a row carries one, anchor the alignment: in PDFs and copied text the labels of
表三 are often detached from their figures); 表四 is the line of 15 figures (or three of 5).
Which format a table follows (2021, or 2019 with its single （六）其他处理 row) is decided by
which spec fits the document better.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from forms.importers.lines import Line
from forms.importers.normalize import best_match, core, normal_form, normalize
from forms.spec import Spec, Table

PAIR, SKIP = 1.0, -0.5
MAX_DATA_LINES = 80  # 表三 has 25 rows; lines beyond this many are not it (and the alignment is quadratic)
LABEL_AGREES, LABEL_CONTRADICTS = 2.0, -2.0


@dataclass
class RowRead:
    table: str
    row: str
    values: list[str]
    line: Line
    label_score: float = 100.0
    spec_id: str = "national-2021"


@dataclass
class TablesFound:
    rows: list[RowRead] = field(default_factory=list)
    active_format: str | None = None           # spec id that 表二 follows
    applications_format: str | None = None     # spec id whose 表三 rows fit
    missing_rows: list[tuple[str, str]] = field(default_factory=list)
    extra_lines: list[Line] = field(default_factory=list)
    # rows with the wrong number of values: (table, row, line, id of the spec the row belongs to)
    mismatched: list[tuple[str, str, Line, str]] = field(default_factory=list)
    review_line_index: int | None = None

    @property
    def any(self) -> bool:
        return bool(self.rows)


def _values_width(line: Line, width: int) -> list[str] | None:
    """The line's values when it holds one row of `width` cells (extra empty cells trimmed)."""
    values = list(line.values)
    while len(values) > width and values[-1].strip() == "":
        values.pop()
    while len(values) > width and values[0].strip() == "":  # an empty label cell beside the figures
        values.pop(0)
    return values if len(values) == width else None


# --- 表二 -------------------------------------------------------------------------------------
def _active_tables(spec: Spec) -> list[Table]:
    return spec.tables_of("active_disclosure")


def _format_of_active(lines: list[Line], specs: list[Spec]) -> str:
    """The spec whose 表二 captions and column labels the text uses that the others do not."""
    text = normal_form("".join(ln.label for ln in lines if not ln.values or ln.from_table))  # once: not cached
    best, best_hits = specs[0].id, -1
    for spec in specs:
        own = set()
        for t in _active_tables(spec):
            own |= {normalize(c.label) for c in t.columns} | {normalize(t.caption)}
        for other in specs:
            if other is not spec:
                for t in _active_tables(other):
                    own -= {normalize(c.label) for c in t.columns} | {normalize(t.caption)}
        hits = sum(1 for label in own if label and label in text)
        if hits > best_hits:
            best, best_hits = spec.id, hits
    return best


def read_active(lines: list[Line], specs: list[Spec], found: TablesFound) -> None:
    """表二's rows by their labels (in either format); the columns of the format the document uses."""
    fmt = _format_of_active(lines, specs)
    found.active_format = fmt
    by_id = {s.id: s for s in specs}
    candidates = {f"{spec.id}|{t.key}|{r.key}": r.label
                  for spec in specs for t in _active_tables(spec) for r in t.rows}
    seen: set[tuple[str, str]] = set()
    for line in lines:
        if not line.values or not line.label:
            continue
        m = best_match(line.label, candidates)
        if m is None:
            continue
        matched_spec, table_key, row_key = m.key.split("|")
        if (table_key, row_key) in seen:
            continue
        seen.add((table_key, row_key))
        # the document's format decides the columns; a row only the other format has keeps its own
        spec = by_id[fmt] if _has_row(by_id[fmt], table_key, row_key) else by_id[matched_spec]
        table = spec.table(table_key)
        score = m.score if spec.id == matched_spec else best_match(
            line.label, {"row": table.row(row_key).label}, threshold=0).score
        values = _values_width(line, len(table.columns))
        if values is None:
            found.mismatched.append((table_key, row_key, line, spec.id))
            continue
        found.rows.append(RowRead(table_key, row_key, values, line, score, spec.id))


def _has_row(spec: Spec, table: str, row: str) -> bool:
    try:
        spec.table(table).row(row)
        return True
    except KeyError:
        return False


# --- 表三 -------------------------------------------------------------------------------------
def _group_strings(table: Table) -> list[str]:
    groups = {r.group for r in table.rows if r.group} | {r.subgroup for r in table.rows if r.subgroup}
    return sorted((normalize(g) for g in groups), key=len, reverse=True)


def _label_core(label: str, groups: list[str]) -> str:
    text = normalize(label)
    for g in groups:
        text = text.replace(g, "")
    return core(text.replace("/", ""))


@lru_cache(maxsize=8192)  # the same labels pair up in unit after unit of a consolidation
def _label_score(line_core: str, row_core: str) -> float:
    if not line_core:
        return 0.0
    score = fuzz.ratio(line_core, row_core)
    if len(row_core) >= 6:
        score = max(score, fuzz.partial_ratio(row_core, line_core))
    return score


def _align(rows: list[Line], table: Table) -> tuple[float, list[int | None]]:
    """Best order-preserving pairing of data lines with spec rows; labels agree or contradict."""
    groups = _group_strings(table)
    cores = [core(r.label) for r in table.rows]
    n, m = len(rows), len(cores)
    bonus = [[0.0] * m for _ in range(n)]
    for i, line in enumerate(rows):
        lc = _label_core(line.label, groups)
        if not lc:
            continue
        scores = [_label_score(lc, rc) for rc in cores]
        top = max(scores)
        for j, s in enumerate(scores):
            if s >= 85:
                bonus[i][j] = LABEL_AGREES
            elif top >= 90:
                bonus[i][j] = LABEL_CONTRADICTS
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            options = []
            if i and j:
                options.append((best[i - 1][j - 1] + PAIR + bonus[i - 1][j - 1], "pair"))
            if i:
                options.append((best[i - 1][j] + SKIP, "skip_line"))
            if j:
                options.append((best[i][j - 1] + SKIP, "skip_row"))
            best[i][j], move[i][j] = max(options)
    pairing: list[int | None] = [None] * m
    i, j = n, m
    while i or j:
        step = move[i][j]
        if step == "pair":
            pairing[j - 1] = i - 1
            i, j = i - 1, j - 1
        elif step == "skip_line":
            i -= 1
        else:
            j -= 1
    return best[n][m], pairing


def applications_start(lines: list[Line], width: int) -> int | None:
    """The first line holding a row of 表三 (7 cells): the end of 表二."""
    return next((i for i, line in enumerate(lines) if _values_width(line, width) is not None), None)


def read_applications(lines: list[Line], start: int, specs: list[Spec], found: TablesFound) -> int:
    """Reads 表三 from `start`; returns the index of the first line after it."""
    width = len(specs[0].table("applications").columns)
    data: list[tuple[int, Line]] = []
    end = start
    for i in range(start, len(lines)):
        line = lines[i]
        if len(line.values) >= 2 * width:  # 表四's single line of 15
            break
        if _values_width(line, width) is not None:
            data.append((i, line))
            end = i + 1
            if len(data) == MAX_DATA_LINES:
                break
    if not data:
        return start
    data_lines = [ln for _, ln in data]
    best = None
    for spec in specs:
        table = spec.table("applications")
        score, pairing = _align(data_lines, table)
        if best is None or score > best[0]:
            best = (score, spec, pairing)
    _, spec, pairing = best
    found.applications_format = spec.id
    table = spec.table("applications")
    groups = _group_strings(table)
    used = set()
    for j, i in enumerate(pairing):
        row = table.rows[j]
        if i is None:
            found.missing_rows.append(("applications", row.key))
            continue
        used.add(i)
        line = data_lines[i]
        # a label that names the row only roughly is reported; one far off was placed by order alone
        label = _label_core(line.label, groups)
        score = _label_score(label, core(row.label)) if label else 100.0
        found.rows.append(RowRead("applications", row.key, _values_width(line, width), line,
                                  score if score >= 60 else 100.0, spec.id))
    found.extra_lines += [ln for k, ln in enumerate(data_lines) if k not in used]
    return end


# --- 表四 -------------------------------------------------------------------------------------
def read_review(lines: list[Line], start: int, spec: Spec, found: TablesFound) -> None:
    table = spec.table("review_litigation")
    width = len(table.columns)
    whole = width * len(table.rows)
    for i in range(start, len(lines)):
        values = _values_width(lines[i], whole)
        if values is not None:
            found.review_line_index = i
            for k, row in enumerate(table.rows):
                found.rows.append(RowRead("review_litigation", row.key, values[k * width:(k + 1) * width],
                                          lines[i], 100.0, spec.id))
            return
    groups = [(i, ln) for i, ln in enumerate(lines[start:], start) if _values_width(ln, width) is not None]
    if len(groups) >= len(table.rows):
        for row, (i, line) in zip(table.rows, groups):
            found.rows.append(RowRead("review_litigation", row.key, _values_width(line, width), line,
                                      100.0, spec.id))
        found.review_line_index = groups[len(table.rows) - 1][0]
    else:
        found.missing_rows += [("review_litigation", r.key) for r in table.rows]


def find_tables(lines: list[Line], specs: list[Spec]) -> TablesFound:
    """Every table of the report among the lines; specs[0] is the format being written (2021)."""
    found = TablesFound()
    width = len(specs[0].table("applications").columns)
    start = applications_start(lines, width)
    read_active(lines[:start] if start is not None else lines, specs, found)
    if start is None:
        return found
    end = read_applications(lines, start, specs, found)
    read_review(lines, end, specs[0], found)
    return found
