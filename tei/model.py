"""The plain data model shared by every stage.

The parser fills a :class:`Document` from one plain-text file; the annotators add
:class:`Span` lists over block texts; the encoder turns both into TEI. Nothing here
knows about XML.

Every piece of text carries ``start``/``end`` offsets into ``Document.source`` (the
envelope-normalised input), so the lossless check can compare each part of the input
with the TEI element that encodes it. Characters that the encoding replaces by
structure (the ``**`` around a title, a ``Citation:`` label, the ``1.`` that becomes
``note/@n``) are listed in ``Document.consumed`` with the reason, never silently dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

Section = Literal["opener", "body", "closer"]

# The whitespace of layout, which folding and the lossless check may change: spaces, tabs
# and line ends of the normalised source. Every other character, no-break, thin and
# ideographic spaces and the Unicode line and paragraph separators among them, is text.
LAYOUT_WHITESPACE = " \t\n"


@dataclass(frozen=True)
class Span:
    """An annotation over ``[start, end)`` of one block's text.

    ``kind`` names what was found; ``attrs`` holds its normalised values:

    - ``persName``: ``ref`` ("#id", absent when ambiguous), ``type`` optional
    - ``date``: ``when`` or ``from``/``to`` (ISO 8601)
    - ``footnote``: ``n`` (the footnote number); the span covers the marker characters
    - ``supplied`` / ``editorial`` / ``gap``: the bracket, brackets included in the span;
      ``reason``/``extent`` for gaps
    - ``label``: a section or speaker label kept as text (``type``: section|speaker)
    - ``pb``: a zero-width page-break join (start == end)

    Spans of one block nest properly or are disjoint; they never cross.
    """

    start: int
    end: int
    kind: str
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str, default: str | None = None) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return default

    @staticmethod
    def make(start: int, end: int, kind: str, **attrs: str) -> Span:
        return Span(start, end, kind, tuple(sorted(attrs.items())))


@dataclass
class Field:
    """A header value as it stands in the source (label excluded)."""

    text: str
    start: int
    end: int


@dataclass
class ExtraField:
    """A labelled header or trailer item the profile has no slot for (kept, never dropped)."""

    label: str
    value: Field | None
    label_start: int
    label_end: int


@dataclass
class Header:
    date_line: Field | None = None
    when: str | None = None  # ISO 8601 date of the document (from the date line, else citation)
    title: Field | None = None
    funder: Field | None = None
    citation: Field | None = None
    url: str | None = None  # the document URL found in the citation, if any
    summary: Field | None = None
    credits: Field | None = None
    original_language: Field | None = None
    contents: list[Field] = field(default_factory=list)  # "Translation - English", ...
    source: Field | None = None  # the text inside "[Source: ...]"
    extra: list[ExtraField] = field(default_factory=list)


@dataclass
class Block:
    """One unit of the body: a paragraph, an opener line, a closer part.

    ``kind`` by section:
      opener: ``dateline``, ``line`` (classification, handling, serial, transmission,
              stamp, addressee: ``attrs["type"]`` says which), ``byline`` (an author
              line before the text), ``salute``
      body:   ``p``, ``head`` (a section heading on its own line), ``byline`` (an author
              line opening a section); a ``p`` with
              ``attrs["type"]`` ``page-number`` or ``running-header`` is page furniture
              (K4): it lies inside the range of the paragraph rejoined around it and
              follows that paragraph in ``Document.blocks``
      closer: ``dateline``, ``signed``, ``salute``, ``line``
    ``breaks`` are offsets in ``text`` where a page-break split was rejoined.
    ``hyphenations`` are offsets in ``text`` just after a line-end hyphen whose line
    break was folded away (``Oc-`` + newline + ``tober`` gives ``Oc-tober`` with the offset
    after the hyphen); the encoder marks them ``lb[@break='no']``.
    ``labels`` are ``(start, end, type)`` offsets in ``text`` of a leading section number
    (``1.``, ``a)``, ``II.``: type ``section``) or speaker label (``E. GUEVARA.``,
    ``Cde. Pham Van Dong:``: type ``speaker``); they stay text, marked as TEI ``label``.
    ``text`` is the source text with line breaks inside the block folded to one space.
    """

    section: Section
    kind: str
    text: str
    start: int
    end: int
    breaks: tuple[int, ...] = ()
    labels: tuple[tuple[int, int, str], ...] = ()
    hyphenations: tuple[int, ...] = ()
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Footnote:
    n: str
    text: str
    start: int  # offsets of the note text (the number and its punctuation are consumed)
    end: int


@dataclass
class Consumed:
    """Source characters replaced by structure, with the reason."""

    start: int
    end: int
    reason: str


@dataclass
class Warning_:
    line: int
    message: str
    rule: str = "layout"  # what kind of finding, as in a validation rule (docs/report.md)


@dataclass
class Document:
    name: str  # file name, for messages
    source: str  # envelope-normalised text; all offsets point into it
    header: Header
    blocks: list[Block]
    footnotes: list[Footnote]
    consumed: list[Consumed] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    _line_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _line_starts_of: str | None = field(default=None, init=False, repr=False, compare=False)

    def line_of(self, offset: int) -> int:
        """1-based line number of an offset into ``source`` (a bisection: called once per
        warning, it must not rescan the text)."""
        if self._line_starts is None or self._line_starts_of is not self.source:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.source)]
            self._line_starts_of = self.source
        return bisect_right(self._line_starts, max(offset, 0))


@dataclass
class Annotations:
    """Spans per block (same order as ``Document.blocks``) plus what the editor should see."""

    spans: list[list[Span]]
    footnote_spans: list[list[Span]]  # same order as ``Document.footnotes``
    persons: list[str]  # register ids mentioned, in first-mention order
    warnings: list[Warning_] = field(default_factory=list)
    unregistered: list[dict[str, object]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # place ids mentioned, first-mention order
    orgs: list[str] = field(default_factory=list)  # organisation ids mentioned, likewise


# -- what an encoded span's @rend gives back of the source ------------------------------
# Shared by the annotators that find the spans and the lossless check that restores their
# characters from the TEI, so that check depends on the model alone.

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


@dataclass(frozen=True)
class MarkerStyle:
    rend: str | None  # None for a plain digit

    def text(self, n: str) -> str:
        if self.rend == "superscript":
            return n.translate(_TO_SUPERSCRIPT)
        if self.rend == "bracket":
            return f"[{n}]"
        return n


def marker_text(n: str, rend: str | None) -> str:
    """The characters a marker of number ``n`` and style ``rend`` had in the source."""
    return MarkerStyle(rend).text(n)


# Which emphasis delimiter, and the token of @rend that says so.
DELIMITERS = {"*": "asterisks", "_": "underscores"}
RENDS = {f"italic {name}": mark for mark, name in DELIMITERS.items()}


def delimiter(rend: str | None) -> str:
    """The source delimiter that ``@rend`` records, or '' when it records none."""
    return RENDS.get(rend or "", "")


@dataclass
class Part:
    """A piece of the source (``start``..``end`` in ``Document.source``) and its element.

    ``ranges`` narrows ``start``..``end`` when the piece has holes: a paragraph rejoined
    over a page number holds the page number's line, which is a part of its own.
    """

    name: str
    start: int
    end: int
    element: Any  # the lxml element it became (the model itself knows no XML)
    ranges: list[tuple[int, int]] = field(default_factory=list)

    def source_ranges(self) -> list[tuple[int, int]]:
        return self.ranges or [(self.start, self.end)]
