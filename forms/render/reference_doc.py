"""The error of an office's reference document (its Word styles), apart from the DOCX writer, so that
the export flow can name it without loading python-docx for an HTML export."""
from __future__ import annotations


class ReferenceDocError(Exception):
    """An office's reference document that cannot be used; the message is for the clerk."""
