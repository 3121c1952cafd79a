"""Mutation property test of the whole conversion: real documents, damaged the way a
hand-edited or badly exported file is damaged, either are refused with a message or
convert to TEI that loses no character and that both the project's schema and tei_all
accept.

The seeds are the corpus telegrams and the invented layout fixtures; each example applies
a few edits (lines inserted, deleted, duplicated or capitalised; characters, brackets,
digits, dates, stars, hyphens, odd whitespace or capitalised words inserted; stretches
deleted).
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import event as _event
from hypothesis import strategies as st
from lxml import etree

from tei.convert import convert_document, make_finders
from tei.errors import InputError
from tei.parse import parse_text
from tei.settings import EditionSettings
from tei.validate.runner import Settings, check_file
from tei.validate.schemas import load_grammar
from tests.conftest import CORPUS, TEI_ALL_RNG

DATA = Path(__file__).resolve().parent / "data" / "parse"
SEEDS = sorted(CORPUS.glob("*.txt")) + sorted(DATA.glob("*.txt"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]

EXAMPLES = 1000 if os.environ.get("CI") else 150

# What gets inserted: each family of the issue's list, in shapes the layout knows.
LINES = [
    "", "****", "** **", "**", "**Telegram**", "12. XI. 62", "12.XI.62 A. PETROV",
    "Feb 30, 1962", "february 3, 1962", "March 0000", "0000", "February 30, 1962",
    "[[[x]]]", "[", "]", "[[illegible]]", "1.", "1.1.1.", "- 2 -", "TOP SECRET",
    "Citation:", "Summary:", "Contents:", "Original Language:", "[Source: a file.]",
    "https://example.org/%s/[...]", "<https://example.org/document/5>", "A. PETROV",
    "1. A note.", "2. Another note.", "EDITOR'S NOTES", "word--word", "-- --", "¹",
    "\u00a0", "\u2009", "\u3000", "\u2028", "\u2029", "\u0085", "\t", "Moscow", "The Embassy",
]
PIECES = [
    "[", "]", "[[", "]]", "[[[", "]]]", "[...]", "[--ed.]", "[illegible]", "*", "**",
    "-", "--", "—", "1", "2", "12", "1962", "0000", "1.", "1.1.1.", "12. XI. 62",
    "Feb 30", "february 3, 1962", "November 31, 1962", "%s", " ", "\u00a0", "\u2009",
    "\u3000", "\u2028", "\u2029", "\u0085", "\t", "\n", "\n\n", "Cuba", "Khrushchev",
    "Comrade Berg", "The", "A.", "¹", ":", "/", "(", ")",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines)))
        edit = draw(st.sampled_from(["insert line", "delete line", "duplicate line",
                                     "capitalise line", "insert piece", "delete chars",
                                     "insert char"]))
        if edit == "insert line":
            lines.insert(at, draw(st.sampled_from(LINES)))
            text = "\n".join(lines)
        elif edit == "delete line" and at < len(lines):
            del lines[at]
            text = "\n".join(lines)
        elif edit == "duplicate line" and at < len(lines):
            lines.insert(at, lines[at])
            text = "\n".join(lines)
        elif edit == "capitalise line" and at < len(lines):
            lines[at] = lines[at].upper() if draw(st.booleans()) else lines[at].title()
            text = "\n".join(lines)
        else:
            pos = draw(st.integers(0, len(text)))
            if edit == "insert piece":
                text = text[:pos] + draw(st.sampled_from(PIECES)) + text[pos:]
            elif edit == "insert char":
                text = text[:pos] + draw(st.characters(codec="utf-8")) + text[pos:]
            else:
                text = text[:pos] + text[pos + draw(st.integers(1, 40)):]
    return text


@functools.cache
def finders():
    return make_finders([CORPUS / "persons.xml", CORPUS / "places.xml"])


def schemas() -> tuple[Path | None, ...]:
    """The project's schema (None) and, when it is beside the checkout, tei_all."""
    return (None, TEI_ALL_RNG) if TEI_ALL_RNG.exists() else (None,)


@functools.cache
def grammars():
    return [load_grammar(schema) if schema else load_grammar() for schema in schemas()]


def validation_errors(data: bytes) -> list[str]:
    """Errors of the product's own validator (project schema, tei_all) on written bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.xml"
        path.write_bytes(data)
        checked = check_file(path, grammars(), Settings(schemas=schemas()))
    return [str(issue) for issue in checked.result.issues if issue.severity == "error"]


TEI = "{http://www.tei-c.org/ns/1.0}"


def convert(text: str) -> bytes:
    data, _ = convert_document(parse_text(text, "t.txt"), text, finders(), EditionSettings(),
                               "2024-01-01")
    return data


def assert_converts_or_refuses(text: str) -> None:
    try:
        doc = parse_text(text, "mutated.txt")
    except InputError as error:
        assert error.message, "a refusal must say what is wrong"
        event("refused by the parser")
        return
    try:
        # Any exception but InputError, LosslessError included, fails the test.
        data, _ = convert_document(doc, text, finders(), EditionSettings(), "2024-01-01")
    except InputError as error:
        assert error.message
        event("refused by the converter")
        return
    etree.fromstring(data)
    errors = validation_errors(data)
    assert errors == [], "\n".join(errors[:5])
    event("converted")


# Defects the property found, each the smallest input that showed it.
HEADER = "November 6, 1962\n\n**Telegram from the envoy**\n\n"
FOUND = {
    "impossible date line": "Feb 30, 1962\n\n**Telegram**\n\nThe talk began.",
    "lower-case date line": "february 3, 1962\n\n**Telegram**\n\nThe talk began.",
    "year 0000 date line": "0000\n\n**Telegram**\n\nThe talk began.",
    "roman date opening a paragraph": HEADER + "12. XI. 62 the talk began.",
    "initial read as a roman label": HEADER + "The talk began.\n\nV. ZORIN]]",
    "triple brackets": HEADER + "The [[[x]]] went.",
    "markup in forme work": HEADER + "The envoy met Khrushchev on the\n\n"
                            "KHRUSHCHEV ARCHIVE BULLETIN 12\n\nminister at noon.",
    "url with %s": HEADER + 'Citation:\n\n"Telegram", November 6, 1962, Wilson Center '
                   "Digital Archive, AVP RF. <https://example.org/%s/[...]>\n\nThe talk began.",
    "bracket inside a url": HEADER + 'Citation:\n\n"Telegram", November 6, 1962, Wilson '
                            "Center Digital Archive, AVP RF. "
                            "<http://example.o[--ed.]rg/document/501>\n\nThe talk began.",
    "colon inside a host": HEADER + 'Citation:\n\n"Telegram", November 6, 1962, Wilson '
                           "Center Digital Archive, AVP RF. "
                           "<http://exampl:e.org/document/501>\n\nThe talk began.",
}


@pytest.mark.parametrize("text", FOUND.values(), ids=FOUND.keys())
def test_found_defect_converts_to_valid_tei(text: str) -> None:
    assert_converts_or_refuses(text)


def test_date_line_naming_no_day_is_kept_as_words_not_as_a_date() -> None:
    data = convert(FOUND["impossible date line"])
    creation = etree.fromstring(data).find(f".//{TEI}creation")
    assert creation[0].tag == f"{TEI}date" and not creation[0].text
    assert creation[0].tail == "Feb 30, 1962"


def test_url_that_is_no_uri_gives_no_ref() -> None:
    data = convert(FOUND["url with %s"])
    assert b"<ref" not in data and b"https://example.org/%s/[...]" in data


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_documents_convert_to_valid_tei_or_are_refused(text: str) -> None:
    assert_converts_or_refuses(text)


def event(name: str) -> None:
    """Count an outcome in the statistics (a no-op outside a property run)."""
    try:
        _event(name)
    except Exception:  # called from a plain unit test
        pass
