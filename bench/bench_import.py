"""How long each reader takes on the real corpus and the fixtures, per document.

For each document: the whole import (reader + mapping + the source document's own checks), the
reader alone, and, as a baseline measured in the same run, the plainest reading of the same file
(for a PDF: pdfplumber's text of every page; for Word: unzipping its main part; otherwise: the bytes
decoded and split into lines).
PDFs also give pages per second. Figures are the median and the worst over the runs.
Then hostile files (tests/fixtures/import/hostile.py): how long each takes to be refused, and the
peak memory the refusal needed (tracemalloc), as a ratio to importing the clean Huai'an PDF.

    /work/venv-dev/bin/python bench/bench_import.py [runs]
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.model import store  # noqa: E402
from forms.importers import import_report  # noqa: E402
from forms.importers.docx import read_docx  # noqa: E402
from forms.importers.html import read_html  # noqa: E402
from forms.importers.pdf import read_pdf  # noqa: E402
from forms.importers.text import decode, read_text  # noqa: E402
from timing import timed

CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "import"



def reader(path: Path):
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return lambda: read_pdf(path)
    if suffix == ".docx":
        return lambda: read_docx(path)
    if suffix in (".html", ".htm"):
        return lambda: read_html(path.read_bytes(), path)
    return lambda: read_text(decode(path.read_bytes())[0])


def baseline(path: Path):
    if path.suffix.lower() == ".pdf":
        import pdfplumber

        def plain_text():
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
        return plain_text
    if path.suffix.lower() == ".docx":
        import zipfile

        def unzip():
            with zipfile.ZipFile(path) as zf:
                zf.read("word/document.xml")
        return unzip
    return lambda: path.read_bytes().decode("gb18030", errors="replace").splitlines()


def main(runs: int = 5) -> None:
    docs = sorted(CORPUS.glob("*.pdf")) + sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.docx")) \
        + sorted(FIXTURES.glob("*.docx")) + sorted(FIXTURES.glob("*.html")) + sorted(FIXTURES.glob("*.txt"))
    if not docs:
        print("no documents found (../shared/corpus missing?)")
        return
    print(f"{'document':44} {'import ms (med/worst)':>22} {'reader ms':>10} {'baseline ms':>12} {'ratio':>6} {'pages/s':>8}")
    for path in docs:
        result = import_report(path)  # warm up (imports, spec, OpenCC tables)
        whole = timed(lambda: import_report(path), runs)
        read = timed(reader(path), runs)
        base = timed(baseline(path), runs)
        med, worst = statistics.median(whole) * 1000, max(whole) * 1000
        ratio = statistics.median(whole) / statistics.median(base)
        pages = f"{result.pages / statistics.median(whole):8.1f}" if path.suffix == ".pdf" else f"{'':>8}"
        print(f"{path.name:44} {med:10.1f} / {worst:9.1f} {statistics.median(read) * 1000:10.1f} "
              f"{statistics.median(base) * 1000:12.2f} {ratio:6.1f} {pages}")


def peak(func) -> tuple[float, float, str]:
    """(seconds, peak MB, outcome) of one call."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        func()
        outcome = "imported"
    except store.StoreError as exc:
        outcome = f"refused: {exc.problem[:36]}"
    seconds = time.perf_counter() - start
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, top / 1024 / 1024, outcome


def hostile_inputs() -> None:
    sys.path.insert(0, str(FIXTURES))
    import hostile
    clean = CORPUS / "huaian_city_2024.pdf"
    base_s, base_mb, _ = peak(lambda: import_report(clean)) if clean.exists() else (1.0, 1.0, "")
    print(f"\n{'hostile input':28} {'seconds':>8} {'x clean':>8} {'peak MB':>8} {'x clean':>8}  outcome")
    print(f"{'(clean huaian_city_2024.pdf)':28} {base_s:8.2f} {1:8.1f} {base_mb:8.1f} {1:8.1f}")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        cases = {
            "random bytes as .docx": lambda: hostile.random_bytes(tmp / "r.docx"),
            "zip bomb as .docx": lambda: hostile.zip_bomb_docx(tmp / "z.docx"),
            "entity bomb in .docx": lambda: hostile.entity_bomb_docx(tmp / "e.docx",
                                                                    FIXTURES / "qinglan_transport_2023.docx"),
            "entity bomb in .html": lambda: hostile.entity_bomb_html(tmp / "e.html"),
            "huge .html (11 MB)": lambda: hostile.huge_html(tmp / "h.html"),
            "spans 99999999 in .html": lambda: hostile.absurd_spans_html(tmp / "s.html"),
            "PDF of 3000 pages": lambda: hostile.many_pages_pdf(tmp / "p.pdf"),
        }
        for name, build in cases.items():
            path = build()
            seconds, mb, outcome = peak(lambda: import_report(path))
            print(f"{name:28} {seconds:8.2f} {seconds / base_s:8.1f} {mb:8.1f} {mb / base_mb:8.1f}  {outcome}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    hostile_inputs()
