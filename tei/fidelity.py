"""The lossless check: every character of the input but layout whitespace is in the TEI.

Layout whitespace is spaces, tabs and line ends (``LAYOUT_WHITESPACE``); a no-break, thin
or ideographic space, a line or paragraph separator or a next-line character inside the
text is a character like any other. Three things are checked, and a file that fails any
of them is not written:

1. The envelope: the normalised source has the same characters as the file as read,
   except that a leading byte-order mark, line ends, spaces and tabs, and the lines that
   hold only whitespace (blank lines, FORMAT.md K5) may go.
2. Coverage: every such character of the source belongs to exactly one part
   (a header field, a block, a footnote) or to a range consumed by structure (a label,
   the ``**`` of a title, a footnote number that became ``note/@n``), with its reason.
3. Each part: the characters its TEI element gives back, in order, are the characters
   of its source range. An element gives back its text content, except that a footnote
   inside it gives back the marker it replaced (``@n`` in the style of ``@rend``): the
   footnote's own words are compared as a part of their own; and an italic ``hi`` or
   ``title`` gives back the source's ``*`` or ``_`` either side, which its ``@rend``
   records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from tei.errors import LosslessError
from tei.model import LAYOUT_WHITESPACE, Document, Part, delimiter, marker_text
from tei.namespaces import T
from tei.parse.envelope import layout_free

_FOOT_NOTE = T("note")
_EMPHASIS = (T("hi"), T("title"))


def non_space(text: str) -> str:
    """``text`` less its layout whitespace (a no-break or thin space is kept: it is text)."""
    # Three replacements of one character each, several times quicker than a regex.
    return text.replace(" ", "").replace("\t", "").replace("\n", "")


def check_envelope(raw: str, doc: Document) -> None:
    expected, actual = layout_free(raw), non_space(doc.source)
    if expected != actual:
        at = _first_difference(expected, actual)
        raise LosslessError(
            f"{doc.name}: normalising line ends and spaces changed the text: expected "
            f"…{expected[max(0, at - 20):at + 20]!r}… but the source read has "
            f"…{actual[max(0, at - 20):at + 20]!r}…")


def check(doc: Document, parts: Sequence[Part]) -> None:
    """Raise LosslessError naming the first place where a character went missing."""
    _check_title_markup(doc)
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
    mark = delimiter(element.get("rend")) if element.tag in _EMPHASIS else ""
    out.append(mark)
    if element.text:
        out.append(element.text)
    for child in element:
        _collect(child, out, top=False)
        if child.tail:
            out.append(child.tail)
    out.append(mark)


_VISIBLE = re.compile(r"[^ \t\n]")


def _check_title_markup(doc: Document) -> None:
    """Characters consumed as the ``**`` of a title are in the TEI only as that title's
    markup: stars with no title right beside them (nothing but whitespace between) would
    vanish, though the coverage counts them as placed."""
    title = doc.header.title
    for c in doc.consumed:
        if c.reason != "title markup":
            continue
        text = doc.source[c.start:c.end]
        beside = title is not None and text == "**" and (
            (c.end <= title.start and not non_space(doc.source[c.end:title.start]))
            or (title.end <= c.start and not non_space(doc.source[title.end:c.start])))
        if not beside:
            raise LosslessError(
                f"{doc.name}:{doc.line_of(c.start)}: {text!r} was taken as the markup of a "
                "title but stands beside none: it is not in the TEI")


def _check_coverage(doc: Document, parts: Sequence[Part]) -> None:
    """Each non-whitespace character claimed exactly once. The claims are swept in order
    of their start (the characters themselves are only searched, never walked one by one,
    so a file of many megabytes is checked in about the time it takes to sort its parts)."""
    source = doc.source
    claims = [(s, e, p.name) for p in parts for s, e in p.source_ranges() if e > s]
    claims += [(c.start, c.end, c.reason) for c in doc.consumed if c.end > c.start]
    claims.sort(key=lambda claim: (claim[0], claim[1]))
    covered_to = 0  # end of the claims seen so far
    furthest: tuple[int, int, str] | None = None  # the seen claim reaching furthest
    for start, end, name in claims:
        if furthest is not None and start < covered_to:
            shared = _VISIBLE.search(source, start, min(end, covered_to))
            if shared:
                raise LosslessError(
                    f"{doc.name}:{doc.line_of(shared.start())}: the same text is placed twice "
                    f"(as {furthest[2]} and as {name})")
        gap = _VISIBLE.search(source, covered_to, start) if start > covered_to else None
        if gap:
            _not_in_tei(doc, gap.start())
        if end > covered_to:
            covered_to, furthest = end, (start, end, name)
    tail = _VISIBLE.search(source, covered_to)
    if tail:
        _not_in_tei(doc, tail.start())


def _not_in_tei(doc: Document, i: int) -> None:
    end = doc.source.find("\n", i)
    end = len(doc.source) if end < 0 else end
    raise LosslessError(f"{doc.name}:{doc.line_of(i)}: this text is not in the TEI: "
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
            if source[i] not in LAYOUT_WHITESPACE:
                if seen == n:
                    return i
                seen += 1
    return ranges[-1][1] if ranges else 0
