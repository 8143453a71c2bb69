"""The formats as data: the project's copy agrees with the national format, totals are marked, the
printed layout has the merged header cells of the official Word template."""
from __future__ import annotations

import json

import pytest

from forms.spec.layout import table_grid
from forms.spec import load_spec

TEMPLATES = ["national-2021", "national-2019"]


def _official(shared_dir, template: str) -> dict:
    return json.loads((shared_dir / "format" / f"{template}.json").read_text(encoding="utf-8"))


def _official_tables(shared_dir, template: str) -> list[dict]:
    """Tables with their rows; 2019's 表四 is 'identical to national-2021' and 2021's 表四 lists its
    three groups (行政复议, 未经复议直接起诉, 复议后起诉) as `groups`."""
    tables = []
    for t in _official(shared_dir, template)["tables"]:
        if "identical to national-2021" in t.get("note", ""):
            (t,) = [t21 for t21 in _official_tables(shared_dir, "national-2021") if t21["key"] == t["key"]]
        if "groups" in t:
            t = {**t, "rows": t["groups"]}
        tables.append(t)
    return tables


@pytest.mark.parametrize("template", TEMPLATES)
def test_sections_and_topics_match_the_national_format(shared_dir, template):
    official = _official(shared_dir, template)
    spec = load_spec(template)
    assert [(s.key, s.heading) for s in spec.sections] == [(s["key"], s["heading"]) for s in official["sections"]]
    assert [(t.key, t.heading) for t in spec.topics] == [
        (t["key"], t["heading"]) for t in official.get("overview_topics", [])]


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_table_row_and_column_has_the_official_key_and_label(shared_dir, template):
    spec = load_spec(template)
    official = _official_tables(shared_dir, template)
    assert [t.key for t in spec.tables] == [t["key"] for t in official]
    for t in official:
        table = spec.table(t["key"])
        assert [(r.key, r.label) for r in table.rows] == [(r["key"], r["label"]) for r in t["rows"]], t["key"]
        assert [(c.key, c.label) for c in table.columns] == [(c["key"], c["label"]) for c in t["columns"]], t["key"]
        for r in t["rows"]:
            # the row's place in the nested row headers: 三、本年度办理结果 / （三）不予公开; 表四's 行政诉讼
            assert table.row(r["key"]).group == (r.get("group") or r.get("parent")), r["key"]
            assert table.row(r["key"]).subgroup == r.get("subgroup"), r["key"]
        for c in t["columns"]:
            assert table.column(c["key"]).group == c.get("group"), c["key"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_shipped_copy_agrees_with_the_shared_format(shared_dir, template):
    """forms/specs/*.json is what the wheel ships; it may add relations but not change a key or label."""
    from importlib import resources
    shipped = json.loads(resources.files("forms.specs").joinpath(f"{template}.json").read_text(encoding="utf-8"))
    official = _official(shared_dir, template)
    assert shipped["id"] == official["id"] == template
    assert [(s["key"], s["heading"]) for s in shipped["sections"]] == [
        (s["key"], s["heading"]) for s in official["sections"]]

    def labels(tables):
        out = {}
        for t in tables:
            if "rows" not in t and "identical to national-2021" in t.get("note", ""):
                t = next(x for x in _official(shared_dir, "national-2021")["tables"] if x["key"] == t["key"])
            rows = t.get("rows") or t.get("groups") or []
            out[t["key"]] = ([(r["key"], r["label"]) for r in rows],
                             [(c["key"], c["label"]) for c in t.get("columns", [])])
        return out
    assert labels(shipped["tables"]) == labels(official["tables"])


def test_the_2021_labels_a_clerk_sees():
    spec = load_spec()
    apps = spec.table("applications")
    assert len(apps.rows) == 25 and len(apps.columns) == 7
    assert apps.row("carried_forward").label == "四、结转下年度继续办理"
    assert apps.note == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert spec.table("fees").value_type == "amount" and spec.table("fees").unit == "万元"
    assert {t.value_type for t in spec.tables if t.key != "fees"} == {"count"}
    assert [s.number for s in spec.sections] == ["一", "二", "三", "四", "五", "六"]
    assert [s.key for s in spec.text_sections] == ["overview", "problems", "other"]
    assert apps.cell_label("granted", "natural_person") == "表三“（一）予以公开”行“自然人”列"
    assert spec.table("review_litigation").cell_label("litigation_direct", "pending") == "表四“未经复议直接起诉—尚未审结”"
    assert spec.table("licensing").short_name == "表二（五）"


def test_computed_cells_of_2021_are_the_totals_and_nothing_else():
    spec = load_spec()
    apps = spec.table("applications")
    results = [r.key for r in apps.rows if r.group == "三、本年度办理结果" and r.key != "results_total"]
    assert len(results) == 21
    assert apps.row("results_total").sum_of == tuple(results)
    assert apps.column("total").sum_of == ("natural_person", "commercial", "research", "social_welfare",
                                           "legal_service", "other_org")
    review = spec.table("review_litigation")
    assert review.column("total").sum_of == ("upheld", "corrected", "other", "pending")

    computed = {(t.key, r, c) for t in spec.tables for r, c in t.cells() if t.is_computed(r, c)}
    expected = ({("applications", r.key, "total") for r in apps.rows}
                | {("applications", "results_total", c.key) for c in apps.columns}
                | {("review_litigation", r.key, "total") for r in review.rows})
    assert computed == expected
    assert len(apps.entered_cells()) == 24 * 6
    assert len(review.entered_cells()) == 12


def test_the_a1_balance_is_the_official_note():
    (balance,) = load_spec().balances
    assert (balance.code, balance.table) == ("A1", "applications")
    assert balance.left == ("new_received", "carried_over")
    assert balance.right == ("results_total", "carried_forward")


# --- the printed layout -------------------------------------------------------------------
def _header(grid, text, kind=None):
    found = [h for h in grid.headers if h.text == text and (kind is None or h.kind == kind)]
    assert found, text
    return found


def test_table_three_has_the_official_merged_headers():
    grid = table_grid("national-2021", "applications")
    assert (grid.header_rows, grid.label_cols) == (3, 3)
    assert (grid.n_rows, grid.n_cols) == (3 + 25, 3 + 7)

    (corner,) = [h for h in grid.headers if h.kind == "corner"]
    assert (corner.row, corner.col, corner.rowspan, corner.colspan) == (0, 0, 3, 3)
    assert "第一项加第二项之和" in corner.text

    (applicants,) = _header(grid, "申请人情况")
    assert (applicants.row, applicants.col, applicants.colspan) == (0, 3, 7)
    (legal,) = _header(grid, "法人或其他组织")
    assert (legal.row, legal.col, legal.colspan, legal.rowspan) == (1, 4, 5, 1)
    (natural,) = _header(grid, "自然人")
    assert (natural.row, natural.col, natural.rowspan) == (1, 3, 2)
    (total,) = _header(grid, "总计", "column")
    assert (total.row, total.col, total.rowspan, total.key) == (1, 9, 2, "total")

    (results,) = _header(grid, "三、本年度办理结果")
    assert (results.kind, results.col, results.rowspan, results.colspan) == ("row", 0, 22, 1)
    spans = {t: _header(grid, t)[0].rowspan for t in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")}
    assert spans == {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}

    # 一、二、四 span all three label columns; （一）（二）（七） the two inside 三; the numbered items one.
    def leaf(key):
        (h,) = [h for h in grid.headers if h.kind == "row" and h.key == key]
        return h
    assert (leaf("new_received").col, leaf("new_received").colspan) == (0, 3)
    assert (leaf("carried_forward").col, leaf("carried_forward").colspan) == (0, 3)
    assert (leaf("granted").col, leaf("granted").colspan) == (1, 2)
    assert (leaf("results_total").col, leaf("results_total").colspan) == (1, 2)
    assert (leaf("withheld_state_secret").col, leaf("withheld_state_secret").colspan) == (2, 1)
    assert leaf("carried_forward").row == grid.n_rows - 1


def test_table_three_data_cells_sit_under_their_headers():
    grid = table_grid("national-2021", "applications")
    apps = grid.table
    assert len(grid.positions) == 25 * 7
    column_at = {h.col: h.key for h in grid.headers if h.kind == "column" and h.key}
    row_at = {h.row: h.key for h in grid.headers if h.kind == "row" and h.key}
    for (row, col), (r, c) in grid.positions.items():
        assert (row_at[r], column_at[c]) == (row, col)
    lines = grid.data_rows()
    assert len(lines) == 25 and [line[0][0] for line in lines] == [r.key for r in apps.rows]


def test_no_header_cells_overlap():
    for key in (t.key for t in load_spec().tables):
        grid = table_grid("national-2021", key)
        taken = {}
        for h in grid.headers:
            for r in range(h.row, h.row + h.rowspan):
                for c in range(h.col, h.col + h.colspan):
                    assert (r, c) not in taken, (key, h, taken.get((r, c)))
                    taken[(r, c)] = h
        for pos in grid.positions.values():
            assert pos not in taken
        # headers and data cells together fill the whole grid
        assert len(taken) + len(grid.positions) == grid.n_rows * grid.n_cols, key


def test_table_four_is_one_line_of_fifteen_cells_under_its_groups():
    grid = table_grid("national-2021", "review_litigation")
    assert (grid.header_rows, grid.label_cols, grid.n_rows, grid.n_cols) == (3, 0, 4, 15)
    (review,) = _header(grid, "行政复议")
    assert (review.row, review.col, review.colspan) == (0, 0, 5)
    (litigation,) = _header(grid, "行政诉讼")
    assert (litigation.row, litigation.col, litigation.colspan) == (0, 5, 10)
    (direct,) = _header(grid, "未经复议直接起诉")
    assert (direct.row, direct.col, direct.colspan) == (1, 5, 5)
    (after,) = _header(grid, "复议后起诉")
    assert (after.row, after.col, after.colspan) == (1, 10, 5)
    # 行政复议's five columns reach down through the row that names the litigation groups
    assert [(h.text, h.rowspan) for h in grid.headers if h.row == 1 and h.col < 5] == [
        ("结果维持", 2), ("结果纠正", 2), ("其他结果", 2), ("尚未审结", 2), ("总计", 2)]

    assert len(grid.positions) == 15
    assert {pos[0] for pos in grid.positions.values()} == {3}
    order = [cell for cell, _ in sorted(grid.positions.items(), key=lambda kv: kv[1][1])]
    assert order == [(g, c) for g in ("review", "litigation_direct", "litigation_after_review")
                     for c in ("upheld", "corrected", "other", "pending", "total")]
    leaves = {h.col: h.key for h in grid.headers if h.key}
    for (g, c), (_, col) in grid.positions.items():
        assert leaves[col] == f"{g}.{c}"


def test_the_2019_format_has_its_table_four_the_same_as_2021():
    """national-2019.json says its 表四 is “identical to national-2021”: it is a table, not a text section."""
    old, new = load_spec("national-2019"), load_spec("national-2021")
    assert old.table("review_litigation") == new.table("review_litigation")
    assert [s.key for s in old.text_sections] == ["overview", "problems", "other"]
    assert [t.section for t in old.tables].count("review_litigation") == 1
    grid = table_grid("national-2019", "review_litigation")
    assert len(grid.positions) == 15
