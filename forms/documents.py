"""Open any report a clerk may hand us: our own file, or (through the importers) anything else."""
from __future__ import annotations

import os
from pathlib import Path

from forms import store
from forms.model import Report


def open_report(path: str | os.PathLike) -> Report:
    """Our native file, else whatever the importers can read. Raises StoreError with a Chinese message."""
    path = Path(path)
    try:
        return store.load(path)
    except store.NotOurFileError as not_ours:
        try:
            from forms.importers import import_report
        except ImportError:
            raise not_ours from None
        return import_report(path).report
