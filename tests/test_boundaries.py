"""The report core (forms/) never imports Qt or the GUI: checked by import-linter and by a quick AST scan."""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "shiboken6", "gui")
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def forbidden_imports(source: str, filename: str = "<source>") -> list[str]:
    """`file:line module` for every import of Qt or the GUI, at any depth, including import_module("…")."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("import_module", "__import__")):
            names = [node.args[0].value]
        found += [f"{filename}:{node.lineno} {name}" for name in names
                  if name.split(".")[0] in FORBIDDEN]
    return found


def test_no_module_of_forms_imports_qt_or_the_gui():
    files = sorted((ROOT / "forms").rglob("*.py"))
    assert len(files) > 10
    violations = [v for f in files
                  for v in forbidden_imports(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))]
    assert violations == []


@pytest.mark.parametrize("line", [
    "from PySide6.QtCore import Qt",
    "import PySide6",
    "import shiboken6 as sb",
    "from gui.app import run_editor",
    "import os, gui.launcher",
    "def later():\n    from PySide6 import QtWidgets",
    "import importlib\nimportlib.import_module('PySide6.QtGui')",
])
def test_the_scan_catches_every_way_of_importing_qt(line):
    assert len(forbidden_imports(line)) == 1


@pytest.mark.parametrize("line", ["import json", "from forms.spec import load_spec", "import guidance",
                                  "from . import gui", "x = 'PySide6'"])
def test_the_scan_leaves_other_imports_alone(line):
    assert forbidden_imports(line) == []


# --- import-linter, the contract in pyproject.toml ----------------------------------------------
def lint_imports(cwd: Path, extra_path: Path | None = None) -> subprocess.CompletedProcess:
    if not LINT_IMPORTS.exists():
        pytest.skip("import-linter is not installed (pip install .[test])")
    env = None if extra_path is None else {**os.environ, "PYTHONPATH": str(extra_path)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True,
                          encoding="utf-8", timeout=120, env=env)


def test_the_import_linter_contract_is_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "never imports Qt" in result.stdout and "KEPT" in result.stdout


def test_the_import_linter_contract_breaks_when_forms_imports_qt(tmp_path):
    """The same contract, on a copy of the tree where one core module reaches for Qt."""
    shutil.copytree(ROOT / "forms", tmp_path / "forms", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "gui", tmp_path / "gui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert lint_imports(tmp_path, tmp_path).returncode == 0

    spec = tmp_path / "forms" / "spec" / "__init__.py"
    spec.write_text(spec.read_text(encoding="utf-8") + "\n\ndef _colour():\n    from PySide6.QtGui import QColor\n",
                    encoding="utf-8")
    broken = lint_imports(tmp_path, tmp_path)
    assert broken.returncode != 0
    assert "BROKEN" in broken.stdout and "forms.spec" in broken.stdout


def test_the_layers_contract_breaks_when_a_lower_layer_reaches_up(tmp_path):
    """The document (forms.model) may not run the rules, and the importers may not use the renderers."""
    shutil.copytree(ROOT / "forms", tmp_path / "forms", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "gui", tmp_path / "gui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for module, reach in (("forms/model/store.py", "from forms.rules import check"),
                          ("forms/importers/sniff.py", "from forms.render import write_docx")):
        target = tmp_path / module
        original = target.read_text(encoding="utf-8")
        target.write_text(original + f"\n\ndef _later():\n    {reach}\n", encoding="utf-8")
        broken = lint_imports(tmp_path, tmp_path)
        assert broken.returncode != 0, module
        assert "layers" in broken.stdout and "BROKEN" in broken.stdout
        target.write_text(original, encoding="utf-8")
