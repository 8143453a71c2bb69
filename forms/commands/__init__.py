"""Subcommands of `nianbao`: each module here defines `register(subparsers)`."""
