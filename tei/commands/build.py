"""Build the edition: convert, validate and render every document of a corpus.

Writes OUT/tei/<name>.xml, OUT/html/ (the reading site) and OUT/text/<name>.txt, where
<name> is the document's place below the corpus folder (sub/x.txt: OUT/tei/sub/x.xml).
OUT/.tei-edition-manifest.json records what was written, so that the next build removes
the outputs of sources that are gone (and no other file); OUT/.tei-edition-site-cache/
keeps what the site pages read of each document, so that a rebuild does not read the
unchanged ones again. A document that fails is
reported and the others are still processed. Findings of validation are given at the
line of the .txt source, the place in the generated TEI in brackets.

Takes the options of the stages it runs: conversion (--register, --tag-unregistered) and
validation (--schema, --strict, --ignore, ...); --report FILE writes every finding of
the build as JSON. -q prints errors only. -j N runs each stage in N processes (default:
the usable cores); the output is the same for every N.

Incremental: a document unchanged since the last build into OUT (same input, registers,
edition.toml, stylesheets, schemas, options, tool version and conversion date) is not
built again and its outputs keep their times; a change to a register or any of the others
builds every document again. --force builds everything. --shard K/N builds the K-th of N
slices of the corpus; `tei render` over the TEI of every shard makes the whole site.
With --deposit, the last stage packs the edition as a BagIt bag in OUT/deposit/ (see
tei deposit).

Exit status: 0 all documents built, 1 any document failed, 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tei.commands import options
from tei.commands.convert import print_unregistered, write_report
from tei.errors import UsageError
from tei.exitcodes import FAILED, OK
from tei.findings import totals_by_rule
from tei.progress import Progress

PARENTS = (options.conversion_options, options.validation_options, options.jobs_options,
           options.shard_options, options.report_options, options.quiet_options)

# Above this many findings the totals per rule are printed after them.
HANDFUL = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", nargs="?", type=Path, default=Path("corpus"),
                        help="folder of .txt documents (default: corpus/)")
    parser.add_argument("-o", "--output", type=Path, default=Path("build"), metavar="OUT",
                        help="output folder (default: build/)")
    parser.add_argument("--deposit", action="store_true",
                        help="last stage: pack the edition as a BagIt bag in OUT/deposit/ "
                        "(settings from CORPUS/edition.toml, see tei deposit)")
    parser.add_argument("--force", action="store_true",
                        help="build every document again, even those unchanged since the "
                        "last build into OUT")


def run(args: argparse.Namespace) -> int:
    # Imported here: the other commands (and every worker process, which imports the
    # command line again) do not pay for loading the converter.
    from tei import report
    from tei.build import build, build_sources

    if not args.corpus.is_dir():
        raise UsageError(f"{args.corpus}: not a folder")
    sources = build_sources(args.corpus, args.output)
    if not sources:
        raise UsageError(f"{args.corpus}: no .txt documents")
    options.output_folder(args.output)
    if args.report:
        options.output_file(args.report)
    options.check_schemas(args)  # before converting, not after
    def progress(label: str, total: int) -> Progress:
        return Progress(total, label, quiet=args.quiet)

    result = build(args.corpus, args.output, args.register, progress,
                   tag_unregistered=args.tag_unregistered,
                   validation=options.validation_settings(args), jobs=args.jobs,
                   force=args.force, shard=args.shard, sources=sources)
    if not args.quiet:
        for line in result.registers:
            print(line)
        for line in result.register_warnings:
            print(line, file=sys.stderr)
    shown = result.errors if args.quiet else result.findings
    for finding in shown:
        print(finding, file=sys.stderr)
    if result.stopped:
        print(f"error: {result.stopped}", file=sys.stderr)
    if args.report:
        findings = [*result.findings,
                    *(f for r in result.conversions for f in report.conversion_findings(r)
                      if f.rule == "unregistered-name")]
        write_report(args.report, "build", result.conversions, findings,
                     {"documents": result.documents, "converted": result.converted,
                      "valid": result.valid, "rendered": result.rendered,
                      "errors": len(result.errors), "warnings": len(result.warnings)})
    if not args.quiet:
        if len(result.findings) > HANDFUL:
            print(f"findings by rule: {totals_by_rule(result.findings)}", file=sys.stderr)
        print_unregistered(result.conversions)
        print(result.summary())
        if result.kept:
            print(f"{result.kept} document(s) unchanged since the last build, not built "
                  "again (--force builds them)")
        if result.removed:
            print(f"removed {len(result.removed)} output(s) of sources that are gone")
        if result.rendered:
            print(f"reading edition: {args.output / 'html' / 'index.html'}")
    if args.deposit:
        if not result.ok:
            print("tei build: deposit skipped: not every document was built", file=sys.stderr)
            return FAILED
        return _deposit(args)
    return OK if result.ok else FAILED


def _deposit(args: argparse.Namespace) -> int:
    from tei.commands.deposit import deposit_reporting

    status, written = deposit_reporting("tei build: deposit", args.output,
                                        args.output / "deposit", args.corpus, None)
    if status == OK:
        print(f"deposit: {written[0]}")
    return status
