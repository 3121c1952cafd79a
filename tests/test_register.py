"""Person registers: every way a TEI listPerson may write a name, see entries, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei.annotate.names_forms import derive_forms
from tei.errors import InputError
from tei.person_register import PersonName, Register, split_titles

DATA = Path(__file__).parent / "data" / "persons"
TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.load([DATA / "register.xml"])


def _name(register: Register, pid: str, index: int = 0) -> PersonName:
    return register.persons[pid].names[index]


def _forms(name: PersonName) -> set[str]:
    return {" ".join(value + ("." if kind == "i" else "") for kind, value in form.parts)
            for form in derive_forms(name)}


def test_loads_every_person_with_an_id(register: Register) -> None:
    assert "ostrovin-nikolai" in register
    assert "tran-van-loc" in register
    assert len(register) == 17


def test_forename_and_surname_children(register: Register) -> None:
    name = _name(register, "ostrovin-nikolai")
    assert name.surname == "Ostrovin"
    assert name.forenames == ("Nikolai", "S.")
    assert not name.family_first


def test_surname_comma_forename_children(register: Register) -> None:
    name = _name(register, "malkov-anton")
    assert (name.surname, name.forenames, name.family_first) == ("Malkov", ("Anton", "I."), False)


def test_surname_comma_forename_plain_text(register: Register) -> None:
    name = _name(register, "lindgren-eva")
    assert (name.surname, name.forenames) == ("Lindgren", ("Eva",))


def test_surname_only(register: Register) -> None:
    name = _name(register, "okonkwo")
    assert (name.surname, name.forenames) == ("Okonkwo", ())
    assert _forms(name) == {"Okonkwo"}


def test_role_name_and_add_name_are_not_forenames(register: Register) -> None:
    name = _name(register, "quintero-emilio")
    assert name.forenames == ("Emilio",)
    assert name.titles == ("Major",)
    assert "major" in register.persons["quintero-emilio"].hints


def test_variant_with_honorific_keeps_the_honorific_as_a_hint(register: Register) -> None:
    name = _name(register, "ostrovin-nikolai", 1)
    assert (name.type, name.text, name.titles) == ("variant", "N.S. Ostrovin", ("Comrade",))


def test_family_name_first_is_recognised_from_element_order(register: Register) -> None:
    name = _name(register, "pak-seongcheol")
    assert name.family_first
    assert _forms(name) == {"Pak", "Pak Seong-cheol"}


def test_plain_vietnamese_name_is_read_family_first(register: Register) -> None:
    # xml:lang="vi": family name first; known by the last given name, so matched as written
    name = _name(register, "tran-van-loc")
    assert (name.surname, name.forenames, name.family_first) == ("Tran", ("Van", "Loc"), True)
    assert _forms(name) == {"Tran Van Loc"}


def test_western_forms_derived(register: Register) -> None:
    assert _forms(_name(register, "ostrovin-nikolai")) == {
        "Ostrovin", "Nikolai S. Ostrovin", "N. S. Ostrovin", "N. Ostrovin", "Nikolai Ostrovin",
    }


def test_same_as_leads_to_the_main_entry(register: Register) -> None:
    assert register.canonical("see-varela-ruiz") == "varela-tomas"
    assert register.canonical("varela-tomas") == "varela-tomas"
    element = register.element("see-varela-ruiz")
    assert element.get("{http://www.w3.org/XML/1998/namespace}id") == "varela-tomas"


def test_same_as_cycle_stops(tmp_path: Path) -> None:
    path = tmp_path / "cycle.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
        '<person xml:id="a" sameAs="#b"><persName>Alpha, Ann</persName></person>'
        '<person xml:id="b" sameAs="#a"><persName>Beta, Bea</persName></person>'
        "</listPerson></standOff></TEI>", encoding="utf-8")
    register = Register.load([path])
    assert register.canonical("a") in {"a", "b"}


def test_person_element_is_a_fresh_copy(register: Register) -> None:
    first = register.element("ostrovin-nikolai")
    first.append(etree.Element(f"{TEI}note"))
    second = register.element("ostrovin-nikolai")
    assert len(second) == len(first) - 1
    assert second.find(f"{TEI}idno").text == "Q4115189"
    assert second.tail is None


def test_several_files_and_first_wins(tmp_path: Path) -> None:
    extra = tmp_path / "extra.xml"
    extra.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><listPerson>'
        '<person xml:id="okonkwo"><persName>Someone, Else</persName></person>'
        '<person xml:id="new-one"><persName>Zeller, Uma</persName></person>'
        "</listPerson></body></text></TEI>", encoding="utf-8")
    register = Register.load([DATA / "register.xml", extra])
    assert "new-one" in register
    assert register.persons["okonkwo"].names[0].surname == "Okonkwo"


def test_malformed_register_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<listPerson>\n'
                   '<person xml:id="x"><persName>X</persName>\n</listPerson>\n</TEI>\n',
                   encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Register.load([bad])
    assert caught.value.line == 4
    assert str(caught.value).startswith(f"{bad}:4: ")


def test_missing_register_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        Register.load([tmp_path / "absent.xml"])


def test_external_entity_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "entity.xml"
    path.write_text('<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
                    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
                    '<person xml:id="e"><persName>Ent, &x;</persName></person>'
                    "</listPerson></standOff></TEI>", encoding="utf-8")
    with pytest.raises(InputError, match="external entities are never loaded"):
        Register.load([path])


def test_internal_entity_is_expanded_in_names_and_in_the_copied_element(
        tmp_path: Path) -> None:
    path = tmp_path / "entity.xml"
    path.write_text('<!DOCTYPE TEI [<!ENTITY fn "Edvard">]>'
                    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
                    '<person xml:id="e"><persName>Brandl, &fn;</persName>'
                    "<note>&fn; the elder</note></person>"
                    "</listPerson></standOff></TEI>", encoding="utf-8")
    register = Register.load([path])
    assert register.persons["e"].names[0].forenames == ("Edvard",)
    copied = etree.tostring(register.element("e"), encoding="unicode")
    assert "&" not in copied and "Edvard the elder" in copied
    etree.fromstring(copied)  # what is written parses


def test_entity_expansion_bomb_is_refused(tmp_path: Path) -> None:
    levels = ['<!ENTITY a0 "aaaaaaaaaa">'] + [
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 9)]
    path = tmp_path / "bomb.xml"
    path.write_text(f"<!DOCTYPE TEI [{''.join(levels)}]>"
                    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
                    '<person xml:id="e"><persName>&a8;</persName></person>'
                    "</listPerson></standOff></TEI>", encoding="utf-8")
    with pytest.raises(InputError, match="not well-formed"):
        Register.load([path])


def test_split_titles() -> None:
    assert split_titles("Cde. Tran Van Loc") == (("Cde.",), "Tran Van Loc")
    assert split_titles("President") == ((), "President")


def test_entries_without_namespace_inside_a_tei_file_are_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
                    '<person xml:id="a"><persName>Ada Vell</persName></person></listPerson>'
                    '<listPerson xmlns=""><person xml:id="b"><persName>Bo Trask</persName>'
                    "</person></listPerson></standOff></TEI>", encoding="utf-8")
    register = Register.load([path])
    assert set(register.ids) == {"a", "b"}
    assert "not in the TEI namespace" in register.reports[0].warnings[0]
    assert register.element("b").tag == f"{TEI}person"


def test_report_counts_entries_not_used(tmp_path: Path) -> None:
    path = tmp_path / "r.xml"
    path.write_text('<listPerson xmlns="http://www.tei-c.org/ns/1.0">'
                    '<person xml:id="a"><persName>Ada Vell</persName></person>'
                    '<person xml:id="b"><persName>Tomás</persName></person>'
                    "<person><persName>No Id</persName></person>"
                    '<person xml:id="c"><note>no name</note></person></listPerson>',
                    encoding="utf-8")
    line = Register.load([path]).reports[0].line()
    assert line == (f"{path}: 2 person(s), 1 matched only as written; not used: "
                    "1 without xml:id, 1 without a persName")


def test_same_main_name_in_two_registers_is_one_person(tmp_path: Path) -> None:
    first = tmp_path / "a.xml"
    first.write_text('<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="a">'
                     "<persName><surname>Vell</surname>, <forename>Ada K.</forename>"
                     "</persName></person></listPerson>", encoding="utf-8")
    second = tmp_path / "b.xml"
    second.write_text('<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="b">'
                      "<persName>Ada K. Vell</persName></person>"
                      '<person xml:id="c"><persName>Ada K. Vell, Jr.</persName></person>'
                      '<person xml:id="d" corresp="https://example.org/x"><persName>Bo Trask'
                      "</persName></person></listPerson>", encoding="utf-8")
    register = Register.load([first, second])
    assert register.canonical("b") == "a"
    assert register.canonical("c") == "c"  # a generational suffix makes another person
    assert register.canonical("d") == "d"
    assert register.duplicates == [
        f"{second}: b has the name of a ({first}): taken for the same person, mentions "
        "link to a"]
