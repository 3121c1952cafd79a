"""Annotations are attached to the text they belong to; each stage imports only what comes
before it (annotate knows no XML, encode finds nothing, fidelity reads the model)."""

from __future__ import annotations

import ast
from pathlib import Path

from tei.annotate.document import annotate
from tei.convert import make_finders
from tei.parse import read_document
from tei.parse.document import parse_text
from tests.conftest import CORPUS

TEI = Path(__file__).resolve().parent.parent / "tei"
HEADER = "November 6, 1962\n\n**Note from the port**\n\n"


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_spans_are_found_by_the_block_or_footnote_they_belong_to():
    finders = make_finders([CORPUS / "persons.xml", CORPUS / "places.xml"])
    doc = read_document(CORPUS / "1962-11-06_kuznetsov-zorin.txt")
    notes = annotate(doc, finders.persons, finders.entities)
    assert [entry.text for entry in notes.texts] == [*doc.blocks, *doc.footnotes]
    signed = [b for b in doc.blocks if b.kind == "signed"]
    assert [b.text[s.start:s.end] for b in signed for s in notes.spans_of(b)
            if s.kind == "persName"] == ["V. KUZNETSOV", "V. ZORIN"]
    # A text of another document has no spans here, even when equal to one of these.
    other = read_document(CORPUS / "1962-11-06_kuznetsov-zorin.txt")
    assert notes.spans_of(other.blocks[0]) == []


def test_the_parser_gives_each_block_its_source_ranges():
    source = HEADER + "The delegation met the\n\n2\n\nminister at the port.\n"
    doc = parse_text(source, "k4.txt")
    rejoined = next(b for b in doc.blocks if b.text.startswith("The delegation"))
    page = next(b for b in doc.blocks if b.attrs.get("type") == "page-number")
    assert [source[s:e].strip() for s, e in rejoined.source_ranges()] == [
        "The delegation met the", "minister at the port."]
    assert page.source_ranges() == [(page.start, page.end)]


def test_stages_import_only_what_comes_before_them():
    annotate_imports = set().union(*(imports(p) for p in (TEI / "annotate").glob("*.py")))
    assert not {m for m in annotate_imports
                if m in ("lxml", "tei.inline", "tei.encode", "tei.fidelity")
                or m.startswith("lxml.")}
    encode = imports(TEI / "encode.py")
    assert not {m for m in encode if m.startswith(("tei.annotate", "tei.parse", "tei.fidelity"))}
    fidelity = imports(TEI / "fidelity.py")
    assert not {m for m in fidelity if m.startswith(("tei.annotate", "tei.encode"))}
