"""Subcommands of `nianbao` that may need Qt (the PDF); each module defines `register(subparsers)`.

Kept apart from forms.commands because forms/ never imports Qt; Qt is imported only when such a
command actually needs it, so `nianbao export --docx` starts as fast as any other command.
"""
