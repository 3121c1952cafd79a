"""Person names in running text: every form of FORMAT.md section M, with invented names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.annotate.persons import PersonFinder, PersonResult
from tei.person_register import Register

DATA = Path(__file__).parent / "data" / "persons"


@pytest.fixture(scope="module")
def finder() -> PersonFinder:
    return PersonFinder(Register.load([DATA / "register.xml"]))


def tagged(result: PersonResult, texts: list[str]) -> list[tuple[str, str | None]]:
    return [(text[s.start:s.end], s.attr("ref"))
            for text, spans in zip(texts, result.spans, strict=True) for s in spans]


def run(finder: PersonFinder, *texts: str) -> list[tuple[str, str | None]]:
    return tagged(finder.find(list(texts)), list(texts))


OSTROVIN = "#ostrovin-nikolai"


@pytest.mark.parametrize("text, surface", [
    ("Comrade N.S. Ostrovin replied.", "N.S. Ostrovin"),           # M1, M6
    ("and N. S. Ostrovin agreed", "N. S. Ostrovin"),               # M1 spaced
    ("a note from NS Ostrovin today", "NS Ostrovin"),              # initials without dots
    ("A letter of N S Ostrovin.", "N S Ostrovin"),                 # K11 punctuation lost
    ("the view of N.S.Ostrovin was", "N.S.Ostrovin"),              # M1a no space
    ("Nikolai Ostrovin spoke", "Nikolai Ostrovin"),
    ("Nikolai S. Ostrovin spoke", "Nikolai S. Ostrovin"),
    ("Then OSTROVIN said", "OSTROVIN"),                            # M3 capitals
    ("Then N. S. OSTROVIN said", "N. S. OSTROVIN"),
    ("Com. Ostrovin and comr. Ostrovin", "Ostrovin"),
    ("Chairman Ostrovin", "Ostrovin"),
])
def test_initials_spacing_capitals_and_honorifics(finder: PersonFinder, text: str,
                                                  surface: str) -> None:
    found = run(finder, text)
    assert found[0] == (surface, OSTROVIN)


def test_honorific_stays_outside_the_span(finder: PersonFinder) -> None:
    text = "Cdes. Ostrovin and Malkov, Mr. Okonkwo, Mme. Lindgren and Dr. Okonkwo met."
    found = run(finder, text)
    assert [s for s, _ in found] == ["Ostrovin", "Malkov", "Okonkwo", "Lindgren", "Okonkwo"]
    assert not any(s.startswith(("Cde", "Mr", "Mme", "Dr")) for s, _ in found)


@pytest.mark.parametrize("text, surface, ref", [
    ("N.S. Ostrovin's letter", "N.S. Ostrovin", OSTROVIN),         # M9
    ("Tomás’s reply", "Tomás", "#varela-tomas"),                   # curly possessive
    ("in OSTROVIN's view", "OSTROVIN", OSTROVIN),
])
def test_possessive_stays_outside_the_span(finder: PersonFinder, text: str, surface: str,
                                           ref: str) -> None:
    assert run(finder, text) == [(surface, ref)]


def test_joint_possessive(finder: PersonFinder) -> None:
    assert run(finder, "Malkov's and Lindgren's proposals") == [
        ("Malkov", "#malkov-anton"), ("Lindgren", "#lindgren-eva")]


def test_name_split_by_a_line_break(finder: PersonFinder) -> None:
    text = "a telegram from A. I.\nAleksandrov to the ministry and Andrei\nAleksandrov"
    assert run(finder, text) == [("A. I.\nAleksandrov", "#aleksandrov-andrei"),
                                 ("Andrei\nAleksandrov", "#aleksandrov-andrei")]


def test_name_split_by_end_of_line_hyphenation(finder: PersonFinder) -> None:
    assert run(finder, "then Mal-\nkov's answer and Mal-kov again") == [
        ("Mal-\nkov", "#malkov-anton"), ("Mal-kov", "#malkov-anton")]


def test_longest_variant_wins_over_its_surname(finder: PersonFinder) -> None:
    assert run(finder, "Andrei Aleksandrovsky came") == [
        ("Andrei Aleksandrovsky", "#aleksandrov-andrei")]


@pytest.mark.parametrize("text, surface", [
    ("[Nikolai] Ostrovin said", "[Nikolai] Ostrovin"),
    ("[Nikolai S.] Ostrovin said", "[Nikolai S.] Ostrovin"),
    ("[Ruritanian Premier Nikolai S.] Ostrovin said", "Ostrovin"),  # M11: more than a name
    ("[Premier] Ostrovin said", "Ostrovin"),
])
def test_supplied_forename_in_brackets(finder: PersonFinder, text: str, surface: str) -> None:
    assert run(finder, text) == [(surface, OSTROVIN)]


def test_bracket_completing_a_name_after_it(finder: PersonFinder) -> None:
    assert run(finder, "Pak [Seong-cheol] arrived") == [("Pak [Seong-cheol]", "#pak-seongcheol")]
    assert run(finder, "Tomás [Varela]'s position") == [("Tomás [Varela]", "#varela-tomas")]


def test_name_inside_an_ellipsis_bracket(finder: PersonFinder) -> None:
    text = "[...Malkov] then stated"
    found = finder.find([text])
    span = found.spans[0][0]
    assert (text[span.start:span.end], span.attr("ref")) == ("Malkov", "#malkov-anton")


def test_family_name_first(finder: PersonFinder) -> None:
    assert run(finder, "Cdes. Pak Seong-cheol and Tran Van Loc agreed; Pak Song-cheol left.") == [
        ("Pak Seong-cheol", "#pak-seongcheol"), ("Tran Van Loc", "#tran-van-loc"),
        ("Pak Song-cheol", "#pak-seongcheol")]


def test_plain_non_western_name_is_not_cut_to_its_last_word(finder: PersonFinder) -> None:
    assert run(finder, "Loc said nothing; Van Loc neither.") == []


def test_diacritics_insensitive(finder: PersonFinder) -> None:
    assert run(finder, "Ortegui and Orteguí, KOWIEN and Kowień") == [
        ("Ortegui", "#orteguí-osvaldo"), ("Orteguí", "#orteguí-osvaldo"),
        ("KOWIEN", "#kowien-jan"), ("Kowień", "#kowien-jan")]


def test_spelling_variant_from_the_register(finder: PersonFinder) -> None:
    assert run(finder, "Raymon Varela inspected the troops.") == [
        ("Raymon Varela", "#varela-ramon")]


def test_particle_in_capitals_or_title_case(finder: PersonFinder) -> None:
    assert run(finder, "De Vries and de Vries and Pieter de Vries") == [
        ("De Vries", "#de-vries-pieter"), ("de Vries", "#de-vries-pieter"),
        ("Pieter de Vries", "#de-vries-pieter")]


def test_see_entry_links_to_the_main_entry(finder: PersonFinder) -> None:
    assert run(finder, "Tomás Varela Ruiz spoke") == [("Tomás Varela Ruiz", "#varela-tomas")]


def test_suffix_belongs_to_the_name(finder: PersonFinder) -> None:
    assert run(finder, "Emilio Quintero, Jr. arrived") == [
        ("Emilio Quintero, Jr.", "#quintero-emilio")]


def test_signer_in_capitals(finder: PersonFinder) -> None:
    assert run(finder, "3.XI.62 A. DOBROV") == [("A. DOBROV", "#dobrov-anatol")]


def test_unknown_forename_spelling_of_the_same_person(finder: PersonFinder) -> None:
    assert run(finder, "Anatoly F. Dobrov and Anatoly Dobrov") == [
        ("Anatoly F. Dobrov", "#dobrov-anatol"), ("Anatoly Dobrov", "#dobrov-anatol")]


# -- ambiguity --------------------------------------------------------------------------

def test_shared_surname_without_context_is_ambiguous(finder: PersonFinder) -> None:
    text = "Harlan said the talks went well."
    result = finder.find([text])
    assert tagged(result, [text]) == [("Harlan", None)]
    assert [(m.surface, m.candidates) for m in result.ambiguous] == [
        ("Harlan", ("harlan-james", "harlan-roger"))]
    assert result.mentioned == []


def test_office_in_the_note_resolves_the_title(finder: PersonFinder) -> None:
    # The brother's note mentions "the President" but only the other held the office.
    assert run(finder, "President Harlan and Attorney General Harlan met.") == [
        ("Harlan", "#harlan-james"), ("Harlan", "#harlan-roger")]


def test_full_name_earlier_in_the_document_resolves(finder: PersonFinder) -> None:
    texts = ["Roger Harlan came in the evening.", "Later Harlan said no.", "R. Harlan left."]
    result = finder.find(texts)
    assert tagged(result, texts) == [("Roger Harlan", "#harlan-roger"),
                                     ("Harlan", "#harlan-roger"), ("R. Harlan", "#harlan-roger")]
    assert result.ambiguous == []
    assert result.mentioned == ["harlan-roger"]


def test_both_named_earlier_stays_ambiguous(finder: PersonFinder) -> None:
    texts = ["Roger Harlan and President Harlan spoke.", "Harlan then left."]
    result = finder.find(texts)
    assert tagged(result, texts)[-1] == ("Harlan", None)
    assert len(result.ambiguous) == 1


def test_shared_surname_resolved_by_forename_in_brackets(finder: PersonFinder) -> None:
    texts = ["[Defense Minister Ramón] Varela arrived; then Varela left."]
    found = run(finder, *texts)
    assert found == [("Varela", "#varela-ramon"), ("Varela", "#varela-ramon")]


def test_office_in_brackets_stays_outside_and_unresolved_alone(finder: PersonFinder) -> None:
    assert run(finder, "[the minister] Varela arrived.") == [("Varela", None)]


def test_forename_of_nobody_registered_is_never_linked(finder: PersonFinder) -> None:
    text = "Both Benito Varela and W. Y. Okonkwo were absent. Roger Okonkwo came."
    result = finder.find([text])
    assert tagged(result, [text]) == [("Benito Varela", None), ("W. Y. Okonkwo", None),
                                      ("Roger Okonkwo", None)]
    assert {m.surface for m in result.ambiguous} == {
        "Benito Varela", "W. Y. Okonkwo", "Roger Okonkwo"}


def test_word_opening_a_sentence_is_not_taken_for_a_forename(finder: PersonFinder) -> None:
    assert run(finder, "Ask Okonkwo first. Suggest Malkov.") == [
        ("Okonkwo", "#okonkwo"), ("Malkov", "#malkov-anton")]


def test_mentioned_in_first_mention_order(finder: PersonFinder) -> None:
    result = finder.find(["Malkov and Lindgren.", "Lindgren, Okonkwo and Malkov."])
    assert result.mentioned == ["malkov-anton", "lindgren-eva", "okonkwo"]


# -- unregistered names -----------------------------------------------------------------

def test_unregistered_person_like_names_are_reported_not_tagged(finder: PersonFinder) -> None:
    text = ("Mr. Fenwick met Ambassador Grisholm and K. L. Brannigan; the note went to "
            "Comrade Ostrovin.")
    result = finder.find([text])
    assert [(m.surface, m.start) for m in result.unregistered] == [
        ("Fenwick", 4), ("Grisholm", 27), ("K. L. Brannigan", 40)]
    assert tagged(result, [text]) == [("Ostrovin", OSTROVIN)]


def test_unregistered_signer_in_capitals(finder: PersonFinder) -> None:
    result = finder.find(["Body text.", "5.XI.62 P. ORSINI", "ORSINI"])
    assert [(m.block, m.surface) for m in result.unregistered] == [
        (1, "P. ORSINI"), (2, "ORSINI")]


def test_tag_unregistered_adds_spans_without_ref() -> None:
    finder = PersonFinder(Register.load([DATA / "register.xml"]), tag_unregistered=True)
    text = "Mr. Fenwick's view"
    assert run(finder, text) == [("Fenwick", None)]


@pytest.mark.parametrize("text", [
    "The General Assembly met on 5 November in New York.",
    "Mr. President, the Red Cross will inspect.",
    "President of the Republic and the Secretary General spoke.",
    "TOP SECRET",
    "URGENT",
    "Copy No. 1",
    "the U.S. Government and the U.N. Secretariat",
    "Ambassador to Westland",
])
def test_places_bodies_and_offices_are_not_persons(finder: PersonFinder, text: str) -> None:
    result = finder.find([text])
    assert result.unregistered == []
    assert tagged(result, [text]) == []


def test_deterministic(finder: PersonFinder) -> None:
    texts = ["Harlan and Roger Harlan.", "Mr. Fenwick, Malkov, Varela."]
    assert finder.find(texts) == finder.find(texts)


def test_empty_register_finds_nothing_but_reports_names() -> None:
    finder = PersonFinder(Register([]))
    result = finder.find(["Mr. Fenwick met Ostrovin."])
    assert result.spans == [[]]
    assert [m.surface for m in result.unregistered] == ["Fenwick"]


def test_modules_name_no_real_person() -> None:
    """Everything person-specific comes from a register, never from the code."""
    root = Path(__file__).resolve().parent.parent
    sources = [root / "tei" / "person_register.py", root / "tei" / "lexicon.py",
               root / "tei" / "annotate" / "persons.py",
               root / "tei" / "annotate" / "unregistered.py",
               *sorted((root / "tei" / "annotate").glob("names_*.py"))]
    code = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    registers = [root / "corpus" / "persons.xml"]
    frus = root.parent / "shared" / "eval" / "frus-dev" / "register"
    registers += sorted(frus.glob("*.xml")) if frus.is_dir() else []
    register = Register.load(registers)
    surnames = {n.surname for p in register.persons.values() for n in p.names if n.surname}
    import re
    found = sorted(s for s in surnames
                   if re.search(r"(?<![\w])" + re.escape(s) + r"(?![\w])", code))
    assert found == []
    assert not re.search(r"frus", code, re.IGNORECASE)


@pytest.mark.parametrize("text, surface", [
    ("a letter from Ostrovin² said", "Ostrovin"),          # F1 superscript marker
    ("From: [Premier] OSTROVIN2, URGENT", "OSTROVIN"),      # F2 digit glued to capitals
    ("talks in Moscow.¹Ostrovin had left", "Ostrovin"),       # marker before the next word
])
def test_footnote_marker_glued_to_a_name(finder: PersonFinder, text: str, surface: str) -> None:
    assert run(finder, text) == [(surface, OSTROVIN)]


@pytest.mark.parametrize("text", ["SUBJECT", "PARTICIPANTS", "CIA", "E. If he agrees"])
def test_headings_and_acronyms_are_not_signers(finder: PersonFinder, text: str) -> None:
    assert finder.find([text]).unregistered == []


def test_unregistered_name_ends_before_a_footnote_marker(finder: PersonFinder) -> None:
    assert [m.surface for m in finder.find(["Mr. Fenwick² agreed."]).unregistered] == [
        "Fenwick"]


def test_initial_completed_in_brackets_inside_a_word(finder: PersonFinder) -> None:
    assert run(finder, "a talk with M.[alkov] and L[indgren]") == [
        ("M.[alkov]", "#malkov-anton"), ("L[indgren]", "#lindgren-eva")]


def test_vice_office_is_not_the_office(tmp_path: Path) -> None:
    path = tmp_path / "two.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
        '<person xml:id="a"><persName>Brandis, Ada</persName><note>Vice President.</note></person>'
        '<person xml:id="b"><persName>Brandis, Bo</persName><note>President.</note></person>'
        "</listPerson></standOff></TEI>", encoding="utf-8")
    finder = PersonFinder(Register.load([path]))
    assert run(finder, "President Brandis and Vice President Brandis") == [
        ("Brandis", "#b"), ("Brandis", "#a")]


@pytest.mark.parametrize("text", ["the Harlan Library holds it", "under the Malkov Plan",
                                  "at Ostrovin Square"])
def test_institutions_named_after_a_person_are_not_mentions(finder: PersonFinder,
                                                            text: str) -> None:
    assert run(finder, text) == []


def test_forename_with_surname_in_capitals(finder: PersonFinder) -> None:
    assert run(finder, "Emilio QUINTERO and Osvaldo ORTEGUÍ") == [
        ("Emilio QUINTERO", "#quintero-emilio"), ("Osvaldo ORTEGUÍ", "#orteguí-osvaldo")]


@pytest.mark.parametrize("honorific", [
    "Comrade", "comrade", "Com.", "com.", "Comr.", "comrs.", "Cde.", "Cdes.", "Comrades",
    "Mr.", "Mrs.", "Mme.", "Madame", "Dr.", "President", "Premier", "Chairman", "Secretary",
    "Ambassador", "General", "Marshal", "Minister", "Senator", "Chancellor",
    "Chargé d'Affaires",
])
def test_every_honorific_stays_outside(finder: PersonFinder, honorific: str) -> None:
    text = f"We met {honorific} Malkov and {honorific} Tran Van Loc."
    assert run(finder, text) == [("Malkov", "#malkov-anton"), ("Tran Van Loc", "#tran-van-loc")]


def test_title_with_full_name_outside(finder: PersonFinder) -> None:
    assert run(finder, "Premier Tomás Varela and Defense Minister Ramón Varela") == [
        ("Tomás Varela", "#varela-tomas"), ("Ramón Varela", "#varela-ramon")]


def test_diminutive_of_a_registered_forename(finder: PersonFinder) -> None:
    # "Kolya" is the familiar form of "Nikolai": the same person, linked.
    assert run(finder, "and Kolya Ostrovin said") == [("Kolya Ostrovin", OSTROVIN)]


def test_no_break_space_inside_a_name(finder: PersonFinder) -> None:
    assert run(finder, "N.S.\u00a0Ostrovin and Roger\u00a0Harlan") == [
        ("N.S.\u00a0Ostrovin", OSTROVIN), ("Roger\u00a0Harlan", "#harlan-roger")]


def test_surname_that_is_a_common_word_opening_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "word.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
        '<person xml:id="w"><persName>Mason, Ira</persName></person>'
        "</listPerson></standOff></TEI>", encoding="utf-8")
    finder = PersonFinder(Register.load([path]))
    # The word: the document uses it in lower case and the person is not named before.
    assert run(finder, "Mason work was delayed. The mason came late.") == []
    # The person: named before, or with a title, or where the word is not used.
    assert run(finder, "Ira Mason came. Mason work was his. The mason left.") == [
        ("Ira Mason", "#w"), ("Mason", "#w")]
    assert run(finder, "Mr. Mason came. The mason left.") == [("Mason", "#w")]
    assert run(finder, "Mason came late.") == [("Mason", "#w")]


def test_office_words_in_another_order(finder: PersonFinder) -> None:
    # "Defense Minister" is the note's "Minister of Defense", not "Prime Minister".
    assert run(finder, "Defense Minister Varela and Prime Minister Varela met.") == [
        ("Varela", "#varela-ramon"), ("Varela", "#varela-tomas")]
