"""Correspondence metadata (profileDesc/correspDesc) taken from what a document states."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei.annotate.header import title_parties
from tei.convert import convert_document, make_finders
from tei.parse import read_document
from tei.settings import EditionSettings

CORPUS = Path(__file__).parent.parent / "corpus"
REGISTERS = [CORPUS / "persons.xml", CORPUS / "places.xml"]
NS = {"t": "http://www.tei-c.org/ns/1.0"}
DOBRYNIN = CORPUS / "1962-11-12_dobrynin.txt"
TITLE = "Telegram from Soviet Ambassador to the USA A. F. Dobrynin to USSR Foreign Ministry"


@pytest.mark.parametrize(("title", "expected"), [
    (TITLE, ("Soviet Ambassador to the USA A. F. Dobrynin", "USSR Foreign Ministry")),
    ("Cable from the Keeper to the Harbour Board, 3 June 1958",
     ("the Keeper", "the Harbour Board")),
    ("Letter from the Keeper to the Board (2)", ("the Keeper", "the Board")),
    ("Note from the Keeper", ("the Keeper", None)),
    ("Memorandum of a Conversation", (None, None)),
    ("TELEGRAM FROM SOVIET AMBASSADOR A. VARGA TO THE MINISTRY",
     ("SOVIET AMBASSADOR A. VARGA", "THE MINISTRY")),
    ("Telegram from Envoy to the Isles A. Varga to the Ministry (2)",
     ("Envoy to the Isles A. Varga", "the Ministry")),
    ("Cable no. 352 from the Harbour Office in Eastport (Brask)",
     ("the Harbour Office in Eastport (Brask)", None)),
    # A no-break space is text, as XML's normalize-space() has it: not a word break.
    ("Note\u00a0from the Keeper", (None, None)),
])
def test_title_parties(title, expected):
    assert title_parties(title) == expected


def convert_text(tmp_path: Path, text: str) -> etree._Element:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    data, _ = convert_document(read_document(path), text, make_finders(REGISTERS),
                               EditionSettings(), "2024-01-01")
    return etree.fromstring(data)


def corresp(root: etree._Element) -> list[tuple[str, str, str | None, str | None]]:
    """(action type, element, @ref or @when, text) for everything in correspDesc."""
    return [(e.getparent().get("type"), etree.QName(e).localname,
             e.get("ref") or e.get("when"), e.text)
            for e in root.iterfind(".//t:correspDesc/t:correspAction/*", NS)]


def test_sender_from_the_signature_recipient_from_the_title(tmp_path):
    root = convert_text(tmp_path, DOBRYNIN.read_text(encoding="utf-8"))
    assert corresp(root) == [
        ("sent", "persName", "#dobrynin-anatoly", "A. DOBRYNIN"),
        ("sent", "date", "1962-11-12", None),
        # The title's words for each party, which the reading edition shows.
        ("sent", "note", None, "Soviet Ambassador to the USA A. F. Dobrynin"),
        ("received", "orgName", "#ussr-foreign-ministry", "USSR Foreign Ministry"),
        ("received", "note", None, "USSR Foreign Ministry"),
    ]
    # The place of posting in the title ("to the USA") is not the place of sending.
    assert root.find(".//t:correspAction/t:placeName", NS) is None
    # The recipient's register entry is copied into the header, so its @ref resolves.
    assert root.xpath(".//t:listOrg/t:org[@xml:id='ussr-foreign-ministry']", namespaces=NS)


def test_unsigned_document_takes_the_sender_from_the_title(tmp_path):
    text = DOBRYNIN.read_text(encoding="utf-8").replace("12.XI.62 A. DOBRYNIN", "12.XI.62")
    root = convert_text(tmp_path, text)
    assert ("sent", "persName", "#dobrynin-anatoly", "A. F. Dobrynin") in corresp(root)


def test_unregistered_recipient_is_kept_as_written_without_a_kind(tmp_path):
    text = DOBRYNIN.read_text(encoding="utf-8").replace(
        "Dobrynin to USSR Foreign Ministry**", "Dobrynin to the Fisheries Board**")
    root = convert_text(tmp_path, text)
    received = [f for f in corresp(root) if f[0] == "received"]
    assert received == [("received", "name", None, "the Fisheries Board"),
                        ("received", "note", None, "the Fisheries Board")]


def test_place_of_sending_from_the_title_and_several_signers():
    root = etree.parse(str(Path(__file__).parent / "test_corpus_tei"
                           / "1962-11-06_kuznetsov-zorin.xml")).getroot()
    facts = corresp(root)
    assert [f[2] for f in facts if f[0] == "sent" and f[1] != "note"] == [
        "#kuznetsov-vasily", "#zorin-valerian", "#new-york", "1962-11-06"]
    assert root.xpath(".//t:listPlace/t:place[@xml:id='new-york']", namespaces=NS)


def test_no_party_is_invented_when_neither_title_nor_signature_names_one(tmp_path):
    text = DOBRYNIN.read_text(encoding="utf-8")
    text = text.replace("**Telegram from Soviet Ambassador to the USA A. F.\nDobrynin to USSR "
                        "Foreign Ministry**", "**Record of a Meeting**")
    text = text.replace("12.XI.62 A. DOBRYNIN", "12.XI.62")
    root = convert_text(tmp_path, text)
    assert corresp(root) == [("sent", "date", "1962-11-12", None)]


# -- authority identifiers of register entries ------------------------------------------

GOLDEN = Path(__file__).parent / "test_corpus_tei" / "1962-11-12_dobrynin.xml"
ROBERT = '<idno type="wikidata">Q25310</idno>'


@pytest.mark.parametrize(("idno", "valid"), [
    (ROBERT, True),
    ('<idno type="wikidata">http://www.wikidata.org/entity/Q25310</idno>', True),
    ('<idno type="viaf">http://viaf.org/viaf/76353174</idno>', True),
    ('<idno type="gnd">118560093</idno>', True),
    ('<idno type="geonames">https://sws.geonames.org/5128581/</idno>', True),
    ('<idno type="local">anything at all</idno>', True),
    ('<idno type="wikidata">Q25310x</idno>', False),
    ('<idno type="wikidata">Kennedy</idno>', False),
    ('<idno type="viaf">http://example.org/76353174</idno>', False),
    ('<idno type="gnd">d-nb 118560093</idno>', False),
])
def test_authority_idno_rule(tmp_path, idno, valid):
    from tei.validate import validate_paths

    path = tmp_path / "doc.xml"
    path.write_text(GOLDEN.read_text(encoding="utf-8").replace(ROBERT, idno, 1),
                    encoding="utf-8")
    report = validate_paths([path])
    rules = [i.rule for i in report.issues if i.severity == "error"]
    assert (rules == []) if valid else (rules == ["authority-idno"]), rules
