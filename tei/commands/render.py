"""Render TEI documents to the reading edition: an HTML site and plain text.

Writes OUTDIR/html/<name>.html per document (<name>: the file's place below the folder
given, or its own name), OUTDIR/html/index.html (the documents by date, with filters),
the registers (persons.html, places.html, organisations.html), search.html with its
index, about.html, each document's TEI, text and reference for download (html/tei/,
html/text/, html/cite/), the stylesheet and scripts, and OUTDIR/text/<name>.txt. The
site settings come from --settings, else from an edition.toml in a folder given. A
document that fails is reported and the others are still rendered. -j N renders in N
processes (default: the usable cores); the pages are the same for every N. Given the TEI
of every shard of a sharded build (see --shard), it makes the whole site. -q prints
errors only.

Exit status: 0 all documents rendered, 1 any failed, 2 usage error, unreadable input or
an output that cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tei.commands import options
from tei.errors import InputError, UsageError
from tei.exitcodes import FAILED, OK
from tei.findings import printable
from tei.outputs import Kind, Use, outputs
from tei.progress import Progress
from tei.sources import collect_sources, name_too_long

PARENTS = (options.jobs_options, options.quiet_options)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="TEI files, or folders of .xml files")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR",
                        help="output folder (html/ and text/ are written inside)")
    parser.add_argument("--settings", type=Path, metavar="FILE",
                        help="edition.toml with the site settings (default: edition.toml "
                        "in a folder given, if any)")


def run(args: argparse.Namespace) -> int:
    from tei.render import default_renderer
    from tei.settings import EditionSettings

    sources = collect_sources(args.paths, ".xml")
    try:
        settings = (EditionSettings.load(args.settings) if args.settings else
                    EditionSettings.for_inputs([p for p in args.paths if p.is_dir()]))
    except InputError as exc:
        raise UsageError(str(exc)) from None
    if not sources:
        raise UsageError("no .xml documents in " + ", ".join(map(str, args.paths)))
    options.output_folder(args.output)
    suffixes = dict.fromkeys(o.suffix for o in outputs(Use.READING, Kind.PER_DOCUMENT))
    too_long = {s.path: name_too_long(s, args.output, suffixes) for s in sources}
    fitting = [s for s in sources if not too_long[s.path]]
    with Progress(len(fitting), "rendering", quiet=args.quiet) as progress:
        report = default_renderer(settings).render_site([s.path for s in fitting], args.output,
                                                [str(s.name) for s in fitting],
                                                jobs=args.jobs, progress=progress.update)
    report.documents = len(sources)
    report.errors[:0] = [f"{path}: the output name {name} is longer than the file system "
                         "allows: shorten the file name" for path, name in too_long.items() if name]
    for line in report.errors:
        print(f"error: {printable(line)}", file=sys.stderr)
    if not args.quiet:
        print(report.summary())
        if report.rendered:
            print(f"reading edition: {args.output / 'html' / 'index.html'}")
    return OK if report.ok else FAILED
