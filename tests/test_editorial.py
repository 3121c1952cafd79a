"""Editorial brackets: each kind of FORMAT.md section G, with invented wording."""

from __future__ import annotations

import pytest

from tei.annotate.editorial import find_editorial, match_brackets


def kinds(text: str) -> list[tuple[str, str, dict]]:
    spans, _ = find_editorial(text)
    return [(s.kind, text[s.start:s.end], {k: v for k, v in s.attrs if k != "resp"})
            for s in spans]


@pytest.mark.parametrize(
    "text, expected",
    [
        # G2, M11: role or forename supplied before a surname
        ("then [Finance Minister Pavel] Orlov spoke", [("supplied", "Finance Minister Pavel", {})]),
        # G2a: completion after a name, with a hyphen
        ("Mei [Lan] agreed and [Jorge García-] Ruiz", [("supplied", "Lan", {}),
                                                        ("supplied", "Jorge García-", {})]),
        # G3: telegraphese articles and pronouns
        ("[I] told [the] envoy", [("supplied", "I", {}), ("supplied", "the", {})]),
        # G4: gaps of every wording
        ("he said […] and", [("gap", "…", {"reason": "omitted"})]),
        ("he said [...] and", [("gap", "...", {"reason": "omitted"})]),
        ("signed [illegible]", [("gap", "illegible", {"reason": "illegible"})]),
        ("text [Redacted text] more", [("gap", "Redacted text", {"reason": "redacted"})]),
        ("[half-line deleted--ed.]", [("gap", "half-line deleted--ed.",
                                       {"reason": "deleted", "extent": "half-line"})]),
        ("[2 paragraphs (7 lines of source text) not declassified]",
         [("gap", "2 paragraphs (7 lines of source text) not declassified",
           {"reason": "not declassified",
            "extent": "2 paragraphs (7 lines of source text)"})]),
        ("[Translator's note: the next sheet is missing]",
         [("gap", "Translator's note: the next sheet is missing", {"reason": "missing"})]),
        # G6: editor's note ending in --ed. or -ed.
        ("certain provinces [regions--ed.] who", [("editorial", "regions--ed.", {})]),
        ("[in a leader of 4 May-ed.]", [("editorial", "in a leader of 4 May-ed.", {})]),
        # G7: glosses introduced by i.e.
        ("they [i.e., the delegates] left", [("editorial", "i.e., the delegates", {})]),
        # G9: doubt marks
        ("Novak[?] said", [("editorial", "?", {})]),
        ("the cable of 19 [18?] May", [("editorial", "18?", {})]),
        # G10: brackets inside a word
        ("T.[ravers] and Stev[e]ns", [("supplied", "ravers", {}), ("supplied", "e", {})]),
        # G12: presumably / source
        ("[presumably the northern port]", [("editorial", "presumably the northern port", {})]),
    ],
)
def test_bracket_kinds(text, expected):
    assert kinds(text) == expected


def test_double_brackets_are_one_gap_with_two_character_delimiters():
    text = "signed [[illegible signature]]"
    brackets, unmatched = match_brackets(text)
    assert unmatched == []
    assert [(b.width, text[b.open_start:b.close_end]) for b in brackets] == [
        (2, "[[illegible signature]]")]
    assert kinds(text) == [("gap", "illegible signature", {"reason": "illegible"})]


def test_nested_bracket_inside_handwriting_note():
    # G11: a handwriting bracket holding a gap in double brackets
    text = '[handwritten: "for Cde. [[illegible]], at once"]'
    found = kinds(text)
    assert found[0] == ("editorial", 'handwritten: "for Cde. [[illegible]], at once"', {})
    assert ("gap", "illegible", {"reason": "illegible"}) in found


def test_ellipsis_then_name_is_supplied():
    # G5
    assert kinds("[...Orlov] then said") == [("supplied", "...Orlov", {})]


def test_unmatched_brackets_are_reported_not_dropped():
    spans, doubts = find_editorial("an open [bracket and a close] here]")
    assert [(d.offset, d.message) for d in doubts] == [
        (34, "an unmatched ']' is kept as text")]
    assert len(spans) == 1


def test_long_bracket_of_no_known_kind_is_supplied_with_a_doubt():
    text = "[the delegation then walked to the harbour and looked at the ships] ok"
    spans, doubts = find_editorial(text)
    assert [s.kind for s in spans] == ["supplied"]
    assert [d.message for d in doubts] == [
        "a bracket of 12 words fits no known kind; marked as supplied, check it"]


def test_taken_ranges_are_left_alone():
    text = "Peking,[1] he said"
    spans, _ = find_editorial(text, taken=[(7, 10)])
    assert spans == []


def test_bare_number_in_brackets_stays_text_with_a_doubt():
    assert kinds("see [3] below") == []
    _, doubts = find_editorial("see [3] below")
    assert [d.message for d in doubts] == [
        "'[3]' looks like a footnote marker but no footnote has that number; kept as text"]
