"""A BagIt 1.0 bag of an edition, made with the ``bagit`` library, and its reproducible
tarball.

Layout of the payload::

    data/tei/<stem>.xml          the TEI documents
    data/registers/              the corpus's registers of persons, places, organisations
    data/schema/tei-edition.xsd  the schema the documents are valid against
    data/metadata/               the records of tei.deposit.records (dc/<stem>.xml, ...)
    data/html/, data/text/       the reading edition (with_reading)

bagit writes the manifests and bag-info.txt; this module then marks the bag as BagIt
1.0 (bagit 1.9 writes 0.97) and writes the tag manifests again with sorted lines, so
the same edition gives the same bytes. Names are NFC-normalised on the way in.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import tarfile
import unicodedata
from pathlib import Path

from tei import __version__
from tei.deposit.edition import Edition, deposit_date, source_epoch
from tei.deposit.profile import BagProfile, _quiet
from tei.deposit.records import RecordMaker, default_maker, record_errors
from tei.deposit.settings import DepositSettings
from tei.errors import TeiEditionError
from tei.resources import project_schema

BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


class DepositError(TeiEditionError, RuntimeError):
    """A package that could not be made, or that fails its own check; lines name files."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


def bag_name(settings: DepositSettings) -> str:
    """A folder name from the External-Identifier: letters, digits, ``.``, ``_``, ``-``."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", settings.identifier).strip("-.")
    return name or "edition"


def nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def record_parameters(settings: DepositSettings) -> dict[str, str]:
    """What the record stylesheets know of the edition besides the TEI."""
    return {
        "edition-identifier": settings.identifier,
        "edition-title": settings.edition_title,
        "edition-creator": settings.edition_creator,
        "edition-publisher": settings.publisher,
        "edition-licence": settings.licence,
        "edition-licence-url": settings.licence_url,
        "edition-url": settings.url,
        "cmif-url": settings.cmif_url,
        "contact-name": settings.contact_name,
        "contact-email": settings.contact_email,
        "publication-date": deposit_date().isoformat(),
    }


def stage_payload(edition: Edition, settings: DepositSettings, payload: Path,
                  with_reading: bool, maker: RecordMaker | None = None) -> None:
    """Copy the edition into ``payload`` (the future data/), records made and checked."""
    maker = maker or default_maker()
    for document in edition.documents:
        _copy(document.path, payload / "tei" / nfc(document.path.name))
    for register in edition.registers:
        _copy(register, payload / "registers" / nfc(register.name))
    (payload / "registers").mkdir(parents=True, exist_ok=True)
    _copy(project_schema(), payload / "schema" / project_schema().name)
    problems = []
    for written in maker.make(edition.documents, record_parameters(settings)):
        target = payload / "metadata" / nfc(written.path.as_posix())
        problems += [f"{target.relative_to(payload.parent)}: {e}"
                     for e in record_errors(written.record, written.text)]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(written.text if written.text.endswith("\n") else written.text + "\n",
                          encoding="utf-8", newline="\n")
    if problems:
        raise DepositError(problems)
    if with_reading:
        for folder, name in ((edition.html, "html"), (edition.text, "text")):
            if folder is None:
                raise DepositError([f"{name}/: no reading edition beside the TEI (run tei "
                                    "build, or leave out --with-reading)"])
            for file in sorted(p for p in folder.rglob("*") if p.is_file()):
                relative = Path(*(nfc(part) for part in file.relative_to(folder).parts))
                _copy(file, payload / name / relative)


def make_bag(edition: Edition, settings: DepositSettings, out: Path,
             profile: BagProfile | None = None, with_reading: bool = False) -> Path:
    """Write OUT/<name>/ as a bag, check it (bagit and the profile) and return its path."""
    import bagit

    settings.require()
    profile = profile or BagProfile.load()
    out = Path(out)
    bag_dir = out / bag_name(settings)
    staging = out / f".{bag_dir.name}.tmp"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    try:
        stage_payload(edition, settings, staging, with_reading)
        size = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file())
        info = {
            "Source-Organization": settings.organization,
            "Contact-Name": settings.contact_name,
            "Contact-Email": settings.contact_email,
            "External-Description": settings.description or _description(edition, settings),
            "External-Identifier": settings.identifier,
            "Bagging-Date": deposit_date().isoformat(),
            "Bag-Size": human_size(size),
            "BagIt-Profile-Identifier": profile.identifier,
            "Bag-Software-Agent": f"tei-edition {__version__} (bagit.py {bagit.VERSION})",
        }
        with _quiet():
            bagit.make_bag(str(staging), info, processes=1, checksums=profile.manifests)
        (staging / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8", newline="\n")
        write_tag_manifests(staging, profile.manifests)
        if bag_dir.exists():
            shutil.rmtree(bag_dir)
        os.replace(staging, bag_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    from tei.deposit.verify import verify_bag

    problems = verify_bag(bag_dir, profile)
    if problems:
        raise DepositError(problems)
    return bag_dir


def _description(edition: Edition, settings: DepositSettings) -> str:
    from tei.deposit.records import package_records

    records = ", ".join(r.label for r in package_records())
    return (f"{settings.edition_title}. {len(edition.documents)} TEI P5 document(s) with "
            f"their registers, schema and metadata records ({records}); published by "
            f"{settings.publisher}.")


def write_tag_manifests(bag_dir: Path, algorithms: list[str]) -> None:
    """tagmanifest-<alg>.txt over every tag file, sorted by name."""
    tag_files = sorted(p for p in bag_dir.rglob("*") if p.is_file()
                       and p.relative_to(bag_dir).parts[0] != "data"
                       and not p.name.startswith("tagmanifest-"))
    for algorithm in algorithms:
        lines = []
        for file in tag_files:
            digest = hashlib.new(algorithm, file.read_bytes()).hexdigest()
            lines.append(f"{digest}  {file.relative_to(bag_dir).as_posix()}\n")
        (bag_dir / f"tagmanifest-{algorithm}.txt").write_text(
            "".join(lines), encoding="utf-8", newline="\n")


def human_size(size: int) -> str:
    """Bag-Size as people write it (``12.3 KB``), powers of 1000 as in RFC 8493's example."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"


def write_tar(bag_dir: Path, target: Path) -> Path:
    """An uncompressed tarball of the bag whose bytes depend on the content only: entries
    sorted, owners 0/root-less, modes 644/755, time stamps SOURCE_DATE_EPOCH (else 0)."""
    mtime = source_epoch()
    root = Path(bag_dir)
    entries = [root, *sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix())]
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    with tarfile.open(temporary, "w", format=tarfile.GNU_FORMAT, encoding="utf-8") as tar:
        for path in entries:
            name = nfc((Path(root.name) / path.relative_to(root)).as_posix())
            info = tarfile.TarInfo(name)
            info.mtime = mtime
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            if path.is_dir():
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                tar.addfile(info)
            else:
                data = path.read_bytes()
                info.size, info.mode = len(data), 0o644
                tar.addfile(info, io.BytesIO(data))
    os.replace(temporary, target)
    return target


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
