"""The native file: versioned, human-readable JSON, saved atomically, with a backup and recovery.

A file we cannot read (not ours, corrupt, from a newer version) raises `StoreError` with a
Chinese message naming the file and the problem, and is never overwritten by `save`.
"""
from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Mapping

from pydantic import ValidationError

from forms.model import atomic, values
from forms.model import Report
from forms.spec import CURRENT_TEMPLATE, load_spec

FORMAT_VERSION = 1
MAGIC = "nianbao"          # the value of the "application" field that marks our files
BACKUP_SUFFIX = ".bak"
MAX_FILE_BYTES = 50 * 1024 * 1024  # a report is tens of kB; anything this large is not one

# Each step turns a document of version N (the key) into version N + 1.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


class StoreError(Exception):
    """A file that cannot be read or written; `str()` is the Chinese message for the clerk."""

    def __init__(self, path: str | os.PathLike, problem: str, *, action: str = "打开"):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"无法{action}“{self.path.name}”：{problem}")


class NotOurFileError(StoreError):
    pass


class CorruptFileError(StoreError):
    pass


class NewerVersionError(StoreError):
    pass


# --- (de)serialising ------------------------------------------------------------------
def _plain(value: Any, decimals: dict[str, str], nonce: str) -> Any:
    """JSON-ready data; a Decimal becomes a placeholder that `_json_text` writes as its own digits."""
    if isinstance(value, Decimal):
        mark = f"{nonce}{len(decimals)}"
        decimals[mark] = values.json_text(value)
        return mark
    if isinstance(value, dict):
        return {k: _plain(v, decimals, nonce) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, decimals, nonce) for v in value]
    return value


def to_data(report: Report, *, top: bool = True) -> dict:
    """The file's content as plain data. Computed totals are not in it."""
    body = report.model_dump(mode="python", exclude={"prior", "earlier"})
    body["organization"]["level"] = report.organization.level.value
    for ack in body["acknowledged"].values():
        ack["at"] = ack["at"].isoformat()
    for rec in body["exports"]:
        rec["at"] = rec["at"].isoformat()
    data = {"application": MAGIC, "format": FORMAT_VERSION, **body} if top else body
    if report.prior is not None:
        data["prior"] = to_data(report.prior.model_copy(update={"prior": None, "earlier": []}), top=False)
    if report.earlier:  # stored as the prior is: each a whole report, without its own earlier years
        data["earlier"] = [to_data(e.model_copy(update={"prior": None, "earlier": []}), top=False)
                           for e in report.earlier]
    for empty in ("legacy", "copied_texts", "carried", "drafting", "finished_tables", "acknowledged", "exports",
                  "consolidation"):
        if not data[empty]:
            del data[empty]
    return data


def dumps(report: Report) -> str:
    return _json_text(to_data(report), indent=2)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_text(data: Any, **options) -> str:
    """JSON with Chinese as itself and fees with exactly their digits (a float would turn
    98765432101.654321 into …65433). Half a UTF-16 pair (text pasted from a damaged document) cannot
    be written as UTF-8: it stays a JSON escape, which reads back as the same text."""
    decimals: dict[str, str] = {}
    nonce = f"@{uuid.uuid4().hex}#"  # no text of the report holds this one
    text = json.dumps(_plain(data, decimals, nonce), ensure_ascii=False, **options) + "\n"
    if decimals:
        text = re.sub(f'"({re.escape(nonce)}\\d+)"', lambda m: decimals[m.group(1)], text)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)



def from_data(data: Any, path: str | os.PathLike = "<内存>") -> Report:
    if not isinstance(data, dict) or data.get("application") != MAGIC:
        raise NotOurFileError(path, "这不是年报编辑器保存的文件。")
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptFileError(path, f"文件的格式版本“{version}”无效。")
    if version > FORMAT_VERSION:
        raise NewerVersionError(
            path, f"文件由较新版本的软件保存（文件格式 {version}，本软件只支持到 {FORMAT_VERSION}），"
                  "请升级软件后再打开。为保护该文件，本软件不会改写它。")
    data = dict(data)
    while version < FORMAT_VERSION:
        try:
            data = MIGRATIONS[version](data)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):  # a field a step expects is missing
            raise CorruptFileError(path, f"无法把文件从格式 {version} 升级到当前格式：内容不完整或有误。") from None
        version += 1
    data.pop("application", None)
    data.pop("format", None)
    _drop_stated_totals(data)
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(p) for p in first["loc"]]
        problem = _chinese(first)
        if loc and loc[-1] in _UNION_BRANCHES:  # a cell is int | Decimal | None: say which cell, not which branch
            loc.pop()
            problem = "应为数字，空白写 null"
        where = _place(data, loc)
        raise CorruptFileError(path, f"内容有误：{where}：{problem}") from None


def _place(data: dict, loc: list[str]) -> str:
    """Where in the file: the keys, and for a cell also its name in the form (表三“…”·自然人)."""
    where = ".".join(loc) or "（文件顶层）"
    prior = loc[:1] == ["prior"]
    cell = loc[1:] if prior else loc
    if len(cell) == 4 and cell[0] == "tables":
        try:
            template = (data.get("prior", {}) if prior else data).get("template", CURRENT_TEMPLATE)
            label = load_spec(template).table(cell[1]).cell_label(cell[2], cell[3])
        except (KeyError, ValueError, TypeError, AttributeError):
            return where
        return f"{'上年报告的' if prior else ''}{label}（{where}）"
    return where


def _drop_stated_totals(data: dict) -> None:
    """Files saved before the source's written totals moved to the import result still carry
    them: dropped, as the totals are computed from what the clerk entered (an older version
    reads the file without them just as well, so the format version stays)."""
    data.pop("stated_totals", None)
    if isinstance(data.get("prior"), dict):
        data["prior"] = dict(data["prior"])
        data["prior"].pop("stated_totals", None)


_UNION_BRANCHES = {"int", "decimal", "none"}
_PROBLEMS = {
    "missing": "缺少此项",
    "extra_forbidden": "不认识此项",
    "int_parsing": "应为整数", "int_type": "应为整数", "int_from_float": "应为整数",
    "decimal_parsing": "应为数字", "decimal_type": "应为数字", "finite_number": "应为有效的数字",
    "string_type": "应为文字",
    "dict_type": "结构不对", "list_type": "结构不对", "model_type": "结构不对",
    "enum": "应为以下之一：{expected}",
    "greater_than_equal": "不能小于 {ge}", "less_than_equal": "不能大于 {le}",
}


def _chinese(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    if kind in _PROBLEMS:
        return _PROBLEMS[kind].format(**error.get("ctx", {})).replace("' or '", "', '").replace("', '", "'、'")
    if kind.startswith(("datetime", "date")):
        return "日期时间格式不对"
    if kind == "value_error":
        return error.get("msg", "").removeprefix("Value error, ")
    return "取值无效"


def loads(text: str, path: str | os.PathLike = "<内存>") -> Report:
    try:
        data = json.loads(text, parse_float=values.json_number, parse_int=values.json_number)
    except json.JSONDecodeError as exc:
        if not text.lstrip().startswith("{"):
            raise NotOurFileError(path, "这不是年报编辑器保存的文件。") from None
        raise CorruptFileError(path, f"文件已损坏或不完整（第 {exc.lineno} 行第 {exc.colno} 列：JSON 格式错误）。"
                                     f"如有备份文件“{Path(path).name}{BACKUP_SUFFIX}”，可以打开备份。") from None
    except RecursionError:  # nesting thousands deep
        raise NotOurFileError(path, "这不是年报编辑器保存的文件（内容嵌套过深）。") from None
    return from_data(data, path)


def load(path: str | os.PathLike) -> Report:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise NotOurFileError(path, f"文件过大（{size // 1024 // 1024} MB），不是年报文件。")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(path, "文件不存在。") from None
    except IsADirectoryError:
        raise StoreError(path, "这是一个文件夹，不是文件。") from None
    except PermissionError:
        raise StoreError(path, "没有读取该文件的权限。") from None
    except OSError as exc:
        raise StoreError(path, f"读取失败（{exc.strerror}）。") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotOurFileError(path, "这不是年报编辑器保存的文件（不是 UTF-8 文本）。") from None
    return loads(text, path)


def is_our_file(path: str | os.PathLike) -> bool:
    """True for a file this version can open, so overwriting it loses nothing we cannot write back."""
    try:
        load(path)
    except StoreError:
        return False
    return True


# --- saving ---------------------------------------------------------------------------
write_atomic = atomic.write_atomic


def backup_path(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def save(report: Report, path: str | os.PathLike, *, overwrite_foreign: bool = False,
         _before_replace: Callable[[], None] | None = None) -> None:
    """Save atomically; the version being replaced is kept as `<file>.bak`.

    Refuses (StoreError) to replace a file that is not a report this version can read, unless
    `overwrite_foreign` says the clerk confirmed it. The order keeps every file whole at every
    moment: the new text is written and synced beside the file first (a full disk stops the save
    here, with the file and its backup untouched), then the current file becomes the backup in one
    rename, then the new text replaces the file in another.
    """
    path = Path(path)
    text = dumps(report)
    try:
        loads(text, path)  # what we write, we can open again
    except StoreError as exc:
        raise StoreError(path, f"报告中有无法保存的内容（{exc.problem}），原文件未改动。", action="保存") from None
    if path.exists() and not overwrite_foreign and not is_our_file(path):
        raise StoreError(path, "目标文件不是本软件可以读取的年报文件，为保护它，未予覆盖。请另选文件名。",
                         action="保存")
    atomic.clean_stale(path)
    tmp = None
    try:
        tmp = atomic.prepared(path, text)
        if path.exists():
            try:
                atomic.keep_copy(path, backup_path(path))
            except OSError:
                pass  # a backup we cannot make must not stop the save itself; the old one stays whole
        if _before_replace:
            _before_replace()
        os.replace(tmp, path)
        tmp = None
        atomic.fsync_dir(path.parent)
    except OSError as exc:
        raise StoreError(path, f"写入失败（{exc.strerror or exc}），原文件未改动。", action="保存") from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


# --- recovery (autosave) ---------------------------------------------------------------
@dataclass(frozen=True)
class Recovery:
    path: Path               # the recovery file itself
    source: Path | None      # the file the edits belong to (None: never saved)
    saved_at: datetime
    report: Report


class RecoveryStore:
    """Autosave files in one folder, one per open document; removed on a clean save or close."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)

    def new_id(self) -> str:
        return uuid.uuid4().hex[:12]

    def path_for(self, doc_id: str) -> Path:
        return self.folder / f"recovery-{doc_id}.json"

    def write(self, doc_id: str, report: Report, source: str | os.PathLike | None) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"application": MAGIC, "recovery": 1,
                "source": str(source) if source else None,
                "saved_at": datetime.now().isoformat(timespec="seconds"),
                "document": to_data(report)}
        target = self.path_for(doc_id)
        write_atomic(target, _json_text(data))
        return target

    def discard(self, doc_id: str) -> None:
        self.path_for(doc_id).unlink(missing_ok=True)

    def pending(self) -> list[Recovery]:
        """Recovery files left by a session that did not close cleanly, newest first."""
        found = []
        for p in self.folder.glob("recovery-*.json"):
            try:
                data = json.loads(p.read_text(encoding="utf-8"), parse_float=values.json_number,
                                  parse_int=values.json_number)
                found.append(Recovery(p, Path(data["source"]) if data.get("source") else None,
                                      datetime.fromisoformat(data["saved_at"]),
                                      from_data(data["document"], p)))
            except (OSError, ValueError, KeyError, TypeError, RecursionError, StoreError):
                continue  # a half-written or foreign file is not something to offer
        return sorted(found, key=lambda r: r.saved_at, reverse=True)
