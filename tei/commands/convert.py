"""Convert plain-text telegrams (.txt files or folders of them) to TEI P5 files.

Writes OUTDIR/<stem>.xml for each input. A file is written only when every character of
the input is in the TEI. Persons are linked to the register(s) given with --register
(any TEI file with a listPerson); without --register, a persons.xml beside the inputs is
used when there is one. Publisher, licence and editor come from edition.toml beside the
inputs when there is one.

Exit status: 0 all converted, 1 any file failed, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from tei.convert import convert_paths, default_registers, make_finders
from tei.errors import InputError
from tei.progress import Progress
from tei.settings import EditionSettings
from tei.sources import collect_sources


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                        help=".txt file or folder of .txt files")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR",
                        help="folder for the TEI files (created if missing)")
    parser.add_argument("--register", action="append", type=Path, default=[], metavar="FILE",
                        help="TEI file with a listPerson (repeatable); default: persons.xml "
                        "beside the inputs")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="write the names found in no register and the warnings "
                        "(ambiguous names among them), per file and line, as JSON")
    parser.add_argument("--tag-unregistered", action="store_true",
                        help="also tag person-like names that are in no register (no @ref)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")


def run(args: argparse.Namespace) -> int:
    try:
        inputs = collect_sources(args.inputs, ".txt")
        registers = args.register or default_registers(args.inputs)
        finders = make_finders(registers, args.tag_unregistered)
        folders = [p if p.is_dir() else p.parent for p in args.inputs]
        settings = EditionSettings.for_inputs(folders)
    except (FileNotFoundError, InputError) as exc:
        print(f"tei convert: {exc}", file=sys.stderr)
        return 2
    if not inputs:
        print("tei convert: no .txt files in the given folders", file=sys.stderr)
        return 2
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
        print_summary(conversion.results, registers)
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


def print_summary(results, registers) -> None:
    ok = sum(1 for r in results if not r.error)
    print(f"converted {ok} of {len(results)} file(s)"
          + (f"; {len(results) - ok} failed" if ok < len(results) else ""))
    if not registers:
        print("no person register given: names are not linked (use --register FILE)")
    counts = _unregistered_counts(results)
    if counts:
        names = ", ".join(f"{n} ({c})" for n, c in counts.most_common(10))
        more = f" and {len(counts) - 10} more" if len(counts) > 10 else ""
        print(f"names in no register: {names}{more}")
