"""Check a deposit package again: a BagIt bag (manifests, Payload-Oxum, profile, layout)
or a DSpace Simple Archive Format tree. Each finding is a ``file: message`` line."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from tei.deposit.profile import BagProfile, _quiet
from tei.errors import TeiEditionError

# The payload folders every bag of an edition has (data/html and data/text are optional).
PAYLOAD_FOLDERS = ("tei", "registers", "schema", "metadata")


class NotAPackage(TeiEditionError, ValueError):
    """The path is neither a bag nor a SAF tree (a usage error)."""


def verify(path: Path, profile: BagProfile | None = None) -> list[str]:
    path = Path(path)
    if not path.exists():
        raise NotAPackage(f"{path}: no such file or folder")
    if path.is_dir() and (path / "bagit.txt").is_file():
        return verify_bag(path, profile)
    if path.is_dir() and any(p.is_dir() and p.name.startswith("item_") for p in path.iterdir()):
        from tei.deposit.saf import verify_saf

        return verify_saf(path)
    raise NotAPackage(f"{path}: neither a BagIt bag (no bagit.txt) nor a DSpace Simple "
                      "Archive (no item_* folders)")


def verify_bag(path: Path, profile: BagProfile | None = None) -> list[str]:
    import bagit

    profile = profile or BagProfile.load()
    with _quiet():
        try:
            bag = bagit.Bag(str(path))
        except bagit.BagError as exc:
            return [f"{path}: not a valid bag: {exc}"]
        findings = _completeness(path, bag)
        try:
            bag.validate(processes=1)
        except bagit.BagValidationError as exc:
            details = [_detail(path, d) for d in exc.details] or [f"{path}: {exc.message}"]
            if "Payload-Oxum" in str(exc.message):
                details = [f"{path / 'bag-info.txt'}: {exc.message}"]
            findings += details
    findings += [f"{path}: {message} (profile {profile.identifier})"
                 for message in profile.errors(bag)]
    findings += _layout(path)
    return list(dict.fromkeys(findings))


def _completeness(path: Path, bag: Any) -> list[str]:  # a bagit.Bag
    """Files listed but absent, present but not listed: named even when the Payload-Oxum
    check stops bagit before it gets to them."""
    listed = {unicodedata.normalize("NFC", p) for p in bag.payload_entries()}
    present = {unicodedata.normalize("NFC", p) for p in bag.payload_files()}
    return ([f"{path / p}: listed in the manifest but missing" for p in sorted(listed - present)]
            + [f"{path / p}: in the payload but in no manifest"
               for p in sorted(present - listed)])


def _detail(path: Path, detail: object) -> str:
    import bagit

    where = path / str(getattr(detail, "path", ""))
    if isinstance(detail, bagit.ChecksumMismatch):
        return (f"{where}: {detail.algorithm} checksum mismatch (the manifest says "
                f"{detail.expected}, the file has {detail.found})")
    if isinstance(detail, bagit.FileMissing):
        return f"{where}: listed in the manifest but missing"
    if isinstance(detail, bagit.UnexpectedFile):
        return f"{where}: in the payload but in no manifest"
    return f"{where}: {detail}"


def _layout(path: Path) -> list[str]:
    findings = []
    data = path / "data"
    for folder in PAYLOAD_FOLDERS:
        if not (data / folder).is_dir():
            findings.append(f"{data / folder}: missing (a bag of an edition has data/"
                            f"{'/, data/'.join(PAYLOAD_FOLDERS)}/)")
    if (data / "tei").is_dir() and not any((data / "tei").glob("*.xml")):
        findings.append(f"{data / 'tei'}: holds no TEI document")
    for file in sorted(path.rglob("*")):
        name = str(file.relative_to(path))
        if unicodedata.normalize("NFC", name) != name:
            findings.append(f"{file}: file name is not in Unicode NFC")
    return findings
