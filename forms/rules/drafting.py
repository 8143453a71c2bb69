"""F7, Y5 and Y6: what a draft still carries from elsewhere — a preface that no longer matches the
cover, last year's figures and plans in text copied from last year's report."""
from __future__ import annotations

from forms.model.findings import Finding, Location, Severity
from forms.model.carried import figures_in
from forms.model.preface import contradictions
from forms.rules import Context, rule


@rule("F7")
def preface_matches_cover(ctx: Context):
    for c in contradictions(ctx.report):
        yield Finding("F7", Severity.WARNING,
                      f"前言中的{c.label}“{c.stated}”与封面信息“{c.cover}”不一致：请改正其中一处。",
                      Location(section="cover", text="preface", span=c.span),
                      expected=c.cover, actual=c.stated, subject=c.field)


@rule("Y5")
def carried_figures(ctx: Context):
    """A sentence carried from last year that still states last year's figure, where it stands."""
    yield from _carried(ctx, "figure")


@rule("Y6")
def carried_plans(ctx: Context):
    """Last year's plan for this year, carried over: it should now say what was done."""
    yield from _carried(ctx, "plan")


def _carried(ctx: Context, kind: str):
    r = ctx.report
    for key, items in r.carried.items():
        if key not in r.text_keys:
            continue
        text = r.text(key)
        for item in items:
            if item.kind != kind:
                continue
            start = text.find(item.text)
            if start < 0:
                continue  # rewritten: nothing carried is left to point at
            span = (start, start + len(item.text))
            if kind == "figure":
                quoted = "、".join(figures_in(item.text)[:4])
                message = f"沿用上年报告的句子仍写着上年的数字（{quoted}）：请改为 {r.year} 年的数字；确实相同的，核实后标记为已核实。"
            else:
                message = f"上年报告对 {r.year} 年的计划仍原样保留：请改写为 {r.year} 年的落实情况，或删去。"
            yield Finding("Y5" if kind == "figure" else "Y6", Severity.WARNING, message,
                          Location(text=key, span=span), subject=item.text)
