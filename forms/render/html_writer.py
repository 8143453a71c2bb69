"""The report as one self-contained, accessible web page (Jinja2, templates/report.html.j2).

Every data cell names its row and column headers (id/headers, WCAG H43) so a screen reader reads
each number with its labels; autoescape and StrictUndefined keep typed text text.
"""
from __future__ import annotations

import os
from datetime import date
from functools import cache
from importlib import resources

import jinja2
import markupsafe

from forms.model import embed
from forms.model import Report
from forms.model.atomic import write_atomic
from forms.render.view import ReportView, build_view

TEMPLATE = "report.html.j2"
WEB_CSS = "report.css"
QT_CSS = "report-qt.css"  # Qt's rich text understands a CSS 2 subset only (the PDF route)


def even_lines(text: str) -> markupsafe.Markup:
    """A short label in a narrow column on two even lines (结果<br>维持), not broken where Qt runs out
    of room (结果维<br>持)."""
    if not 4 <= len(text) <= 6 or not text.isalpha():
        return markupsafe.escape(text)
    half = (len(text) + 1) // 2
    return markupsafe.escape(text[:half]) + markupsafe.Markup("<br>") + markupsafe.escape(text[half:])


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.files("templates"))),
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["even_lines"] = even_lines
    return env


def render_view(view: ReportView, data: str = "", *, for_qt: bool = False) -> str:
    """The page for a view; `data` is the embedded report JSON (already safe inside <script>).

    for_qt: the variant Qt lays out for the PDF and the preview, with the table sizes as attributes.
    """
    return environment().get_template(TEMPLATE).render(
        view=view, data=data, data_id=embed.HTML_SCRIPT_ID, for_qt=for_qt,
        stylesheet=QT_CSS if for_qt else WEB_CSS)


def html_text(report: Report, *, today: date | None = None, embed_data: bool = True,
              for_qt: bool = False) -> str:
    data = embed.to_html_script_text(report) if embed_data else ""
    return render_view(build_view(report, today), data, for_qt=for_qt)


def write_html(report: Report, path: str | os.PathLike, *, today: date | None = None) -> None:
    write_atomic(path, html_text(report, today=today).encode("utf-8"))
