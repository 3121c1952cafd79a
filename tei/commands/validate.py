"""Validate TEI files against the project's schema, any XSD 1.0/1.1 or RELAX NG schema.

Checks well-formedness, the grammar and editorial rules (persName without @ref, dates
without a normalised value, empty footnotes, ids shared between files, dates after the
document's date). Editorial findings are warnings unless --strict.

Output: file:line:col: error|warning: message [rule], or json, junit, github, sarif.
-q prints errors only: the text report on the terminal lists errors and no summary
follows; a report written with -o, or in another format, is complete.
-j N validates in N processes (default: the usable cores); the report is the same for
every N.
Exit status: 0 all valid (warnings allowed), 1 any file invalid, 2 usage error or
unreadable input.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tei import atomic
from tei.commands import options
from tei.errors import UsageError
from tei.exitcodes import FAILED, OK, USAGE
from tei.progress import Progress
from tei.validate import FORMATS, InputMissing, Report, SchemaError, ValidatedFile, validate_paths
from tei.validate.reporters import github_step_summary, summary
from tei.validate.runner import IO_RULE, collect

PARENTS = (options.validation_options, options.jobs_options, options.quiet_options)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="TEI file, or folder searched for *.xml")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text",
                        help="report format (default: text)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the report to FILE instead of standard output")


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
    if args.output:
        options.output_file(args.output)
    try:
        files = collect(args.paths)
        with Progress(len(files), "validating", quiet=args.quiet) as progress:
            report = validate_paths(files, **options.validation_settings(args),
                                    notice=None if args.quiet else _tell,
                                    progress=progress.update)
    except (InputMissing, SchemaError) as exc:
        raise UsageError(str(exc)) from None
    if not report.files:
        raise UsageError("no .xml files in the given folders")
    if args.quiet and args.format == "text" and not args.output:
        # Errors only on the terminal; a report written to a file is complete.
        report = Report([ValidatedFile(r.file, r.errors) for r in report.files], report.schemas)
    output = FORMATS[args.format](report)
    if args.output:
        try:
            atomic.write_text(args.output, output)
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
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
