"""A subcommand loads what it uses and nothing else: `nianbao check` starts in a fraction of the
time when it does not load the Word, web-page and PDF libraries, nor Qt."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"
HEAVY = {"docx", "lxml", "jinja2", "PySide6", "pdfplumber", "pdfminer", "opencc", "bs4", "html5lib"}
# Stands in for LibreOffice: writes the PDF it is asked for, as `soffice --convert-to pdf --outdir OUT SOURCE` does.
FAKE_SOFFICE = """#!{python}
import sys
from pathlib import Path
out = Path(sys.argv[sys.argv.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
(out / (Path(sys.argv[-1]).stem + ".pdf")).write_bytes(b"%PDF-1.4 fake")
"""


def _modules(argv: list[str], env: dict | None = None) -> set[str]:
    """Modules imported by `nianbao ARGV` in a fresh process."""
    code = ("import json, sys\nfrom gui.launcher import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n"
            "    pass\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env=env)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def _loaded(argv: list[str], env: dict | None = None) -> set[str]:
    """Top-level packages imported by `nianbao ARGV` in a fresh process."""
    return {m.split(".")[0] for m in _modules(argv, env)}


@pytest.mark.parametrize("argv", [["check", "{file}"], ["check", "{file}", "--json"],
                                  ["new", "--year", "2025", "--org", "某县人民政府", "-o", "{out}"]])
def test_a_subcommand_on_our_own_file_loads_no_reader_library_and_no_qt(tmp_path, argv):
    report = tmp_path / "report.json"
    shutil.copy(SAMPLE, report)
    loaded = _loaded([a.format(file=report, out=tmp_path / "new.json") for a in argv])
    assert "forms" in loaded
    assert loaded & HEAVY == set()


def test_check_does_not_look_for_pydantic_plugins(tmp_path):
    """No plugin is ours: looking for them would load the package metadata machinery (and e-mail parsing)."""
    report = tmp_path / "report.json"
    shutil.copy(SAMPLE, report)
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    modules = _modules(["check", str(report)], env)
    assert "forms.rules" in modules
    assert modules & {"importlib.metadata", "email"} == set()


@pytest.mark.parametrize("argv", [["--help"], ["export", "--help"]])
def test_help_lists_the_commands_without_loading_the_report_model(argv):
    modules = _modules(argv)  # packages by name: a stand-in loader is no pydantic
    assert "forms" in modules
    assert modules & (HEAVY | {"pydantic", "pydantic_core"}) == set()


@pytest.mark.parametrize("kind, not_needed", [("html", {"docx", "lxml", "PySide6"}), ("docx", {"jinja2", "PySide6"})])
def test_an_export_loads_the_library_of_its_format_only(tmp_path, kind, not_needed):
    report, out = tmp_path / "report.json", tmp_path / f"report.{kind}"
    shutil.copy(SAMPLE, report)
    loaded = _loaded(["export", str(report), f"--{kind}", str(out), "--force"])
    assert out.stat().st_size > 0
    assert loaded & not_needed == set()


@pytest.mark.skipif(os.name == "nt", reason="the stand-in LibreOffice is a script with a #! line")
def test_a_pdf_laid_out_by_libreoffice_loads_no_qt(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    soffice = bin_dir / "soffice"
    soffice.write_text(FAKE_SOFFICE.format(python=sys.executable), encoding="utf-8")
    soffice.chmod(0o755)
    report, out = tmp_path / "report.json", tmp_path / "report.pdf"
    shutil.copy(SAMPLE, report)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    loaded = _loaded(["export", str(report), "--pdf", str(out), "--force"], env)
    assert out.read_bytes() == b"%PDF-1.4 fake"
    assert "PySide6" not in loaded


def test_the_editor_opens_the_sample_without_the_export_and_reader_libraries(tmp_path):
    """What the first paint and the first check do not use waits until the clerk asks for it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    loaded = _modules(["--sample", "--screenshot", str(tmp_path / "editor.png")], env)
    assert (tmp_path / "editor.png").stat().st_size > 0
    tops = {m.split(".")[0] for m in loaded}
    assert "PySide6" in tops and "forms" in tops
    assert tops & (HEAVY - {"PySide6"}) == set()
    assert loaded & {"logging.handlers", "socket", "pickle", "email"} == set()
