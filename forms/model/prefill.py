"""Next year's draft from last year's report: what carries over, and nothing else.

Organ data; 二、上年结转 = last year's 四、结转下年度继续办理, column by column; the text
sections as drafts with their year references moved on (marked as copied, so Y3 fires until
they are rewritten); last year's report attached, so Y1–Y4 check against it. Every other cell
is blank: this year's figures are this year's to enter.
"""
from __future__ import annotations

import re

from forms.model import MAX_EARLIER, CarriedSentence, Report, Sections, new_report
from forms.model.carried import CarryNotes, carry_text, strip_topic_heading
from forms.spec import format_for_year


def _move_years(text: str, year: int) -> str:
    """2023年 → 2024年 and 2022年 → 2023年 (last year's “上年”) in a text of the report year - 1."""
    prior = year - 1

    def shift(m: re.Match) -> str:
        y = int(m.group(1))
        return f"{y + 1}{m.group(2)}" if y in (prior, prior - 1) else m.group(0)

    return re.sub(r"(\d{4})(\s*年)", shift, text)


def _prior_cell(prior: Report, template: str, cell: tuple[str, str, str]) -> tuple[str, str, str] | None:
    """The cell of last year's report that holds `cell` of the new format: itself, or where the older
    format's migration table says it comes from (a 2019-format report becoming a 2021 draft)."""
    if prior.template == template:
        return cell
    migration = prior.spec.migration
    return migration.source_of(cell) if migration and migration.target == template else None


def format_change(prior: Report, draft: Report) -> list[str]:
    """What a clerk should know when last year's report was in an older format than this year's draft."""
    if prior.template == draft.template:
        return []
    lines = [f"上年报告为{prior.spec.name}，本年度草稿为{draft.spec.name}。"]
    migration = prior.spec.migration
    if migration is not None:
        lines += [f"{m.note}。" for m in migration.moves if m.note and m.target is None]
    return lines


def prefill(prior: Report, year: int | None = None) -> Report:
    return prefill_with_notes(prior, year)[0]


def prefill_with_notes(prior: Report, year: int | None = None) -> tuple[Report, list[str]]:
    """The draft, and what carrying last year's texts over did (for the clerk to read)."""
    year = year or prior.year + 1
    # The new year is written in the format in force, whatever format last year's report used.
    template = format_for_year(year)
    draft = new_report(year, template=template)
    draft.organization = prior.organization.model_copy()
    co = draft.spec.carry_over
    for col in (draft.spec.table(co["table"]).columns if co else ()):  # a format without tables has none
        if col.computed:
            continue
        source = _prior_cell(prior, draft.template, (co["table"], co["from_prior_row"], col.key))
        if source is not None:
            draft.set_cell(co["table"], co["row"], col.key, prior.table_values(source[0])[source[1]][source[2]])
    sections: Sections = prior.sections.model_copy(deep=True)
    sections.closing = ""
    # Last year's preface moves on a year and follows this year's cover from here on (not Y3's business).
    sections.preface = _move_years(sections.preface, year)
    sections.preface_by_hand = False
    draft.sections = sections
    copied = []
    notes = CarryNotes()
    keywords = {f"overview.{t.key}": t.keyword for t in draft.spec.topics}
    for key in draft.text_keys:
        if key == "preface":
            continue
        text = draft.text(key)
        if key in keywords:  # the sub-heading is printed by the format: not again inside the text
            stripped = strip_topic_heading(text, keywords[key])
            notes.headings += stripped != text
            text = stripped
        if text.strip():
            moved, remembered = carry_text(text, year, notes)
            draft.set_text(key, moved)
            copied.append(key)
            if remembered:
                draft.carried[key] = [CarriedSentence(kind=k, text=t) for k, t in remembered]
    draft.copied_texts = copied
    draft.drafting = True
    draft.prior = prior.model_copy(update={"prior": None, "earlier": []})
    # Last year's own earlier years move one step back, so the series over the years goes on.
    older = ([prior.prior] if prior.prior is not None else []) + list(prior.earlier)
    draft.earlier = [r.model_copy(update={"prior": None, "earlier": []})
                     for r in older if r.year < prior.year][:MAX_EARLIER]
    return draft, format_change(prior, draft) + notes.lines(year)
