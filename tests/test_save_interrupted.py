"""A save killed at any moment (SIGKILL, as a power cut or the task manager does it) leaves the file
and its backup each a whole version; a disk that fills at any step of a save changes nothing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from forms.model import atomic, new_report, store

KILLER = Path(__file__).parent / "fixtures" / "save_killer.py"
ROUNDS = 120


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the saves are killed in forked children (POSIX)")
def test_a_save_killed_at_random_moments_leaves_the_file_and_the_backup_whole(tmp_path):
    path = tmp_path / "年报.json"
    run = subprocess.run([sys.executable, str(KILLER), str(path), str(ROUNDS), "7"], capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    rounds = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(rounds) == ROUNDS
    for r in rounds:
        assert isinstance(r["file"], int), r
        assert r["backup"] is None or isinstance(r["backup"], int), r
    assert any(r["backup"] is not None for r in rounds)
    # kills inside saves left temporaries; the next save removes the stale ones
    left = list(tmp_path.glob(".*.tmp"))
    assert left, "no save was interrupted: the kills came too late"
    for tmp in left:
        os.utime(tmp, (time.time() - 3600,) * 2)
    store.save(new_report(2024, "青岚县"), path)
    assert not list(tmp_path.glob(".*.tmp"))


STEPS = ["prepared", "keep_copy", "replace", "_write_synced"]


@pytest.mark.parametrize("step", STEPS)
def test_a_full_disk_at_any_step_of_a_save_keeps_every_file_whole(tmp_path, monkeypatch, step):
    path = tmp_path / "年报.json"
    old, older = new_report(2024, "第二版"), new_report(2024, "第一版")
    store.save(older, path)
    store.save(old, path)
    assert store.load(store.backup_path(path)) == older

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    if step == "replace":
        real = os.replace
        monkeypatch.setattr(os, "replace", lambda src, dst: full() if Path(dst) == path else real(src, dst))
    else:
        monkeypatch.setattr(atomic, step, full)
    try:
        store.save(new_report(2024, "第三版"), path)
    except store.StoreError as exc:
        assert "原文件未改动" in str(exc) and store.load(path) == old  # the message tells the truth
    else:
        assert step == "keep_copy"  # no new backup: the older one stays, whole
    assert store.load(path).organization.name in ("第二版", "第三版")
    assert store.load(store.backup_path(path)).organization.name in ("第一版", "第二版")
    monkeypatch.undo()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
