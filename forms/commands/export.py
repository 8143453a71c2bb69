"""`nianbao export FILE [--docx OUT] [--html OUT] [--pdf OUT] [--reference-doc DOCX] [--force]
[--compare OUT.html|.docx] [--infographic OUT.html|.png|.pdf]`.

The comparison and the 图解 are made whatever the findings (they are for review and for readers
beside the report, which is what the findings gate).

Exit codes: 0 written; 1 refused, the report has errors or blank cells (export anyway with --force);
2 a file could not be read or written.
"""
from __future__ import annotations

import sys
from pathlib import Path

from forms.commands import EXIT_FINDINGS, EXIT_OK, CommandError, open_file


def register(sub) -> None:
    p = sub.add_parser("export", help="导出 Word、网页或 PDF",
                       description="导出年报。有错误或空白单元格时不导出，除非加 --force；"
                                   "带着未解决问题导出的情况记录在年报文件中。")
    p.add_argument("file", type=Path, help="年报文件（本软件的 .json，或可导入的 Word/网页/PDF/文本）")
    p.add_argument("--docx", type=Path, metavar="OUT", help="导出 Word 文档（公文格式）")
    p.add_argument("--html", type=Path, metavar="OUT", help="导出网页（可直接发布到政府网站）")
    p.add_argument("--pdf", type=Path, metavar="OUT", help="导出 PDF")
    p.add_argument("--reference-doc", type=Path, metavar="DOCX", help="本机关的 Word 样式模板（代替默认的公文样式）")
    p.add_argument("--compare", type=Path, metavar="OUT", action="append", default=[],
                   help="导出与上年（及更早年度）的数据对比表（.html 或 .docx）")
    p.add_argument("--infographic", type=Path, metavar="OUT", action="append", default=[],
                   help="导出图解（.html、.png 或 .pdf；可多次给出）")
    p.add_argument("--charts", action="store_true", help="在导出的 Word 文档后附上图解的各张图表")
    p.add_argument("--earlier", type=Path, metavar="FILE", action="append", default=[],
                   help="对比用的往年报告（本软件的 .json 或可导入的文件；可多次给出，最多 5 个年度）")
    p.add_argument("--force", action="store_true", help="报告有错误或空白单元格时仍然导出")
    p.set_defaults(run=run)


def run(args) -> int:
    # The work's imports, here: `nianbao --help` reads only the declaration above.
    from forms.model import store
    from forms.render.export import ExportError, publish, refuse_output
    from forms.render.gate import assess, describe
    from forms.render.view import export_notes
    outputs = {k: v for k, v in (("docx", args.docx), ("html", args.html), ("pdf", args.pdf)) if v}
    extras = [("compare", out) for out in args.compare] + [("infographic", out) for out in args.infographic]
    if not outputs and not extras:
        raise CommandError("请至少指定 --docx、--html、--pdf、--compare、--infographic 中的一项。")
    report, native = open_file(args.file)
    if args.charts and not args.docx:
        raise CommandError("--charts 只用于 --docx：图表附在导出的 Word 文档之后。")
    if args.earlier and not extras:
        raise CommandError("--earlier 只用于 --compare 或 --infographic。")
    if extras:
        _write_extras(report, extras, args)
    if not outputs:
        return EXIT_OK
    verdict = assess(report)
    try:
        for out in outputs.values():
            refuse_output(out, args.file)
        if verdict.blocking and not args.force:
            print(describe(verdict), file=sys.stderr)
            print("未导出。请改正后再导出；确需导出的，请加 --force（将记录在年报文件中）。", file=sys.stderr)
            return EXIT_FINDINGS
        record = publish(report, verdict, outputs, reference_doc=args.reference_doc, pdf_engine=args.pdf_engine,
                         written=lambda out: print(f"已导出：{out}"))
        if args.charts and "docx" in outputs:
            _add_charts(report, outputs["docx"], args)
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    for note in export_notes(report):
        print(f"说明：{note}")
    if record is not None:
        if native:
            try:
                store.save(report, args.file)
            except store.StoreError as exc:
                raise CommandError(f"已导出，但未能把导出记录写回年报文件：{exc}") from None
            print(f"有 {len(record.open_findings)} 个未解决的问题，已记录在“{args.file.name}”中。")
        else:
            print(f"有 {len(record.open_findings)} 个未解决的问题（导出的文件中已记录）。")
    return EXIT_OK


def _write_extras(report, extras: list[tuple[str, Path]], args) -> None:
    """The comparison and the 图解 (the findings do not gate them). Every output is checked before
    the first is written; earlier years given here are attached to a copy: the file is not changed."""
    from forms.model.series import AttachError, attach, compare
    from forms.render.export import ExportError, refuse_output
    from forms.render import compare as comparison_export, infographic
    from forms.render.reference_doc import ReferenceDocError
    try:
        for kind, out in extras:
            refuse_output(out, args.file)
            (comparison_export if kind == "compare" else infographic).kind_of(out)
        if args.earlier:
            report = report.model_copy(deep=True)
            for path in args.earlier:
                said = attach(report, open_file(path)[0])
                if "请注意" in said:
                    print(f"{path.name}：{said}", file=sys.stderr)
        comparison = compare(report)
        for kind, out in extras:
            if kind == "compare":
                comparison_export.write_compare(report, out, reference_doc=args.reference_doc, comparison=comparison)
            else:
                infographic.write_infographic(report, out, raster=args.raster_engine, comparison=comparison)
            print(f"已导出：{out}")
    except (ExportError, AttachError, comparison_export.CompareError, infographic.InfographicError,
            ReferenceDocError) as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"无法写入（{exc.strerror or exc}）。") from None
    if not comparison.has_prior_year:
        shown = "只有本年数字" if len(comparison.year_list) == 1 else "列出所附各年的数字，不计算比上年的增减"
        print(f"提示：本报告未附{report.year - 1}年报告，对比和图解{shown}。", file=sys.stderr)


def _add_charts(report, out: Path, args) -> None:
    from forms.render.infographic import InfographicError, add_chart_appendix
    if args.raster_engine is None:
        raise CommandError("无法附上图表：没有可用的绘图引擎。")
    try:
        count = add_chart_appendix(out, report, args.raster_engine)
    except InfographicError as exc:
        raise CommandError(str(exc)) from None
    print(f"已在“{out.name}”后附上图解的 {count} 张图表。")
