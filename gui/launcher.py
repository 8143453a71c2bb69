"""The `nianbao` command: a subcommand runs the batch tools; anything else opens the editor.

Qt is imported only when the editor opens, so batch work starts fast and needs no display.
"""
from __future__ import annotations

import os
import sys
import types


def write_pdf(report, path: str | os.PathLike, *, reference_doc: str | os.PathLike | None = None) -> None:
    """The command line's PDF engine: LibreOffice when installed (Qt not loaded at all), else the
    editor's (Qt), imported only then."""
    from forms.render import office
    from forms.render.export import ExportError
    soffice = office.find_soffice()
    if soffice is not None:
        office.write_pdf(report, path, soffice, reference_doc=reference_doc)
        return
    try:
        from gui.pdf import write_pdf as qt_write_pdf
    except ImportError as exc:
        raise ExportError(f"无法生成 PDF：缺少 Qt（{exc}）。") from None
    qt_write_pdf(report, path, engine="qt", reference_doc=reference_doc)


def raster_svg(svg: str, kind: str, dpi: int = 300) -> bytes:
    """The command line's chart engine (PNG, PDF): Qt's SVG renderer, imported only when asked for."""
    from forms.render.infographic import InfographicError
    try:
        from gui.svg_raster import raster
    except ImportError as exc:
        raise InfographicError(f"无法生成图片：缺少 Qt（{exc}）。") from None
    return raster(svg, kind, dpi)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("nianbao")
    except PackageNotFoundError:  # a checkout that was never installed
        return "（开发版）"


def _without_pydantic_plugins() -> None:
    """No pydantic plugin is ours: their discovery (a scan of every installed package's metadata at
    the first model built) is switched off, here and in the processes we start. Switched off,
    pydantic would still import importlib.metadata to look (and email, zipfile, csv, socket with
    it: ~30 ms of every command); a loader that finds none stands in for its own, as the variable asks."""
    if os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__") != "__all__":
        return  # plugins chosen by whoever set the variable: pydantic's own loader reads it
    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules.setdefault(loader.__name__, loader)


def main(argv: list[str] | None = None) -> int:
    _without_pydantic_plugins()
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] in (["--version"], ["-V"]):
        print(f"nianbao {_version()}")
        return 0
    from forms.commands import main as cli_main, subcommand_names
    if argv and (argv[0] in subcommand_names() or argv[0] in ("-h", "--help")):
        return cli_main(argv, pdf_engine=write_pdf, raster_engine=raster_svg)
    from gui.applog import guarded_start, start_logging
    return guarded_start(lambda: _run_editor(argv), start_logging())


def _run_editor(argv: list[str]) -> int:
    try:
        from gui.app import run_editor
    except ImportError as exc:
        print(f"nianbao: 无法启动编辑器（{exc}）。命令行用法见 nianbao --help。", file=sys.stderr)
        return 2
    return run_editor(argv)


if __name__ == "__main__":
    sys.exit(main())
