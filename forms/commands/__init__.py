"""`nianbao SUBCOMMAND …`: batch work on reports, Qt-free. Each module here is a subcommand
and defines `register(subparsers)`.

Exit codes: 0 done (and, for check, no error); 1 the report has errors; 2 a file could not be
read or written (the message goes to stderr).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from forms.model import Report

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

# argparse's own words (usage, errors) go through gettext; clerks read them in Chinese.
_ARGPARSE_CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的值 %(value)r（应为 %(type)s）",
    "expected one argument": "需要一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
}


def speak_chinese() -> None:
    """Make argparse print its usage and errors in Chinese (idempotent)."""
    setattr(argparse, "_", lambda text: _ARGPARSE_CHINESE.get(text, text))


class CommandError(Exception):
    """A problem to tell the clerk on stderr, exiting with `code`."""

    def __init__(self, message: str, code: int = EXIT_UNREADABLE):
        super().__init__(message)
        self.code = code


def open_file(path: str | os.PathLike) -> tuple[Report, bool]:
    """The report in FILE (our own, or imported) and whether it is our own; unreadable: exit 2."""
    from forms.importers.open import open_report  # the importers load only for commands that read files
    from forms.model.store import StoreError
    try:
        return open_report(path)
    except StoreError as exc:
        raise CommandError(str(exc)) from None


def open_source_file(path: str | os.PathLike):
    """As `open_file`, with what the import found (the totals the source wrote: its A2–A4)."""
    from forms.importers.open import open_source
    from forms.model.store import StoreError
    try:
        return open_source(path)
    except StoreError as exc:
        raise CommandError(str(exc)) from None


# Named here rather than discovered: listing the package's files costs every command (and the
# editor, which asks whether its first argument is a command) a scan of the folder and pkgutil's imports.
SUBCOMMAND_MODULES = ("check", "export", "import_", "merge", "new", "prefill")


def _modules() -> list[str]:
    return [f"{__name__}.{name}" for name in SUBCOMMAND_MODULES]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand, or of `only` that one: a command imports its own module
    alone, so `nianbao check` does not load the Word, HTML and PDF libraries the others need."""
    parser = argparse.ArgumentParser(
        prog="nianbao", description="政府信息公开工作年度报告：填写、校验、导出。",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="打开编辑器：\n"
               "  nianbao                 显示开始页（新建、从上年报告新建、打开）\n"
               "  nianbao 文件            打开一份年报（本软件的 .json，或 Word / 网页 / PDF / 文本，先导入）\n"
               "  nianbao --sample        打开示例年报（青岚县人民政府 2024 年度）的副本\n"
               "  nianbao --version       显示版本\n"
               "各命令的用法：nianbao 命令 --help")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    names = _modules()
    chosen = [n for n in names if n.rsplit(".", 1)[1].rstrip("_") == only]
    for name in chosen or names:
        importlib.import_module(name).register(sub)
    return parser


def subcommand_names() -> set[str]:
    return {name.rsplit(".", 1)[1].rstrip("_") for name in _modules()}


def main(argv: list[str] | None = None, *, pdf_engine: Any = None, raster_engine: Any = None) -> int:
    """`pdf_engine`: how `export --pdf` lays out a PDF (forms.render.export.PdfEngine); `raster_engine`:
    how `export --infographic` draws PNG/PDF (forms.render.infographic.RasterEngine). The editor
    plugs in Qt's, which the core cannot import."""
    for stream in (sys.stdout, sys.stderr):  # Windows consoles default to a legacy code page
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    speak_chinese()
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(only=argv[0] if argv else None)
    parser.set_defaults(pdf_engine=pdf_engine, raster_engine=raster_engine)
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_UNREADABLE
    try:
        return args.run(args)
    except CommandError as exc:
        print(f"nianbao: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:  # `nianbao check … | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
