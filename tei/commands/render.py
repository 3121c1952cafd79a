"""Render TEI documents to the reading edition: an HTML site and plain text.

Writes OUTDIR/html/<stem>.html per document, OUTDIR/html/index.html (the documents by
date), OUTDIR/html/persons.html (the register), OUTDIR/html/edition.css and
OUTDIR/text/<stem>.txt. A document that fails is reported and the others are still
rendered.

Exit status: 0 all documents rendered, 1 any failed, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tei.errors import InputError
from tei.sources import collect_sources


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="TEI files, or folders of .xml files")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR",
                        help="output folder (html/ and text/ are written inside)")


def run(args: argparse.Namespace) -> int:
    from tei.render import default_renderer

    try:
        sources = collect_sources(args.paths, ".xml")
    except InputError as exc:
        print(f"tei render: {exc}", file=sys.stderr)
        return 2
    if not sources:
        print("tei render: no .xml documents in " + ", ".join(map(str, args.paths)),
              file=sys.stderr)
        return 2
    report = default_renderer().render_site([s.path for s in sources], args.output,
                                            [str(s.name) for s in sources])
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    print(report.summary())
    if report.rendered:
        print(f"reading edition: {args.output / 'html' / 'index.html'}")
    return 0 if report.ok else 1
