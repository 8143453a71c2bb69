"""Consolidate units' reports into one 2021-format draft for the consolidating government.

Units are read in worker processes (`read_units`), assessed as a set (duplicates, other years),
summed cell by cell, and the draft keeps the `Consolidation` record beside its tables.
"""
from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from forms.model.consolidation import Consolidation, PriorUnit, SimilarTexts, Unit, UnitStatus, cell_keys, split_key, sums
from forms.merge.read import UnitRead, read_unit
from forms.merge.similar import similar_groups
from forms.model import Organization, OrgLevel, Report, new_report
from forms.spec import CURRENT_TEMPLATE, load_spec

# progress(done, total, unit just read): may raise forms.importers.ImportCancelled to stop.
Progress = Callable[[int, int, Unit], None]
REPORT_SUFFIXES = {".json", ".docx", ".doc", ".wps", ".html", ".htm", ".mht", ".mhtml", ".pdf", ".txt"}  # .doc: told to save as .docx
PARALLEL_FROM = 4  # fewer units than this read faster in this process than in started workers


class NoUnitsError(ValueError):
    """Nothing to consolidate; `str()` says why, in Chinese."""


def files_in(folder: str | os.PathLike) -> list[Path]:
    """The report files of a folder (not its sub-folders), by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NoUnitsError(f"“{folder}”不是文件夹。")
    return sorted((p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
                   and not p.name.startswith(("~$", "."))), key=lambda p: p.name)


def default_workers(count: int) -> int:
    if count < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, count))


def read_units(paths: list[str], *, workers: int | None = None, progress: Progress | None = None,
               executor: Executor | None = None) -> Iterator[UnitRead]:
    """Each path read (in input order), in `workers` processes; 1 reads here, one after another."""
    total = len(paths)
    workers = default_workers(total) if workers is None else workers
    if workers <= 1 and executor is None:
        for done, path in enumerate(paths, 1):
            read = read_unit(path)
            if progress:
                progress(done, total, read.unit)
            yield read
        return
    # spawn everywhere: what Windows does, and no fork of a process that runs Qt threads
    pool = executor or ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
    chunk = max(1, min(16, total // (workers * 8)))
    try:
        for done, read in enumerate(pool.map(read_unit, paths, chunksize=chunk), 1):
            if progress:
                progress(done, total, read.unit)
            yield read
    finally:
        if executor is None:
            pool.shutdown(wait=False, cancel_futures=True)


@dataclass
class Assessed:
    units: list[Unit]
    texts: dict[str, dict] = field(default_factory=dict)  # unit file -> H3 signatures (this run only)
    year: int | None = None


def assess(reads: Iterable[UnitRead], *, year: int | None = None, self_file: str | None = None) -> Assessed:
    """Statuses that depend on the set: the same unit twice, a unit of another year."""
    reads = list(reads)
    if year is None:
        year = _the_year(reads, self_file)
    seen_hash: dict[str, Unit] = {}
    seen_organ: dict[tuple[str, int], Unit] = {}
    out = Assessed([], year=year)
    for read in reads:
        unit = read.unit
        unit.is_self = self_file is not None and unit.file == self_file
        if unit.status is not UnitStatus.UNREADABLE:
            refuse_if_not_this_set(unit, read.organ_key, year, seen_hash, seen_organ)
        elif not unit.excluded:
            unit.excluded = unit.note
        if unit.sha256 and unit.sha256 not in seen_hash:
            seen_hash[unit.sha256] = unit
        if unit.status not in (UnitStatus.UNREADABLE, UnitStatus.DUPLICATE) and read.organ_key:
            seen_organ.setdefault((read.organ_key, unit.year), unit)
        if unit.included:
            out.texts[unit.file] = read.texts
        out.units.append(unit)
    return out


def refuse_if_not_this_set(unit: Unit, organ: str, year: int | None, seen_hash: dict, seen_organ: dict) -> None:
    first = seen_hash.get(unit.sha256)
    if first is not None:
        unit.status, unit.excluded = UnitStatus.DUPLICATE, f"与“{Path(first.file).name}”内容相同，重复报送，未重复计入。"
    elif organ and (organ, unit.year) in seen_organ:
        other = seen_organ[(organ, unit.year)]
        unit.status = UnitStatus.DUPLICATE
        unit.excluded = (f"与“{Path(other.file).name}”是同一单位（{unit.name}）同一年度的报告，只计入一份；"
                         "如这份是更正后的报告，请排除前一份后重新读取。")
    elif year is not None and unit.year != year:
        unit.status = UnitStatus.OTHER_YEAR
        unit.excluded = f"是 {unit.year} 年度的报告，本次汇总 {year} 年度，未计入。"


def _the_year(reads: list[UnitRead], self_file: str | None) -> int | None:
    """The consolidating government's year; else the year most units report (the latest on a tie)."""
    years = Counter(r.unit.year for r in reads if r.unit.year and r.unit.status is not UnitStatus.UNREADABLE)
    for r in reads:
        if r.unit.file == self_file and r.unit.year:
            return r.unit.year
    if not years:
        return None
    best = max(years.values())
    return max(y for y, n in years.items() if n == best)


# --- the draft -------------------------------------------------------------------------
def apply_sums(report: Report) -> None:
    """Write the sums into the draft's tables (after the set of units changed)."""
    cons = report.consolidation
    for key, s in zip(cons.cells, sums(cons)):
        table, row, column = split_key(key)
        report.tables[table][row][column] = s.value


def similar_texts(assessed_texts: dict[str, dict]) -> list[SimilarTexts]:
    groups = similar_groups(list(assessed_texts.items()))
    return [SimilarTexts(section=s, units=files, similarity=pct) for s, files, pct in groups]


def prior_units(prior: Report | None) -> list[PriorUnit] | None:
    """Last year's units with their 结转下年度继续办理, when last year's report was a consolidation."""
    if prior is None or prior.consolidation is None:
        return None
    cons = prior.consolidation
    index = {k: i for i, k in enumerate(cons.cells)}
    cols = _carry_columns()
    return [PriorUnit(name=u.name, carried_forward=[u.values[index[f"applications.carried_forward.{c}"]]
                                                    if f"applications.carried_forward.{c}" in index else None
                                                    for c in cols])
            for u in cons.units if u.included]


def _carry_columns() -> list[str]:
    return [c.key for c in load_spec(CURRENT_TEMPLATE).table("applications").columns if not c.computed]


@dataclass
class MergeResult:
    report: Report
    refused: list[Unit]

    @property
    def consolidation(self) -> Consolidation:
        return self.report.consolidation


def build(assessed: Assessed, *, prior: Report | None = None, prior_file: str = "",
          organ: Organization | None = None) -> Report:
    """The consolidating government's 2021-format draft: the sums, and the record beside them."""
    if assessed.year is None or not any(u.included for u in assessed.units):
        raise NoUnitsError(_why_nothing(assessed.units))
    draft = new_report(assessed.year)
    self_unit = next((u for u in assessed.units if u.is_self and u.included), None)
    if organ is not None:
        draft.organization = organ
    elif self_unit is not None:
        draft.organization = Organization(name=self_unit.name, level=OrgLevel(self_unit.level or OrgLevel.GOVERNMENT))
    draft.consolidation = Consolidation(
        cells=list(cell_keys()), units=assessed.units, similar=similar_texts(assessed.texts),
        prior_units=prior_units(prior), prior_file=prior_file,
        merged_at=datetime.now().isoformat(timespec="seconds"))
    apply_sums(draft)
    if prior is not None:
        draft.prior = prior.model_copy(update={"prior": None, "consolidation": None})
    return draft


def _why_nothing(units: list[Unit]) -> str:
    if not units:
        return "没有要汇总的单位报告：请指定文件，或用 --dir 指定存放各单位报告的文件夹。"
    lines = [f"  {Path(u.file).name}：{u.excluded or u.note}" for u in units]
    return "没有可以汇总的单位报告，各文件均未计入：\n" + "\n".join(lines)


def merge(paths: Sequence[str | os.PathLike], *, self_path: str | os.PathLike | None = None,
          prior: Report | None = None, prior_file: str = "", year: int | None = None,
          workers: int | None = None, progress: Progress | None = None,
          executor: Executor | None = None) -> MergeResult:
    """Read, check, assess and sum the units (本级 first when given)."""
    files = [str(Path(p).resolve()) for p in paths]
    self_file = str(Path(self_path).resolve()) if self_path else None
    if self_file:
        files = [self_file] + [f for f in files if f != self_file]
    if not files:
        raise NoUnitsError(_why_nothing([]))
    reads = read_units(files, workers=workers, progress=progress, executor=executor)
    assessed = assess(reads, year=year, self_file=self_file)
    draft = build(assessed, prior=prior, prior_file=prior_file)
    return MergeResult(draft, [u for u in assessed.units if u.excluded])


# --- after the merge: the clerk's changes to the set -------------------------------------
def set_excluded(report: Report, file: str, reason: str) -> tuple[str, bool]:
    """Exclude a unit (reason) or take it back in (""); returns the previous (reason, by clerk)."""
    unit = report.consolidation.unit(file)
    old = (unit.excluded, unit.excluded_by_clerk)
    if reason:
        unit.excluded, unit.excluded_by_clerk = reason, True
    elif not unit.status.refused:
        unit.excluded, unit.excluded_by_clerk = "", False
    apply_sums(report)
    return old


def replace_unit(report: Report, file: str, new: Unit) -> Unit:
    """Put a re-read unit in the place of the old one; returns the old one (for undo)."""
    cons = report.consolidation
    i = next(i for i, u in enumerate(cons.units) if u.file == file)
    old = cons.units[i]
    new.is_self = old.is_self
    others = [u for u in cons.units if u.file != file]
    seen_hash = {u.sha256: u for u in others if u.sha256}
    seen_organ = {(organ_name(u), u.year): u for u in others if u.included}
    if new.status is not UnitStatus.UNREADABLE:
        refuse_if_not_this_set(new, organ_name(new), report.year, seen_hash, seen_organ)
    elif not new.excluded:
        new.excluded = new.note
    cons.units[i] = new
    apply_sums(report)
    return old


def organ_name(unit: Unit) -> str:
    from forms.merge.read import organ_key
    return organ_key(unit.name) if unit.status is not UnitStatus.UNREADABLE else ""


def add_units(report: Report, reads: Iterable[UnitRead], texts: dict[str, dict] | None = None) -> list[Unit]:
    """Units read after the draft was made, assessed against those already in it; returns them.
    `texts`: H3 samples of units read earlier in this session (the file keeps only the groups found)."""
    cons = report.consolidation
    added = []
    for read in reads:
        unit = read.unit
        if cons.unit(unit.file) is not None:  # the same file added again: read afresh, in its place
            replace_unit(report, unit.file, unit)
            added.append(unit)
            continue
        seen_hash = {u.sha256: u for u in cons.units if u.sha256}
        seen_organ = {(organ_name(u), u.year): u for u in cons.units if u.included and organ_name(u)}
        if unit.status is not UnitStatus.UNREADABLE:
            refuse_if_not_this_set(unit, read.organ_key, report.year, seen_hash, seen_organ)
        elif not unit.excluded:
            unit.excluded = unit.note
        cons.units.append(unit)
        added.append(unit)
        if texts is not None and unit.included:
            texts[unit.file] = read.texts
    if texts:
        known = set(texts)
        kept = [g for g in cons.similar if not known.intersection(g.units)]
        cons.similar = kept + similar_texts({f: t for f, t in texts.items() if cons.unit(f)})
    apply_sums(report)
    return added


def note(report: Report, text: str) -> None:
    """Record a change the clerk made to the set, in the file."""
    report.consolidation.log.append(f"{datetime.now():%Y-%m-%d %H:%M} {text}")


Snapshot = tuple[list[Unit], list[SimilarTexts], list[str], bool, dict]


def snapshot(report: Report) -> Snapshot:
    """The consolidation's changeable parts and the tables, for undo."""
    cons = report.consolidation
    tables = {t: {r: dict(cols) for r, cols in rows.items()} for t, rows in report.tables.items()}
    return [u.model_copy() for u in cons.units], list(cons.similar), list(cons.log), cons.appendix, tables


def restore(report: Report, snap: Snapshot) -> None:
    units, similar, log, appendix, tables = snap
    cons = report.consolidation
    cons.units = [u.model_copy() for u in units]
    cons.similar, cons.log, cons.appendix = list(similar), list(log), appendix
    for t, rows in tables.items():
        for r, cols in rows.items():
            report.tables[t][r].update(cols)
