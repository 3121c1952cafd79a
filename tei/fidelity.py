"""The lossless check: every non-whitespace character of the input is in the TEI.

Three things are checked, and a file that fails any of them is not written:

1. The envelope: the normalised source has the same non-whitespace characters as the
   file as read (only a leading byte-order mark may go).
2. Coverage: every non-whitespace character of the source belongs to exactly one part
   (a header field, a block, a footnote) or to a range consumed by structure (a label,
   the ``**`` of a title, a footnote number that became ``note/@n``), with its reason.
3. Each part: the characters its TEI element gives back, in order, are the characters
   of its source range. An element gives back its text content, except that a footnote
   inside it gives back the marker it replaced (``@n`` in the style of ``@rend``): the
   footnote's own words are compared as a part of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from tei.annotate.footnotes import marker_text
from tei.encode import Part
from tei.errors import LosslessError
from tei.inline import T
from tei.model import Document

_FOOT_NOTE = T("note")


def non_space(text: str) -> str:
    return "".join(text.split())


def check_envelope(raw: str, doc: Document) -> None:
    if non_space(raw.lstrip("\ufeff")) != non_space(doc.source):
        raise LosslessError(f"{doc.name}: normalising line ends and spaces changed the text")


def check(doc: Document, parts: Sequence[Part]) -> None:
    """Raise LosslessError naming the first place where a character went missing."""
    _check_coverage(doc, parts)
    for part in parts:
        ranges = part.source_ranges()
        expected = non_space("".join(doc.source[s:e] for s, e in ranges))
        actual = non_space(source_text(part.element))
        if expected != actual:
            at = _first_difference(expected, actual)
            line = doc.line_of(_offset_of_nth_char(doc.source, ranges, at))
            raise LosslessError(
                f"{doc.name}:{line}: the TEI of this {part.name} does not hold the source "
                f"text: expected …{expected[max(0, at - 20):at + 20]}… but the TEI has "
                f"…{actual[max(0, at - 20):at + 20]}…"
            )


def source_text(element: etree._Element) -> str:
    """The source characters an element stands for (see the module docstring)."""
    out: list[str] = []
    _collect(element, out, top=True)
    return "".join(out)


def _collect(element: etree._Element, out: list[str], top: bool) -> None:
    if not isinstance(element.tag, str):  # comments, processing instructions
        return
    if not top and element.tag == _FOOT_NOTE and element.get("place") == "foot":
        out.append(marker_text(element.get("n", ""), element.get("rend")))
        return
    if element.text:
        out.append(element.text)
    for child in element:
        _collect(child, out, top=False)
        if child.tail:
            out.append(child.tail)


_NON_SPACE = re.compile(r"\S")


def _check_coverage(doc: Document, parts: Sequence[Part]) -> None:
    claims = [(s, e) for p in parts for s, e in p.source_ranges()]
    claims += [(c.start, c.end) for c in doc.consumed]
    if not _coverage_fails(doc.source, claims):
        return
    _explain_coverage(doc, parts)


def _coverage_fails(source: str, claims: list[tuple[int, int]]) -> bool:
    """Whether a non-space character is claimed twice or by no part: over the claims in
    order of start, with regular expressions over the gaps and overlaps, so linear in C."""
    ordered = sorted((s, e) for s, e in claims if s < e)
    if any(s < 0 or e > len(source) for s, e in ordered):
        return True  # the exact check words it (or fails as it always did)
    reach = 0  # the end of the claims so far; everything from a claim's start to it is taken
    for start, end in ordered:
        if start < reach and _NON_SPACE.search(source, start, min(end, reach)):
            return True
        if start > reach and _NON_SPACE.search(source, reach, start):
            return True
        reach = max(reach, end)
    return _NON_SPACE.search(source, reach) is not None


def _explain_coverage(doc: Document, parts: Sequence[Part]) -> None:
    owner: list[str | None] = [None] * len(doc.source)
    claims = [(s, e, p.name) for p in parts for s, e in p.source_ranges()]
    claims += [(c.start, c.end, c.reason) for c in doc.consumed]
    for start, end, name in claims:
        for i in range(start, end):
            if doc.source[i].isspace():
                continue
            if owner[i] is not None:
                raise LosslessError(
                    f"{doc.name}:{doc.line_of(i)}: the same text is placed twice "
                    f"(as {owner[i]} and as {name})")
            owner[i] = name
    for i, ch in enumerate(doc.source):
        if not ch.isspace() and owner[i] is None:
            end = i
            while end < len(doc.source) and doc.source[end] != "\n":
                end += 1
            raise LosslessError(
                f"{doc.name}:{doc.line_of(i)}: this text is not in the TEI: "
                f"{doc.source[i:end][:60]!r}")


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def _offset_of_nth_char(source: str, ranges: Sequence[tuple[int, int]], n: int) -> int:
    """Offset in ``source`` of the n-th non-whitespace character of ``ranges``."""
    seen = 0
    for start, end in ranges:
        for i in range(start, end):
            if not source[i].isspace():
                if seen == n:
                    return i
                seen += 1
    return ranges[-1][1] if ranges else 0
