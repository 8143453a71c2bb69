"""Text carried from last year: headings not doubled, years moved consistently, last year's figures and plans marked."""
from __future__ import annotations

from forms.model.carried import CarryNotes, carry_text, strip_topic_heading
from forms.model.prefill import prefill_with_notes
from forms.render.view import build_view
from forms.rules import check


def test_a_plan_for_the_report_year_keeps_its_year_and_the_rest_moves_on():
    notes = CarryNotes()
    text, kept = carry_text("2024年，全区主动公开信息5236条。2025年我们将加强培训。2023年结转的申请已办结。", 2025, notes)
    assert text == "2025年，全区主动公开信息5236条。2025年我们将加强培训。2024年结转的申请已办结。"
    assert kept == [("figure", "2025年，全区主动公开信息5236条。"), ("plan", "2025年我们将加强培训。")]
    assert notes.years_moved == 2 and notes.plans == 1 and notes.figures == 1


def test_the_texts_own_sub_heading_is_not_printed_twice():
    assert strip_topic_heading("（一）主动公开情况。全年发布信息100条。", "主动公开") == "全年发布信息100条。"
    assert strip_topic_heading("（一）主动公开\n全年发布信息。", "主动公开") == "全年发布信息。"
    assert strip_topic_heading("全年发布信息。", "主动公开") == "全年发布信息。"


def test_prefilled_draft_marks_last_years_figures_at_their_sentence(sample_report):
    sample_report.sections.overview.active = ("（一）主动公开情况。2024年全县主动公开政府信息5236条。"
                                              "2025年我们将继续加强政策解读。")
    draft, notes = prefill_with_notes(sample_report)
    active = draft.sections.overview.active
    assert not active.startswith("（一）")
    y5 = [f for f in check(draft) if f.code == "Y5" and f.location.text == "overview.active"]
    assert len(y5) == 1 and active[slice(*y5[0].location.span)] == "2025年全县主动公开政府信息5236条。"
    assert "5236条" in y5[0].message
    y6 = [f for f in check(draft) if f.code == "Y6" and f.location.text == "overview.active"]
    assert active[slice(*y6[0].location.span)] == "2025年我们将继续加强政策解读。"
    assert any("计划" in line for line in notes) and any("年份已后移" in line for line in notes)
    # rewritten with this year's figure: the mark goes
    draft.set_text("overview.active", active.replace("5236条", "6001条"))
    assert not [f for f in check(draft) if f.code == "Y5" and f.location.text == "overview.active"]


def test_prefilled_draft_prints_each_sub_heading_once(sample_report):
    sample_report.sections.overview.active = "（一）主动公开\n全年主动公开政府信息5236条。"
    draft, _ = prefill_with_notes(sample_report)
    view = build_view(draft)
    texts = [b.text for b in view.blocks]
    assert sum(t.startswith("（一）主动公开") for t in texts) == 1


def test_prefill_refuses_a_year_that_does_not_follow_without_force(sample_path, tmp_path, capsys):
    from forms.commands import main
    out = tmp_path / "2030.json"
    assert main(["prefill", str(sample_path), "--year", "2030", "-o", str(out)]) != 0
    assert "2029" in capsys.readouterr().err and not out.exists()
    assert main(["prefill", str(sample_path), "--year", "2030", "-o", str(out), "--force"]) == 0
