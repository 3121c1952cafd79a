"""Package a built edition for a repository, or check a package again.

tei deposit BUILD -o OUT writes OUT/<identifier>/, a BagIt 1.0 bag: the TEI documents,
registers, schema and metadata records (Dublin Core per document), SHA-256 and SHA-512
manifests, checked against the BagIt profile shipped with tei-edition (or --profile).
Publisher and licence come from edition.toml in the corpus folder (--corpus, default
corpus/), the depositor from its [deposit] table; docs/deposit.md lists the settings.

--format saf writes a DSpace Simple Archive Format tree instead: OUT/<identifier>/item_NNN/
per document with dublin_core.xml, contents and (with a handle setting) collections.
--format invenio writes OUT/<identifier>/record.json (an InvenioRDM / Zenodo record) and
OUT/<identifier>/files/, to upload with the repository's REST API (no network here).

tei deposit --verify PATH checks a bag again (manifests, Payload-Oxum, profile) or a SAF
tree (dublin_core.xml fields, contents, collections) and prints one "file: message" line
per problem.

Exit status: 0 written (or valid), 1 a package failed its check (or is invalid), 2 usage
error, missing settings or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tei.commands import options
from tei.errors import InputError
from tei.exitcodes import FAILED, OK, USAGE

if TYPE_CHECKING:
    from tei.deposit.profile import BagProfile

FORMATS = ("bagit", "saf", "invenio")

PARENTS = (options.quiet_options,)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", type=Path, metavar="BUILD_OR_TEI_DIR",
                        help="a build folder (tei/, html/, text/) or a folder of TEI files")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="folder the package is written into")
    parser.add_argument("--format", choices=FORMATS, default="bagit",
                        help="package format (default: bagit)")
    parser.add_argument("--profile", type=Path, metavar="FILE",
                        help="BagIt profile (JSON) to make and check the bag for; default: "
                        "the tei-edition profile")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), metavar="DIR",
                        help="folder with edition.toml and the registers (default: corpus/)")
    parser.add_argument("--with-reading", action="store_true",
                        help="also pack the reading edition (html/ and text/)")
    parser.add_argument("--tar", action="store_true",
                        help="also write OUT/<name>.tar, byte-reproducible")
    parser.add_argument("--verify", type=Path, metavar="PATH",
                        help="check a bag or a SAF tree instead of making one")


def run(args: argparse.Namespace) -> int:
    from tei.deposit.profile import BagProfile
    from tei.deposit.verify import NotAPackage, verify

    try:
        profile = BagProfile.load(args.profile)
    except InputError as exc:
        print(f"tei deposit: {exc}", file=sys.stderr)
        return USAGE
    if args.verify is not None:
        if args.source is not None:
            print("tei deposit: give either --verify PATH or a folder to package",
                  file=sys.stderr)
            return USAGE
        try:
            findings = verify(args.verify, profile)
        except NotAPackage as exc:
            print(f"tei deposit: {exc}", file=sys.stderr)
            return USAGE
        for line in findings:
            print(line)
        if not args.quiet:
            print(f"{args.verify}: {'invalid' if findings else 'valid'}", file=sys.stderr)
        return FAILED if findings else OK
    if args.source is None or args.output is None:
        print("tei deposit: give a folder to package and -o OUT (or --verify PATH)",
              file=sys.stderr)
        return USAGE
    status, written = deposit_reporting("tei deposit", args.source, args.output, args.corpus,
                                        profile, args.with_reading, args.tar, args.format)
    if status != OK:
        return status
    if not args.quiet:
        for path in written:
            print(f"wrote {path}")
    return OK


def deposit_reporting(prefix: str, *args: Any) -> tuple[int, list[Path]]:
    """``deposit(*args)`` with its failures printed, ``prefix`` naming the command: the exit
    status and the paths written."""
    from tei.deposit.bag import DepositError

    try:
        return OK, deposit(*args)
    except InputError as exc:
        print(f"{prefix}: {exc}", file=sys.stderr)
        return USAGE, []
    except DepositError as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        return FAILED, []


def deposit(source: Path, out: Path, corpus: Path | None, profile: BagProfile | None,
            with_reading: bool = False, tar: bool = False,
            package_format: str = "bagit") -> list[Path]:
    """Make the package; the paths written. Raises InputError or DepositError."""
    from tei.deposit.bag import make_bag, write_tar
    from tei.deposit.edition import find_edition
    from tei.deposit.settings import DepositSettings

    settings = DepositSettings.load(corpus / "edition.toml" if corpus else None)
    settings.require()
    edition = find_edition(source, corpus)
    if package_format == "saf":
        from tei.deposit.saf import make_saf

        package = make_saf(edition, settings, out, with_reading)
    elif package_format == "invenio":
        from tei.deposit.invenio import make_invenio

        package = make_invenio(edition, settings, out, with_reading)
    else:
        package = make_bag(edition, settings, out, profile, with_reading)
    written = [package]
    if tar:
        written.append(write_tar(package, out / f"{package.name}.tar"))
    return written
