"""Open any report a clerk may hand us: our own file, or (through the importers) anything else."""
from __future__ import annotations

import os
from pathlib import Path

from forms.importers.result import NATIVE, ImportResult
from forms.model import Report, store


def open_report(path: str | os.PathLike) -> tuple[Report, bool]:
    """The report, and whether it is our own file (only that may be saved back: an import never
    overwrites its source). Raises StoreError with a Chinese message."""
    path = Path(path)
    try:
        return store.load(path), True
    except store.NotOurFileError:
        from forms.importers.sniff import import_report  # the readers' libraries, only for a foreign file
        return import_report(path).report, False


def open_source(path: str | os.PathLike) -> ImportResult:
    """As `open_report`, with what an import found beside the report (the totals the source wrote,
    for the source's own errors A2–A4); our own file is a result of format `native`."""
    path = Path(path)
    try:
        return ImportResult(store.load(path), NATIVE, "native-json")
    except store.NotOurFileError:
        from forms.importers.sniff import import_report
        return import_report(path)
