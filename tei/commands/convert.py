"""Convert plain-text telegrams (.txt files or folders of them) to TEI P5 files.

Writes OUTDIR/<name>.xml for each input, where <name> is the input's place below the
folder given (coll/a/report.txt given as coll: OUTDIR/a/report.xml) or, for a file given
by itself, its own name. A file is written only when every character of the input is in
the TEI. Persons, places and organisations are linked to registers: the default registers
persons.xml and places.xml beside the inputs, and the files given with --register (any
TEI file with a listPerson, listPlace or listOrg). A --register file replaces the
defaults of the kinds it holds and no other: a person register given keeps the default
places.xml. The terminal says which registers were read and what each gave. Publisher,
licence and editor come from edition.toml beside the inputs when there is one.

-j N converts in N processes (default: the usable cores); --shard K/N converts only the
K-th of N slices of the inputs. -q prints errors only; without it, warnings, a summary
and the names in no register.
Exit status: 0 all converted, 1 any file failed or the disk filled up, 2 usage error,
unreadable input or an output that cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tei.commands import options
from tei.errors import UsageError
from tei.exitcodes import FAILED, OK
from tei.findings import printable
from tei.progress import Progress
from tei.settings import EditionSettings
from tei.shards import in_shard
from tei.sources import collect_sources

PARENTS = (options.conversion_options, options.jobs_options, options.shard_options,
           options.report_options, options.quiet_options)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                        help=".txt file or folder of .txt files")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR",
                        help="folder for the TEI files (created if missing)")


def run(args: argparse.Namespace) -> int:
    # Imported here: the other commands (and every worker process, which imports the
    # command line again) do not pay for loading the converter.
    from tei import report
    from tei.convert import convert_paths, default_registers, make_finders

    inputs = collect_sources(args.inputs, ".txt")
    if not inputs:
        raise UsageError("no .txt files in the given folders")
    inputs = in_shard(inputs, args.shard)
    if not inputs:  # a small corpus split in many slices: nothing to do is no failure
        if not args.quiet:
            print(f"shard {args.shard[0]}/{args.shard[1]}: no files in this slice")
        return OK
    finders = make_finders(args.register, args.tag_unregistered,
                           default_registers(args.inputs))
    folders = [p if p.is_dir() else p.parent for p in args.inputs]
    settings = EditionSettings.for_inputs(folders)
    options.output_folder(args.output)
    if args.report:
        options.output_file(args.report)
    if not args.quiet:
        print_registers(finders)
    with Progress(len(inputs), "converting", quiet=args.quiet) as progress:
        conversion = convert_paths(inputs, args.output, finders, settings, progress.update,
                                   jobs=args.jobs)
    for result in conversion.results:
        if not args.quiet:
            for warning in result.warnings:
                print(warning, file=sys.stderr)
        if result.error:
            print(f"error: {printable(result.error)}", file=sys.stderr)
    if conversion.stopped:
        print(f"error: {printable(conversion.stopped)}", file=sys.stderr)
    if args.report:
        findings = [f for r in conversion.results for f in report.conversion_findings(r)]
        write_report(args.report, "convert", conversion.results, findings,
                     {"files": len(inputs), "converted": len(conversion.converted),
                      "failed": len(inputs) - len(conversion.converted)})
    if not args.quiet:
        print_summary(conversion.results, len(inputs), finders)
    return FAILED if conversion.failed or conversion.stopped else OK


def write_report(path: Path, command: str, results, findings, summary) -> None:
    from tei import report

    try:
        report.write(path, command, results, findings, summary)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the report: {exc.strerror or exc}") from None


def print_registers(finders) -> None:
    """One line per register file read, then what loading them warns about."""
    for line in finders.registers:
        print(line)
    for warning in finders.register_warnings:
        print(warning, file=sys.stderr)


def print_summary(results, total: int, finders) -> None:
    ok = sum(1 for r in results if not r.error)
    print(f"converted {ok} of {total} file(s)"
          + (f"; {total - ok} failed" if ok < total else ""))
    if finders.persons is None or not len(finders.persons.register):
        print("no person register given: names are not linked (use --register FILE)")
    print_unregistered(results)


def print_unregistered(results) -> None:
    from tei import report

    counts = report.unregistered_counts(results)
    if counts:
        names = ", ".join(f"{n} ({c})" for n, c in counts.most_common(10))
        more = f" and {len(counts) - 10} more" if len(counts) > 10 else ""
        print(f"names in no register: {printable(names)}{more}")
