"""The plain-text reading version: header block, 72-column paragraphs, opener and closer
lines, footnote markers and notes at the end, and every word of the source in order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from lxml import etree

from tei.render import Renderer, read_tei

DATA = Path(__file__).resolve().parent / "data" / "render"
TEI = "{http://www.tei-c.org/ns/1.0}"
# Footnote markers of the plain-text sources are superscript digits, not words; a marker
# can stand between two words with no space ("demarche¹Sov"), so it becomes a space.
_SUPERSCRIPTS = str.maketrans(dict.fromkeys("⁰¹²³⁴⁵⁶⁷⁸⁹", " "))


def words(text: str) -> list[str]:
    """The words of a text: runs of letters and digits, apostrophes inside words kept."""
    return re.findall(r"\w+(?:['’]\w+)*", text.translate(_SUPERSCRIPTS))


def words_in_order(source_words: Sequence[str], text: str) -> bool:
    """Whether every source word occurs in ``text``, in the same order (other words,
    such as footnote numbers, may come between)."""
    return first_missing_word(source_words, text) is None


def first_missing_word(source_words: Sequence[str], text: str) -> int | None:
    """The index of the first source word not found in order in ``text``, or None."""
    remaining = iter(words(text))
    for index, word in enumerate(source_words):
        if not any(candidate == word for candidate in remaining):
            return index
    return None


def body_words(tei_path: Path) -> list[str]:
    """A TEI body's words in reading order as a source has them: the text without its
    footnotes, then the footnotes."""
    body = etree.parse(str(tei_path)).find(f"{TEI}text/{TEI}body")
    notes = body.findall(f".//{TEI}note[@place='foot']")
    note_words = [w for note in notes for w in words("".join(note.itertext()))]
    for note in notes:
        # Keep the text that follows the note, drop the note itself.
        parent = note.getparent()
        previous = note.getprevious()
        tail = note.tail or ""
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(note)
    return words("".join(body.itertext())) + note_words


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


def text_of(renderer: Renderer, name: str) -> str:
    return renderer.text(read_tei(DATA / name))


def test_words_in_order_detects_missing_and_swapped_words() -> None:
    assert words_in_order(["a", "quick", "fox"], "A a quick [1] brown fox.")
    assert not words_in_order(["quick", "fox"], "the fox is quick")
    assert not words_in_order(["fox", "jumps"], "fox")
    assert first_missing_word(["one", "two", "three"], "one three two") == 2
    assert words("Khrushchev's message¹ was--short") == ["Khrushchev's", "message", "was",
                                                        "short"]
    assert words("after the visit²Sov officials") == ["after", "the", "visit", "Sov",
                                                     "officials"]


@pytest.mark.parametrize("path", sorted(DATA.glob("*.xml")), ids=lambda p: p.stem)
def test_text_contains_every_word_of_the_body_in_order(renderer: Renderer, path: Path) -> None:
    source = body_words(path)
    assert len(source) > 10
    text = renderer.text(read_tei(path))
    missing = first_missing_word(source, text)
    assert missing is None, f"word {missing} ({source[missing]!r}) is missing or out of order"


def test_header_block(renderer: Renderer) -> None:
    text = text_of(renderer, "1958-05-14_varga.xml")
    lines = text.splitlines()
    assert lines[:3] == [
        "Telegram from Envoy to the Northern Isles A. B. Varga to the Ministry of",
        "Coastal Affairs",
        "=" * 72]
    assert lines[4:7] == ["Date: May 14, 1958", "From: Envoy to the Northern Isles A. B. Varga",
                          "To: the Ministry of Coastal Affairs"]
    citation = text.split("Citation:\n\n", 1)[1].split("\n\n", 1)[0]
    assert citation.endswith("<https://archive.example.org/document/900001>")
    summary = text.split("Summary:\n\n", 1)[1].split("\n\n", 1)[0]
    assert summary.startswith("Varga reports a long talk")


def test_lines_are_wrapped_at_72_columns(renderer: Renderer) -> None:
    for path in sorted(DATA.glob("*.xml")):
        for line in renderer.text(read_tei(path)).splitlines():
            assert len(line) <= 72 or " " not in line.strip(), line
    paragraph = text_of(renderer, "1958-05-14_varga.xml").split("\n\n")
    long_lines = [line for block in paragraph for line in block.splitlines()
                  if len(line) > 60]
    assert long_lines, "paragraphs should fill their lines, not break early"


def test_opener_and_closer_lines_as_in_the_source(renderer: Renderer) -> None:
    text = text_of(renderer, "1958-05-14_varga.xml")
    assert "\n\n13 May 1958\nCONFIDENTIAL\nCopy No. 3\n\n" in text
    assert "\n\n14.V.58 A. VARGA\n\n" in text
    two_signers = text_of(renderer, "1958-06-03_varga-moll.xml")
    assert "\n\n3.VI.58 A. VARGA\n\nH. MOLL\n\n" in two_signers + "\n"


def test_footnote_markers_and_notes_at_the_end(renderer: Renderer) -> None:
    text = text_of(renderer, "1958-05-14_varga.xml")
    assert "before June.[1] He asked" in text
    assert "could not be read.[2]" in text
    notes = text.split("\nNotes\n\n", 1)[1]
    assert notes.splitlines() == [
        "[1] The northern route was closed by ice between January and April that",
        "    year.",
        "[2] A second copy of the letter is lost.",
        "[3] A pencilled line in the margin reads \"seen\"."]
    assert text.endswith("\"seen\".\n")


def test_editorial_insertions_keep_their_brackets(renderer: Renderer) -> None:
    text = " ".join(text_of(renderer, "1958-05-14_varga.xml").split())
    assert "even [the deputy harbour master] Lund" in text
    assert "districts [parishes--ed.] wrote" in text
    assert "letter was [illegible] and" in text
    # The page-break join leaves the sentence whole.
    assert "finished in the autumn if" in text


def test_document_without_notes_has_no_notes_block(renderer: Renderer) -> None:
    text = text_of(renderer, "1957-11_brask.xml")
    assert "Notes" not in text
    assert "From: the Harbour Office of the Eastern Port (Brask)" in text
    assert "\nTo:" not in text
