"""Publishing a report: DOCX in the official format, an accessible web page, the embedded data.

The PDF is made in gui/pdf.py (Qt) or by LibreOffice (forms.render.office); both start from here.
"""
from forms.render.docx_writer import ReferenceDocError, docx_bytes, write_docx
from forms.render.gate import Verdict, assess, describe, record_export
from forms.render.html_writer import html_text, write_html
from forms.render.view import build_view

__all__ = ["ReferenceDocError", "Verdict", "assess", "build_view", "describe", "docx_bytes", "html_text",
           "record_export", "write_docx", "write_html"]
