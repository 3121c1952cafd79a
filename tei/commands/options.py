"""Options shared by the commands (argparse parent parsers: one definition for every
command that runs a stage) and the checks of the paths they write to."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import Any

from tei.errors import UsageError
from tei.limits import MAX_ELEMENT_DEPTH
from tei.validate import SWITCHABLE, Limits
from tei.validate.checks import DEFAULT_DATE_GRACE_DAYS
from tei.validate.safe_xml import MEGABYTE

QUIET_HELP = ("print errors only: no warnings, summaries or progress (files asked for with "
              "-o or --report are still written in full)")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _not_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def _check_id(value: str) -> str:
    if value not in SWITCHABLE:
        raise argparse.ArgumentTypeError(
            f"unknown check {value!r}; known: {', '.join(SWITCHABLE)}")
    return value


def quiet_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)
    return parent


def jobs_options() -> argparse.ArgumentParser:
    from tei.workers import usable_cores

    parent = argparse.ArgumentParser(add_help=False)
    cores = usable_cores()
    parent.add_argument("-j", "--jobs", type=_positive, default=cores, metavar="N",
                        help="work in N processes (default: the usable cores, here "
                        f"{cores}); the output is the same for every N")
    return parent


def shard(value: str) -> tuple[int, int]:
    """``K/N``: the K-th (from 1) of N slices of the inputs."""
    part, _, count = value.partition("/")
    try:
        k, n = int(part), int(count)
    except ValueError:
        raise argparse.ArgumentTypeError(f"give K/N, e.g. 2/8, not {value!r}") from None
    if n < 1 or not 1 <= k <= n:
        raise argparse.ArgumentTypeError(f"K/N needs 1 <= K <= N, not {value!r}")
    return k, n


def shard_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--shard", type=shard, metavar="K/N",
                        help="process only the K-th of N slices of the inputs (chosen by "
                        "each input's name, the same on every machine), so N machines or "
                        "jobs can share a corpus; see docs/performance.md")
    return parent


def conversion_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("conversion")
    group.add_argument("--register", action="append", type=Path, default=[], metavar="FILE",
                       help="TEI register file: listPerson, listPlace, listOrg (repeatable); "
                       "replaces the default register of the kinds it holds (persons.xml, "
                       "places.xml beside the inputs) and no other")
    group.add_argument("--tag-unregistered", action="store_true",
                       help="also tag person-like names that are in no register (no @ref)")
    return parent


def report_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--report", type=Path, metavar="FILE",
                        help="write every finding (errors, warnings, names in no register) "
                        "as JSON (docs/report.md)")
    return parent


def validation_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("validation")
    group.add_argument("--schema", type=Path, metavar="FILE",
                       help="XSD 1.0/1.1 (.xsd) or RELAX NG (.rng) schema; default: the "
                       "project's schema")
    group.add_argument("--tei-all", type=Path, metavar="PATH",
                       help="an official tei_all (.xsd or .rng, or a folder holding one): "
                       "checks conformance to TEI P5 instead of (with --schema: besides) "
                       "the project's schema")
    group.add_argument("--strict", action="store_true",
                       help="editorial findings are errors, not warnings")
    group.add_argument("--ignore", action="append", type=_check_id, default=[],
                       metavar="ID", help="switch off an editorial check (repeatable): "
                       + ", ".join(SWITCHABLE))
    group.add_argument("--date-grace", type=_not_negative, default=DEFAULT_DATE_GRACE_DAYS,
                       metavar="DAYS", help="date-after-document: allow dates up to DAYS "
                       "after the document's date, as announced for the coming days "
                       f"(default: {DEFAULT_DATE_GRACE_DAYS}; 0 reports every later date)")
    group.add_argument("--max-size", type=_positive, default=50, metavar="MB",
                       help="refuse files larger than this (default: 50 MB)")
    group.add_argument("--max-depth", type=_positive, default=MAX_ELEMENT_DEPTH, metavar="N",
                       help="refuse documents nested deeper than this (default: "
                       f"{MAX_ELEMENT_DEPTH}, the deepest the reading edition renders)")
    return parent


def validation_settings(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword arguments of ``validate_paths`` the validation options give."""
    return {"schema": args.schema, "strict": args.strict, "ignore": args.ignore,
            "tei_all": args.tei_all, "jobs": getattr(args, "jobs", 1),
            "date_grace_days": args.date_grace,
            "limits": Limits(max_bytes=args.max_size * MEGABYTE, max_depth=args.max_depth)}


def check_schemas(args: argparse.Namespace) -> None:
    """Load the schemas the validation options name (compiled once per process, so the
    validation reuses them); raise UsageError for one that cannot be used."""
    from tei.validate import InputMissing, SchemaError, load_grammar
    from tei.validate.runner import tei_all_schema

    try:
        if args.schema:
            load_grammar(args.schema)
        if args.tei_all:
            load_grammar(tei_all_schema(args.tei_all))
    except (InputMissing, SchemaError) as exc:
        raise UsageError(str(exc)) from None


def output_folder(path: Path) -> Path:
    """Make sure ``path`` is a folder this process can write in (creating it), or raise
    UsageError saying why not."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: exists and is not a folder (give a folder for -o)")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{path}: cannot create the folder: {exc.strerror or exc}") from None
    try:  # a real write, not os.access: it also tells a read-only file system
        handle, probe = tempfile.mkstemp(dir=path, prefix=".tei-")
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write in the folder: {exc.strerror or exc}") from None
    return path


def output_file(path: Path) -> Path:
    """Check that ``path`` can be a file we write in a folder that exists; raise
    UsageError saying why not."""
    if path.is_dir():
        raise UsageError(f"{path}: is a folder (give a file name)")
    if path.exists() and not path.is_file():
        return path  # a device or pipe (/dev/stdout): written to as it is
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"{path}: the folder {folder} does not exist")
    output_folder(folder)
    return path
