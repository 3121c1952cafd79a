"""The gates of the date recogniser answer as their regular expressions do."""

from __future__ import annotations

import re
import string

import pytest

from tei.annotate import dates_coarse, dates_patterns
from tei.annotate.dates_gates import FOLDS_TO_ASCII, Gate, TextGates

_WORD_GATES = [getattr(module, name) for module in (dates_patterns, dates_coarse)
               for name in dir(module) if name.startswith("HAS_")]


def test_folds_to_ascii_lists_every_character_that_meets_an_ascii_letter() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = [c for c in map(chr, range(128, 0x110000))
             if letter.match(c) or any(ch in string.ascii_letters for ch in c.lower())]
    assert "".join(found) == FOLDS_TO_ASCII


@pytest.mark.parametrize("text", [
    "in the Spring of 1962", "SUMMER", "next week’s meeting — yesterday", "Tomorrow’s",
    "the ſpring", "the \u212aremlin this week", "WİNTER", "wınter", "no such word – here",
    "half", "Monday",
])
@pytest.mark.parametrize("gate", _WORD_GATES)
def test_a_gate_answers_as_its_regex(gate: Gate, text: str) -> None:
    assert TextGates(text).all_open((gate,)) == bool(gate.regex.search(text))


@pytest.mark.parametrize(("gate", "plain"), [
    (dates_patterns.HAS_DOTTED, r"\d\.\d"), (dates_patterns.HAS_HYPHENATED, r"\d-\d"),
    (dates_patterns.HAS_THIS_MONTH, r"\smonth\b"), (dates_patterns.HAS_AND, r"\sand\s"),
])
@pytest.mark.parametrize("text", [
    "1.5", "a.5", "1.", ".5", "1-2", "x-2", "this month", "months", "monthly", "month",
    " month", "this\tmonth.", "and", " and ", "land and", "sand\n", "he and\tshe",
])
def test_a_gate_written_from_its_literal_finds_what_the_plain_pattern_finds(
        gate: Gate, plain: str, text: str) -> None:
    assert bool(gate.regex.search(text)) == bool(re.search(plain, text))
