"""`nianbao new --year Y --org NAME -o FILE`: an empty report for the year."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from forms.commands import EXIT_OK, CommandError
from forms.spec.levels import OrgLevel


def register(sub) -> None:
    p = sub.add_parser("new", help="新建空白年报")
    p.add_argument("--year", type=int, required=True, help="报告年度，如 2025")
    p.add_argument("--org", required=True, help="机关名称，如 青岚县人民政府")
    p.add_argument("--level", default=OrgLevel.GOVERNMENT.value,
                   choices=[lv.value for lv in OrgLevel], help="机关层级")
    p.add_argument("-o", "--output", required=True, type=Path, help="保存到的文件（.json）")
    p.set_defaults(run=run)


def run(args) -> int:
    from forms.model import new_report, store  # the work's imports: `nianbao --help` reads only the declaration
    if args.output.exists():
        raise CommandError(f"“{args.output}”已存在，未覆盖。")
    try:
        report = new_report(args.year, args.org, args.level)
    except ValueError:  # the year is the only argument argparse lets through unchecked
        raise CommandError(f"年度“{args.year}”无效，请填写四位数的报告年度，如 {date.today().year - 1}。") from None
    try:
        store.save(report, args.output)
    except store.StoreError as exc:
        raise CommandError(str(exc)) from None
    print(f"已新建 {args.year} 年度报告：{args.output}")
    return EXIT_OK
