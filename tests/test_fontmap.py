"""The official faces stand in as Simplified-Chinese faces on a machine without them."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from forms.render.fontmap import fontconfig_file, substitutes

DEBIAN = frozenset({"Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Serif CJK JP", "Noto Serif CJK SC",
                    "AR PL UKai CN", "AR PL UMing CN", "DejaVu Serif"})


def test_each_official_face_gets_an_sc_stand_in_of_its_kind():
    subs = substitutes(DEBIAN)
    assert subs["黑体"] == ("Noto Sans CJK SC", None)
    assert subs["楷体_GB2312"] == ("AR PL UKai CN", None)
    assert subs["方正小标宋简体"] == ("Noto Serif CJK SC", "bold")
    assert subs["仿宋_GB2312"] == ("Noto Serif CJK SC", "light")
    assert not any("JP" in to for to, _ in subs.values())


def test_without_a_kai_face_kai_falls_to_a_song_face_and_installed_faces_are_left_alone():
    subs = substitutes(frozenset({"Noto Serif CJK SC", "Noto Sans CJK SC", "黑体"}))
    assert subs["楷体"] == ("Noto Serif CJK SC", None)
    assert "黑体" not in subs


@pytest.mark.skipif(sys.platform in ("win32", "darwin") or not shutil.which("fc-match"),
                    reason="fontconfig decides the fonts only on Linux")
def test_fontconfig_resolves_the_official_faces_to_sc_faces(tmp_path):
    conf = fontconfig_file(tmp_path)
    if conf is None:
        pytest.skip("no Chinese faces installed")
    env = {"FONTCONFIG_FILE": str(conf), "PATH": "/usr/bin:/bin"}
    for face in ("仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"):
        family = subprocess.run(["fc-match", "-f", "%{family}|%{lang}", face], env=env, capture_output=True,
                                text=True, check=True).stdout
        assert "JP" not in family.split("|")[0] and "CJK" in family or "UKai" in family, (face, family)
