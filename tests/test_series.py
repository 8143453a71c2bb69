"""The figures over the years (forms.model.series): series, changes, measures, earlier years stored."""
from __future__ import annotations

from decimal import Decimal

import pytest

from forms.importers import import_report
from forms.model import store
from forms.model.prefill import prefill
from forms.model.series import MEASURES, AttachError, attach, compare, format_change


@pytest.fixture(scope="module")
def hongze():
    from tests.conftest import SHARED
    corpus = SHARED / "corpus"
    if not (corpus / "hongze_district_2024.txt").exists():
        pytest.skip("../shared/corpus (the real 洪泽 2023 and 2024 reports) is not beside the checkout")
    before = import_report(corpus / "hongze_district_2023.txt").report
    now = import_report(corpus / "hongze_district_2024.txt").report
    attach(now, before)
    return now


def by_label(series_list):
    return {s.label: s for s in series_list}


def test_hongze_key_figures_2023_to_2024(hongze):
    c = compare(hongze)
    assert c.year_list == [2023, 2024] and c.has_prior_year
    figures = by_label(c.key_figures)
    new = figures["新收政府信息公开申请"]
    assert [(s.year, s.value) for s in new.steps] == [(2023, 21), (2024, 95)]
    assert new.now.change == 74 and new.now.ratio == Decimal("4.524")
    assert format_change(new) == "+74（+352.4%）" and new.notable
    review = figures["行政复议"]  # 2023 printed 总计 0 beside 10 + 1: the series reads the sum of the results
    assert [s.value for s in review.steps] == [11, 2] and review.now.change == -9 and review.notable
    assert [s.value for s in figures["行政许可决定"].steps] == [550, 9487]
    fees = figures["行政事业性收费（万元）"]
    assert fees.unit == "万元" and fees.now.change == Decimal("7545") - Decimal("7730.28")
    assert not fees.notable  # −2.4 %
    assert not figures["复议后起诉"].notable  # 5 → 3: small counts move


def test_hongze_measures_with_their_definitions(hongze):
    m = by_label(compare(hongze).measures)
    rate = m["公开率"]
    assert rate.definition == "（予以公开 + 部分公开）÷ 办理结果总计"
    assert [s.value for s in rate.steps] == [Decimal("19.0"), Decimal("62.1")]  # 4/21, (50+9)/95
    assert format_change(rate) == "+43.1 个百分点" and rate.notable
    assert [s.value for s in m["行政复议纠错率"].steps] == [Decimal("9.1"), Decimal("50.0")]  # 1/11, 1/2
    assert [s.value for s in m["自然人申请占比"].steps] == [Decimal("100.0")] * 2
    assert format_change(m["自然人申请占比"]) == "持平"
    assert all(s.definition for s in m.values()) and len(m) == len(MEASURES)


def test_every_cell_has_its_series(hongze):
    cells = compare(hongze).cells
    spec = hongze.spec
    assert len(cells) == sum(len(t.cells()) for t in spec.tables)
    s = cells["applications.unavailable_not_held.natural_person"]
    assert [st.value for st in s.steps] == [10, 31] and s.cell == ("applications", "unavailable_not_held",
                                                                     "natural_person")
    assert "本机关不掌握" in s.label


def test_a_report_alone_has_one_year_and_no_change(sample_report):
    sample_report.prior = None
    c = compare(sample_report)
    assert c.year_list == [2024] and not c.has_prior_year
    assert all(s.before is None and not s.notable for s in c.key_figures)
    assert format_change(c.key_figures[0]) == "—"


def test_five_earlier_years_at_most_nearest_kept(sample_report):
    base = sample_report.prior
    for year in (2019, 2020, 2021, 2022):
        attach(sample_report, base.model_copy(update={"year": year}))
    assert [r.year for r in sample_report.earlier] == [2022, 2021, 2020, 2019]
    with pytest.raises(AttachError, match="最多"):
        attach(sample_report, base.model_copy(update={"year": 2018}))
    with pytest.raises(AttachError, match="不早于"):
        attach(sample_report, base.model_copy(update={"year": 2024}))
    c = compare(sample_report)
    assert c.year_list == [2019, 2020, 2021, 2022, 2023, 2024]
    steps = c.key_figures[0].steps
    assert steps[1].change == 0 and steps[1].ratio == 1  # the same figures copied in for the older years
    assert "已替换" in attach(sample_report, base.model_copy(update={"year": 2020}))


def test_earlier_years_are_stored_as_the_prior_is_and_come_back(sample_report, tmp_path):
    attach(sample_report, sample_report.prior.model_copy(update={"year": 2021}))
    attach(sample_report, sample_report.prior.model_copy(update={"year": 2022}))
    path = tmp_path / "r.json"
    store.save(sample_report, path)
    back = store.load(path)
    assert back == sample_report
    assert [r.year for r in back.earlier] == [2022, 2021]
    assert all(r.prior is None and r.earlier == [] for r in back.earlier)
    assert compare(back).year_list == [2021, 2022, 2023, 2024]


def test_a_file_without_earlier_years_has_no_earlier_key(sample_report):
    assert "earlier" not in store.to_data(sample_report)


def test_next_years_draft_carries_the_years_on(sample_report):
    attach(sample_report, sample_report.prior.model_copy(update={"year": 2022}))
    draft = prefill(sample_report)
    assert draft.year == 2025 and draft.prior.year == 2024
    assert [r.year for r in draft.earlier] == [2023, 2022]
    assert compare(draft).year_list == [2022, 2023, 2024, 2025]


def test_attaching_another_organs_report_says_so(sample_report):
    other = sample_report.prior.model_copy(update={"year": 2022}, deep=True)
    other.organization.name = "青岚县交通运输局"
    said = attach(sample_report, other)
    assert "已附加 2022 年报告" in said and "青岚县交通运输局" in said and "不是“青岚县人民政府”" in said
