"""The one way a file is written: whole or not at all, even when the power goes or the disk fills.

The data goes to a temporary file beside the target, is flushed to disk, and replaces the target
in one rename; the folder is then synced so the rename itself survives a crash. A backup is made
the same way (a hard link, or a copy written beside it, renamed over the old backup), so the
previous backup is kept until the new one is complete.
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import Callable

TEMP_SUFFIX = ".tmp"
STALE_AFTER_S = 60  # a temporary this old is no save in progress: a killed one's leftover


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask  # mkstemp makes files private; a report or an export is meant to be shared


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file replaced; a new file gets the usual ones."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return _default_mode()


def fsync_dir(folder: Path) -> None:
    """Make a rename in folder durable. Best effort: the rename is done and the file whole either way
    (some shares refuse to sync a folder), so a failure here must not be reported as a failed save."""
    if os.name != "posix":  # Windows cannot open a directory; its replace is already durable
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def temporary_beside(path: Path) -> Path:
    """An empty new file next to `path`, named so that `clean_stale` recognises it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    os.close(fd)
    return Path(tmp)


def _write_synced(tmp: Path, data: bytes, mode: int) -> None:
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass  # FAT sticks and some network shares keep no permissions; the save matters more


def prepared(path: Path, data: bytes | str) -> Path:
    """The data (text as UTF-8) written and synced to a temporary beside path, with path's permissions."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = temporary_beside(path)
    try:
        _write_synced(tmp, payload, _mode_for(path))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: str | os.PathLike, data: bytes | str, *,
                 before_replace: Callable[[], None] | None = None) -> None:
    """Write data (text as UTF-8) to path so that a crash leaves either the old file or the new one."""
    path = Path(path)
    tmp = prepared(path, data)
    try:
        if before_replace:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def keep_copy(source: Path, target: Path) -> None:
    """Make target a complete copy of source, atomically: the old target stays until then.

    A hard link costs no space and no time (the source is only ever replaced, never written
    in place); where links are not possible (FAT, some shares) the bytes are copied."""
    if target.exists() and os.path.samefile(source, target):
        return  # already the same file (a save interrupted before its replace); rename would be a no-op
    tmp = temporary_beside(target)
    try:
        try:
            tmp.unlink()
            os.link(source, tmp)
        except OSError:
            with open(source, "rb") as src, open(tmp, "wb") as dst:
                shutil.copyfileobj(src, dst)
                dst.flush()
                os.fsync(dst.fileno())
            shutil.copystat(source, tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.unlink(missing_ok=True)  # a rename between two links of one file leaves both names


def clean_stale(path: Path, *, now: float | None = None) -> None:
    """Remove the temporaries a killed save of `path` (or of its backup) left beside it."""
    now = time.time() if now is None else now
    for name in (path.name, path.name + ".bak"):
        for tmp in path.parent.glob(f".{_glob_escape(name)}.*{TEMP_SUFFIX}"):
            try:
                if now - tmp.stat().st_mtime > STALE_AFTER_S:
                    tmp.unlink()
            except OSError:
                continue  # another editor's, or already gone


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
