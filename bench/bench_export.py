"""How long exporting the bundled sample takes, as DOCX and as HTML.

Each figure is the median and the worst over many runs, and the median as a ratio to a floor
measured in the same run, so a slower or busier machine moves both:
  DOCX: python-docx opening and saving the reference document unchanged (what any export pays);
  HTML: rendering an empty template through the same Jinja2 environment.

    /work/venv-dev/bin/python bench/bench_export.py [runs]
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
from forms.render.docx_writer import default_reference, docx_bytes  # noqa: E402
from forms.render.html_writer import environment, html_text  # noqa: E402
from timing import timed

SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"
TODAY = date(2025, 1, 20)



def floor_docx() -> None:
    document = docx.Document(str(default_reference()))
    document.save(io.BytesIO())


def main(runs: int = 30) -> None:
    report = store.load(SAMPLE)
    empty = environment().from_string("")
    rows = [
        ("DOCX export", timed(lambda: docx_bytes(report, today=TODAY), runs, warm=True),
         "python-docx open+save of the reference", timed(floor_docx, runs, warm=True)),
        ("HTML export", timed(lambda: html_text(report, today=TODAY), runs * 10, warm=True),
         "empty template render", timed(empty.render, runs * 10, warm=True)),
    ]
    print(f"sample: {SAMPLE.name}")
    for name, times, floor_name, floor in rows:
        median, worst, base = statistics.median(times), max(times), statistics.median(floor)
        print(f"{name:12s} median {median * 1000:8.2f} ms  worst {worst * 1000:8.2f} ms  "
              f"= {median / base:8.1f} × floor ({floor_name}: {base * 1000:.3f} ms)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
