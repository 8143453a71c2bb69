"""How long each reader takes on the real corpus and the fixtures, per document.

For each document three figures taking turns run after run (so all see the same moments of a busy
machine): the whole import (reader + mapping + the source document's own checks), the reader
alone, and a floor: the least any reader of that kind must do with the same file —
  PDF:  pdfplumber's text of every page;
  Word: unzipping word/document.xml, parsing it with lxml and reading every run's text (python-docx
        opening the whole package is slower than our reader: no floor);
  HTML: lxml parsing the page and reading the text of every table cell and paragraph;
  text: the bytes decoded as our reader decodes them (UTF-8, else GB18030), split into lines.
min / median / max over the runs; the ratios are the medians': the reader's to the floor (what reading
costs beyond the least), and the whole import's (the mapping onto the spec is the rest). PDFs also give
pages per second.
Then hostile files (tests/fixtures/import/hostile.py), each imported in a fresh process: the
seconds it took to be refused and the peak resident memory of that process (VmHWM: getrusage's
ru_maxrss would carry over the bench's own, larger, peak from before the exec), beside the
same for the clean Huai'an PDF and for a process that only starts Python and imports the readers.

    .venv/bin/python bench/bench_import.py [runs]
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.importers import import_report  # noqa: E402
from forms.importers.docx import read_docx  # noqa: E402
from forms.importers.html import read_html  # noqa: E402
from forms.importers.pdf import read_pdf  # noqa: E402
from forms.importers.text import decode, read_text  # noqa: E402
from timing import alternating  # noqa: E402

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


def floor(path: Path):
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pdfplumber

        def plain_text():
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
        return plain_text
    if suffix == ".docx":
        import zipfile

        from lxml import etree

        def runs_text():
            with zipfile.ZipFile(path) as zf:
                root = etree.fromstring(zf.read("word/document.xml"))
            [t.text for t in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")]
        return runs_text
    if suffix in (".html", ".htm"):
        import lxml.html

        def cells():
            page = lxml.html.document_fromstring(path.read_bytes())
            [el.text_content() for el in page.iter("td", "th", "p")]
        return cells
    return lambda: decode(path.read_bytes())[0].splitlines()


def main(runs: int = 5) -> None:
    docs = sorted(CORPUS.glob("*.pdf")) + sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.docx")) \
        + sorted(FIXTURES.glob("*.docx")) + sorted(FIXTURES.glob("*.html")) + sorted(FIXTURES.glob("*.txt"))
    if not docs:
        print("no documents found (../shared/corpus missing?)")
        return
    print(f"{runs} runs, the three taking turns (ms, min / median / max)")
    print(f"{'document':36} {'import':>24} {'reader':>10} {'floor':>10} {'reader×':>8} {'import×':>8} {'pages/s':>8}")
    for path in docs:
        result = import_report(path)  # warm up (imports, spec, OpenCC tables)
        t = alternating({"import": lambda: import_report(path), "reader": reader(path), "floor": floor(path)},
                        runs, warm=True)
        whole, base = statistics.median(t["import"]), statistics.median(t["floor"])
        read = statistics.median(t["reader"])
        span = f"{min(t['import']) * 1000:.1f} / {whole * 1000:.1f} / {max(t['import']) * 1000:.1f}"
        pages = f"{result.pages / whole:8.1f}" if path.suffix == ".pdf" else f"{'':>8}"
        print(f"{path.name[:36]:36} {span:>24} {read * 1000:10.1f} "
              f"{base * 1000:10.2f} {read / base:8.1f} {whole / base:8.1f} {pages}")


IMPORT_ONE = """
import sys, time
start = time.perf_counter()
from forms.importers import import_report
from forms.model.store import StoreError
if sys.argv[1] != "-":
    try:
        import_report(sys.argv[1]); outcome = "imported"
    except StoreError as exc:
        outcome = "refused: " + exc.problem[:36]
else:
    import forms.importers.sniff, forms.importers.pdf, docx, lxml.html; outcome = "(nothing read)"
seconds = time.perf_counter() - start
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(seconds, peak_kb / 1024, outcome, sep="\\t")
"""


def in_process(path: str) -> tuple[float, float, str]:
    """(seconds, peak RSS MB, outcome) of importing one file in a fresh process."""
    done = subprocess.run([sys.executable, "-c", IMPORT_ONE, path], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)
    seconds, mb, outcome = done.stdout.strip().split("\t")
    return float(seconds), float(mb), outcome


def hostile_inputs() -> None:
    sys.path.insert(0, str(FIXTURES))
    import hostile
    clean = CORPUS / "huaian_city_2024.pdf"
    start_s, start_mb, _ = in_process("-")
    base_s, base_mb, _ = in_process(str(clean)) if clean.exists() else (1.0, start_mb, "")
    print("\neach in a fresh process: seconds (imports included) and peak RSS")
    print(f"{'hostile input':28} {'seconds':>8} {'x clean':>8} {'peak MB':>8} {'x clean':>8}  outcome")
    print(f"{'(Python + the readers only)':28} {start_s:8.2f} {start_s / base_s:8.2f} {start_mb:8.1f} "
          f"{start_mb / base_mb:8.2f}")
    print(f"{'(clean huaian_city_2024.pdf)':28} {base_s:8.2f} {1:8.2f} {base_mb:8.1f} {1:8.2f}")
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
            seconds, mb, outcome = in_process(str(build()))
            print(f"{name:28} {seconds:8.2f} {seconds / base_s:8.2f} {mb:8.1f} {mb / base_mb:8.2f}  {outcome}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
    hostile_inputs()
