"""The header stage: the facts of a document as a whole, found once, before encoding."""

from __future__ import annotations

import ast
from pathlib import Path

from tei.annotate.document import annotate
from tei.convert import make_finders
from tei.model import Language, Party
from tei.parse import read_document
from tests.conftest import CORPUS

DOBRYNIN = CORPUS / "1962-11-12_dobrynin.txt"


def test_header_facts_of_a_corpus_document():
    finders = make_finders([CORPUS / "persons.xml", CORPUS / "places.xml"])
    doc = read_document(DOBRYNIN)
    facts = annotate(doc, finders.persons, finders.entities).header
    assert facts.when == facts.date == "1962-11-12"
    assert facts.date_line_is_date
    assert (facts.id, facts.number, facts.number_type) == ("wcda-110442", "110442", "wcda")
    assert facts.translator == "J. Henriksen"
    assert facts.original_language == Language("Russian", "ru")
    assert facts.translation_language == Language("English", "en")
    assert facts.sender == (Party("person", "A. DOBRYNIN", "dobrynin-anatoly"),)
    assert facts.sender_words == "Soviet Ambassador to the USA A. F. Dobrynin"
    assert facts.recipient_words == "USSR Foreign Ministry"
    citation = doc.header.citation.text
    assert [(s.kind, citation[s.start:s.end]) for s in facts.citation] == [
        ("date", "November 12, 1962"), ("orgName", "AVP RF"),
        ("ref", "https://digitalarchive.umd.edu/document/110442")]


def test_the_parser_model_gets_no_facts_written_into_it():
    finders = make_finders([CORPUS / "persons.xml"])
    doc = read_document(DOBRYNIN)
    before = repr(doc.header)
    annotate(doc, finders.persons, finders.entities)
    assert repr(doc.header) == before
    assert not hasattr(doc.header, "when")


def test_encode_finds_no_facts_of_its_own():
    """The encoder maps model and annotations to TEI: no regular expressions, nothing
    from the annotators."""
    source = Path(__file__).parent.parent / "tei" / "encode.py"
    imported = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert "re" not in imported
    assert not [m for m in imported if m.startswith("tei.annotate")]
