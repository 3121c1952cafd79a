"""Editorial checks beyond the grammar: things a schema accepts but an editor should see.

Each check has an id (``--ignore ID`` switches it off) and reports warnings, which
``--strict`` turns into errors. ``duplicate-id`` looks across the files of a run and lives in
:mod:`tei.validate.runner`; the others look at one document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from lxml import etree

from tei.namespaces import TEI_NS, XML_ID
from tei.validate.grammar import name_of
from tei.validate.parts import DATE, NAMES, NOTE, PERS_NAME, DocumentParts

NS = {"tei": TEI_NS}
Finding = tuple[etree._Element, str]


# Days a date in the text may lie after the document's date before it is reported. Letters
# and telegrams announce meetings, departures and deadlines for the coming days and weeks
# ("will be removed no later than 10 November"); a wrong year, the mistake the check is
# for, puts a date months away. A month covers the announced schedules while dates one to
# about four months ahead (where a year inferred for a day and month can still land, see
# docs/dates.md) are still reported.
DEFAULT_DATE_GRACE_DAYS = 31


@dataclass(frozen=True)
class CheckOptions:
    date_grace_days: int = DEFAULT_DATE_GRACE_DAYS


Check = Callable[[DocumentParts, CheckOptions], Iterator[Finding]]

# The checks, their ids and what each one means (the text of docs/validation.md).
DESCRIPTIONS = {
    "persname-ref": "a persName in the text has no @ref linking it to a person",
    "ref-dangling": "a persName, placeName or orgName @ref points to no xml:id in the file",
    "date-value": "a date in the text or the citation has no normalised value "
                  "(@when, @from/@to, @notBefore/@notAfter)",
    "footnote-empty": "a footnote (note place=\"foot\") has no text: its marker lost its note",
    "footnote-marker": "a superscript digit in the text outside any note: a footnote marker "
                       "whose note was not made",
    "date-after-document": "a date in the text falls after the document's own date "
                           "(profileDesc/creation/date/@when)",
    "duplicate-id": "an xml:id used by two files of one run (register copies are exempt)",
}


def _snippet(element: etree._Element, limit: int = 40) -> str:
    text = " ".join("".join(element.itertext()).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def persname_ref(parts: DocumentParts, options: CheckOptions) -> Iterator[Finding]:
    for element in parts.in_text(PERS_NAME):
        if element.get("ref") is not None:
            continue
        yield element, (f"persName \"{_snippet(element)}\" has no @ref: link it to a person "
                        "of particDesc (ref=\"#id\"), or leave the name as plain text")


def ref_dangling(parts: DocumentParts, options: CheckOptions) -> Iterator[Finding]:
    for tag in NAMES:
        for element in parts.in_text(tag):
            ref = element.get("ref")
            if not ref or "#" not in ref:
                continue
            for pointer in ref.split():
                if pointer.startswith("#") and pointer[1:] not in parts.ids:
                    yield element, (
                        f"@ref=\"{pointer}\" of {name_of(element)} \"{_snippet(element)}\" "
                        "points to no xml:id in this file: add the entry to "
                        "particDesc/settingDesc, or correct the reference")


_VALUE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")


def date_value(parts: DocumentParts, options: CheckOptions) -> Iterator[Finding]:
    in_text = parts.in_text(DATE)
    # Each date once, as the union of the two paths gives it.
    seen = set(in_text) if parts.source_dates else ()
    dates = [*in_text, *(date for date in parts.source_dates if date not in seen)]
    for element in dates:
        if not any(element.get(name) for name in _VALUE_ATTRIBUTES):
            yield element, (f"date \"{_snippet(element)}\" has no normalised value: add @when "
                            "in ISO 8601 (e.g. 1962-10-27), or @from and @to for a range")


def footnote_empty(parts: DocumentParts, options: CheckOptions) -> Iterator[Finding]:
    for element in parts.notes:
        if element.get("place") != "foot":
            continue
        if not "".join(element.itertext()).strip() and len(element) == 0:
            number = element.get("n")
            label = f"footnote {number}" if number else "a footnote"
            yield element, (f"{label} is empty: its marker has no note; add the footnote's "
                            "text, or remove the marker")


SUPERSCRIPT_DIGITS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_STRING_VALUE = etree.XPath("string()")
_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_SUPERSCRIPT_DIGIT = re.compile(f"[{SUPERSCRIPT_DIGITS}]")
_OUTERMOST_NOTES = etree.XPath(".//tei:note[not(ancestor::tei:note)]", namespaces=NS)
# The text nodes of an element that lie in no note (their parents tell whose text or tail).
_TEXT_OUTSIDE_NOTES = etree.XPath(".//text()[not(ancestor::tei:note)]", namespaces=NS)


def _in_note(element: etree._Element) -> bool:
    return element.tag == NOTE or any(a.tag == NOTE for a in element.iterancestors())


def footnote_marker(parts: DocumentParts, options: CheckOptions) -> Iterator[Finding]:
    # The encoder turns each superscript marker into its note; one left in the text means
    # the note it stood for was not found.
    for body in parts.bodies:
        # Every text and tail looked at below is a text node of the body: none holds a
        # superscript digit when the body's string value holds none.
        in_body = _SUPERSCRIPT_DIGIT.findall(_STRING_VALUE(body))
        if not in_body:
            continue
        if _in_note(body):
            continue  # all of it is a note's text
        # A note's string value is the text of the note below it; when the outermost notes
        # hold every superscript digit of the body, none is outside a note.
        in_notes = sum(len(_SUPERSCRIPT_DIGIT.findall(_STRING_VALUE(note)))
                       for note in _OUTERMOST_NOTES(body))
        if in_notes == len(in_body):
            continue
        for text in _TEXT_OUTSIDE_NOTES(body):
            # Reported at the element whose text or tail it is; the tail of a comment or
            # processing instruction is not read.
            element = text.getparent()
            if element is None or not isinstance(element.tag, str):
                continue
            for m in _SUPERSCRIPT.finditer(text):
                digits = m.group()
                yield element, (f"superscript \"{digits}\" looks like a footnote marker "
                                "without its note: encode it as note place=\"foot\" "
                                f"n=\"{digits.translate(_PLAIN_DIGITS)}\" with its text")


_PLAIN_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "1234567890")


def document_date(root: etree._Element) -> str | None:
    found = _DOCUMENT_DATE(root)
    return str(found[0]) if found else None


_DOCUMENT_DATE = etree.XPath("//tei:profileDesc/tei:creation/tei:date/@when", namespaces=NS,
                             smart_strings=False)


def is_after(value: str, reference: str, grace_days: int = 0) -> bool:
    """``value`` later than ``reference`` (by more than ``grace_days`` when both give a day),
    compared at the precision both share (so ``1962-11-20`` is not after ``1962-11``)."""
    value, reference = value[:10], reference[:10]
    if len(value) == len(reference) == 10:
        try:
            return date.fromisoformat(value) > date.fromisoformat(reference) + timedelta(
                days=grace_days)
        except ValueError:
            pass  # not a calendar date: the grammar reports it; compare as text
    shared = min(len(value), len(reference))
    return value[:shared] > reference[:shared]


_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?")


def date_after_document(parts: DocumentParts, options: CheckOptions) -> Iterator[Finding]:
    reference = document_date(parts.root)
    if not reference or not _ISO.fullmatch(reference):
        return
    # Notes are the editors' words, written after the document: their dates may be later.
    for element in parts.in_text(DATE):
        if element in parts.dates_in_notes:
            continue
        start = element.get("when") or element.get("from") or element.get("notBefore")
        if start and _ISO.fullmatch(start) and is_after(start, reference,
                                                        options.date_grace_days):
            yield element, (f"date {start} (\"{_snippet(element)}\") is after the document's "
                            f"own date {reference}: check the year, or the document date")


DOCUMENT_CHECKS: dict[str, Check] = {
    "persname-ref": persname_ref,
    "ref-dangling": ref_dangling,
    "date-value": date_value,
    "footnote-empty": footnote_empty,
    "footnote-marker": footnote_marker,
    "date-after-document": date_after_document,
}

# Entries that every self-contained file repeats by design: copies of the register and the
# edition's own responsibility statements.
SHARED_ID_ELEMENTS = frozenset(f"{{{TEI_NS}}}{name}"
                               for name in ("person", "place", "org", "respStmt"))


def run_level_ids(root: etree._Element) -> list[tuple[str, etree._Element]]:
    """``(xml:id, element)`` of the ids that must be unique across a run."""
    found = []
    for element in _WITH_ID(root):
        if element.tag in SHARED_ID_ELEMENTS:
            continue
        value = element.get(XML_ID)
        if value:
            found.append((value, element))
    return found


_WITH_ID = etree.XPath("descendant-or-self::*[@xml:id]")
