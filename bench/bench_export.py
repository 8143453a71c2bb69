"""How long exporting the bundled sample takes, as DOCX and as HTML, beside floors doing
comparable work with the same libraries, taking turns in the same run:
  DOCX: python-docx opening the reference document, adding the report's texts as paragraphs and
        every table row as a line of its label and values, and saving it (python-docx tables are
        slower to fill cell by cell than our writer's merged grid, so a table would be no floor);
  HTML: the same Jinja2 environment rendering the report's texts and every table's cells as plain
        rows (no merged headers, no styles, no embedded data).
min / median / max over the runs, and the medians' ratio: what our layout (merged official
headers, GB/T 9704 styles, the embedded data for re-import) costs beyond the floor.

    .venv/bin/python bench/bench_export.py [runs]
"""
from __future__ import annotations

import io
import statistics
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from forms.model import store  # noqa: E402
from forms.model.values import format_cell  # noqa: E402
from forms.render.docx_writer import default_reference, docx_bytes  # noqa: E402
from forms.render.html_writer import environment, html_text  # noqa: E402
from timing import alternating, spread  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"
TODAY = date(2025, 1, 20)
PLAIN = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title></head><body>
<h1>{{ title }}</h1>{% for text in texts %}<p>{{ text }}</p>{% endfor %}
{% for table in tables %}<h2>{{ table.caption }}</h2><table>
{% for row in table.rows %}<tr><th>{{ row.label }}</th>{% for value in row.cells %}<td>{{ value }}</td>{% endfor %}</tr>
{% endfor %}</table>{% endfor %}</body></html>"""


def plain_content(report) -> dict:
    """The report's texts and every table's cells (labels and values as shown), nothing else."""
    tables = []
    for table in report.spec.tables:
        values = report.table_values(table.key)
        tables.append({"caption": table.caption, "rows": [
            {"label": row.label, "cells": [format_cell(values[row.key][c.key]) for c in table.columns
                                           if c.key in values[row.key]]}
            for row in table.rows if row.key in values]})
    return {"title": report.display_title, "texts": [report.text(k) for k in report.text_keys], "tables": tables}


def floor_docx(content: dict) -> None:
    document = docx.Document(str(default_reference()))
    document.add_heading(content["title"])
    for text in content["texts"]:
        document.add_paragraph(text)
    for table in content["tables"]:
        document.add_paragraph(table["caption"])
        for row in table["rows"]:
            document.add_paragraph("\t".join([row["label"], *row["cells"]]))
    document.save(io.BytesIO())


def main(runs: int = 30) -> None:
    report = store.load(SAMPLE)
    content = plain_content(report)
    plain = environment().from_string(PLAIN)
    cells = sum(len(r["cells"]) for t in content["tables"] for r in t["rows"])
    rows = [
        ("DOCX export", "python-docx: the same texts and cells as lines", runs,
         lambda: docx_bytes(report, today=TODAY), lambda: floor_docx(content)),
        ("HTML export", "Jinja2: the same texts and cells as plain rows", runs * 10,
         lambda: html_text(report, today=TODAY), lambda: plain.render(**content)),
    ]
    print(f"sample: {SAMPLE.name} ({cells} cells, {sum(map(len, content['texts']))} characters of text); "
          f"ms, min / median / max, taking turns with the floor")
    for name, floor_name, n, func, floor in rows:
        t = alternating({"export": func, "floor": floor}, n, warm=True)
        ratio = statistics.median(t["export"]) / statistics.median(t["floor"])
        print(f"{name:12} {spread(t['export']):>24}   floor {spread(t['floor']):>22}   {ratio:5.1f}× floor ({floor_name})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
