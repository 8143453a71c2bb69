"""The `nianbao` command: a subcommand runs the batch tools; anything else opens the editor.

Qt is imported only when the editor opens, so batch work starts fast and needs no display.
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    import forms.commands
    import gui.subcommands  # subcommands that need Qt (export --pdf); they import it only when run
    from forms.commands import main as cli_main, subcommand_names
    packages = (forms.commands, gui.subcommands)
    if argv and (argv[0] in subcommand_names(packages) or argv[0] in ("-h", "--help")):
        return cli_main(argv, packages)
    try:
        from gui.app import run_editor
    except ImportError as exc:
        print(f"nianbao: 无法启动编辑器（{exc}）。命令行用法见 nianbao --help。", file=sys.stderr)
        return 2
    return run_editor(argv)


if __name__ == "__main__":
    sys.exit(main())
