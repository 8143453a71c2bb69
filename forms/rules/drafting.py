"""F7 and Y5: what a draft still carries from elsewhere — a preface that no longer matches the
cover, last year's figures in text copied from last year's report."""
from __future__ import annotations

from forms.model.findings import Finding, Location, Severity
from forms.model.preface import contradictions
from forms.rules import Context, rule


@rule("F7")
def preface_matches_cover(ctx: Context):
    for c in contradictions(ctx.report):
        yield Finding("F7", Severity.WARNING,
                      f"前言中的{c.label}“{c.stated}”与封面信息“{c.cover}”不一致：请改正其中一处。",
                      Location(section="cover", text="preface", span=c.span),
                      expected=c.cover, actual=c.stated, subject=c.field)
