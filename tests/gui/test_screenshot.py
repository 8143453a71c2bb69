"""`nianbao --screenshot` draws the real window into a PNG, on the section asked for."""
from __future__ import annotations

import json

from PySide6.QtGui import QImage

from gui.app import run_editor


def test_screenshot_of_table_three_with_a_finding(tmp_path, sample_path):
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    data["tables"]["applications"]["granted"]["natural_person"] += 1
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "shot.png"
    assert run_editor(["--screenshot", str(out), str(changed), "--section", "applications"]) == 0
    image = QImage(str(out))
    assert image.width() >= 1200 and image.height() >= 800


def test_screenshot_refuses_an_unknown_section(tmp_path, capsys):
    assert run_editor(["--screenshot", str(tmp_path / "x.png"), "--section", "nonsense"]) == 2
    assert "nonsense" in capsys.readouterr().err


def test_screenshot_of_an_imported_report_needs_no_one_to_answer(tmp_path, corpus_dir):
    out = tmp_path / "imported.png"
    assert run_editor(["--screenshot", str(out), str(corpus_dir / "shuyang_county_2025.txt"),
                       "--section", "applications"]) == 0
    assert QImage(str(out)).width() >= 1200
