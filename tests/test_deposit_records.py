"""The metadata records: Dublin Core per document, DataCite and CMIF for the edition,
each valid against its official schema (CMIF: tei_all and CMIF's rules)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from tei.deposit.bag import record_parameters
from tei.deposit.records import RECORDS, RecordMaker, record_errors
from tei.deposit.settings import DepositSettings
from tei.render import read_tei
from tests.conftest import CORPUS

GOLDEN = Path(__file__).parent / "test_corpus_tei"
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI, "dc": "http://purl.org/dc/elements/1.1/",
      "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
      "d": "http://datacite.org/schema/kernel-4"}
BY = {r.name: r for r in RECORDS}


@pytest.fixture(scope="module")
def records() -> dict[str, str]:
    documents = [read_tei(p) for p in sorted(GOLDEN.glob("*.xml"))]
    settings = DepositSettings.load(CORPUS / "edition.toml")
    made = RecordMaker().make(documents, record_parameters(settings))
    return {w.path.as_posix(): w.text for w in made}


def tree(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


def test_every_record_of_the_table_is_made(records):
    assert sorted(records) == [
        "cmif/cmif.xml", "datacite/datacite.xml",
        "dc/1962-11-06_kuznetsov-zorin.xml", "dc/1962-11-12_dobrynin.xml"]


@pytest.mark.parametrize("name", ["dc/1962-11-06_kuznetsov-zorin.xml",
                                  "dc/1962-11-12_dobrynin.xml", "datacite/datacite.xml"])
def test_records_validate_against_their_official_schema(records, name):
    record = BY[name.split("/")[0]]
    assert record_errors(record, records[name]) == []


def test_the_schemas_reject_a_broken_record(records):
    dc = records["dc/1962-11-12_dobrynin.xml"].replace("dc:title", "dc:heading")
    assert record_errors(BY["dc"], dc)
    datacite = re.sub(r"<publisher>.*?</publisher>", "", records["datacite/datacite.xml"])
    assert record_errors(BY["datacite"], datacite)


def test_dublin_core_fields(records):
    root = tree(records["dc/1962-11-12_dobrynin.xml"])

    def values(field: str) -> list[str]:
        return [e.text for e in root.iterfind(f"dc:{field}", NS)]

    assert values("title") == [
        "Telegram from Soviet Ambassador to the USA A. F. Dobrynin to USSR Foreign Ministry"]
    assert values("creator") == ["Anatoly F. Dobrynin"]  # the sender's register name
    assert values("contributor") == ["J. Henriksen", "Wilson Center Digital Archive"]
    assert values("date") == ["1962-11-12"]
    assert values("language") == ["en"]
    assert values("identifier") == ["wcda-110442"]
    assert values("relation") == ["https://digitalarchive.umd.edu/document/110442"]
    assert "Robert F. Kennedy" in values("subject") and "Moscow" in values("subject")
    assert values("rights")[1] == "https://creativecommons.org/licenses/by/4.0/"
    assert values("source")[0].startswith('"Telegram from Soviet Ambassador')
    assert values("description")[0].startswith("Dobrynin sends the results")


def test_datacite_fields(records):
    root = tree(records["datacite/datacite.xml"])
    assert root.findtext("d:identifier", namespaces=NS) == "tei-edition-sample-1962"
    assert root.find("d:identifier", NS).get("identifierType") == "Local"
    assert root.find("d:resourceType", NS).get("resourceTypeGeneral") == "Collection"
    related = root.findall("d:relatedIdentifiers/d:relatedIdentifier", NS)
    assert {r.get("relationType") for r in related} == {"IsDerivedFrom"}
    assert len(related) == 2
    coverage = root.find("d:dates/d:date[@dateType='Coverage']", NS)
    assert coverage.text == "1962-11-06/1962-11-12"
    castro = root.find("d:subjects/d:subject[.='Fidel Castro']", NS)
    assert castro.get("valueURI") == "http://www.wikidata.org/entity/Q11256"


def test_a_doi_identifier_is_typed_doi(records):
    documents = [read_tei(p) for p in sorted(GOLDEN.glob("*.xml"))]
    settings = DepositSettings.load(CORPUS / "edition.toml")
    parameters = {**record_parameters(settings),
                  "edition-identifier": "https://doi.org/10.5281/zenodo.123"}
    maker = RecordMaker([BY["datacite"]])
    text = maker.make(documents, parameters)[0].text
    identifier = tree(text).find("d:identifier", NS)
    assert (identifier.get("identifierType"), identifier.text) == ("DOI", "10.5281/zenodo.123")
    assert record_errors(BY["datacite"], text) == []


def test_cmif_is_valid_tei(records, tei_all):
    assert tei_all.validate(tree(records["cmif/cmif.xml"])), tei_all.error_log


# -- CMIF's rules (https://github.com/TEI-Correspondence-SIG/CMIF), as tests ------------

CMIF_LICENCES = {"https://creativecommons.org/licenses/by/4.0/",
                 "https://creativecommons.org/publicdomain/zero/1.0/"}
AUTHORITIES = re.compile(r"^https?://(www\.)?(viaf\.org/viaf/|d-nb\.info/gnd/|"
                         r"wikidata\.org/entity/|geonames\.org/|id\.loc\.gov/)")


def cmif_problems(root: etree._Element) -> list[str]:
    problems = []
    header = root.find("t:teiHeader", NS)
    file_desc = header.find("t:fileDesc", NS)
    if not (file_desc.findtext("t:titleStmt/t:title", namespaces=NS) or "").strip():
        problems.append("titleStmt/title is empty")
    if file_desc.find("t:titleStmt/t:editor/t:email", NS) is None:
        problems.append("titleStmt/editor has no email")
    pub = file_desc.find("t:publicationStmt", NS)
    if pub.find("t:publisher", NS) is None:
        problems.append("no publisher")
    if not (pub.findtext("t:idno[@type='url']", namespaces=NS) or "").startswith("http"):
        problems.append("no idno[@type='url'] with the file's address")
    if pub.find("t:date[@when]", NS) is None:
        problems.append("no publicationStmt/date/@when")
    licence = pub.find("t:availability/t:licence", NS)
    if licence is None or licence.get("target") not in CMIF_LICENCES:
        problems.append("licence is not CC BY 4.0 or CC0 1.0")
    bibl_ids = {b.get("{http://www.w3.org/XML/1998/namespace}id")
                for b in file_desc.iterfind("t:sourceDesc/t:bibl", NS)}
    if None in bibl_ids or not bibl_ids:
        problems.append("sourceDesc/bibl without xml:id")
    for desc in header.iterfind("t:profileDesc/t:correspDesc", NS):
        if (desc.get("source") or "").lstrip("#") not in bibl_ids:
            problems.append(f"correspDesc/@source {desc.get('source')} names no bibl")
        for action in desc.iterfind("t:correspAction", NS):
            if action.get("type") not in {"sent", "received", "forwarded", "redirected"}:
                problems.append(f"correspAction type {action.get('type')}")
            kinds = [etree.QName(c).localname for c in action]
            if set(kinds) - {"persName", "orgName", "placeName", "date"}:
                problems.append(f"correspAction holds {kinds}")
            if kinds.count("placeName") > 1 or kinds.count("date") > 1:
                problems.append("more than one place or date in a correspAction")
            for name in action.iterfind("*[@ref]"):
                if not AUTHORITIES.match(name.get("ref")):
                    problems.append(f"{name.get('ref')} is no authority URI")
            for date in action.iterfind("t:date", NS):
                for value in date.attrib.values():
                    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                        problems.append(f"date {value} is not ISO 8601")
    if root.find("t:text/t:body/t:p", NS) is None:
        problems.append("text/body/p missing")
    return problems


def test_cmif_follows_cmif_rules(records):
    root = tree(records["cmif/cmif.xml"])
    assert cmif_problems(root) == []
    descs = root.findall(".//t:profileDesc/t:correspDesc", NS)
    assert [d.get("ref") for d in descs] == ["https://wilson-center.drivingcreative.com/document/110438",
                                             "https://digitalarchive.umd.edu/document/110442"]
    sent = descs[0].find("t:correspAction[@type='sent']", NS)
    assert [e.text for e in sent.iterfind("t:persName", NS)] == ["Vasily V. Kuznetsov",
                                                                 "Valerian A. Zorin"]
    # No authority id in the register: no @ref, never an invented one.
    assert all(e.get("ref") is None for e in sent.iterfind("t:persName", NS))
    assert sent.find("t:placeName", NS).get("ref") == "http://www.wikidata.org/entity/Q60"


def test_the_cmif_rules_catch_a_broken_file(records):
    root = tree(records["cmif/cmif.xml"])
    root.find(".//t:licence", NS).set("target", "https://example.org/all-rights-reserved")
    root.find(".//t:correspDesc", NS).set("source", "#nowhere")
    root.find(".//t:correspAction/t:placeName", NS).set("ref", "#new-york")
    problems = cmif_problems(root)
    assert len(problems) == 3, problems


def test_authority_ids_become_uris_in_the_cmif(tmp_path):
    text = (GOLDEN / "1962-11-12_dobrynin.xml").read_text(encoding="utf-8")
    # Give the sender ids of several authorities (the first one wins in CMIF).
    text = text.replace('<persName type="variant">A. DOBRYNIN</persName>',
                        '<persName type="variant">A. DOBRYNIN</persName>\n'
                        '            <idno type="viaf">12345</idno>\n'
                        '            <idno type="gnd">http://d-nb.info/gnd/118526677</idno>', 1)
    path = tmp_path / "doc.xml"
    path.write_text(text, encoding="utf-8")
    settings = DepositSettings.load(CORPUS / "edition.toml")
    cmif = RecordMaker([BY["cmif"]]).make([read_tei(path)], record_parameters(settings))[0]
    sender = tree(cmif.text).find(".//t:correspAction[@type='sent']/t:persName", NS)
    assert sender.get("ref") == "http://viaf.org/viaf/12345"
    assert cmif_problems(tree(cmif.text)) == []
