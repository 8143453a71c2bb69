"""`nianbao export FILE [--docx OUT] [--html OUT] [--pdf OUT] [--reference-doc DOCX] [--force]`.

Exit codes: 0 written; 1 refused, the report has errors or blank cells (export anyway with --force);
2 a file could not be read or written.
"""
from __future__ import annotations

import sys
from pathlib import Path

from forms.model import store
from forms.commands import EXIT_FINDINGS, EXIT_OK, CommandError
from forms.importers.open import open_report
from forms.render import ReferenceDocError, assess, describe, record_export, write_docx, write_html


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


def _open(path: Path):
    """The report, and whether FILE is our own file (only then is the export record saved back)."""
    try:
        return store.load(path), True
    except store.NotOurFileError:
        pass
    except store.StoreError as exc:
        raise CommandError(str(exc)) from None
    try:
        return open_report(path), False
    except store.StoreError as exc:
        raise CommandError(str(exc)) from None


def _check_outputs(source: Path, outputs: dict[str, Path]) -> None:
    for kind, out in outputs.items():
        if out.exists() and out.resolve() == source.resolve():
            raise CommandError(f"--{kind} 的输出文件就是输入文件“{source.name}”，为保护它，未导出。")
        if out.is_dir():
            raise CommandError(f"“{out}”是文件夹，请给出 --{kind} 的文件名。")
        if not out.parent.is_dir():
            raise CommandError(f"无法写入“{out}”：文件夹“{out.parent}”不存在。")


def _write(kind: str, report, out: Path, reference_doc: Path | None) -> None:
    try:
        if kind == "docx":
            write_docx(report, out, reference_doc=reference_doc)
        elif kind == "html":
            write_html(report, out)
        else:
            _write_pdf(report, out, reference_doc)
    except ReferenceDocError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"无法写入“{out}”（{exc.strerror or exc}）。") from None


def _write_pdf(report, out: Path, reference_doc: Path | None) -> None:
    try:
        from gui.pdf import write_pdf  # Qt, only when a PDF is asked for
    except ImportError as exc:
        raise CommandError(f"无法生成 PDF：缺少 Qt（{exc}）。") from None
    from forms.render.office import OfficeError
    try:
        write_pdf(report, out, reference_doc=reference_doc)
    except OfficeError as exc:
        raise CommandError(f"生成 PDF 失败：{exc}") from None


def run(args) -> int:
    outputs = {k: v for k, v in (("docx", args.docx), ("html", args.html), ("pdf", args.pdf)) if v}
    if not outputs:
        raise CommandError("请至少指定 --docx、--html、--pdf 中的一项。")
    report, native = _open(args.file)
    _check_outputs(args.file, outputs)
    verdict = assess(report)
    if verdict.blocking and not args.force:
        print(describe(verdict), file=sys.stderr)
        print("未导出。请改正后再导出；确需导出的，请加 --force（将记录在年报文件中）。", file=sys.stderr)
        return EXIT_FINDINGS
    record = record_export(report, list(outputs), verdict)
    for kind, out in outputs.items():
        _write(kind, report, out, args.reference_doc)
        print(f"已导出：{out}")
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
