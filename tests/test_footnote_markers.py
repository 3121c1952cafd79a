"""Footnote markers (FORMAT.md F1-F5, F10): found only where the number is the next one."""

from __future__ import annotations

from tei.annotate.footnotes import find_markers
from tei.model import marker_text


def found(texts, numbers):
    return [[(t[s.start:s.end], s.attr("n"), s.attr("rend")) for s in spans]
            for t, spans in zip(texts, find_markers(texts, numbers), strict=True)]


def test_superscript_after_punctuation():  # F1
    assert found(["the talks,¹ he"], ["1"]) == [[("¹", "1", "superscript")]]


def test_digit_glued_to_caps_surname():  # F2
    assert found(["From: [Ambassador Jan] NOWAK2"], ["2"]) == [[("2", "2", None)]]


def test_digit_after_punctuation():  # F3
    assert found(["KOWALSKI,1 URGENT", "message from N.S. Orlov.2"], ["1", "2"]) == [
        [("1", "1", None)], [("2", "2", None)]]


def test_digit_after_space_behind_capitals():  # F4
    assert found(["NOWAK 1 arrived"], ["1"]) == [[("1", "1", None)]]


def test_bracketed_marker():  # F5
    assert found(["Peking,[1] they", "[2] who said"], ["1", "2"]) == [
        [("[1]", "1", "bracket")], [("[2]", "2", "bracket")]]


def test_numbers_that_are_not_markers():
    texts = ["Copy No.1 of the IL-28 planes, 1,000 men, on 12 May 1962, within 30 days"]
    assert found(texts, ["1", "2", "3"]) == [[]]


def test_markers_must_come_in_order():
    # "2" appears before "1": only the marker of footnote 1 is taken, then 2 after it.
    assert found(["a2 b,1 c.2"], ["1", "2"]) == [[("1", "1", None), ("2", "2", None)]]


def test_footnote_without_marker_is_left_waiting():  # F10
    assert found(["no markers here"], ["1"]) == [[]]


def test_marker_text_round_trip():
    assert marker_text("12", "superscript") == "¹²"
    assert marker_text("3", "bracket") == "[3]"
    assert marker_text("4", None) == "4"


def test_superscript_without_footnote_is_reported():
    from tei.annotate.footnotes import stray_superscripts

    text = "first,¹ then² and ³"
    assert stray_superscripts(text, [(6, 7)]) == [(12, "²"), (18, "³")]
