"""The ``tei`` command: argument parsing and exit codes only; each stage lives in its module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tei import __version__
from tei.commands import build, convert, deposit, render, validate

# Exit statuses shared by every subcommand.
OK, FAILED, USAGE = 0, 1, 2

COMMANDS = {
    "convert": convert,
    "validate": validate,
    "render": render,
    "build": build,
    "deposit": deposit,
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tei",
        description="Turn plain-text diplomatic telegrams into a TEI P5 edition: "
        "convert, validate, render, build.",
    )
    parser.add_argument("--version", action="version", version=f"tei-edition {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        doc = (module.__doc__ or "").strip()
        summary = doc.splitlines()[0] if doc else name
        p = sub.add_parser(name, help=summary, description=doc,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return USAGE
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("tei: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return FAILED
