"""The unregistered-name patterns, written to let the engine skip to where a name can
start, find what the plain patterns they stand for find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tei.annotate import unregistered as u
from tei.lexicon import TITLES

_PLAIN_AFTER_TITLE = re.compile(
    rf"(?<![\w])(?:{TITLES})\s+"
    rf"(?P<name>(?:{u._INITIALS})?{u._NAME_WORD}(?:[ \t]{u._NAME_WORD}){{0,2}})")
_PLAIN_INITIALS_NAME = re.compile(
    rf"(?<![\w.])(?P<name>(?!U\.[ ]?[SNK]\.){u._INITIALS}[A-ZÀ-Þ]{u._LETTER}{{2,}}"
    rf"(?:['’\-]{u._LETTER}+)*)(?!{u._LETTER})")

_TOKENS = ["Mr.", "Mr", "Dr", "Comrade", "President", "U.S.", "U. S.", "U.N.", "U.K.", "UK",
           "U.", "S.", "A.", "B. ", "É.", "Éric", "Ostrovin", "OSTROVIN", "Ko", "ab", "x", "2",
           " ", "\t", "\n", ".", "'s", "’", "-"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=12))
def test_the_patterns_find_what_the_plain_patterns_find(tokens: list[str]) -> None:
    text = "".join(tokens)
    for fast, plain in ((u._AFTER_TITLE, _PLAIN_AFTER_TITLE),
                        (u._INITIALS_NAME, _PLAIN_INITIALS_NAME)):
        assert [m.span("name") for m in fast.finditer(text)] == \
            [m.span("name") for m in plain.finditer(text)]
