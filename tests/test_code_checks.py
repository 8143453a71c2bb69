"""The code's own checks, run with the tests so CI runs them: ruff (lint), vulture (dead code,
with tests/vulture_whitelist.py), mypy (types of the core, forms/). Settings in pyproject.toml."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(tool: str, *args: str) -> subprocess.CompletedProcess:
    if not (BIN / tool).exists():
        pytest.skip(f"{tool} is not installed (pip install .[test])")
    return subprocess.run([str(BIN / tool), *args], cwd=ROOT, capture_output=True, encoding="utf-8", timeout=600)


def test_ruff_finds_nothing():
    result = run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_vulture_finds_no_dead_code():
    result = run("vulture")
    assert result.returncode == 0, "dead code (delete it, or whitelist what Qt or pydantic calls):\n" + result.stdout


def test_mypy_passes_on_the_core():
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_colours_are_named_in_the_palette_only():
    """A severity looks the same in the panel, the table and the text when every colour comes from one place."""
    import re
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b|[\"']#[0-9a-fA-F]{3}\b|QColor\(\d")
    found = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "gui").rglob("*.py")) if path.name != "palette.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if hex_colour.search(line)]
    assert found == []


def _lines_matching(pattern: str, allowed: set[str]) -> list[str]:
    import re
    found = re.compile(pattern)
    return [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "gui").rglob("*.py"))
            if path.relative_to(ROOT).as_posix() not in allowed
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if found.search(line)]


def test_only_the_interaction_asks_the_clerk():
    """Dialogs that wait for an answer live behind gui/interaction.py, so tests answer them instead."""
    assert _lines_matching(r"\b(QMessageBox|QFileDialog|QInputDialog)\b", {"gui/interaction.py"}) == []


def test_only_the_default_context_reads_the_clerks_settings():
    """Everything else takes the settings from the context it is handed (a test's own settings file)."""
    assert _lines_matching(r"\bdefault_settings\(", {"gui/context.py", "gui/settings.py"}) == []
