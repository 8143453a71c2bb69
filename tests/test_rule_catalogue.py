"""The rule catalogue (forms/rules/catalogue.json): every rule the checker runs is explained in Chinese,
and docs/rules.md is the catalogue as it stands."""
from __future__ import annotations

import re
from pathlib import Path

from forms.rules import RULES, check
from forms.rules.catalogue import catalogue, describe, markdown

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_rule_the_checker_runs_has_an_entry(sample_report):
    check(sample_report)  # loads every family
    codes = {r.code for r in RULES}
    assert len(codes) >= 25
    assert codes - set(catalogue()) == set()


def test_entries_say_what_is_checked_and_how_to_fix_it_in_chinese():
    for info in catalogue().values():
        assert re.fullmatch(r"[AFYNH]\d", info.code)
        assert info.severity in ("error", "warning", "info")
        for text in (info.title, info.checks, info.fix):
            assert HAN.search(text), (info.code, text)
    assert describe("A1").title == "表三各列不平衡" and describe("Z9") is None


def test_docs_rules_md_is_written_from_the_catalogue():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown(), \
        "docs/rules.md is stale: python -m forms.rules.catalogue > docs/rules.md"
