"""Every mention of a registered person in the two sample telegrams, with its link.

The body is read as the lines after ``Translation - English`` (closing, footnote and source
line included), split into blocks at blank lines, with line breaks folded as the parser
does.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from tei.annotate.persons import PersonFinder
from tei.person_register import Register

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TEI_ALL_RNG = ROOT.parent / "shared" / "tei-p5" / "tei_all.rng"
TEI = "{http://www.tei-c.org/ns/1.0}"

KUZNETSOV_ZORIN = [
    ('Stevenson', 'stevenson-adlai'),
    ('McCloy', 'mccloy-john'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('Kennedy', 'kennedy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('McCloy', 'mccloy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('McCloy', 'mccloy-john'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('Kennedy', 'kennedy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('McCloy', 'mccloy-john'),
    ('Kennedy', 'kennedy-john'),
    ('Kennedy', 'kennedy-john'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('McCloy', 'mccloy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('McCloy', 'mccloy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('Kennedy', 'kennedy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('McCloy', 'mccloy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('Castro', 'castro-fidel'),
    ('McCloy', 'mccloy-john'),
    ('McCloy', 'mccloy-john'),
    ('McCloy', 'mccloy-john'),
    ('McCloy', 'mccloy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('Stevenson', 'stevenson-adlai'),
    ('McCloy', 'mccloy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('Stevenson', 'stevenson-adlai'),
    ('Stevenson', 'stevenson-adlai'),
    ('Stevenson', 'stevenson-adlai'),
    ('McCloy', 'mccloy-john'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('McCloy', 'mccloy-john'),
    ('Castro', 'castro-fidel'),
    ('McCloy', 'mccloy-john'),
    ('McCloy', 'mccloy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('McCloy', 'mccloy-john'),
    ('Narasimhan', 'narasimhan-chakravarthi'),
    ('McCloy', 'mccloy-john'),
    ('McCloy', 'mccloy-john'),
    ('McCloy', 'mccloy-john'),
    ('McCloy', 'mccloy-john'),
    ('McCloy', 'mccloy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('Stevenson', 'stevenson-adlai'),
    ('McCloy', 'mccloy-john'),
    ('Kennedy', 'kennedy-john'),
    ('McCloy', 'mccloy-john'),
    ('McCloy', 'mccloy-john'),
    ('Kennedy', 'kennedy-john'),
    ('McCloy', 'mccloy-john'),
    ('Stevenson', 'stevenson-adlai'),
    ('Stevenson', 'stevenson-adlai'),
    ('N. S. Khrushchev', 'khrushchev-nikita'),
    ('Kennedy', 'kennedy-john'),
    ('V. KUZNETSOV', 'kuznetsov-vasily'),
    ('V. ZORIN', 'zorin-valerian'),
]

DOBRYNIN = [
    ('Robert Kennedy', 'kennedy-robert'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('Nixon', 'nixon-richard'),
    ('Nixon', 'nixon-richard'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('Kennedy', 'kennedy-john'),
    ('Fidel Castro', 'castro-fidel'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('N. S. Khrushchev', 'khrushchev-nikita'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('Adenauer', 'adenauer-konrad'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('N. S. Khrushchev', 'khrushchev-nikita'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('Adenauer', 'adenauer-konrad'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('Castro', 'castro-fidel'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('Stevenson', 'stevenson-adlai'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('N.S. Khrushchev', 'khrushchev-nikita'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('Maya Plisetskaya', 'plisetskaya-maya'),
    ('Robert Kennedy', 'kennedy-robert'),
    ('A. DOBRYNIN', 'dobrynin-anatoly'),
    ('Nixon', 'nixon-richard'),
    ('Khrushchev', 'khrushchev-nikita'),
    ('Nixon', 'nixon-richard'),
    ('James A. Nathan', 'nathan-james'),
]


def body_blocks(name: str) -> list[str]:
    text = (CORPUS / name).read_text(encoding="utf-8").split("Translation - English", 1)[1]
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.load([CORPUS / "persons.xml"])


@pytest.fixture(scope="module")
def finder(register: Register) -> PersonFinder:
    return PersonFinder(register)


@pytest.mark.parametrize("name, expected", [
    ("1962-11-06_kuznetsov-zorin.txt", KUZNETSOV_ZORIN),
    ("1962-11-12_dobrynin.txt", DOBRYNIN),
])
def test_every_mention_linked(finder: PersonFinder, name: str,
                              expected: list[tuple[str, str]]) -> None:
    blocks = body_blocks(name)
    result = finder.find(blocks)
    found = [(text[s.start:s.end], (s.attr("ref") or "")[1:])
             for text, spans in zip(blocks, result.spans, strict=True) for s in spans]
    assert found == expected
    assert result.ambiguous == []


def test_the_presidents_brother_and_the_president(finder: PersonFinder) -> None:
    blocks = body_blocks("1962-11-12_dobrynin.txt")
    result = finder.find(blocks)
    text = blocks[1]
    refs = {(text[max(0, s.start - 10):s.start], text[s.start:s.end]): s.attr("ref")
            for s in result.spans[1] if "Kennedy" in text[s.start:s.end]}
    assert refs == {("President ", "Kennedy"): "#kennedy-john",
                    ("When ", "Robert Kennedy"): "#kennedy-robert",
                    ("continued ", "Robert Kennedy"): "#kennedy-robert"}


def test_only_the_translator_in_the_source_line_is_unregistered(finder: PersonFinder) -> None:
    blocks = body_blocks("1962-11-12_dobrynin.txt")
    result = finder.find(blocks)
    assert [(blocks[m.block].startswith("[Source:"), m.surface)
            for m in result.unregistered] == [(True, "J. Henriksen")]
    assert finder.find(body_blocks("1962-11-06_kuznetsov-zorin.txt")).unregistered == []


def test_mentioned_in_first_mention_order(finder: PersonFinder) -> None:
    result = finder.find(body_blocks("1962-11-12_dobrynin.txt"))
    assert result.mentioned[:3] == ["kennedy-robert", "khrushchev-nikita", "nixon-richard"]
    assert set(result.mentioned) == {ref for _, ref in DOBRYNIN}


def test_register_is_valid_tei() -> None:
    if not TEI_ALL_RNG.exists():
        pytest.skip(f"tei_all.rng not found at {TEI_ALL_RNG}")
    schema = etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))
    document = etree.parse(str(CORPUS / "persons.xml"))
    assert schema.validate(document), schema.error_log


def test_every_register_entry_is_complete(register: Register) -> None:
    for pid, person in register.persons.items():
        main = person.element.find(f"{TEI}persName")
        assert main is not None and main.get("type") == "main", pid
        assert main.find(f"{TEI}forename") is not None, pid
        assert main.find(f"{TEI}surname") is not None, pid
        note = person.element.find(f"{TEI}note")
        assert note is not None and note.text and "\n" not in note.text.strip(), pid
        for idno in person.element.findall(f"{TEI}idno"):
            assert idno.get("type") == "wikidata" and re.fullmatch(r"Q\d+", idno.text), pid


def test_every_registered_person_is_mentioned(finder: PersonFinder, register: Register) -> None:
    mentioned = {ref for _, ref in KUZNETSOV_ZORIN + DOBRYNIN}
    assert mentioned == set(register.ids)


def _plain_register(tmp_path: Path) -> Path:
    """The sample register as many editors keep one: every name as plain text in Western
    order, no notes, no role names, a bare listPerson."""
    tree = etree.parse(str(CORPUS / "persons.xml"))
    out = etree.Element(f"{TEI}listPerson", nsmap={None: TEI[1:-1]})
    for person in tree.iter(f"{TEI}person"):
        entry = etree.SubElement(out, f"{TEI}person", {
            k: v for k, v in person.attrib.items() if k.endswith("id") or k == "sameAs"})
        for name in person.findall(f"{TEI}persName"):
            parts = [e.text for e in name.findall(f"{TEI}forename")]
            parts += [e.text for e in name.findall(f"{TEI}surname")]
            plain = etree.SubElement(entry, f"{TEI}persName")
            plain.text = " ".join(parts) if len(parts) > 1 else " ".join(
                "".join(name.itertext()).split())
    path = tmp_path / "plain-persons.xml"
    etree.ElementTree(out).write(str(path), encoding="utf-8", xml_declaration=True)
    return path


@pytest.mark.parametrize("name, expected", [
    ("1962-11-06_kuznetsov-zorin.txt", KUZNETSOV_ZORIN),
    ("1962-11-12_dobrynin.txt", DOBRYNIN),
])
def test_plain_register_links_every_mention_the_same(tmp_path: Path, name: str,
                                                     expected: list[tuple[str, str]]) -> None:
    plain = Register.load([_plain_register(tmp_path)])
    assert not any(n.surname == "" and len(n.text.split()) > 1
                   for p in plain.persons.values() for n in p.names)
    blocks = body_blocks(name)
    result = PersonFinder(plain).find(blocks)
    found = [(text[s.start:s.end], (s.attr("ref") or "")[1:])
             for text, spans in zip(blocks, result.spans, strict=True) for s in spans]
    assert found == expected
