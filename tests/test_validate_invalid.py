"""The suite of deliberately invalid documents: each file's errors, exactly.

Every file in tests/data/validate/invalid/ is a small valid document with one thing broken
(the comment on its second line names it). The table gives every error the project's schema
and the safe parser must report for it: line, column, rule and the message a person reads.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tei.validate import validate_paths

DATA = Path(__file__).parent / "data" / "validate"
INVALID = DATA / "invalid"

# (file stem, line, column, rule, message)
EXPECTED = [
    ('bad-language-ident', 34, 9, 'xsd-value',
     '@ident="English language" on <language> is not a language tag: write a BCP 47 code such as en, ru or sr-Latn'),
    ('bracket-in-pointer', 23, 102, 'xsd-value',
     '@ref="https://archive.example.org/[hsa]" on <orgName> is not a URI reference: write a URL or "#id", with other characters percent-encoded (e.g. [ as %5B)'),
    ('change-date-words', 45, 7, 'iso-date',
     '@when="January 2024" on <change> is not an ISO 8601 date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (e.g. 1962-10-27)'),
    ('closer-without-paragraph', 55, 9, 'xsd-content',
     '<closer> is not allowed here in <div>'),
    ('creation-without-when', 30, 7, 'header-creation-when',
     'the document date has no @when: add creation/date/@when in ISO 8601 (e.g. 1962-11-12), or leave the date empty if the document is undated'),
    ('dangling-resp', 56, 32, 'ref-resolves',
     '@resp="#editor" on <supplied> points to no xml:id in this file: add xml:id="editor" to the element it means, or correct the pointer'),
    ('dangling-sameas', 38, 11, 'ref-resolves',
     '@sameAs="#vik-a" on <person> points to no xml:id in this file: add xml:id="vik-a" to the element it means, or correct the pointer'),
    ('dangling-who', 45, 7, 'ref-resolves',
     '@who="#converter" on <change> points to no xml:id in this file: add xml:id="converter" to the element it means, or correct the pointer'),
    ('date-dotted', 55, 97, 'iso-date',
     '@when="28.02.1958" on <date> is not an ISO 8601 date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (e.g. 1962-10-27)'),
    ('date-impossible', 55, 97, 'iso-date',
     '@when="1958-02-30" on <date> is not an ISO 8601 date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (e.g. 1962-10-27)'),
    ('date-range-reversed', 52, 21, 'date-range-order',
     'the range starts after it ends (@from is later than @to): swap the two values or correct the wrong one'),
    ('date-when-and-range', 52, 21, 'date-when-range',
     'a date has either @when or a range (@from/@to), not both: keep one'),
    ('date-bounds-reversed', 52, 21, 'date-bounds-order',
     'the bounds are the wrong way round (@notBefore is later than @notAfter): swap the two values or correct the wrong one'),
    ('date-when-and-bounds', 52, 21, 'date-bounds-exact',
     'a date has either bounds (@notBefore/@notAfter) or an exact value (@when, @from/@to), not both: keep one'),
    ('date-zone-without-time', 52, 21, 'iso-date',
     '@from="1958-03-01Z" on <date> is not an ISO 8601 date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (e.g. 1962-10-27)'),
    ('duplicate-id-in-file', 38, 30, 'duplicate-id',
     'xml:id "ed" is used twice in this file: give each element its own id'),
    ('empty-revision', 4, 3, 'header-revision',
     'the header records no change: add revisionDesc/change with @when and @who saying how the file was made'),
    ('empty-title', 5, 5, 'header-title',
     "the header has no title: add teiHeader/fileDesc/titleStmt/title with the document's title"),
    ('entity-declaration', 1, 1, 'xml-entity',
     'the document declares entities (board): entities are not expanded for safety; replace each reference with its text'),
    ('footnote-in-abstract', 28, 41, 'xsd-content',
     '<note> is not allowed here in <p>'),
    ('footnote-in-funder', 8, 37, 'xsd-content',
     '<funder> holds text only: the markup inside it is not allowed'),
    ('foreign-element', 55, 93, 'xsd-content',
     '<{urn:example:marks}mark> is not allowed here in <p>'),
    ('head-after-paragraph', 57, 9, 'xsd-content',
     '<head> is not allowed here in <div>'),
    ('label-in-opener', 53, 11, 'xsd-content',
     '<label> is not allowed here in <opener>'),
    ('malformed-attribute-quotes', 50, 17, 'xml-syntax',
     'not well-formed XML: AttValue: " or \' expected'),
    ('malformed-bare-ampersand', 56, 23, 'xml-syntax',
     'not well-formed XML: xmlParseEntityRef: no name'),
    ('malformed-mismatched-tags', 53, 53, 'xml-syntax',
     'not well-formed XML: Opening and ending tag mismatch: seg line 53 and salute'),
    ('malformed-unclosed', 64, 1, 'xml-syntax',
     'not well-formed XML: Premature end of data in tag TEI line 3'),
    ('missing-body', 48, 3, 'xsd-content',
     '<text> is incomplete: <body> missing at the end'),
    ('missing-creation', 4, 3, 'header-creation',
     'the header has no document date: add profileDesc/creation/date (empty when the document is undated)'),
    ('missing-language-ident', 34, 9, 'xsd-attribute',
     '<language> needs @ident'),
    ('missing-language', 4, 3, 'header-language',
     'the header names no language: add profileDesc/langUsage/language with @ident (e.g. ident="en")'),
    ('missing-publication', 5, 5, 'header-publication',
     'the header has no publicationStmt: add fileDesc/publicationStmt with the publisher'),
    ('missing-publisher', 19, 9, 'xsd-content',
     '<idno> is not allowed here in <publicationStmt>; expected <publisher>'),
    ('missing-revision', 4, 3, 'header-revision',
     'the header records no change: add revisionDesc/change with @when and @who saying how the file was made'),
    ('missing-source', 5, 5, 'header-source',
     'the header has no sourceDesc: add fileDesc/sourceDesc with the citation of the source'),
    ('missing-title', 5, 5, 'header-title',
     "the header has no title: add teiHeader/fileDesc/titleStmt/title with the document's title"),
    ('note-both-kinds', 56, 77, 'note-kind',
     'a note in the text is either a footnote (place="foot") or an editorial clarification (type="editorial"): give it exactly one of the two'),
    ('note-in-margin', 55, 140, 'note-kind',
     'a note in the text is either a footnote (place="foot") or an editorial clarification (type="editorial"): give it exactly one of the two'),
    ('note-in-margin', 55, 140, 'xsd-value',
     '@place="margin" on <note> is not a valid value (value must be one of [\'foot\'])'),
    ('note-without-kind', 56, 77, 'note-kind',
     'a note in the text is either a footnote (place="foot") or an editorial clarification (type="editorial"): give it exactly one of the two'),
    ('paragraph-after-closer', 61, 9, 'xsd-content',
     '<p> is not allowed here in <div>'),
    ('text-in-gap', 56, 146, 'xsd-content',
     'text is not allowed directly in <gap>: put it inside a child element'),
    ('text-in-opener', 51, 9, 'xsd-content',
     'text is not allowed directly in <opener>: put it inside a child element'),
    ('unknown-attribute', 50, 7, 'xsd-attribute',
     '@color is not allowed on <div>'),
    ('unknown-element-after-comments', 55, 77, 'xsd-content',
     '<emph> is not allowed here in <p>'),
    ('unknown-element', 55, 90, 'xsd-content',
     '<emph> is not allowed here in <p>'),
    ('wrong-root', 3, 1, 'xsd-content',
     'the root element <{http://www.tei-c.org/ns/2.0}TEI> is not declared by the schema (a TEI file starts with <TEI xmlns="http://www.tei-c.org/ns/1.0">)'),
]


def expected_by_file() -> dict[str, list[tuple[int, int, str, str]]]:
    table: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for name, line, col, rule, message in EXPECTED:
        table[name].append((line, col, rule, message))
    return table


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def report():
    return validate_paths([INVALID])


def test_the_suite_has_at_least_thirty_documents_and_each_is_in_the_table():
    files = sorted(p.stem for p in INVALID.glob("*.xml"))
    assert len(files) >= 30
    assert files == sorted(expected_by_file())


@pytest.mark.parametrize("name", sorted(expected_by_file()))
def test_each_invalid_document_gets_exactly_its_errors(report, name):
    result = next(r for r in report.files if Path(r.file).stem == name)
    assert not result.valid
    found = [(i.line, i.col, i.rule, i.message) for i in result.errors]
    assert found == expected_by_file()[name]


def test_the_whole_suite_is_invalid_and_no_file_is_skipped(report):
    assert len(report.files) == len(list(INVALID.glob("*.xml")))
    assert not report.valid
    assert all(not result.valid for result in report.files)
