"""Person finding on arbitrary text: spans stay inside the text and never overlap."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tei.annotate.persons import PersonFinder, last_word
from tei.person_register import Register

REGISTER = Register.load([Path(__file__).parent / "data" / "persons" / "register.xml"])
FINDERS = (PersonFinder(REGISTER), PersonFinder(REGISTER, tag_unregistered=True))

# Pieces that exercise the finder's edges, mixed with arbitrary characters.
PIECES = st.sampled_from([
    "Ostrovin", "N.S.", "N. S. ", "[", "]", "Mal-", "kov", "Harlan", "Roger ", "President ",
    "Mr. ", "'s", "’", "\n", " ", "Pak ", "[Seong-cheol]", "Tomás", "²", "2", "A. ", "ORSINI",
    "Varela", "Ramón] ", "[...", "de Vries", ",", ".", "Jr.",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=3), st.sampled_from(FINDERS))
# A surname after its own possessive: the possessive is no forename of the second one.
@example(["]Ostrovin's\nOstrovin"], FINDERS[0])
def test_spans_are_inside_and_disjoint(texts: list[str], finder: PersonFinder) -> None:
    result = finder.find(texts)
    assert len(result.spans) == len(texts)
    for text, spans in zip(texts, result.spans, strict=True):
        previous_end = 0
        for span in spans:
            assert 0 <= span.start < span.end <= len(text)
            assert span.start >= previous_end
            assert text[span.start:span.end].strip() == text[span.start:span.end]
            previous_end = span.end
    for mention in result.ambiguous + result.unregistered:
        assert texts[mention.block][mention.start:mention.end] == mention.surface
    assert set(result.mentioned) <= set(finder.register.ids)
    assert finder.find(texts) == result


@given(st.text(alphabet=st.sampled_from(
    ["a", "B", "1", "_", "'", "’", ".", "-", " ", "\n", "\t", "\u00a0", ",", "é", "²", "\x1c"]),
    max_size=14))
def test_last_word_is_where_the_regular_expression_finds_the_word_before_the_end(
        text: str) -> None:
    found = re.search(r"([\w'’.\-]+)\s+$", text)
    assert last_word(text) == (found.start(1) if found else None)
