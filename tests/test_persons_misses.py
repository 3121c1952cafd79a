"""Names the finder used to miss or link wrongly, each with invented wording, and the
tie-break from the document's header."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tei.annotate.persons import PersonFinder
from tei.person_register import Register

TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>{}</listPerson></standOff></TEI>'

HARLANS = {
    "plain": '<person xml:id="james"><persName>James T. Harlan</persName></person>'
             '<person xml:id="roger"><persName>Roger Harlan</persName></person>'
             '<person xml:id="edith"><persName>Edith Harlan</persName>'
             '<persName type="variant">Mrs. Harlan</persName></person>',
    "comma": '<person xml:id="james"><persName>Harlan, James T.</persName></person>'
             '<person xml:id="roger"><persName>Harlan, Roger</persName></person>'
             '<person xml:id="edith"><persName>Harlan, <roleName>Mrs.</roleName> Edith'
             '</persName></person>',
    "structured": '<person xml:id="james"><persName><forename>James</forename> '
                  '<forename>T.</forename> <surname>Harlan</surname></persName></person>'
                  '<person xml:id="roger"><persName><forename>Roger</forename> '
                  '<surname>Harlan</surname></persName></person>'
                  '<person xml:id="edith"><persName><roleName>Madame</roleName> '
                  '<forename>Edith</forename> <surname>Harlan</surname></persName></person>',
}


def _finder(tmp_path: Path, body: str) -> PersonFinder:
    path = tmp_path / "persons.xml"
    path.write_text(TEI.format(body), encoding="utf-8")
    return PersonFinder(Register.load([path]))


def _links(finder: PersonFinder, text: str, header: list[str] | None = None
           ) -> list[tuple[str, str | None]]:
    result = finder.find([text], header=header or [])
    return [(text[s.start:s.end], s.attr("ref")) for s in result.spans[0]]


@pytest.mark.parametrize("shape", sorted(HARLANS))
def test_female_honorific_of_the_register_picks_that_person(tmp_path: Path, shape: str) -> None:
    finder = _finder(tmp_path, HARLANS[shape])
    assert _links(finder, "Mrs. Harlan spoke; Mme. Harlan left.") == [
        ("Harlan", "#edith"), ("Harlan", "#edith")]


@pytest.mark.parametrize("shape", sorted(HARLANS))
def test_male_honorific_leaves_out_the_woman_but_not_the_namesakes(tmp_path: Path,
                                                                  shape: str) -> None:
    finder = _finder(tmp_path, HARLANS[shape])
    assert _links(finder, "Mr. Harlan replied.") == [("Harlan", None)]
    two = _finder(tmp_path, HARLANS[shape].split('<person xml:id="roger">')[0]
                  + '<person xml:id="edith">' + HARLANS[shape].split('<person xml:id="edith">')[1])
    assert _links(two, "Mr. Harlan replied.") == [("Harlan", "#james")]


@pytest.mark.parametrize("register", [
    '<person xml:id="f"><persName>Fyodor A. Ilyushkin</persName></person>',
    '<person xml:id="f"><persName>Ilyushkin, Fyodor A.</persName></person>',
    '<person xml:id="f"><persName><forename>Fyodor</forename> <forename>A.</forename> '
    '<surname>Ilyushkin</surname></persName></person>'])
def test_full_patronymic_for_a_registered_initial_spans_the_whole_name(
        tmp_path: Path, register: str) -> None:
    finder = _finder(tmp_path, register)
    assert _links(finder, "Then Fyodor Andreyevich Ilyushkin spoke.") == [
        ("Fyodor Andreyevich Ilyushkin", "#f")]
    assert _links(finder, "Then Fyodor Borisovich Ilyushkin spoke.") == [
        ("Fyodor Borisovich Ilyushkin", None)]


def test_two_letter_initials_are_inside_the_span(tmp_path: Path) -> None:
    finder = _finder(tmp_path, '<person xml:id="y"><persName>Yuri V. Andrianek</persName>'
                               "</person>")
    assert _links(finder, "Cde. Yu. V. Andrianek and Yu.V. ANDRIANEK and Yu. Andrianek") == [
        ("Yu. V. Andrianek", "#y"), ("Yu.V. ANDRIANEK", "#y"), ("Yu. Andrianek", "#y")]


@pytest.mark.parametrize("quoted", ['"Lucho"', "“Lucho”", "'Lucho'"])
def test_quoted_nickname_between_forename_and_surname(tmp_path: Path, quoted: str) -> None:
    finder = _finder(tmp_path, '<person xml:id="l"><persName>Luis Olmedo</persName></person>')
    text = f"We met Luis {quoted} Olmedo."
    assert _links(finder, text) == [(f"Luis {quoted} Olmedo", "#l")]


def test_footnote_marker_after_a_full_stop_ends_the_sentence(tmp_path: Path) -> None:
    finder = _finder(tmp_path, '<person xml:id="v"><persName>Tomás Varela</persName></person>')
    for marker in ("³", "3", ""):
        assert _links(finder, f"It was agreed.{marker} Meanwhile Varela left.") == [
            ("Varela", "#v")], marker


def test_name_glued_to_an_agency_abbreviation(tmp_path: Path) -> None:
    finder = _finder(tmp_path, '<person xml:id="h"><persName>James T. Harlan</persName>'
                               "</person>")
    assert _links(finder, "said HarlanAP and HarlanUPI; Harlanson and HARLANAP are not.") == [
        ("Harlan", "#h"), ("Harlan", "#h")]


@pytest.mark.parametrize("shape", sorted(HARLANS))
def test_header_naming_one_candidate_decides(tmp_path: Path, shape: str) -> None:
    finder = _finder(tmp_path, HARLANS[shape])
    text = "Harlan said he would come."
    assert _links(finder, text) == [("Harlan", None)]
    assert _links(finder, text, ["Letter from Roger Harlan to the Council"]) == [
        ("Harlan", "#roger")]
    # a header naming two of the candidates, or only the surname, decides nothing
    assert _links(finder, text, ["Roger Harlan and James T. Harlan"]) == [("Harlan", None)]
    assert _links(finder, text, ["A letter from Harlan"]) == [("Harlan", None)]


def test_earlier_mention_still_comes_before_the_header(tmp_path: Path) -> None:
    finder = _finder(tmp_path, HARLANS["plain"])
    result = finder.find(["James T. Harlan arrived.", "Harlan said."],
                         header=["Note by Roger Harlan"])
    assert [s.attr("ref") for s in result.spans[1]] == ["#james"]


@pytest.mark.timeout(60)
def test_a_long_line_of_capitalised_names_is_linear(tmp_path: Path) -> None:
    finder = _finder(tmp_path, HARLANS["plain"] + '<person xml:id="o"><persName>Luis Olmedo'
                     "</persName></person>")
    unit = "Harlan Olmedo Roger Harlan Mr. Vance Edith Harlan Luis Olmedo K. L. Brenner "

    def seconds(size: int) -> float:
        line = unit * (size // len(unit))
        began = time.perf_counter()
        finder.find([line])
        return time.perf_counter() - began

    small, large = seconds(25_000), seconds(100_000)
    # four times the text, about four times the time (quadratic would be sixteen)
    assert large < 8 * small + 0.5, (small, large)
