"""The ``tei`` command: argument parsing and exit codes only; each stage lives in its module.

One rule for every command: errors a user can act on (a missing input, an output that is
a file, a folder that cannot be written) are one line ``tei COMMAND: ...`` and exit
status 2, never a traceback; ``-q`` prints errors only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tei import __version__
from tei.commands import build, convert, deposit, render, validate
from tei.commands.options import QUIET_HELP
from tei.errors import InputError, UsageError
from tei.exitcodes import FAILED, INTERRUPTED, USAGE
from tei.findings import printable

# Exit statuses shared by every subcommand.

COMMANDS = {
    "convert": convert,
    "validate": validate,
    "render": render,
    "build": build,
    "deposit": deposit,
}

EPILOG = (f"Every command: -q/--quiet: {QUIET_HELP}. Exit status 0: done; 1: a document "
          "failed; 2: usage or I/O error (one line on standard error).")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tei",
        description="Turn plain-text diplomatic telegrams into a TEI P5 edition: "
        "convert, validate, render, build, deposit.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"tei-edition {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        doc = (module.__doc__ or "").strip()
        summary = doc.splitlines()[0] if doc else name
        p = sub.add_parser(name, help=summary, description=doc,
                           parents=[make() for make in module.PARENTS],
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    return parser


def _tolerant_streams() -> None:
    # File names that are not UTF-8 reach messages as surrogates; print them escaped
    # rather than fail on them.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
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
    except (UsageError, InputError) as exc:
        print(f"tei {args.command}: {printable(str(exc))}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        print("tei: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        return FAILED
    except OSError as exc:
        # Anything the file system refused that no stage turned into a message of its own.
        where = f"{printable(str(exc.filename))}: " if exc.filename else ""
        print(f"tei {args.command}: {where}{exc.strerror or exc}", file=sys.stderr)
        return USAGE
