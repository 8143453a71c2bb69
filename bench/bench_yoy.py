"""How long the year-over-year exports take: the series core, the comparison (HTML, DOCX) and the
图解 (HTML, PNG at 300 dpi, PDF), on the bundled sample with last year attached.

Each export is timed alternately with a floor doing the unavoidable part of the same output in the
same run (so a busier machine moves both), over several rounds: min / median / max, and the median
as a ratio to the floor's median.
  series:          reading every table of both years once (table_values)
  compare HTML, 图解 HTML: the report's own web page export (what a clerk already waits for)
  compare DOCX:    python-docx opening and saving the reference document unchanged
  图解 PNG:        Qt encoding a blank image of the same size as PNG
  图解 PDF:        QPdfWriter writing one blank page of the same size

    .venv/bin/python bench/bench_yoy.py [rounds]
"""
from __future__ import annotations

import io
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import docx  # noqa: E402

from forms.model import store  # noqa: E402
from forms.model.series import compare  # noqa: E402
from forms.render import compare as comparison  # noqa: E402
from forms.render.charts import infographic, page_svg  # noqa: E402
from forms.render.docx_writer import default_reference  # noqa: E402
from forms.render.html_writer import html_text  # noqa: E402
from forms.render.infographic import html_text as infographic_html  # noqa: E402
from gui import svg_raster  # noqa: E402
from timing import timed  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"


def alternate(func, floor, rounds: int, per_round: int) -> tuple[list[float], list[float]]:
    """The export and its floor, one after the other in every round."""
    func(), floor()  # warm: templates, spec, fonts
    ours, base = [], []
    for _ in range(rounds):
        ours += timed(func, per_round)
        base += timed(floor, per_round)
    return ours, base


def main(rounds: int = 5) -> None:
    report = store.load(SAMPLE)

    def report_html():
        html_text(report, embed_data=True)
    svg = page_svg(infographic(report))
    svg_raster.ensure_gui_application()

    def series():
        c = compare(report)
        return c.cells, c.key_figures, c.measures

    def read_tables():
        for r in (report, report.prior):
            for t in r.spec.tables:
                r.table_values(t.key)

    def docx_floor():
        docx.Document(str(default_reference())).save(io.BytesIO())

    def png_floor():
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QColor, QImage
        image = QImage(2481, 3509, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        data = QByteArray()  # kept alive while the buffer writes into it
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")

    def pdf_floor():
        import tempfile
        from PySide6.QtGui import QPageSize, QPainter, QPdfWriter
        with tempfile.TemporaryDirectory() as tmp:
            writer = QPdfWriter(str(Path(tmp) / "x.pdf"))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            QPainter(writer).end()

    rows = [
        ("series (every cell, 2 years)", series, read_tables, "table_values of both years", 20),
        ("compare HTML", lambda: comparison.html_text(comparison.build_compare_view(report)),
         report_html, "report's web export", 5),
        ("compare DOCX", lambda: comparison.docx_bytes(comparison.build_compare_view(report)), docx_floor,
         "python-docx open+save", 2),
        ("图解 HTML", lambda: infographic_html(infographic(report)), report_html, "report's web export", 5),
        ("图解 PNG 300 dpi", lambda: svg_raster.raster(svg, "png"), png_floor, "blank A4 PNG encode", 1),
        ("图解 PDF", lambda: svg_raster.raster(svg, "pdf"), pdf_floor, "blank PDF page", 2),
    ]
    print(f"sample: {SAMPLE.name} (with its 2023 prior); {rounds} rounds, alternating with the floor")
    for name, func, floor, floor_name, per_round in rows:
        ours, base = alternate(func, floor, rounds, per_round)
        med, fmed = statistics.median(ours), statistics.median(base)
        print(f"{name:30s} min {min(ours) * 1000:8.1f}  median {med * 1000:8.1f}  max {max(ours) * 1000:8.1f} ms"
              f"  = {med / fmed:6.1f} × floor ({floor_name}: {fmed * 1000:.2f} ms)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
