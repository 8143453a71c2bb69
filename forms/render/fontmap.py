"""The official faces (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体 …) mapped to the best installed
Simplified-Chinese faces where they are missing, for LibreOffice's PDF.

Windows has the real faces and needs nothing. On Linux, fontconfig would otherwise answer a
missing Chinese face with whatever CJK face sorts first — often Noto Sans CJK JP, whose glyph
forms are Japanese — and use one face for title, headings and body alike.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

# Each official face's role, and what stands in for it, best first.
ROLES = {
    "title": ("方正小标宋简体", "华文中宋", "STZhongsong", "Source Han Serif SC", "Noto Serif CJK SC", "AR PL UMing CN"),
    "song": ("宋体", "SimSun", "Source Han Serif SC", "Noto Serif CJK SC", "AR PL UMing CN"),
    "hei": ("黑体", "SimHei", "Source Han Sans SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"),
    "kai": ("楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "AR PL KaitiM GB", "Noto Serif CJK SC"),
    # No free 仿宋 is packaged in Debian: a Song face is the closest in weight and stroke.
    "fangsong": ("仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Source Han Serif SC", "Noto Serif CJK SC",
                 "AR PL UMing CN"),
}
# 小标宋 is a heavy Song and 仿宋 a thin one: a Song family with weights shows the difference.
WEIGHTS = {"title": "bold", "fangsong": "light"}
WEIGHTED_FAMILIES = ("Noto Serif CJK SC", "Source Han Serif SC")
OFFICIAL = {"方正小标宋简体": "title", "华文中宋": "title", "宋体": "song", "SimSun": "song", "黑体": "hei",
            "SimHei": "hei", "楷体_GB2312": "kai", "楷体": "kai", "KaiTi": "kai", "仿宋_GB2312": "fangsong",
            "仿宋": "fangsong", "FangSong": "fangsong"}


@cache
def installed_families() -> frozenset[str]:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return frozenset()
    try:
        out = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(","))


def substitutes(installed: frozenset[str] | None = None) -> dict[str, tuple[str, str | None]]:
    """Official face -> (installed stand-in, weight or None), for the faces not installed."""
    installed = installed_families() if installed is None else installed
    out = {}
    for face, role in OFFICIAL.items():
        if face in installed:
            continue
        best = next((f for f in ROLES[role] if f in installed), None)
        if best:
            out[face] = (best, WEIGHTS.get(role) if best in WEIGHTED_FAMILIES else None)
    return out


def fontconfig_file(folder: Path, installed: frozenset[str] | None = None) -> Path | None:
    """A fonts.conf that includes the system's and binds each missing official face to its stand-in,
    in Simplified Chinese; None where fontconfig is not how fonts are found (Windows, macOS)."""
    if sys.platform in ("win32", "darwin"):
        return None
    subs = substitutes(installed)
    if not subs:
        return None
    rules = "".join(
        f'<match target="pattern"><test name="family"><string>{escape(face)}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{escape(to)}</string></edit>'
        + (f'<edit name="weight" mode="assign" binding="strong"><const>{weight}</const></edit>' if weight else "")
        + '<edit name="lang" mode="assign" binding="strong"><string>zh-cn</string></edit></match>'
        for face, (to, weight) in subs.items())
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include>{rules}</fontconfig>',
                    encoding="utf-8")
    return conf
