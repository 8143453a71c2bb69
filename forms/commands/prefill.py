"""`nianbao prefill PRIOR --year N+1 -o DRAFT.json`: next year's draft from last year's report."""
from __future__ import annotations

from pathlib import Path

from forms.commands import EXIT_OK, CommandError, open_file


def register(sub) -> None:
    p = sub.add_parser("prefill", help="根据上年报告生成本年度草稿（上年结转、文字部分、机关信息）")
    p.add_argument("prior", help="上年报告（本软件的文件，或可导入的 Word/网页/PDF/文本）")
    p.add_argument("--year", type=int, help="新报告的年度（默认上年报告的下一年）")
    p.add_argument("-o", "--output", required=True, type=Path, help="保存到的文件（.json）")
    p.add_argument("--force", action="store_true", help="上年报告不是紧接的上一年度时，仍然生成")
    p.set_defaults(run=run)


def run(args) -> int:
    # The work's imports, here: `nianbao --help` reads only the declaration above.
    from forms.model import MAX_YEAR, MIN_YEAR, store
    from forms.model.prefill import prefill_with_notes
    if args.output.exists():
        raise CommandError(f"“{args.output}”已存在，未覆盖。")
    prior, _ = open_file(args.prior)
    year = args.year or prior.year + 1
    if year <= prior.year:
        raise CommandError(f"新报告的年度（{year}）应晚于上年报告的年度（{prior.year}）。")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CommandError(f"年度“{year}”无效：应在 {MIN_YEAR} 至 {MAX_YEAR} 年之间。")
    if year != prior.year + 1 and not args.force:
        raise CommandError(f"所给报告是 {prior.year} 年度的，{year} 年度报告的上年应为 {year - 1} 年度："
                           f"上年结转和跨年度校验都会对不上。确要如此，请加 --force。")
    draft, notes = prefill_with_notes(prior, year)
    try:
        store.save(draft, args.output)
    except store.StoreError as exc:
        raise CommandError(str(exc)) from None
    print(f"已根据 {prior.year} 年度报告生成 {year} 年度草稿：{args.output}")
    print("上年结转已填入；文字部分为上年内容，请按本年情况改写；其他数据请填写。")
    for line in notes:
        print(f"  - {line}")
    return EXIT_OK
