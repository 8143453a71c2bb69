"""The rule catalogue: for every rule code, in Chinese, what it checks and how to fix it.

Data in catalogue.json beside this module; the editor shows an entry from each finding, and
docs/rules.md is written from it (`python -m forms.rules.catalogue > docs/rules.md`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class RuleInfo:
    code: str
    severity: str   # "error", "warning" or "info": the usual one (A6 becomes an error for the final report)
    title: str
    checks: str
    fix: str

    @property
    def family(self) -> str:
        return family_names()[self.code[0]]


@cache
def _data() -> dict:
    return json.loads(resources.files(__package__).joinpath("catalogue.json").read_text(encoding="utf-8"))


@cache
def catalogue() -> dict[str, RuleInfo]:
    """Every rule by its code, in the catalogue's order (by family, then number)."""
    return {r["code"]: RuleInfo(**r) for r in _data()["rules"]}


def family_names() -> dict[str, str]:
    return dict(_data()["families"])


def describe(code: str) -> RuleInfo | None:
    return catalogue().get(code)


def markdown() -> str:
    """docs/rules.md."""
    lines = ["# 校验规则", "", "本文件由 `forms/rules/catalogue.json` 生成（`python -m forms.rules.catalogue > docs/rules.md`），"
             "请改那里，不要改这里。", ""]
    family = None
    for info in catalogue().values():
        if info.family != family:
            family = info.family
            lines += [f"## {info.code[0]} {family}", ""]
        lines += [f"### {info.code} {info.title}（{SEVERITY_NAMES[info.severity]}）", "",
                  f"- 检查：{info.checks}", f"- 改正：{info.fix}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(), end="")
