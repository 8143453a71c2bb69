"""`nianbao merge UNIT… | --dir FOLDER [--self OWN] [--prior LAST] -o 汇总.json [--json] [--explain CELL]`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from forms.commands import EXIT_OK, CommandError


def register(sub) -> None:
    p = sub.add_parser("merge", help="汇总下级单位的年报：逐个读取、校验，表二、三、四逐格相加，生成汇总报告草稿")
    p.add_argument("units", nargs="*", help="各单位的年报文件（本软件的 .json，或可导入的 Word/网页/PDF/文本）")
    p.add_argument("--dir", dest="folder", help="存放各单位年报的文件夹（读取其中全部年报文件）")
    p.add_argument("--self", dest="own", help="本级（本政府及其办公室）的年报，作为单位之一计入，并单独保留本级数字")
    p.add_argument("--prior", help="上年的汇总报告，用于上年结转校验、缺报单位和单位变化（H2、H4）")
    p.add_argument("--year", type=int, help="汇总的年度（默认：本级报告的年度，或多数单位的年度）")
    p.add_argument("-o", "--output", type=Path, help="保存汇总报告草稿到的文件（.json）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出各单位、未计入的原因、汇总数字和问题")
    p.add_argument("--explain", metavar="CELL", help="列出某个单元格由哪些单位各贡献多少，如 applications.granted.natural_person")
    p.add_argument("--appendix", action="store_true", help="导出汇总报告时附“各单位数据汇总”表（各单位的主要数字）")
    p.add_argument("--csv", type=Path, help="另存各单位×各单元格的明细表（CSV，可用 Excel 打开）")
    p.add_argument("--workers", type=int, help="同时读取的进程数（默认：CPU 核数）")
    p.set_defaults(run=run)


def _paths(args) -> list[str]:
    paths = list(args.units)
    if args.folder:
        from forms.merge.consolidate import NoUnitsError, files_in
        try:
            paths += [str(p) for p in files_in(args.folder)]
        except NoUnitsError as exc:
            raise CommandError(str(exc)) from None
    if args.own:
        own = Path(args.own).resolve()
        paths = [p for p in paths if Path(p).resolve() != own]
    return paths


def run(args) -> int:
    # The work's imports, here: `nianbao --help` reads only the declaration above.
    from forms.importers.open import open_report
    from forms.merge.cells import parse_cell_key
    from forms.model import store
    from forms.merge.consolidate import NoUnitsError, merge
    if not (args.output or args.json or args.explain):
        raise CommandError("请用 -o 指定汇总报告保存到的文件，或用 --json / --explain 查看汇总结果。")
    if args.output and args.output.exists() and not store.is_our_file(args.output):
        raise CommandError(f"“{args.output}”已存在且不是本软件的年报文件，未覆盖。")
    cell = None
    if args.explain:
        try:
            cell = parse_cell_key(args.explain)
        except KeyError as exc:
            raise CommandError(exc.args[0]) from None
    prior = None
    if args.prior:
        try:
            prior, _native = open_report(args.prior)
        except store.StoreError as exc:
            raise CommandError(str(exc)) from None
    paths = _paths(args)
    try:
        result = merge(paths, self_path=args.own, prior=prior, prior_file=args.prior or "",
                       year=args.year, workers=args.workers)
    except NoUnitsError as exc:
        raise CommandError(str(exc)) from None
    report = result.report
    report.consolidation.appendix = args.appendix
    if args.output:
        try:
            store.save(report, args.output)
        except store.StoreError as exc:
            raise CommandError(str(exc)) from None
    if args.csv:
        from forms.merge.tables_out import write_csv
        try:
            write_csv(report, args.csv)
        except OSError as exc:
            raise CommandError(f"无法写入“{args.csv}”：{exc.strerror or exc}") from None
    from forms.rules import check
    findings = [f for f in check(report) if f.code.startswith("H")]
    if args.json:
        _print_json(report, findings, cell)
    elif cell:
        from forms.merge.explain import explain
        print("\n".join(explain(report, *cell).lines()))
    else:
        _print_human(report, findings, args.output, prior)
    return EXIT_OK


def _print_human(report, findings, output, prior) -> None:
    cons = report.consolidation
    included = cons.included()
    print(f"{report.year} 年度汇总：计入 {len(included)} 个单位，未计入 {len(cons.units) - len(included)} 个。")
    for i, u in enumerate(cons.units, 1):
        mark = "" if u.included else "（未计入）"
        counts = f"（{u.errors} 个错误，{u.warnings} 个警告）" if u.status.value in ("warnings", "errors") else ""
        year = f"{u.year} 年度" if u.year else "年度不明"
        print(f"  {i:>3}. {u.display_name}　{Path(u.file).name}　{year}　{_format_name(u.format)}　"
              f"{u.status.label}{counts}{mark}")
        if u.excluded:
            print(f"       未计入：{u.excluded}")
        elif u.note:
            print(f"       注：{u.note}")
    if prior is not None and cons.prior_units is None:
        print("  注：上年报告不是本软件汇总生成的，无法比较单位变化（H2 缺报、H4）；上年结转仍按上年报告校验。")
    for f in findings:
        print(f"[{f.severity.label}] {f.code} {f.message}")
    if output:
        print(f"已保存：{output}（汇总报告草稿：请撰写正文，校验后导出）")


def _format_name(fmt: str) -> str:
    from forms.importers.result import format_name
    return format_name(fmt) if fmt else "—"


def _print_json(report, findings, cell) -> None:
    from forms.model.findings import Severity, _jsonable
    from forms.merge.consolidate import sums
    from forms.merge.explain import explain
    cons = report.consolidation
    sums_ = sums(cons)
    self_unit = cons.self_unit()
    out = {
        "year": report.year,
        "units": [{"name": u.name, "file": u.file, "sha256": u.sha256, "year": u.year, "format": u.format,
                   "source_kind": u.source_kind, "status": u.status.value, "self": u.is_self,
                   "findings": u.findings, "errors": u.errors, "warnings": u.warnings,
                   "included": u.included, **({"excluded": u.excluded} if u.excluded else {}),
                   **({"note": u.note} if u.note else {})} for u in cons.units],
        "cells": {k: {"value": _jsonable(s.value), "blank_units": s.blank_units,
                      **({"self": _jsonable(self_unit.values[i])} if self_unit else {})}
                  for i, (k, s) in enumerate(zip(cons.cells, sums_))},
        "findings": [f.to_dict() for f in findings],
        "errors": sum(1 for f in findings if f.severity is Severity.ERROR),
    }
    if cell:
        out["explain"] = explain(report, *cell).to_dict()
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
