"""The preface and the sign-off date: made from the cover, carried from last year, checked against the cover."""
from __future__ import annotations

from datetime import date

from forms.importers.sections import join_lines
from forms.model.preface import default_sign_off, follow_cover, sign_off_date
from forms.model.prefill import prefill
from forms.render.view import build_view
from forms.rules import check


def test_a_preface_not_typed_by_hand_follows_a_changed_phone(sample_report):
    r = sample_report
    r.sections.preface = f"如有疑问请联系（电话：{r.organization.phone}）。"
    old = r.organization.phone
    r.organization.phone = "0576-88888888"
    assert follow_cover(r, "organization.phone", old, "0576-88888888") == "如有疑问请联系（电话：0576-88888888）。"
    r.sections.preface_by_hand = True
    assert follow_cover(r, "organization.phone", old, "0576-88888888") is None


def test_a_preface_by_hand_that_contradicts_the_cover_is_a_finding_at_the_number(sample_report):
    r = sample_report
    text = "如对本报告有疑问，请联系（邮编：318600，电话：0576-11111111，电子邮箱：x@example.cn）。"
    r.set_text("preface", text)
    found = [f for f in check(r) if f.code == "F7"]
    assert {f.subject for f in found} == {"organization.phone", "organization.email"}
    phone = next(f for f in found if f.subject == "organization.phone")
    assert text[slice(*phone.location.span)] == "0576-11111111" and phone.location.text == "preface"
    r.set_text("preface", text.replace("0576-11111111", r.organization.phone).replace("x@example.cn",
                                                                                      r.organization.email))
    assert not [f for f in check(r) if f.code == "F7"]


def test_the_printed_preface_is_the_standard_one_until_written_and_shows_the_cover(sample_report):
    sample_report.organization.phone = "0576-12345678"
    view = build_view(sample_report, date(2025, 1, 20))
    assert "0576-12345678" in view.blocks[0].text


def test_sign_off_date_defaults_to_the_export_day_within_january_after_the_year(sample_report):
    assert default_sign_off(2024, date(2025, 1, 20)) == date(2025, 1, 20)
    assert default_sign_off(2024, date(2027, 6, 1)) == date(2025, 1, 31)
    assert default_sign_off(2024, date(2024, 12, 28)) == date(2025, 1, 1)
    sample_report.sections.closing = "2025年1月18日"
    assert sign_off_date(sample_report, date(2025, 1, 20)) == "2025年1月18日"
    assert build_view(sample_report, date(2025, 1, 20)).signature[-1].text == "2025年1月18日"


def test_prefilled_preface_moves_a_year_and_follows_the_cover(sample_report):
    sample_report.sections.preface = "本报告统计期限自2024年1月1日起至2024年12月31日止。电话：0576-83216500。"
    draft = prefill(sample_report)
    assert draft.sections.preface == "本报告统计期限自2025年1月1日起至2025年12月31日止。电话：0576-83216500。"
    assert not draft.sections.preface_by_hand and "preface" not in draft.copied_texts


def test_a_pdf_line_break_inside_a_book_title_is_joined():
    lines = ["本报告由淮安市人民政府办公室根据《中华人民共和国政府", "信息公开条例》（国令第 711 号）规定编制。报告所列统计期限自",
             "2024 年 1 月 1 日至 2024 年 12 月 31 日。"]
    assert join_lines(lines) == ("本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）规定编制。"
                                 "报告所列统计期限自2024年1月1日至2024年12月31日。")
