"""The format is written once, in forms/specs/*.json: no label of it is copied into the code.

Every string in forms/ and gui/ (docstrings aside: they explain with examples) is searched for the
spec's labels — headings, captions, row and column labels, groups, topics, hints, format names and
the migration table's notes. A copy fails the test, naming the file, the line and the label.
"""
from __future__ import annotations

import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "forms" / "specs"
MIN_CHARS = 5  # shorter labels (规章, 总计, 其他) are ordinary words
# The reader of prose looks for the words clerks write (规范性文件, 复议后起诉): vocabulary, not the form.
PROSE_VOCABULARY = {ROOT / "forms" / "rules" / "textfigures.py"}
# 2019's row label 规范性文件 is also the common name of the documents (制发规范性文件 in a chart).
ORDINARY_WORDS = {"规范性文件"}


def spec_labels() -> set[str]:
    labels: set[str] = set()
    for path in SPECS.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        labels |= {data.get("name", ""), data.get("short_name", "")}
        for s in data["sections"]:
            labels |= {s["heading"], s.get("hint", "")}
        for t in data.get("overview_topics", []):
            labels |= {t["heading"], t.get("hint", "")}
        for t in data["tables"]:
            labels |= {t.get("caption", ""), t.get("note", ""), t.get("column_header", "")}
            for r in t["rows"]:
                labels |= {r["label"], r.get("group") or "", r.get("subgroup") or "", r.get("parent") or ""}
            for c in t["columns"]:
                labels |= {c["label"], c.get("group") or ""}
            labels |= {o["label"] for o in t.get("outcomes", {}).values()}
        labels |= {m.get("note", "") for m in data.get("migration", {}).get("cells", [])}
    return {label for label in labels if len(label) >= MIN_CHARS} - ORDINARY_WORDS


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def copies() -> list[str]:
    labels = spec_labels()
    found = []
    for path in sorted([*ROOT.glob("forms/**/*.py"), *ROOT.glob("gui/**/*.py")]):
        if path in PROSE_VOCABULARY:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                found += [f"{path.relative_to(ROOT)}:{node.lineno}: “{label}”"
                          for label in labels if label in node.value]
    return found


def test_the_labels_are_in_the_spec_and_nowhere_else():
    assert copies() == []


def test_the_check_finds_a_copy(tmp_path, monkeypatch):
    """The test above can fail: a label pasted into a module is found."""
    module = tmp_path / "forms" / "copied.py"
    module.parent.mkdir()
    module.write_text('MESSAGE = "请核对“四、结转下年度继续办理”"\n', encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    monkeypatch.setattr(__import__(__name__), "SPECS", SPECS)
    assert copies() == ["forms/copied.py:1: “四、结转下年度继续办理”"]
