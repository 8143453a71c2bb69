"""Open any report a clerk may hand us: our own file, or (through the importers) anything else."""
from __future__ import annotations

import os
from pathlib import Path

from forms.importers.sniff import import_report
from forms.model import Report, store


def open_report(path: str | os.PathLike) -> tuple[Report, bool]:
    """The report, and whether it is our own file (only that may be saved back: an import never
    overwrites its source). Raises StoreError with a Chinese message."""
    path = Path(path)
    try:
        return store.load(path), True
    except store.NotOurFileError:
        return import_report(path).report, False
