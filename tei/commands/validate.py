"""Validate TEI files against the project's schema, any XSD 1.0/1.1 or RELAX NG schema.

Checks well-formedness, the grammar and editorial rules (persName without @ref, dates
without a normalised value, empty footnotes, ids shared between files, dates after the
document's date). Editorial findings are warnings unless --strict.

Output: file:line:col: error|warning: message [rule], or json, junit, github, sarif.
Exit status: 0 all valid (warnings allowed), 1 any file invalid, 2 usage error or
unreadable input.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tei.limits import MAX_ELEMENT_DEPTH
from tei.validate import (
    FORMATS,
    SWITCHABLE,
    InputMissing,
    Limits,
    SchemaError,
    validate_paths,
)
from tei.validate.checks import DEFAULT_DATE_GRACE_DAYS
from tei.validate.issues import Report
from tei.validate.reporters import github_step_summary, summary
from tei.validate.runner import IO_RULE
from tei.validate.safe_xml import MEGABYTE

OK, FAILED, USAGE = 0, 1, 2


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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="TEI file, or folder searched for *.xml")
    parser.add_argument("--schema", type=Path, metavar="FILE",
                        help="XSD 1.0/1.1 (.xsd) or RELAX NG (.rng) schema; default: the "
                        "project's schema")
    parser.add_argument("--tei-all", type=Path, metavar="PATH",
                        help="an official tei_all (.xsd or .rng, or a folder holding one): "
                        "checks conformance to TEI P5 instead of (with --schema: besides) "
                        "the project's schema")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text",
                        help="report format (default: text)")
    parser.add_argument("--strict", action="store_true",
                        help="editorial findings are errors, not warnings")
    parser.add_argument("--ignore", action="append", type=_check_id, default=[],
                        metavar="ID", help="switch off an editorial check (repeatable): "
                        + ", ".join(SWITCHABLE))
    parser.add_argument("--date-grace", type=_not_negative, default=DEFAULT_DATE_GRACE_DAYS,
                        metavar="DAYS", help="date-after-document: allow dates up to DAYS "
                        "after the document's date, as announced for the coming days "
                        f"(default: {DEFAULT_DATE_GRACE_DAYS}; 0 reports every later date)")
    parser.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                        help="validate N files at a time in worker processes")
    parser.add_argument("--max-size", type=_positive, default=50, metavar="MB",
                        help="refuse files larger than this (default: 50 MB)")
    parser.add_argument("--max-depth", type=_positive, default=MAX_ELEMENT_DEPTH, metavar="N",
                        help="refuse documents nested deeper than this (default: "
                        f"{MAX_ELEMENT_DEPTH}, the deepest the reading edition renders)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the report to FILE instead of standard output")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no summary line and no schema-compile notice on standard "
                        "error")


def _tell(message: str) -> None:
    print(f"tei validate: {message}", file=sys.stderr, flush=True)


def _write_step_summary(report: Report) -> None:
    """Append the Markdown summary to $GITHUB_STEP_SUMMARY when GitHub Actions sets it
    (annotations beyond GitHub's limit are dropped; the summary keeps every finding). A
    summary that cannot be written is reported and does not change the exit status."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(github_step_summary(report))
    except OSError as exc:
        print(f"tei validate: cannot write the step summary {target}: {exc.strerror}",
              file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    limits = Limits(max_bytes=args.max_size * MEGABYTE, max_depth=args.max_depth)
    try:
        report = validate_paths(args.paths, schema=args.schema, strict=args.strict,
                                ignore=args.ignore, tei_all=args.tei_all, jobs=args.jobs,
                                limits=limits, date_grace_days=args.date_grace,
                                notice=None if args.quiet else _tell)
    except (InputMissing, SchemaError) as exc:
        print(f"tei validate: {exc}", file=sys.stderr)
        return USAGE
    if not report.files:
        print("tei validate: no .xml files in the given folders", file=sys.stderr)
        return USAGE
    output = FORMATS[args.format](report)
    if args.output:
        try:
            args.output.write_text(output, encoding="utf-8")
        except OSError as exc:
            print(f"tei validate: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return USAGE
    else:
        sys.stdout.write(output)
        sys.stdout.flush()
    if args.format == "github":
        _write_step_summary(report)
    if not args.quiet:
        print(f"tei validate: {summary(report)}", file=sys.stderr)
    if any(issue.rule == IO_RULE for issue in report.issues):
        return USAGE
    return OK if report.valid else FAILED
