"""LibreOffice's PDF of our DOCX: Word's layout, with the official faces as the best installed SC faces
(optional; Qt is the fallback)."""
from __future__ import annotations

import os
import threading
from pathlib import Path

from forms.model.office import Cancelled, OfficeError, convert_bytes, find_soffice
from forms.render.fontmap import fontconfig_file

__all__ = ["Cancelled", "OfficeError", "docx_to_pdf_bytes", "find_soffice"]


def _fonts(tmp: Path) -> dict[str, str]:
    conf = fontconfig_file(tmp)
    return {"FONTCONFIG_FILE": str(conf)} if conf is not None else {}


def docx_to_pdf_bytes(docx_path: str | os.PathLike, soffice: str | None = None, *,
                      cancel: threading.Event | None = None) -> bytes:
    return convert_bytes(docx_path, "pdf", soffice=soffice, cancel=cancel, env_for=_fonts)
