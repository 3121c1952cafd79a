"""Whitespace that is not layout survives conversion: no-break, thin and ideographic
spaces, line and paragraph separators and next-line characters inside the text are kept,
and the lossless check tells them from an ASCII space."""

from __future__ import annotations

import pytest
from lxml import etree

from tei.convert import convert_document, make_finders
from tei.errors import LosslessError
from tei.fidelity import check, check_envelope
from tei.model import Document, Header, Part
from tei.parse import parse_text
from tei.settings import EditionSettings

TEI = "{http://www.tei-c.org/ns/1.0}"
CHARACTERS = {"NBSP": "\u00a0", "thin space": "\u2009", "ideographic space": "\u3000",
              "line separator": "\u2028", "paragraph separator": "\u2029",
              "next line": "\u0085"}
IDS = list(CHARACTERS)


def convert(text: str) -> etree._Element:
    data, _ = convert_document(parse_text(text, "w.txt"), text, make_finders([]),
                               EditionSettings(), "2024-01-01")
    return etree.fromstring(data)


@pytest.mark.parametrize("char", CHARACTERS.values(), ids=IDS)
def test_kept_inside_a_paragraph_a_title_and_at_a_line_end(char: str) -> None:
    text = (f"November 6, 1962\n\n**Telegram{char}from the envoy**\n\n"
            f"The sum was 10{char}000 roubles.{char}\nIt was paid.\n")
    root = convert(text)
    assert root.findtext(f".//{TEI}titleStmt/{TEI}title") == f"Telegram{char}from the envoy"
    assert root.findtext(f".//{TEI}body//{TEI}p") == (
        f"The sum was 10{char}000 roubles.{char} It was paid.")


@pytest.mark.parametrize("char", CHARACTERS.values(), ids=IDS)
def test_a_line_of_only_such_whitespace_is_a_blank_line(char: str) -> None:
    root = convert(f"November 6, 1962\n\n**Telegram**\n\nThe first.\n{char}\nThe second.\n")
    assert [p.text for p in root.iterfind(f".//{TEI}body//{TEI}p")] == ["The first.",
                                                                     "The second."]


def test_the_encoding_description_says_what_is_normalised() -> None:
    root = convert("November 6, 1962\n\n**Telegram**\n\nThe first.\n")
    said = root.findtext(f".//{TEI}normalization/{TEI}p")
    assert "no-break" in said and "kept" in said


@pytest.mark.parametrize("char", CHARACTERS.values(), ids=IDS)
def test_the_lossless_check_tells_it_from_a_space(char: str) -> None:
    source = f"10{char}000"
    doc = Document("w.txt", source, Header(), [], [])
    p = etree.fromstring('<p xmlns="http://www.tei-c.org/ns/1.0">10 000</p>')
    with pytest.raises(LosslessError):
        check(doc, [Part("block", 0, len(source), p)])
    with pytest.raises(LosslessError):
        check_envelope(source, Document("w.txt", "10 000", Header(), [], []))
