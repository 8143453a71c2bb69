"""Generated unit reports for consolidation tests and the bench: native files with varied figures.

Each unit is the bundled sample report with its own organ, its own balanced figures (表三 balances
column by column, 表四 by group) and its own wording, so that a clean unit checks clean and no two
units' texts read the same unless a test makes them.
"""
from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path

from forms.model import store
from forms.model import Report
from forms.spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"
WORDS = ("政务公开 信息发布 政策解读 依申请公开 平台建设 公开目录 栏目更新 培训 考核 监督 回应关切 数据开放 基层 "
         "标准化 规范化 办理 答复 时限 流程 意见 建议 群众 企业 网站 新媒体 专栏 会议 制度 台账 审核 保密 "
         "协调 督查 整改 落实 质量 效率 渠道 服务 便民 指南 目录 解读 发布会 访谈").split()
_DIGITS = re.compile(r"[0-9０-９]+")


def _text(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        out.append("".join(rng.choice(WORDS) for _ in range(rng.randint(6, 12))) + "。")
    return "".join(out)


def unit_report(index: int, year: int = 2024, seed: int = 0, name: str | None = None) -> Report:
    rng = random.Random(seed * 100_003 + index)
    report = store.load(SAMPLE)
    report.prior = None
    report.year = year
    report.organization.name = name or f"青岚县第{index + 1}单位"
    report.organization.level = "政府部门"
    spec = load_spec()
    apps = spec.table("applications")
    results = [r.key for r in apps.rows if r.group and not r.computed]
    for col in apps.columns:
        if col.computed:
            continue
        busy = rng.random() < 0.6
        done = {r: (rng.randint(0, 6) if busy and rng.random() < 0.5 else 0) for r in results}
        if col.key == "natural_person":  # the cell the tests follow: every unit contributes to it
            done["granted"] = rng.randint(1, 9)
        forward = rng.randint(0, 3) if busy else 0
        over = rng.randint(0, min(3, sum(done.values()) + forward))
        for r, v in done.items():
            report.set_cell("applications", r, col.key, v)
        report.set_cell("applications", "carried_forward", col.key, forward)
        report.set_cell("applications", "carried_over", col.key, over)
        report.set_cell("applications", "new_received", col.key, sum(done.values()) + forward - over)
    for t in spec.tables:
        if t.key == "applications":
            continue
        for row, col in t.entered_cells():
            if t.value_type == "amount":
                report.set_cell(t.key, row, col, Decimal(rng.randint(0, 5000)) / 100)
            elif t.key == "regulations" and col == "in_force":
                continue
            else:
                report.set_cell(t.key, row, col, rng.randint(0, 40))
    for row in ("rules", "normative_docs"):
        report.set_cell("regulations", row, "in_force", report.entered("regulations", row, "issued") + rng.randint(0, 30))
    for key in report.text_keys:
        text = report.text(key)
        if text and not key.startswith("notes."):
            report.set_text(key, _DIGITS.sub("", text) + _text(rng, 4))
    report.set_text("other", "本年度未收取信息处理费。" + _text(rng, 3))
    return report


def write_units(folder: Path, count: int, year: int = 2024, seed: int = 0, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"unit{i:05d}.json"
        path.write_text(store.dumps(unit_report(i, year, seed)), encoding="utf-8")
        paths.append(path)
    return paths
