"""Convert plain-text telegrams (.txt files or folders of them) to TEI P5 files.

Writes OUTDIR/<stem>.xml for each input. A file is written only when every character of
the input is in the TEI. Persons, places and organisations are linked to registers: the
default registers persons.xml and places.xml beside the inputs, and the files given with
--register (any TEI file with a listPerson, listPlace or listOrg). A --register file
replaces the defaults of the kinds it holds and no other: a person register given keeps
the default places.xml. The terminal says which registers were read and what each gave.
Publisher, licence and editor come from edition.toml beside the inputs when there is one.

Exit status: 0 all converted, 1 any file failed, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from tei.convert import collect_inputs, convert_paths, default_registers, make_finders
from tei.errors import InputError
from tei.progress import Progress
from tei.settings import EditionSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                        help=".txt file or folder of .txt files")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR",
                        help="folder for the TEI files (created if missing)")
    parser.add_argument("--register", action="append", type=Path, default=[], metavar="FILE",
                        help="TEI register file: listPerson, listPlace, listOrg (repeatable); "
                        "replaces the default register of the kinds it holds (persons.xml, "
                        "places.xml beside the inputs)")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="write the names found in no register and the warnings "
                        "(ambiguous names among them), per file and line, as JSON")
    parser.add_argument("--tag-unregistered", action="store_true",
                        help="also tag person-like names that are in no register (no @ref)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def run(args: argparse.Namespace) -> int:
    try:
        inputs = collect_inputs(args.inputs, ".txt")
        finders = make_finders(args.register, args.tag_unregistered,
                               default_registers(args.inputs))
        folders = [p if p.is_dir() else p.parent for p in args.inputs]
        settings = EditionSettings.for_inputs(folders)
    except (FileNotFoundError, InputError) as exc:
        print(f"tei convert: {exc}", file=sys.stderr)
        return 2
    if not inputs:
        print("tei convert: no .txt files in the given folders", file=sys.stderr)
        return 2
    if not args.quiet:
        print_registers(finders)
    progress = Progress(len(inputs), "converting")
    conversion = convert_paths(inputs, args.output, finders, settings, progress.step)
    progress.close()
    for result in conversion.results:
        for warning in result.warnings:
            if not args.quiet:
                print(warning, file=sys.stderr)
        if result.error:
            print(f"error: {result.error}", file=sys.stderr)
    if args.report:
        write_report(args.report, conversion.results)
    if not args.quiet:
        print_summary(conversion.results, finders)
    return 1 if conversion.failed else 0


def write_report(path: Path, results) -> None:
    report = {
        "files": [
            {"file": str(r.source), "error": r.error, "unregistered": r.unregistered,
             "persons": r.persons, "warnings": r.warnings}
            for r in results
        ],
        "unregistered": dict(sorted(_unregistered_counts(results).items())),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _unregistered_counts(results) -> Counter:
    return Counter(str(u["name"]) for r in results for u in r.unregistered)


def print_registers(finders) -> None:
    """One line per register file read, then what loading them warns about."""
    for line in finders.registers:
        print(line)
    for warning in finders.register_warnings:
        print(warning, file=sys.stderr)


def print_summary(results, finders) -> None:
    ok = sum(1 for r in results if not r.error)
    print(f"converted {ok} of {len(results)} file(s)"
          + (f"; {len(results) - ok} failed" if ok < len(results) else ""))
    if finders.persons is None or not len(finders.persons.register):
        print("no person register given: names are not linked (use --register FILE)")
    counts = _unregistered_counts(results)
    if counts:
        names = ", ".join(f"{n} ({c})" for n, c in counts.most_common(10))
        more = f" and {len(counts) - 10} more" if len(counts) > 10 else ""
        print(f"names in no register: {names}{more}")
