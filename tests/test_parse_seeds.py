"""The two sample telegrams parsed with exact expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.model import Document
from tei.parse import overlaps, read_document, uncovered

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def kuznetsov() -> Document:
    return read_document(CORPUS / "1962-11-06_kuznetsov-zorin.txt")


@pytest.fixture(scope="module")
def dobrynin() -> Document:
    return read_document(CORPUS / "1962-11-12_dobrynin.txt")


def _joins(doc: Document) -> list[tuple[str, str]]:
    """(text before, text after) every page-break join: three words before, two after."""
    found = []
    for block in doc.blocks:
        for offset in block.breaks:
            found.append((" ".join(block.text[:offset].split()[-3:]),
                          " ".join(block.text[offset:].split()[:2])))
    return found


def test_dobrynin_header(dobrynin: Document) -> None:
    h = dobrynin.header
    assert h.date_line is not None and h.date_line.text == "November 12, 1962"
    assert not hasattr(h, "when")  # the document date is the header stage's, not the parser's
    assert h.title is not None
    assert h.title.text == (
        "Telegram from Soviet Ambassador to the USA A. F. Dobrynin to USSR Foreign Ministry"
    )
    assert h.citation is not None
    assert h.citation.text.startswith('"Telegram from Soviet Ambassador to the USA A. F.')
    assert h.citation.text.endswith(
        "trans. J. Henriksen <https://digitalarchive.umd.edu/document/110442>"
    )
    assert h.url == "https://digitalarchive.umd.edu/document/110442"
    assert h.summary is not None and h.summary.text.startswith("Dobrynin sends the results")
    assert h.summary.text.endswith("lifting of the American quarantine.")
    assert h.original_language is not None and h.original_language.text == "Russian"
    assert [c.text for c in h.contents] == ["Translation - English"]
    assert h.source is not None
    assert h.source.text == (
        "AVP RF; copy obtained by NHK, provided to CWIHP, and on file at National Security "
        "Archive; trans. J. Henriksen."
    )
    assert h.extra == []


def test_dobrynin_body(dobrynin: Document) -> None:
    sections = [b.section for b in dobrynin.blocks]
    assert "opener" not in sections
    paragraphs = [b for b in dobrynin.blocks if b.kind == "p"]
    assert len(paragraphs) == 12
    assert paragraphs[0].text.startswith("Your instructions have been carried out.")
    assert _joins(dobrynin) == [
        ("thought that there", "was room"),
        ("ways by American", "propaganda."),
    ]
    closer = [(b.kind, b.text) for b in dobrynin.blocks if b.section == "closer"]
    assert closer == [("dateline", "12.XI.62"), ("signed", "A. DOBRYNIN")]


def test_dobrynin_footnote(dobrynin: Document) -> None:
    assert [n.n for n in dobrynin.footnotes] == ["1"]
    note = dobrynin.footnotes[0]
    assert note.text.startswith("Nixon had been defeated by his Democratic rival")
    assert note.text.endswith("(New York: St. Martin's Press, 1993), 290.")
    assert dobrynin.source[note.start - 3 : note.start] == "1. "


def test_kuznetsov_header(kuznetsov: Document) -> None:
    h = kuznetsov.header
    assert h.date_line is not None and h.date_line.text == "November 6, 1962"
    assert h.title is not None and h.title.text == (
        "Telegram from Soviet envoys in New York V.V. Kuznetsov and V.A. Zorin to USSR "
        "Foreign Ministry"
    )
    assert h.citation is not None
    assert h.citation.text.endswith(
        "translation by John Henriksen <https://wilson-center.drivingcreative.com/document/110438>"
    )
    assert h.url == "https://wilson-center.drivingcreative.com/document/110438"
    assert h.summary is not None and h.summary.text.startswith("Kuznetsov and Zorin relays")
    assert h.original_language is not None and h.original_language.text == "Russian"
    assert [c.text for c in h.contents] == ["Translation - English"]
    assert h.source is None
    assert kuznetsov.footnotes == []


def test_kuznetsov_body(kuznetsov: Document) -> None:
    opener = [(b.kind, b.attrs.get("type"), b.text)
              for b in kuznetsov.blocks if b.section == "opener"]
    assert opener == [("dateline", None, "6 November 1962"),
                      ("line", "classification", "TOP SECRET")]
    paragraphs = [b for b in kuznetsov.blocks if b.kind == "p"]
    assert len(paragraphs) == 25
    numbered = [p.text[: p.labels[0][1]] for p in paragraphs if p.labels]
    assert numbered == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert _joins(kuznetsov) == [
        ("the whole world", "will see"),
        ("the Soviets would", "fulfill to"),
        ("search for vessels", "of neutral"),
    ]
    closer = [(b.kind, b.text) for b in kuznetsov.blocks if b.section == "closer"]
    assert closer == [("dateline", "6.XI.62"), ("signed", "V. KUZNETSOV"), ("signed", "V. ZORIN")]


@pytest.mark.parametrize("name", ["1962-11-06_kuznetsov-zorin.txt", "1962-11-12_dobrynin.txt"])
def test_seed_loses_nothing(name: str) -> None:
    doc = read_document(CORPUS / name)
    assert uncovered(doc) == []
    assert overlaps(doc) == []
    assert doc.warnings == []
    consumed = {doc.source[c.start : c.end] for c in doc.consumed}
    assert {"**", "Citation:", "Summary:", "Original Language:", "Contents:"} <= consumed
