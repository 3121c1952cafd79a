"""From a place in a generated TEI file back to the lines of the plain-text source.

The archivist edits the ``.txt``; a validation message about ``build/tei/x.xml:94:405``
is of little use to them. During conversion each element the encoder made from a piece
of the source (a paragraph, a footnote, a header field, a name inside a paragraph) is
remembered with that piece's source lines; elements inside it inherit them. The TEI
itself carries nothing of this.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

from lxml import etree

from tei.encode import Encoded
from tei.model import Document
from tei.safe_parser import safe_parser
from tei.validate.safe_xml import Locator

_PARSER = safe_parser()


@dataclass(frozen=True)
class SourceMap:
    """Start tags of the generated file, in order, each with its source lines (or none).

    Kept as arrays of numbers: a build holds the map of every document until validation
    is reported, and a tuple per start tag costs several Python objects each."""

    starts: array  # line << 32 | column of each start tag, in order
    lines: array  # first and last source line of each, -1 and -1 for none

    @classmethod
    def of(cls, placed: list[tuple[tuple[int, int], tuple[int, int] | None]]) -> SourceMap:
        """The map of start tags ``placed`` as ((line, column), source lines or None),
        in order. A tag with the same lines as the one before it is left out: a lookup
        finds the one before, with the same answer (the elements inside a paragraph are
        most of a document's)."""
        starts, lines = array("Q"), array("q")
        last: tuple[int, int] | None = None
        for index, ((line, column), found) in enumerate(placed):
            if index and found == last:
                continue
            starts.append((line << 32) | min(column, _COLUMNS))
            lines.extend(found or (-1, -1))
            last = found
        return cls(starts, lines)

    def lookup(self, line: int, column: int) -> tuple[int, int] | None:
        """First and last source line of the element at or before ``line:column``."""
        index = bisect_right(self.starts, (line << 32) | min(column or 0, _COLUMNS)) - 1
        if index < 0 or self.lines[2 * index] < 0:
            return None
        return self.lines[2 * index], self.lines[2 * index + 1]


_COLUMNS = (1 << 32) - 1  # the largest column a start tag can be given


def _own_lines(doc: Document, encoded: Encoded) -> dict[etree._Element, tuple[int, int]]:
    lines: dict[etree._Element, tuple[int, int]] = {}
    for part in encoded.parts:
        last = max(part.start, part.end - 1)
        lines.setdefault(part.element, (doc.line_of(part.start), doc.line_of(last)))
    for element, (block_start, text, offset) in encoded.anchors.items():
        line = doc.line_of(_source_offset(doc.source, block_start, text, offset))
        lines[element] = (line, line)
    return lines


def _visible(text: str) -> int:
    """How many characters of ``text`` are not white space (as ``\\S`` counts them)."""
    return len("".join(text.split()))


_SPACES = re.compile(r"\s+")


def _source_offset(source: str, block_start: int, text: str, offset: int) -> int:
    """Where an offset into a block's folded text is in the source, as the conversion's
    warnings count it (``tei.annotate.document``): just after the n-th visible character
    from the block's start, n being the visible characters of the text before ``offset``
    (folding changes only white space); past the last one, just after the source's last.
    The source is read on from the block's start a span at a time, each as long as the
    visible characters still missing (so it never passes the one wanted) and a run of
    white space at once: linear in the distance, counted by ``str.split`` rather than
    character by character."""
    wanted = _visible(text[:offset])
    if wanted == 0:
        return block_start
    found, end = 0, block_start
    while True:
        run = _SPACES.match(source, end)
        if run is not None:
            end = run.end()
        if end >= len(source):
            return len(source.rstrip()) or block_start
        span = source[end:end + wanted - found]
        found += _visible(span)
        end += len(span)
        if found == wanted:
            # The span was all visible characters (as many as were missing): the one
            # wanted is its last.
            return end


def source_map(doc: Document, encoded: Encoded, data: bytes) -> SourceMap:
    """The map for ``data``, the serialized bytes of ``encoded``'s tree."""
    own = _own_lines(doc, encoded)
    built = list(encoded.tree.getroot().iter(etree.Element))
    places = _start_tags(data, len(built)) or _located(data)
    placed: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
    inherited: dict[etree._Element, tuple[int, int] | None] = {}
    for made, place in zip(built, places, strict=True):
        parent = made.getparent()
        lines = own.get(made) or (inherited.get(parent) if parent is not None else None)
        inherited[made] = lines
        placed.append((place, lines))
    placed.sort(key=lambda item: item[0])
    return SourceMap.of(placed)


_START_TAG = re.compile(r"<([^\s/><]+)(?=[\s/>])")  # as the validator's Locator finds them


def _start_tags(data: bytes, count: int) -> list[tuple[int, int]] | None:
    """(line, column) of each start tag of ``data`` in order, as the validator reports an
    element's place (``Locator.where``), in one pass over the text; None unless there are
    ``count`` of them. The serializer writes no tag across lines, no comment and no '<' in
    text or attribute values, so the n-th start tag is the n-th element; for any other
    file (more tags than elements) the elements are located one by one."""
    text = data.decode("utf-8", errors="replace")
    places: list[tuple[int, int]] = []
    line, line_start, scanned = 1, 0, 0
    for tag in _START_TAG.finditer(text):
        if tag.group(1)[0] in "?!":
            continue  # the XML declaration, a comment, a doctype: not an element
        start = tag.start()
        newlines = text.count("\n", scanned, start)
        if newlines:
            line += newlines
            line_start = text.rindex("\n", scanned, start) + 1
        scanned = start
        places.append((line, start - line_start + 1))
    return places if len(places) == count else None


def _located(data: bytes) -> list[tuple[int, int]]:
    """(line, column) of each element of ``data`` in document order, found as the
    validator finds them: parsed again and each looked for in its line."""
    parsed = etree.fromstring(data, _PARSER).getroottree()
    locator = Locator(parsed, data)
    return [locator.where(read) for read in parsed.getroot().iter(etree.Element)]
