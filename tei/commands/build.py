"""Build the edition: convert, validate and render every document of a corpus.

Writes OUT/tei/<stem>.xml, OUT/html/ (the reading site) and OUT/text/<stem>.txt.
A document that fails is reported and the others are still processed. With --deposit,
the last stage packs the edition as a BagIt bag in OUT/deposit/ (see tei deposit).

Exit status: 0 all documents built, 1 any document failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tei.build import build
from tei.errors import InputError
from tei.progress import Progress


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", nargs="?", type=Path, default=Path("corpus"),
                        help="folder of .txt documents (default: corpus/)")
    parser.add_argument("-o", "--output", type=Path, default=Path("build"), metavar="OUT",
                        help="output folder (default: build/)")
    parser.add_argument("--register", action="append", type=Path, metavar="FILE",
                        help="TEI file with a listPerson (repeatable); default: "
                        "CORPUS/persons.xml")
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    parser.add_argument("--deposit", action="store_true",
                        help="last stage: pack the edition as a BagIt bag in OUT/deposit/ "
                        "(settings from CORPUS/edition.toml, see tei deposit)")


def run(args: argparse.Namespace) -> int:
    if not args.corpus.is_dir():
        print(f"tei build: {args.corpus}: not a folder", file=sys.stderr)
        return 2
    count = len(list(args.corpus.rglob("*.txt")))
    if count == 0:
        print(f"tei build: {args.corpus}: no .txt documents", file=sys.stderr)
        return 2
    progress = Progress(count, "converting")
    try:
        result = build(args.corpus, args.output, args.register, progress.step)
    except (FileNotFoundError, InputError) as exc:
        progress.close()
        print(f"tei build: {exc}", file=sys.stderr)
        return 2
    progress.close()
    if not args.quiet:
        for line in result.warnings:
            print(line, file=sys.stderr)
    for line in result.errors:
        print(line, file=sys.stderr)
    print(result.summary())
    if result.rendered:
        print(f"reading edition: {args.output / 'html' / 'index.html'}")
    if args.deposit:
        if not result.ok:
            print("tei build: deposit skipped: not every document was built", file=sys.stderr)
            return 1
        return _deposit(args)
    return 0 if result.ok else 1


def _deposit(args: argparse.Namespace) -> int:
    from tei.commands.deposit import deposit
    from tei.deposit.bag import DepositError

    try:
        written = deposit(args.output, args.output / "deposit", args.corpus, None)
    except InputError as exc:
        print(f"tei build: deposit: {exc}", file=sys.stderr)
        return 2
    except DepositError as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        return 1
    print(f"deposit: {written[0]}")
    return 0
