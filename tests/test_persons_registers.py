"""Registers in every shape editors keep: the same invented persons written as structured
names, as "Surname, Forename", as plain names and family name first give the same links."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.annotate.names_forms import derive_forms
from tei.annotate.persons import PersonFinder
from tei.person_register import Register

TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>{}</listPerson></standOff></TEI>'

# One person in each shape; the ids are the same so the links can be compared.
SHAPES = {
    "structured": '<person xml:id="tandberg"><persName><forename>Oskar</forename> '
                  '<forename>V.</forename> <surname>Tandberg</surname></persName></person>'
                  '<person xml:id="delden"><persName><forename>Pieter</forename> '
                  '<surname>van Delden</surname></persName></person>'
                  '<person xml:id="kovari"><persName><surname>Kovári</surname> '
                  '<forename>Endre</forename></persName></person>',
    "comma": '<person xml:id="tandberg"><persName>Tandberg, Oskar V.</persName></person>'
             '<person xml:id="delden"><persName>van Delden, Pieter</persName></person>'
             '<person xml:id="kovari"><persName type="family-first">Kovári Endre</persName>'
             '</person>',
    "plain": '<person xml:id="tandberg"><persName>Oskar V. Tandberg</persName></person>'
             '<person xml:id="delden"><persName>Pieter van Delden</persName></person>'
             '<person xml:id="kovari"><persName xml:lang="hu">Kovári Endre</persName></person>',
}


def _register(tmp_path: Path, body: str, name: str = "persons.xml") -> Register:
    path = tmp_path / name
    path.write_text(TEI.format(body), encoding="utf-8")
    return Register.load([path])


def _links(register: Register, text: str) -> list[tuple[str, str | None]]:
    result = PersonFinder(register).find([text])
    return [(text[s.start:s.end], s.attr("ref")) for s in result.spans[0]]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_shape_links_the_same_forms(tmp_path: Path, shape: str) -> None:
    register = _register(tmp_path, SHAPES[shape])
    text = ("Oskar V. Tandberg met O.V. TANDBERG and Pieter van Delden; later Tandberg, "
            "Van Delden and Kovári Endre spoke. Kovári left.")
    assert _links(register, text) == [
        ("Oskar V. Tandberg", "#tandberg"), ("O.V. TANDBERG", "#tandberg"),
        ("Pieter van Delden", "#delden"), ("Tandberg", "#tandberg"),
        ("Van Delden", "#delden"), ("Kovári Endre", "#kovari"), ("Kovári", "#kovari")]


def test_plain_name_is_read_as_forenames_and_surname(tmp_path: Path) -> None:
    name = _register(tmp_path, SHAPES["plain"]).persons["tandberg"].names[0]
    assert (name.surname, name.forenames, name.family_first) == ("Tandberg", ("Oskar", "V."),
                                                                 False)


def test_particle_stays_out_of_the_forenames(tmp_path: Path) -> None:
    name = _register(tmp_path, SHAPES["plain"]).persons["delden"].names[0]
    assert (name.particle, name.surname, name.forenames) == ("van", "Delden", ("Pieter",))
    register = _register(tmp_path, SHAPES["plain"])
    assert _links(register, "Delden and P. van Delden") == [
        ("Delden", "#delden"), ("P. van Delden", "#delden")]


def test_generational_suffix_after_a_comma_is_not_an_inversion(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="t"><persName>Emil R. Tandor, Jr.'
                                   "</persName></person>")
    name = register.persons["t"].names[0]
    assert (name.surname, name.forenames) == ("Tandor", ("Emil", "R."))
    assert _links(register, "Tandor and Emil Tandor, Jr. agreed") == [
        ("Tandor", "#t"), ("Emil Tandor, Jr.", "#t")]


@pytest.mark.parametrize("marker", ['type="family-first"', 'xml:lang="ja"', 'xml:lang="zh"',
                                    'xml:lang="ko"', 'xml:lang="hu"'])
def test_family_first_marked_by_type_or_language(tmp_path: Path, marker: str) -> None:
    register = _register(tmp_path, f'<person xml:id="m"><persName {marker}>Morikawa Tetsu'
                                   "</persName></person>")
    assert _links(register, "Morikawa Tetsu came; Morikawa left; Tetsu stayed.") == [
        ("Morikawa Tetsu", "#m"), ("Morikawa", "#m")]


def test_language_on_the_person_marks_its_names(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="m" xml:lang="ja"><persName>Morikawa '
                                   "Tetsu</persName></person>")
    assert register.persons["m"].names[0].family_first


def test_vietnamese_plain_name_is_matched_only_as_written(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="v" xml:lang="vi"><persName>Dao Van Sinh'
                                   "</persName></person>")
    assert _links(register, "Dao Van Sinh came; Sinh and Dao left.") == [
        ("Dao Van Sinh", "#v")]


def test_short_derived_surname_does_not_stand_alone(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="l"><persName>Mara Ky</persName></person>')
    assert _links(register, "Mara Ky said KY and Ky were codes.") == [("Mara Ky", "#l")]


def test_marked_short_surname_still_stands_alone(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="l"><persName><forename>Mara</forename> '
                                   "<surname>Ky</surname></persName></person>")
    assert _links(register, "Ky said.") == [("Ky", "#l")]


def test_surname_is_not_found_inside_a_designation(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="z"><persName>Ivo Zad</persName></person>')
    assert _links(register, "ZAD-28 bombers and 28-Zad units; Zad-Kovac talks; Zad said.") == [
        ("Zad", "#z"), ("Zad", "#z")]


def test_two_surname_elements_give_the_first_alone(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="o"><persName><forename>Ramiro</forename> '
                                   "<surname>Olmedo</surname> <surname>Brisas</surname>"
                                   "</persName></person>")
    assert _links(register, "Ramiro Olmedo Brisas, then Olmedo, then Ramiro Olmedo.") == [
        ("Ramiro Olmedo Brisas", "#o"), ("Olmedo", "#o"), ("Ramiro Olmedo", "#o")]


def test_plain_spanish_name_with_two_surnames(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="o" xml:lang="es"><persName>Ramiro Olmedo '
                                   "Brisas</persName></person>")
    name = register.persons["o"].names[0]
    assert name.surnames == ("Olmedo", "Brisas")
    assert _links(register, "Olmedo Brisas and Olmedo met R. Olmedo.") == [
        ("Olmedo Brisas", "#o"), ("Olmedo", "#o"), ("R. Olmedo", "#o")]


def test_hyphenated_surname_parts_as_the_language_allows(tmp_path: Path) -> None:
    spanish = _register(tmp_path, '<person xml:id="p" xml:lang="es"><persName>Luisa '
                                  "Sarriá-Monte</persName></person>")
    assert _links(spanish, "Sarriá-Monte, Sarriá Monte and Sarriá.") == [
        ("Sarriá-Monte", "#p"), ("Sarriá Monte", "#p"), ("Sarriá", "#p")]
    english = _register(tmp_path, '<person xml:id="p"><persName>Alec Brough-Tenley'
                                  "</persName></person>", "english.xml")
    assert _links(english, "Brough-Tenley and Brough Tenley; Brough alone.") == [
        ("Brough-Tenley", "#p"), ("Brough Tenley", "#p")]


def test_forms_of_a_plain_name_equal_those_of_the_structured_name(tmp_path: Path) -> None:
    def keys(body: str, name: str) -> set[str]:
        return {f.key for f in derive_forms(_register(tmp_path, body, name)
                                            .persons["tandberg"].names[0])}
    assert keys(SHAPES["plain"], "a.xml") == keys(SHAPES["structured"], "b.xml") == keys(
        SHAPES["comma"], "c.xml")


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_family_first_person_written_given_name_first(tmp_path: Path, shape: str) -> None:
    register = _register(tmp_path, SHAPES[shape])
    assert _links(register, "Then Endre Kovári spoke.") == [("Endre Kovári", "#kovari")]


def test_plain_name_of_particle_and_surname_only(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="d"><persName>van Delden</persName></person>')
    name = register.persons["d"].names[0]
    assert (name.particle, name.surname, name.forenames) == ("van", "Delden", ())
    assert _links(register, "Van Delden and Delden") == [("Van Delden", "#d"), ("Delden", "#d")]


def test_surname_written_in_capitals_by_the_register(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="t"><persName>Oskar V. TANDBERG</persName>'
                                   '</person><person xml:id="d"><persName>Pieter VAN DELDEN'
                                   "</persName></person>")
    assert register.persons["d"].names[0].particle == "VAN"
    assert _links(register, "Tandberg, TANDBERG, O. V. Tandberg; van Delden, Van Delden, "
                            "VAN DELDEN, Pieter van Delden.") == [
        ("Tandberg", "#t"), ("TANDBERG", "#t"), ("O. V. Tandberg", "#t"),
        ("van Delden", "#d"), ("Van Delden", "#d"), ("VAN DELDEN", "#d"),
        ("Pieter van Delden", "#d")]


@pytest.mark.parametrize("name", [
    '<persName xml:lang="es">Olmedo Brisas, Ramiro</persName>',
    '<persName xml:lang="es"><surname>Olmedo Brisas</surname>, <forename>Ramiro</forename>'
    "</persName>"])
def test_two_surnames_written_in_one_piece_in_spanish(tmp_path: Path, name: str) -> None:
    register = _register(tmp_path, f'<person xml:id="o">{name}</person>')
    assert _links(register, "Olmedo Brisas met Olmedo.") == [("Olmedo Brisas", "#o"),
                                                             ("Olmedo", "#o")]


def test_two_word_surname_elsewhere_is_one_name(tmp_path: Path) -> None:
    register = _register(tmp_path, '<person xml:id="o"><persName>Ormsby Tate, David'
                                   "</persName></person>")
    assert _links(register, "Ormsby Tate met Ormsby.") == [("Ormsby Tate", "#o")]
