"""Registers validate as registers: against schemas/tei-register.xsd, chosen by content."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei.validate import validate_paths
from tei.validate.schemas import is_register

ROOT = Path(__file__).resolve().parent.parent
REGISTERS = [ROOT / "corpus" / "persons.xml", ROOT / "corpus" / "places.xml",
             ROOT / "docs" / "examples" / "starter-persons.xml"]
TEI = "http://www.tei-c.org/ns/1.0"
PERSON = ('<person xml:id="vik-anders"><persName type="main"><forename>Anders</forename> '
          '<surname>Vik</surname></persName><note>Keeper of the lighthouse.</note></person>')


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))


def write(tmp_path: Path, text: str, name: str = "register.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def register(entries: str, header: str | None = None) -> str:
    if header is None:
        header = ("<fileDesc><titleStmt><title>Keepers</title></titleStmt><publicationStmt>"
                  "<publisher>Harbour</publisher></publicationStmt><sourceDesc><p>Logs.</p>"
                  "</sourceDesc></fileDesc>")
    return (f'<TEI xmlns="{TEI}"><teiHeader>{header}</teiHeader>'
            f"<standOff><listPerson>{entries}</listPerson></standOff></TEI>")


@pytest.mark.parametrize("path", REGISTERS, ids=lambda p: p.name)
def test_the_shipped_registers_are_valid(path):
    report = validate_paths([path], strict=True)
    assert report.issues == []


def test_a_bare_list_is_a_register(tmp_path):
    path = write(tmp_path, f'<listPerson xmlns="{TEI}">{PERSON}</listPerson>')
    assert validate_paths([path], strict=True).issues == []


def test_an_entry_the_profile_does_not_allow_is_an_error_in_a_register(tmp_path):
    path = write(tmp_path, register(PERSON.replace("<note>", "<blink/><note>")))
    [issue] = validate_paths([path]).issues
    assert (issue.rule, issue.severity) == ("xsd-content", "error")
    assert "<blink> is not allowed here in <person>" in issue.message


def test_a_see_entry_must_point_to_an_entry_of_the_register(tmp_path):
    see = '<person xml:id="see-vik" sameAs="#vik-a"><persName>A. Vik</persName></person>'
    path = write(tmp_path, register(PERSON + see))
    [issue] = validate_paths([path]).issues
    assert issue.rule == "ref-resolves" and '@sameAs="#vik-a"' in issue.message


def test_a_register_header_still_needs_its_title(tmp_path):
    header = ("<fileDesc><titleStmt><title/></titleStmt><publicationStmt><publisher>H"
              "</publisher></publicationStmt><sourceDesc><p>Logs.</p></sourceDesc></fileDesc>")
    path = write(tmp_path, register(PERSON, header))
    assert [i.rule for i in validate_paths([path]).issues] == ["header-title"]


def test_a_tei_with_a_text_is_a_document_whatever_else_it_holds(tmp_path):
    document = (ROOT / "docs" / "example.tei.xml").read_text(encoding="utf-8").replace(
        "</teiHeader>", f"</teiHeader><standOff><listPerson>{PERSON}</listPerson></standOff>", 1)
    root = etree.fromstring(document.encode())
    assert not is_register(root)
    path = write(tmp_path, document, "document.xml")
    assert "<standOff> is not allowed here in <TEI>" in validate_paths([path]).issues[0].message


@pytest.mark.parametrize("path", REGISTERS, ids=lambda p: p.name)
def test_the_shipped_registers_conform_to_tei_all(tei_all, path):
    assert tei_all.validate(etree.parse(str(path))), tei_all.error_log
