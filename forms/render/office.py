"""LibreOffice's PDF of our DOCX: Word's layout, with the official faces as the best installed SC faces
(optional; Qt is the fallback)."""
from __future__ import annotations

import os
import tempfile
import threading
from datetime import date
from pathlib import Path

from forms.model import Report
from forms.model.atomic import write_atomic
from forms.model.office import Cancelled, OfficeError, convert_bytes, find_soffice
from forms.render.docx_writer import write_docx
from forms.render.fontmap import fontconfig_file

__all__ = ["Cancelled", "OfficeError", "docx_to_pdf_bytes", "find_soffice", "write_pdf"]


def _fonts(tmp: Path) -> dict[str, str]:
    conf = fontconfig_file(tmp)
    return {"FONTCONFIG_FILE": str(conf)} if conf is not None else {}


def docx_to_pdf_bytes(docx_path: str | os.PathLike, soffice: str | None = None, *,
                      cancel: threading.Event | None = None) -> bytes:
    return convert_bytes(docx_path, "pdf", soffice=soffice, cancel=cancel, env_for=_fonts)


def write_pdf(report: Report, path: str | os.PathLike, soffice: str, *,
              reference_doc: str | os.PathLike | None = None, today: date | None = None,
              cancel: threading.Event | None = None) -> None:
    """The PDF as LibreOffice lays out our DOCX (no Qt needed: the command line uses it as is)."""
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(tmp) / "report.docx"
        write_docx(report, docx_path, reference_doc=reference_doc, today=today)
        write_atomic(path, docx_to_pdf_bytes(docx_path, soffice, cancel=cancel))
