"""Pictures of the Word export for the README: page 1 and the page with table 三.

The sample is exported to DOCX, converted by LibreOffice and rasterised by pdftoppm; machines
without the GB fonts (仿宋_GB2312 …) get the stand-ins of forms.render.fontmap, as the app's PDF does.

    .venv/bin/python docs/export/make_pictures.py
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from forms.model import store  # noqa: E402
from forms.render import write_docx  # noqa: E402
from forms.render.office import docx_to_pdf_bytes  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"
def page_with(pdf: Path, words: str) -> int:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for number, page in enumerate(text.split("\f"), start=1):
        if words in page.replace(" ", ""):
            return number
    raise SystemExit(f"“{words}” not found in the PDF")


def snap(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)
    print(target)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docx_path = tmp / "sample.docx"
        write_docx(store.load(SAMPLE), docx_path, today=date(2025, 1, 20))
        pdf = tmp / "sample.pdf"
        pdf.write_bytes(docx_to_pdf_bytes(docx_path))
        snap(pdf, 1, HERE / "page1.png")
        snap(pdf, page_with(pdf, "申请人情况"), HERE / "table3.png")


if __name__ == "__main__":
    main()
