"""LibreOffice, when a clerk has it: one file converted to another format, stoppable.

Both reading (an old .doc / .wps made .docx) and publishing (DOCX → PDF) use it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

CONVERT_TIMEOUT_S = 180
_WINDOWS_PLACES = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


class OfficeError(Exception):
    """LibreOffice missing or failing; the message is for the clerk."""


class Cancelled(Exception):
    """The clerk cancelled the conversion; LibreOffice was stopped."""


def find_soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.name == "nt":
        return next((p for p in _WINDOWS_PLACES if Path(p).exists()), None)
    return None


def _run(args: list[str], env: dict, cancel: threading.Event | None) -> tuple[int, bytes]:
    """Run LibreOffice, stopping it when `cancel` is set or the time runs out."""
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env) as proc:
        deadline = time.monotonic() + CONVERT_TIMEOUT_S
        while True:
            try:
                out, _ = proc.communicate(timeout=0.1)
                return proc.returncode, out or b""
            except subprocess.TimeoutExpired:
                stop = cancel is not None and cancel.is_set()
                if stop or time.monotonic() > deadline:
                    proc.kill()
                    proc.communicate()
                    if stop:
                        raise Cancelled("已取消。") from None
                    raise OfficeError(f"LibreOffice 在 {CONVERT_TIMEOUT_S} 秒内未完成转换。") from None


def convert_bytes(source: str | os.PathLike, to: str, *, soffice: str | None = None,
                  cancel: threading.Event | None = None, env_for=None) -> bytes:
    """`source` converted by LibreOffice to format `to` ("pdf", "docx"); `env_for(tmp)` may add to
    the environment (fonts). Raises OfficeError or Cancelled."""
    soffice = soffice or find_soffice()
    if soffice is None:
        raise OfficeError("未找到 LibreOffice。")
    with tempfile.TemporaryDirectory() as tmp:
        # A private profile: a LibreOffice the clerk has open would otherwise swallow the request.
        profile = Path(tmp, "profile").as_uri()
        out = Path(tmp, "out")
        env = dict(os.environ, **(env_for(Path(tmp)) if env_for else {}))
        try:
            code, said = _run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                               "--convert-to", to, "--outdir", str(out), str(source)], env, cancel)
        except OSError as exc:
            raise OfficeError(f"无法启动 LibreOffice（{exc}）。") from None
        made = out / (Path(source).stem + "." + to)
        if code != 0 or not made.exists():
            detail = said.decode("utf-8", "replace").strip()[:300]
            raise OfficeError(f"LibreOffice 转换失败（{detail or code}）。")
        return made.read_bytes()
