"""A register page's listing holds only what that page reads (site_listing.register_record):
the page it makes must be the page the whole records make."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei.namespaces import TEI_NS
from tei.render import Renderer, read_tei
from tei.site_listing import ListingWriter, Record, register_record, split_record

T = f"{{{TEI_NS}}}"
DATA = Path(__file__).resolve().parent / "data" / "render"
KINDS = {"person": "persName", "place": "placeName", "org": "orgName"}


def _with_nested_entries(path: Path, folder: Path) -> Path:
    """A document whose place list holds an organisation holding a person: a list
    of another kind that a register page still reads from."""
    tree = etree.parse(str(path))
    header = tree.getroot().find(f"{T}teiHeader")
    places = etree.SubElement(header, f"{T}listPlace")
    place = etree.SubElement(places, f"{T}place", {"{http://www.w3.org/XML/1998/namespace}id":
                                                   "nested-place"})
    etree.SubElement(place, f"{T}placeName").text = "Nested Place"
    orgs = etree.SubElement(place, f"{T}listOrg")
    org = etree.SubElement(orgs, f"{T}org", {"{http://www.w3.org/XML/1998/namespace}id":
                                             "nested-org"})
    etree.SubElement(org, f"{T}orgName").text = "Nested Body"
    people = etree.SubElement(org, f"{T}listPerson")
    person = etree.SubElement(people, f"{T}person", {
        "{http://www.w3.org/XML/1998/namespace}id": "nested-person"})
    etree.SubElement(person, f"{T}persName").text = "Nested Person"
    body = tree.getroot().find(f"{T}text/{T}body")
    p = etree.SubElement(body, f"{T}p")
    p.text = "Met "
    etree.SubElement(p, f"{T}persName", ref="#nested-person").text = "Nested Person"
    etree.SubElement(p, f"{T}orgName", ref="#nested-org").text = "the Body"
    target = folder / "nested.xml"
    tree.write(str(target), xml_declaration=True, encoding="UTF-8")
    return target


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[Record]:
    renderer = Renderer()
    folder = tmp_path_factory.mktemp("nested")
    documents = sorted(DATA.glob("*.xml"))
    documents.append(_with_nested_entries(documents[0], folder))
    return [split_record(renderer.summary(read_tei(p, f"d{n}")))
            for n, p in enumerate(documents)]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_register_page_from_its_cut_listing_is_the_page_of_the_whole_records(
        records: list[Record], kind: str, tmp_path: Path) -> None:
    name = KINDS[kind]
    pages = []
    for label, cut in (("whole", False), ("cut", True)):
        writer = ListingWriter(tmp_path / f"{label}.xml")
        for record in records:
            contexts = b"".join(part for quoted, part in record.contexts if quoted == name)
            writer.add(register_record(record, name) if cut else record, contexts)
        listing = writer.close()
        renderer = Renderer()
        page = renderer.transform_to(tmp_path / f"{label}.html", "site-register",
                                     renderer.saxon.parse_xml(xml_file_name=str(listing)),
                                     kind=kind)
        pages.append(page.read_bytes())
    assert pages[0] == pages[1]
    assert b"Nested" in pages[1]  # the nested entry of this kind is on the page
    assert (tmp_path / "cut.xml").stat().st_size < (tmp_path / "whole.xml").stat().st_size


def test_a_cut_record_keeps_only_the_parts_it_points_to(records: list[Record]) -> None:
    record = records[0]
    cut = register_record(record, "placeName")
    root = etree.fromstring(cut.xml)
    assert root.find(f".//{T}abstract") is None and root.find(f".//{T}correspDesc") is None
    assert root.find(f".//{T}listPerson") is None
    assert root.find(f".//{T}persName") is None and root.find(f".//{T}placeName") is not None
    assert root.find(f".//{T}titleStmt/{T}title") is not None
    assert root.find(f".//{T}creation/{T}date") is not None
    assert {k for k, _ in cut.shared} < {k for k, _ in record.shared}
