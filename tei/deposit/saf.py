"""DSpace Simple Archive Format: one ``item_NNN/`` folder per TEI document, for DSpace's
batch importer (``dspace import -a -c HANDLE -s OUT/<name> -m mapfile``).

Each item holds ``dublin_core.xml`` (xslt/tei-to-dspace.xsl, registered dc fields only),
the TEI document and, with the reading edition, its HTML page and plain text, a
``contents`` file (one file a line; ``bundle:`` and ``description:`` options each after
a real tab) and, when the settings give a collection handle, a ``collections`` file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from lxml import etree

from tei.deposit.bag import DepositError, bag_name, nfc, record_parameters
from tei.deposit.edition import Edition
from tei.deposit.records import Record, RecordMaker
from tei.deposit.settings import DepositSettings
from tei.outputs import Use, outputs
from tei.safe_parser import safe_parser

# The item record, from the table of outputs (its one row used so).
DSPACE_RECORD: Record = outputs(Use.SAF_ITEM)[0]

# DSpace's default Dublin Core registry (dspace/config/registries/dublin-core-types.xml):
# element -> qualifiers ("none" is the unqualified field).
DSPACE_DC: dict[str, set[str]] = {
    "contributor": {"none", "advisor", "author", "editor", "illustrator", "other"},
    "coverage": {"spatial", "temporal"},
    "creator": {"none"},
    "date": {"none", "accessioned", "available", "copyright", "created", "issued",
             "submitted", "updated"},
    "description": {"none", "abstract", "provenance", "sponsorship",
                    "statementofresponsibility", "tableofcontents", "uri"},
    "format": {"none", "extent", "medium", "mimetype"},
    "identifier": {"none", "citation", "govdoc", "isbn", "issn", "sici", "ismn", "other",
                   "uri"},
    "language": {"none", "iso", "rfc3066"},
    "publisher": {"none"},
    "relation": {"none", "haspart", "hasversion", "isbasedon", "isformatof", "ispartof",
                 "ispartofseries", "isreferencedby", "isreplacedby", "isversionof",
                 "replaces", "requires", "uri"},
    "rights": {"none", "uri", "holder"},
    "source": {"none", "uri"},
    "subject": {"none", "classification", "ddc", "lcc", "lcsh", "mesh", "other"},
    "title": {"none", "alternative"},
    "type": {"none"},
}
# Files of an item that are not content (never listed in contents).
CONTROL_FILES = {"dublin_core.xml", "contents", "collections", "handle"}
_HANDLE = re.compile(r"^[^/\s]+/[^/\s]+$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def contents_line(file_name: str, description: str) -> str:
    """A contents line; a tab or line break inside the description would end the option
    (or the line) for the importer, so whitespace is folded to single spaces."""
    return f"{file_name}\tbundle:ORIGINAL\tdescription:{' '.join(description.split())}\n"


def make_saf(edition: Edition, settings: DepositSettings, out: Path,
             with_reading: bool = False) -> Path:
    settings.require()
    archive = Path(out) / bag_name(settings)
    staging = Path(out) / f".{archive.name}.saf.tmp"
    if staging.exists():
        shutil.rmtree(staging)
    maker = RecordMaker([DSPACE_RECORD])
    try:
        written = maker.make(edition.documents, record_parameters(settings))
        for number, (document, record) in enumerate(zip(edition.documents, written,
                                                        strict=True)):
            item = staging / f"item_{number:03d}"
            item.mkdir(parents=True)
            (item / "dublin_core.xml").write_text(record.text, encoding="utf-8")
            lines = []
            name = nfc(document.path.name)
            shutil.copyfile(document.path, item / name)
            lines.append(contents_line(name, "TEI P5 document"))
            if with_reading:
                for folder, suffix, what in ((edition.html, ".html", "reading version (HTML)"),
                                             (edition.text, ".txt", "reading version (text)")):
                    source = folder / f"{document.stem}{suffix}" if folder else None
                    if source is None or not source.is_file():
                        raise DepositError([f"{document.path}: no {what} beside the TEI "
                                            "(run tei build, or leave out --with-reading)"])
                    shutil.copyfile(source, item / nfc(source.name))
                    lines.append(contents_line(nfc(source.name), what))
            (item / "contents").write_text("".join(lines), encoding="utf-8", newline="\n")
            if settings.handle:
                (item / "collections").write_text(settings.handle.strip() + "\n",
                                                  encoding="utf-8", newline="\n")
        if archive.exists():
            shutil.rmtree(archive)
        staging.rename(archive)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    problems = verify_saf(archive)
    if problems:
        raise DepositError(problems)
    return archive


def dublin_core_values(path: Path) -> list[tuple[str, str, str]]:
    """(element, qualifier, value) as DSpace's importer reads them: the text of each
    /dublin_core/dcvalue, trimmed."""
    root = etree.parse(str(path), safe_parser()).getroot()
    return [(v.get("element") or "", v.get("qualifier") or "none",
             "".join(v.itertext()).strip()) for v in root.iterfind("dcvalue")]


def verify_saf(archive: Path) -> list[str]:
    """What DSpace's importer would reject or lose in a Simple Archive Format tree."""
    findings: list[str] = []
    items = sorted(p for p in Path(archive).iterdir() if p.is_dir())
    if not items:
        return [f"{archive}: no item folders"]
    for item in items:
        findings += _verify_item(item)
    return findings


def _verify_item(item: Path) -> list[str]:
    findings = []
    dc = item / "dublin_core.xml"
    if not dc.is_file():
        findings.append(f"{dc}: missing")
    else:
        try:
            root = etree.parse(str(dc), safe_parser()).getroot()
        except etree.XMLSyntaxError as exc:
            return [f"{dc}: not well-formed: {exc.msg}"]
        if root.tag != "dublin_core" or root.get("schema", "dc") != "dc":
            findings.append(f"{dc}: the root must be dublin_core (schema dc)")
        for element, qualifier, value in dublin_core_values(dc):
            if qualifier not in DSPACE_DC.get(element, set()):
                findings.append(f"{dc}: dc.{element}.{qualifier} is not in DSpace's "
                                "Dublin Core registry")
            if not value:
                findings.append(f"{dc}: dc.{element}.{qualifier} is empty")
        if not any(e == "title" for e, _, _ in dublin_core_values(dc)):
            findings.append(f"{dc}: no dc.title")
    contents = item / "contents"
    listed: set[str] = set()
    if not contents.is_file():
        findings.append(f"{contents}: missing")
    else:
        for number, line in enumerate(contents.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            name, *options = line.split("\t")
            listed.add(name)
            if not (item / name).is_file():
                findings.append(f"{contents}:{number}: {name} is not in the item folder")
            for option in options:
                if not re.match(r"^(bundle|permissions|description|primary|iiif-[a-z]+):",
                                option):
                    findings.append(f"{contents}:{number}: unknown option {option!r}")
            if " bundle:" in line or " description:" in line:
                findings.append(f"{contents}:{number}: an option follows a space, not a tab")
    for file in sorted(item.iterdir()):
        if (file.is_file() and file.name not in CONTROL_FILES and file.name not in listed
                and not file.name.startswith("metadata_")):
            findings.append(f"{file}: not listed in {contents.name}")
    collections = item / "collections"
    if collections.is_file():
        for number, line in enumerate(collections.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not (_HANDLE.match(line.strip()) or _UUID.match(line.strip())):
                findings.append(f"{collections}:{number}: {line.strip()!r} is neither a "
                                "handle (prefix/suffix) nor a UUID")
    return findings
