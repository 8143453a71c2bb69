"""Exporting a report, for the command line and the editor alike: where it may go, which writer
makes each format, and the record of what went out with open findings.

Both callers first `assess` the report (forms.render.gate) and ask (the clerk, or --force) before
calling `publish`. The PDF needs a layout engine that lives outside the core (Qt, in gui/pdf.py):
the caller plugs it in; without one, asking for a PDF is an ExportError.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from forms.model import ExportRecord, Report
from forms.model.office import OfficeError
from forms.render.gate import Verdict, record_export
from forms.render.reference_doc import ReferenceDocError

# write_pdf(report, path, *, reference_doc): gui.pdf.write_pdf, or a test's stand-in
PdfEngine = Callable[..., object]


class ExportError(Exception):
    """An export that cannot be done; the message is for the clerk."""


def refuse_output(out: Path, source: Path | None) -> None:
    """Raise ExportError when `out` cannot or must not receive the export (the report's own file above all)."""
    if source is not None and out.exists() and out.resolve() == Path(source).resolve():
        raise ExportError(f"输出文件就是输入文件“{out.name}”：为保护它，未导出，请另选文件名。")
    if out.is_dir():
        raise ExportError(f"“{out}”是文件夹，请给出导出文件的文件名。")
    if not out.parent.is_dir():
        raise ExportError(f"无法写入“{out}”：文件夹“{out.parent}”不存在。")


def write(report: Report, kind: str, out: Path, *, reference_doc: str | os.PathLike | None = None,
          pdf_engine: PdfEngine | None = None) -> None:
    """Write one format. Raises ExportError (Chinese) for anything that went wrong."""
    try:
        if kind == "docx":  # each writer loads its library (python-docx, Jinja2) only when asked for
            from forms.render.docx_writer import write_docx
            write_docx(report, out, reference_doc=reference_doc)
        elif kind == "html":
            from forms.render.html_writer import write_html
            write_html(report, out)
        elif pdf_engine is None:
            raise ExportError("无法生成 PDF：没有可用的排版引擎。")
        else:
            pdf_engine(report, out, reference_doc=reference_doc)
    except (ReferenceDocError, OfficeError) as exc:
        raise ExportError(f"生成 PDF 失败：{exc}" if isinstance(exc, OfficeError) else str(exc)) from None
    except OSError as exc:
        raise ExportError(f"无法写入“{out}”（{exc.strerror or exc}）。") from None


def publish(report: Report, verdict: Verdict, outputs: dict[str, Path], *,
            reference_doc: str | os.PathLike | None = None,
            pdf_engine: PdfEngine | None = None,
            written: Callable[[Path], object] = lambda out: None) -> ExportRecord | None:
    """Record what goes out with open findings, then write every format, telling `written` each
    file. When a write fails, nothing is recorded and ExportError is raised."""
    record = record_export(report, list(outputs), verdict)
    try:
        for kind, out in outputs.items():
            write(report, kind, out, reference_doc=reference_doc if kind != "html" else None,
                  pdf_engine=pdf_engine)
            written(out)
    except ExportError:
        if record is not None:
            report.exports.remove(record)
        raise
    return record
