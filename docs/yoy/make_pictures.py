"""Pictures of the year-over-year features for the README: the 图解 of the sample, the editor's
对比 page (the window, and the whole page with its charts) and page 1 of the comparison in Word.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/yoy/make_pictures.py
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from forms.model import store  # noqa: E402
from forms.render.charts import infographic, page_svg  # noqa: E402
from forms.render.compare import write_compare  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"
README_DPI = 150  # the export itself is 300 dpi; half is enough on a web page


def infographic_png() -> None:
    from gui.svg_raster import png_bytes
    target = HERE / "infographic.png"
    target.write_bytes(png_bytes(page_svg(infographic(store.load(SAMPLE))), dpi=README_DPI))
    print(target)


def compare_page() -> None:
    from PySide6.QtCore import QSettings, QTemporaryDir
    from PySide6.QtWidgets import QApplication
    from gui.context import AppContext
    from gui.main_window import MainWindow
    from gui.screenshot import SIZE, Unattended
    scratch = QTemporaryDir()
    settings = QSettings(str(Path(scratch.path()) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(settings=settings, recovery=None, interaction=Unattended()))
    window.resize(*SIZE)
    window.open_path(SAMPLE)
    window.show()
    page = window.show_page("compare")
    for _ in range(3):
        QApplication.processEvents()
    window.grab().save(str(HERE / "compare-window.png"))
    print(HERE / "compare-window.png")
    body = page.widget()
    body.resize(1000, body.heightForWidth(1000) if body.hasHeightForWidth() else body.sizeHint().height())
    body.layout().activate()
    for _ in range(3):
        QApplication.processEvents()
    body.grab().save(str(HERE / "compare-page.png"))
    print(HERE / "compare-page.png")
    window.close()


def compare_docx() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "对比.docx"
        write_compare(store.load(SAMPLE), docx)
        subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                       check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                        str(Path(tmp) / "对比.pdf"), str(HERE / "compare-docx")], check=True)
    print(HERE / "compare-docx.png")


if __name__ == "__main__":
    from gui.app import create_application
    create_application()  # the widgets' application first: the raster engine would make a bare one
    infographic_png()
    compare_page()
    compare_docx()
