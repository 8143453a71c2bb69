"""Publishing a report: DOCX in the official format, an accessible web page, the embedded data.

The PDF is made in gui/pdf.py (Qt) or by LibreOffice (forms.render.office); both start from here.
"""
from __future__ import annotations

import importlib

# Each name from the module that defines it, imported when first asked for: a caller of one
# module here (the gate, the view) does not load python-docx and Jinja2 with the package.
_HOMES = {"ReferenceDocError": "reference_doc", "docx_bytes": "docx_writer", "write_docx": "docx_writer",
          "Verdict": "gate", "assess": "gate", "describe": "gate", "record_export": "gate",
          "html_text": "html_writer", "write_html": "html_writer", "build_view": "view"}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
