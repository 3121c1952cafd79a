"""Render TEI documents to the reading edition: an HTML site and plain text.

Writes OUTDIR/html/<stem>.html per document, OUTDIR/html/index.html (the documents by
date, with filters), the registers (persons.html, places.html, organisations.html),
search.html with its index, about.html, each document's TEI, text and reference for
download (html/tei/, html/text/, html/cite/), the stylesheet and scripts, and
OUTDIR/text/<stem>.txt. The site settings come from --settings, else from an
edition.toml in a folder given. A document that fails is reported and the others are
still rendered.

Exit status: 0 all documents rendered, 1 any failed, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tei.errors import InputError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="TEI files, or folders of .xml files")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR",
                        help="output folder (html/ and text/ are written inside)")
    parser.add_argument("--settings", type=Path, metavar="FILE",
                        help="edition.toml with the site settings (default: edition.toml "
                        "in a folder given, if any)")


def run(args: argparse.Namespace) -> int:
    from tei.render import collect_tei_paths, default_renderer
    from tei.settings import EditionSettings

    try:
        paths = collect_tei_paths(args.paths)
        settings = (EditionSettings.load(args.settings) if args.settings else
                    EditionSettings.for_inputs([p for p in args.paths if p.is_dir()]))
    except InputError as exc:
        print(f"tei render: {exc}", file=sys.stderr)
        return 2
    if not paths:
        print("tei render: no .xml documents in " + ", ".join(map(str, args.paths)),
              file=sys.stderr)
        return 2
    report = default_renderer(settings).render_site(paths, args.output)
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    print(report.summary())
    if report.rendered:
        print(f"reading edition: {args.output / 'html' / 'index.html'}")
    return 0 if report.ok else 1
