"""A subcommand loads what it uses and nothing else: `nianbao check` starts in a fraction of the
time when it does not load the Word, web-page and PDF libraries, nor Qt."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"
HEAVY = {"docx", "lxml", "jinja2", "PySide6", "pdfplumber", "pdfminer", "opencc", "bs4", "html5lib"}


def _loaded(argv: list[str]) -> set[str]:
    """Top-level packages imported by `nianbao ARGV` in a fresh process."""
    code = ("import json, sys\nfrom gui.launcher import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
            "    pass\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("argv", [["check", "{file}"], ["check", "{file}", "--json"],
                                  ["new", "--year", "2025", "--org", "某县人民政府", "-o", "{out}"]])
def test_a_subcommand_on_our_own_file_loads_no_reader_library_and_no_qt(tmp_path, argv):
    report = tmp_path / "report.json"
    shutil.copy(SAMPLE, report)
    loaded = _loaded([a.format(file=report, out=tmp_path / "new.json") for a in argv])
    assert "forms" in loaded
    assert loaded & HEAVY == set()
