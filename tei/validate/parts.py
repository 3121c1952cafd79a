"""The parts of one document that the checks and assertions ask for, each found once.

Six checks each ran an XPath of their own over the whole tree (``//tei:text//tei:persName``,
``//tei:text//tei:date``, ``//tei:note``, ...): together some 0.2 ms per document, more than
libxml2 takes for the grammar. Here one walk below each ``text`` finds
the names, dates and notes of the text, and the rest is found on first use, so each check
filters a short list instead; the fast form of the schema (:mod:`tei.validate.fast`) reads
the same lists for its assertions on the text's dates and notes and on pointers.

The checks also see documents the grammar refused, so nothing is assumed of the structure:
a ``text`` inside another, a ``sourceDesc`` inside the text, a note outside it.
"""

from __future__ import annotations

from functools import cached_property

from lxml import etree

from tei.namespaces import T

TEXT, BODY, NOTE, DATE = T("text"), T("body"), T("note"), T("date")
SOURCE_DESC = T("sourceDesc")
PERS_NAME = T("persName")
NAMES = (PERS_NAME, T("placeName"), T("orgName"))
# What the checks ask of the text.
TEXT_KINDS = (*NAMES, DATE, NOTE)
_IDS = etree.XPath("descendant-or-self::*/@xml:id", smart_strings=False)
# The attributes that point (teidata.pointer): their values, as plain strings.
_POINTERS = etree.XPath("descendant-or-self::*/@ref | descendant-or-self::*/@who"
                       " | descendant-or-self::*/@resp | descendant-or-self::*/@sameAs"
                       " | descendant-or-self::*/@target", smart_strings=False)


class DocumentParts:
    """The parts of the document below ``root`` asked for by the checks, each in document
    order and once (as an XPath ``//tei:text//tei:x`` gives them)."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root

    @cached_property
    def texts(self) -> list[etree._Element]:
        """Every ``text`` element, nested ones too."""
        return list(self.root.iter(TEXT))

    @cached_property
    def _in_text(self) -> dict[str, list[etree._Element]]:
        # Below the outermost texts only: a text inside a text would give its names twice.
        found: dict[str, list[etree._Element]] = {tag: [] for tag in TEXT_KINDS}
        for text in _outermost(self.texts):
            for element in text.iter(*TEXT_KINDS):
                if element is not text:
                    found[element.tag].append(element)
        return found

    def in_text(self, tag: str) -> list[etree._Element]:
        """The elements of one of TEXT_KINDS below some ``text``."""
        return self._in_text[tag]

    @cached_property
    def source_dates(self) -> list[etree._Element]:
        """The dates below some ``sourceDesc``."""
        return [date for source in _outermost(list(self.root.iter(SOURCE_DESC)))
                for date in source.iter(DATE) if date is not source]

    @cached_property
    def notes(self) -> list[etree._Element]:
        """Every note of the document, in the text or not."""
        return list(self.root.iter(NOTE))

    @cached_property
    def dates_in_notes(self) -> set[etree._Element]:
        """The dates inside some note."""
        return {date for note in self.notes for date in note.iter(DATE)}

    @cached_property
    def bodies(self) -> list[etree._Element]:
        """The ``body`` children of the texts."""
        return [body for body in self.root.iter(BODY)
                if (parent := body.getparent()) is not None and parent.tag == TEXT]

    @cached_property
    def ids(self) -> set[str]:
        """Every xml:id value below ``root``."""
        return set(_IDS(self.root))

    @cached_property
    def pointer_values(self) -> list[str]:
        """The values of the pointing attributes, in document order."""
        return _POINTERS(self.root)


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    """The elements (all of one name, in document order) not inside another of them."""
    if len(elements) < 2:
        return elements
    tag = elements[0].tag
    return [element for element in elements
            if not any(ancestor.tag == tag for ancestor in element.iterancestors())]
