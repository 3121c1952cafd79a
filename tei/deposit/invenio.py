"""An InvenioRDM / Zenodo deposit: the record JSON the REST API takes (``POST
/api/records``) and the files to upload, written to OUT/<name>/ without any network call
(docs/deposit.md has the upload recipe).

The record is a crosswalk of the edition's DataCite record (InvenioRDM's metadata model
follows DataCite), so both say the same; the files are the TEI documents, the registers,
the metadata records and, with the reading edition, the HTML pages and texts, under
flat names (a Zenodo file key has no folders).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from lxml import etree

from tei.deposit.bag import DepositError, bag_name, nfc, record_parameters
from tei.deposit.edition import Edition
from tei.deposit.records import RecordMaker
from tei.deposit.settings import DepositSettings
from tei.outputs import Kind
from tei.safe_parser import safe_parser

DATACITE = "{http://datacite.org/schema/kernel-4}"
# ISO 639-1 to the ISO 639-3 ids of InvenioRDM's languages vocabulary.
ISO_639_3 = {"en": "eng", "ru": "rus", "de": "deu", "fr": "fra", "es": "spa", "it": "ita",
             "pt": "por", "pl": "pol", "cs": "ces", "uk": "ukr", "zh": "zho", "ja": "jpn",
             "ko": "kor", "vi": "vie", "ar": "ara", "hu": "hun", "ro": "ron", "bg": "bul",
             "sr": "srp", "hr": "hrv", "nl": "nld", "sv": "swe", "no": "nor", "da": "dan",
             "fi": "fin", "el": "ell", "tr": "tur", "he": "heb", "fa": "fas", "hi": "hin"}
_CC = re.compile(r"creativecommons\.org/(licenses/(?P<kind>[a-z-]+)|publicdomain/"
                 r"(?P<pd>zero))/(?P<version>\d\.\d)")


def _text(element: etree._Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def rights_entry(licence: str, url: str) -> dict:
    """A Creative Commons licence URL as the vocabulary id (``cc-by-4.0``, ``cc0-1.0``);
    any other licence as a custom entry with its text and link."""
    m = _CC.search(url or "")
    if m:
        return {"id": "cc0-" + m["version"] if m["pd"] else f"cc-{m['kind']}-{m['version']}"}
    entry: dict = {"title": {"en": licence}}
    if url:
        entry["link"] = url
    return entry


def personal_name(name: str) -> dict:
    """A personal name as written: the last word is the family name, the rest given."""
    *given, family = name.split()
    person = {"type": "personal", "family_name": family}
    if given:
        person["given_name"] = " ".join(given)
    return person


def invenio_record(datacite_xml: str, settings: DepositSettings) -> dict:
    root = etree.fromstring(datacite_xml.encode("utf-8"), safe_parser())

    def find(path: str) -> list[etree._Element]:
        return root.findall(path.replace("d:", DATACITE))

    metadata: dict = {
        "resource_type": {"id": "dataset"},
        "creators": [{"person_or_org": {"type": "organizational", "name": _text(c)}}
                     for c in find("d:creators/d:creator/d:creatorName")],
        "title": _text(find("d:titles/d:title")[0]),
        "publication_date": _text(find("d:dates/d:date[@dateType='Issued']")[0])
        if find("d:dates/d:date[@dateType='Issued']") else _text(find("d:publicationYear")[0]),
        "publisher": _text(find("d:publisher")[0]),
        "description": " ".join(_text(d) for d in find("d:descriptions/d:description")),
        "rights": [rights_entry(_text(r), r.get("rightsURI", ""))
                   for r in find("d:rightsList/d:rights")],
        "subjects": [{"subject": _text(s)} for s in find("d:subjects/d:subject")],
        "contributors": [
            {"person_or_org": personal_name(_text(c.find(f"{DATACITE}contributorName")))
             if c.find(f"{DATACITE}contributorName").get("nameType") == "Personal"
             else {"type": "organizational",
                   "name": _text(c.find(f"{DATACITE}contributorName"))},
             "role": {"id": "editor" if c.get("contributorType") == "Editor" else "other"}}
            for c in find("d:contributors/d:contributor")],
        "dates": [{"date": _text(d), "type": {"id": "other"},
                   "description": d.get("dateInformation") or "dates of the documents"}
                  for d in find("d:dates/d:date[@dateType='Coverage']")],
        "related_identifiers": [
            {"identifier": _text(r), "scheme": "url", "relation_type": {"id": "isderivedfrom"}}
            for r in find("d:relatedIdentifiers/d:relatedIdentifier")
            if r.get("relationType") == "IsDerivedFrom"],
        "formats": [_text(f) for f in find("d:formats/d:format")],
        "sizes": [_text(s) for s in find("d:sizes/d:size")],
    }
    language = _text(find("d:language")[0]) if find("d:language") else ""
    if ISO_639_3.get(language.split("-")[0]):
        metadata["languages"] = [{"id": ISO_639_3[language.split("-")[0]]}]
    record: dict = {"access": {"record": "public", "files": "public"},
                    "files": {"enabled": True},
                    "metadata": {k: v for k, v in metadata.items() if v}}
    identifier = find("d:identifier")[0]
    if identifier.get("identifierType") == "DOI":
        record["pids"] = {"doi": {"identifier": _text(identifier), "provider": "external"}}
    return record


def make_invenio(edition: Edition, settings: DepositSettings, out: Path,
                 with_reading: bool = False) -> Path:
    settings.require()
    target = Path(out) / bag_name(settings)
    staging = Path(out) / f".{target.name}.invenio.tmp"
    if staging.exists():
        shutil.rmtree(staging)
    files = staging / "files"
    files.mkdir(parents=True)
    try:
        sources: dict[str, Path | str] = {}
        for document in edition.documents:
            sources[nfc(document.path.name)] = document.path
        for register in edition.registers:
            sources[nfc(register.name)] = register
        datacite = ""
        for written in RecordMaker().make(edition.documents,
                                                 record_parameters(settings)):
            stem = written.path.stem
            key = (f"{stem}.{written.record.name}{written.record.suffix}"
                   if written.record.kind is Kind.PER_DOCUMENT else written.path.name)
            sources[nfc(key)] = written.text
            if written.record.name == "datacite":
                datacite = written.text
        if with_reading:
            for folder in (edition.html, edition.text):
                if folder is None:
                    raise DepositError(["no reading edition beside the TEI (run tei build, "
                                        "or leave out --with-reading)"])
                for file in sorted(p for p in folder.iterdir() if p.is_file()):
                    sources.setdefault(nfc(file.name), file)
        for key, source in sorted(sources.items()):
            if isinstance(source, Path):
                shutil.copyfile(source, files / key)
            else:
                (files / key).write_text(source, encoding="utf-8", newline="\n")
        record = invenio_record(datacite, settings)
        (staging / "record.json").write_text(
            json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return target
