"""Next year's draft from last year's report."""
from __future__ import annotations

from forms.model import store
from forms.commands import main as cli
from forms.importers import import_report
from forms.model import new_report
from forms.model.prefill import prefill
from forms.rules import check

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]


def test_hongze_2023_to_2024(corpus_dir):
    prior = import_report(corpus_dir / "hongze_district_2023.pdf").report
    draft = prefill(prior, 2024)
    assert draft.year == 2024
    assert draft.organization == prior.organization
    # 二、上年结转 = last year's 四、结转下年度继续办理, every column (all 0 in Hongze 2023)
    assert draft.tables["applications"]["carried_over"] == {c: 0 for c in COLS}
    # every other cell blank
    others = [v for t, rows in draft.tables.items() for r, cols in rows.items() for v in cols.values()
              if (t, r) != ("applications", "carried_over")]
    assert set(others) == {None}
    assert draft.legacy == {} and draft.source_texts == {}
    # last year's 现行有效件数 stays as the Y2 baseline through the attached prior
    assert draft.prior.tables["regulations"]["normative_docs"]["in_force"] == 5
    assert draft.prior.prior is None
    # texts copied with the years moved on, marked as copied
    assert "2024年，区政府严格落实" in draft.sections.other
    assert "2023" not in draft.sections.other
    assert "problems" in draft.copied_texts and "overview.active" in draft.copied_texts
    assert "Y3" in {f.code for f in check(draft)}


def test_hongze_cross_year_pair_holds(corpus_dir):
    prior = import_report(corpus_dir / "hongze_district_2023.pdf").report
    report = import_report(corpus_dir / "hongze_district_2024.pdf").report
    codes = {f.code for f in check(report, prior)}
    assert "Y1" not in codes and "Y2" not in codes  # 0 -> 0; 5 + 3 - 0 = 8


def test_carry_over_per_column():
    prior = new_report(2023, "青岚县人民政府")
    for col, v in zip(COLS, [7, 1, 0, 2, 0, 3]):
        prior.set_cell("applications", "carried_forward", col, v)
    draft = prefill(prior)
    assert draft.year == 2024
    assert [draft.tables["applications"]["carried_over"][c] for c in COLS] == [7, 1, 0, 2, 0, 3]
    assert "Y1" not in {f.code for f in check(draft)}


def test_rewriting_a_copied_text_clears_the_mark():
    prior = new_report(2023, "青岚县人民政府")
    prior.sections.problems = "2023年存在的问题：一是解读不够。2022年的问题已整改。"
    draft = prefill(prior)
    assert draft.sections.problems == "2024年存在的问题：一是解读不够。2023年的问题已整改。"
    draft.set_text("problems", "2024年存在的问题：新写的内容。")
    assert "problems" not in draft.copied_texts


def test_cli_prefill_from_a_pdf(tmp_path, corpus_dir, capsys):
    out = tmp_path / "draft.json"
    assert cli(["prefill", str(corpus_dir / "huaian_city_2024.pdf"), "--year", "2025", "-o", str(out)]) == 0
    draft = store.load(out)
    assert draft.year == 2025 and draft.organization.name == "淮安市人民政府"
    assert draft.tables["applications"]["carried_over"]["natural_person"] == 103
    assert draft.prior.year == 2024
    assert cli(["prefill", str(corpus_dir / "huaian_city_2024.pdf"), "--year", "2024",
                "-o", str(tmp_path / "bad.json")]) == 2
    assert "应晚于" in capsys.readouterr().err


def test_from_a_2019_format_report():
    from pathlib import Path
    prior = import_report(Path(__file__).parent / "fixtures" / "import" / "qinglan_transport_2020_format2019.docx").report
    draft = prefill(prior)
    assert (draft.year, draft.template) == (2021, "national-2021")
    assert [draft.tables["applications"]["carried_over"][c] for c in COLS] == [3, 0, 0, 0, 0, 0]
    assert draft.legacy == {}  # the 2019 rows stay with the 2020 report, not in the new draft


def test_a_prior_kept_in_the_2019_format_gives_a_2021_draft():
    from forms.model import new_report
    from forms.model.prefill import prefill
    old = new_report(2020, "青岚县人民政府", template="national-2019")
    old.set_cell("applications", "carried_forward", "natural_person", 3)
    draft = prefill(old, 2021)
    assert draft.template == "national-2021"
    assert draft.value("applications", "carried_over", "natural_person") == 3
