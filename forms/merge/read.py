"""Reading one unit, in a worker process: import, check, and keep only what the consolidation needs.

What comes back to the consolidating process is small (the unit's entered cells, its findings
counted, a sample of its texts for H3): never the imported document itself.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from forms.model.consolidation import Unit, UnitStatus
from forms.model.findings import Severity
from forms.merge.cells import values_2021
from forms.merge.similar import Signature, signatures

_SPACES = re.compile(r"\s+")


@dataclass
class UnitRead:
    unit: Unit
    organ_key: str = ""   # the organ's name, normalised: the same organ filing twice is one unit
    texts: dict[str, Signature] = field(default_factory=dict)


def organ_key(name: str) -> str:
    return _SPACES.sub("", name).replace("(", "（").replace(")", "）")


def file_hash(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def read_unit(path: str) -> UnitRead:
    """Never raises for a bad file: an unreadable unit is a unit with that status and the reason."""
    from forms.importers import import_report  # in the worker: the readers load on first use
    from forms.rules import check
    from forms.model.store import StoreError

    p = Path(path)
    try:
        sha = file_hash(p)
    except OSError as exc:
        return UnitRead(Unit(name=p.stem, file=path, status=UnitStatus.UNREADABLE,
                             note=f"无法读取“{p.name}”：{exc.strerror or exc}"))
    try:
        result = import_report(p)
    except StoreError as exc:
        return UnitRead(Unit(name=p.stem, file=path, sha256=sha, status=UnitStatus.UNREADABLE, note=str(exc)))
    except Exception as exc:  # a reader's bug must cost one unit, not the whole consolidation
        return UnitRead(Unit(name=p.stem, file=path, sha256=sha, status=UnitStatus.UNREADABLE,
                             note=f"无法读取“{p.name}”：{type(exc).__name__}"))
    report = result.report
    values, note = values_2021(report)
    findings = check(report, stated=result.stated)  # the unit's own written totals count (A2–A4)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    errors = counts[Severity.ERROR]
    unit = Unit(
        name=report.organization.name or p.stem, file=path, sha256=sha, year=report.year,
        format=result.format if result.format != "native" else report.template,
        source_kind=result.source_kind, level=report.organization.level.value,
        status=UnitStatus.ERRORS if errors else UnitStatus.WARNINGS if counts[Severity.WARNING] else UnitStatus.CLEAN,
        errors=errors, warnings=counts[Severity.WARNING], infos=counts[Severity.INFO],
        error_codes=list(dict.fromkeys(f.code for f in findings if f.severity is Severity.ERROR)),
        note=note, values=values)
    if all(v is None for v in values):
        unit.status = UnitStatus.UNREADABLE
        unit.note = f"“{p.name}”中没有读到任何统计数字（表二、三、四），无法汇总。"
    return UnitRead(unit, organ_key(report.organization.name), signatures(report))
