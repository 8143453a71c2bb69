"""`nianbao export FILE [--docx OUT] [--html OUT] [--pdf OUT] [--reference-doc DOCX] [--force]`.

Exit codes: 0 written; 1 refused, the report has errors or blank cells (export anyway with --force);
2 a file could not be read or written.
"""
from __future__ import annotations

import sys
from pathlib import Path

from forms.commands import EXIT_FINDINGS, EXIT_OK, CommandError, open_file
from forms.model import store
from forms.render.export import ExportError, publish, refuse_output
from forms.render.gate import assess, describe


def register(sub) -> None:
    p = sub.add_parser("export", help="导出 Word、网页或 PDF",
                       description="导出年报。有错误或空白单元格时不导出，除非加 --force；"
                                   "带着未解决问题导出的情况记录在年报文件中。")
    p.add_argument("file", type=Path, help="年报文件（本软件的 .json，或可导入的 Word/网页/PDF/文本）")
    p.add_argument("--docx", type=Path, metavar="OUT", help="导出 Word 文档（公文格式）")
    p.add_argument("--html", type=Path, metavar="OUT", help="导出网页（可直接发布到政府网站）")
    p.add_argument("--pdf", type=Path, metavar="OUT", help="导出 PDF")
    p.add_argument("--reference-doc", type=Path, metavar="DOCX", help="本机关的 Word 样式模板（代替默认的公文样式）")
    p.add_argument("--force", action="store_true", help="报告有错误或空白单元格时仍然导出")
    p.set_defaults(run=run)


def run(args) -> int:
    outputs = {k: v for k, v in (("docx", args.docx), ("html", args.html), ("pdf", args.pdf)) if v}
    if not outputs:
        raise CommandError("请至少指定 --docx、--html、--pdf 中的一项。")
    report, native = open_file(args.file)
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
    except ExportError as exc:
        raise CommandError(str(exc)) from None
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
