"""`nianbao import SOURCE -o OUT.json [--json]`: read a report written elsewhere into our file."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from forms.commands import EXIT_OK, CommandError


def register(sub) -> None:
    p = sub.add_parser("import", help="导入其他来源的年报（Word、网页、PDF、文本），保存为本软件的文件")
    p.add_argument("source", help="要导入的文件（.docx / .html / .mht / .pdf / .txt，或本软件导出的文档）")
    p.add_argument("-o", "--output", type=Path, help="保存到的文件（.json）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出导入结果：识别到的报告、每个单元格及原文、说明")
    p.set_defaults(run=run)


def run(args) -> int:
    # The work's imports, here: `nianbao --help` reads only the declaration above.
    from forms.importers import import_report
    from forms.model import store
    if not args.output and not args.json:
        raise CommandError("请用 -o 指定保存到的文件，或用 --json 查看导入结果。")
    try:
        result = import_report(args.source)
    except store.StoreError as exc:
        raise CommandError(str(exc)) from None
    if args.output:
        if args.output.exists() and not store.is_our_file(args.output):
            raise CommandError(f"“{args.output}”已存在且不是本软件的年报文件，未覆盖。")
        try:
            store.save(result.report, args.output)
        except store.StoreError as exc:
            raise CommandError(str(exc)) from None
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_summary(result, args.output)
    return EXIT_OK


def print_summary(result, output) -> None:
    from forms.importers.result import format_name
    r = result.report
    counts = result.counts()
    print(f"{r.display_title}（{r.year} 年度，{format_name(result.format)}）")
    print(f"读取单元格 {counts['cells']} 个，其中有数值 {counts['filled']} 个、空白 {counts['blank']} 个；"
          f"说明 {counts['notes']} 条。")
    blanks = [n for n in result.notes if n.finding is not None and n.finding.code == "A6"]
    for note in result.notes:
        if note not in blanks:
            print(f"  - {note.message}")
    if blanks:
        print(f"  - 原文 A6：{len(blanks)} 个单元格为空白或“/”“—”（没有发生的应填 0），详见 --json。")
    if output:
        print(f"已保存：{output}")
