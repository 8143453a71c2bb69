"""Open any report a clerk may hand us: our own file, or (through the importers) anything else."""
from __future__ import annotations

import os
from pathlib import Path

from forms.importers.sniff import import_report
from forms.model import Report, store


def open_report(path: str | os.PathLike) -> Report:
    """Our native file, else whatever the importers can read. Raises StoreError with a Chinese message."""
    path = Path(path)
    try:
        return store.load(path)
    except store.NotOurFileError:
        return import_report(path).report
