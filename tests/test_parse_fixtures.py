"""Whole invented documents in each layout family, read from tests/data/parse/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.model import Document
from tei.parse import overlaps, read_document, uncovered

DATA = Path(__file__).resolve().parent / "data" / "parse"
FILES = sorted(DATA.glob("*.txt"))


def read(name: str) -> Document:
    return read_document(DATA / name)


def blocks(doc: Document, section: str) -> list[tuple[str, str | None, str]]:
    return [(b.kind, b.attrs.get("type"), b.text) for b in doc.blocks if b.section == section]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fixture_loses_nothing(path: Path) -> None:
    doc = read_document(path)
    assert uncovered(doc) == []
    assert overlaps(doc) == []


def test_old_site_polish_telegram() -> None:
    doc = read("polish-telegram.txt")
    h = doc.header
    assert [e.label for e in h.extra] == [
        "Skip to content", "Search in", "Digital Archive International History Declassified"]
    assert h.date_line is not None and h.date_line.text == "November 02, 1962"
    assert h.title is not None
    assert h.title.text == "TELEGRAM FROM THE LEGATION IN OSLO (BERG), 2 NOVEMBER 1962"
    assert h.summary is not None and h.summary.text.startswith("The envoy reports a talk")
    assert h.url == "http://example.org/document/501"
    assert [c.text for c in h.contents] == ["English HTML"]
    assert [t for _, t, _ in blocks(doc, "opener")] == [
        "serial", "transmission", "transmission", "addressee", None]
    body = blocks(doc, "body")
    assert [text[:14] for _, _, text in body] == ["1. The harbour", "2. On the ques"]
    assert body[0][2].endswith("keep this to ourselves.")
    assert blocks(doc, "closer") == [
        ("line", "title", "ENVOY IN OSLO"), ("signed", None, "[signature] (E. BERG)")]
    assert [(n.n, n.text) for n in doc.footnotes] == [
        ("1", "Jan Lind (1905-1979), deputy minister.")]
    assert doc.warnings == []


def test_new_site_layout() -> None:
    doc = read("new-site.txt")
    h = doc.header
    assert h.funder is not None
    assert h.funder.text == (
        "This document was made possible with support from the Example Foundation"
    )
    assert h.summary is not None
    assert h.summary.text == "The embassy reports that the dock strike in Quito has ended."
    labels = [e.label for e in h.extra]
    assert labels == [
        "Skip to content", "Author(s):", "Associated People & Organizations",
        "Subjects Discussed", "Document Information", "Source", "Rights",
        "Original Uploaded Date", "Type", "Language", "Record ID", "Original Classification",
    ]
    assert blocks(doc, "opener") == [
        ("line", "classification", "TOP SECRET"), ("line", "copy", "Copy No. 3"),
        ("salute", None, "Dear Comrade Ruiz,")]
    assert len(blocks(doc, "body")) == 2
    assert blocks(doc, "closer") == [
        ("salute", None, "With comradely greetings,"), ("signed", None, "A. ORLOV")]


def test_bulletin_reprint() -> None:
    doc = read("bulletin-reprint.txt")
    h = doc.header
    assert h.date_line is not None and h.date_line.text == "1960"
    assert h.source is not None and h.source.text.startswith("State Archive, fond 2;")
    assert blocks(doc, "opener") == [
        ("line", "heading", "RECORD OF A CONVERSATION"), ("dateline", None, "24-26 July 1960")]
    body = [b for b in doc.blocks if b.section == "body"]
    assert [b.kind for b in body] == ["p", "p", "p", "p", "head", "p"]
    assert body[1].labels == ((0, len("Envoy Lind:"), "speaker"),)
    assert body[2].breaks == (len("Minister Ott said the question would return at the next "
                                  "meeting, and the envoy "),)
    assert (body[3].text, body[3].attrs) == ("COLD WAR ARCHIVE BULLETIN 341",
                                             {"type": "running-header"})
    assert doc.warnings == []
    assert [(n.n, n.text) for n in doc.footnotes] == [
        ("1", "The minister here means the spring harvest.")]
