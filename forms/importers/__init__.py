"""Import a report written elsewhere: Word, a saved web page, a PDF, copied text, or our own export.

Every reader produces the same intermediate form (`document.SourceDocument`); one mapping step
matches it against the spec. `import_report` raises a `StoreError` (Chinese message naming the
file and the problem) for anything it cannot read: never a crash, never a hang.
"""
from __future__ import annotations

from forms.importers.result import (
    DamagedFileError, ImportCancelled, ImportNote, ImportResult, NotAReportError, TooLargeError,
    UnreadableDocument, UnsupportedFormatError,
)


def __getattr__(name: str):
    # The readers and their libraries (python-docx, lxml, pdfplumber) load when first asked for:
    # opening our own file through forms.importers.open needs none of them.
    if name == "import_report":
        from forms.importers.sniff import import_report
        return import_report
    raise AttributeError(name)

__all__ = ["import_report", "ImportResult", "ImportNote", "ImportCancelled", "UnreadableDocument",
           "UnsupportedFormatError", "DamagedFileError", "TooLargeError", "NotAReportError"]
