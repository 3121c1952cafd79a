"""The plain data model shared by every stage.

The parser fills a :class:`Document` from one plain-text file; the annotators find
:class:`Span` lists over the text of each block and footnote and the header's facts
(:class:`Annotations`); the encoder turns both into TEI and lists the :class:`Part` each
element encodes, which the lossless check compares. Nothing here knows about XML.

Every piece of text carries ``start``/``end`` offsets into ``Document.source`` (the
envelope-normalised input), so the lossless check can compare each part of the input
with the TEI element that encodes it. Characters that the encoding replaces by
structure (the ``**`` around a title, a ``Citation:`` label, the ``1.`` that becomes
``note/@n``) are listed in ``Document.consumed`` with the reason, never silently dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Section = Literal["opener", "body", "closer"]

# The whitespace of layout, which folding and the lossless check may change: spaces, tabs
# and line ends of the normalised source. Every other character, no-break, thin and
# ideographic spaces and the Unicode line and paragraph separators among them, is text.
LAYOUT_WHITESPACE = " \t\n"

# The metadata key that marks a dataclass field holding source text (a piece of the source
# with its offsets, or a list of them): the lossless check (``tei.parse.coverage.parts``)
# walks exactly the fields so marked, under the part name the key gives.
SOURCE_TEXT = "source_text"


def source_text(part: str, **options: Any) -> Any:
    """A dataclass field that holds source text, counted by the lossless check as ``part``
    (``options`` as for :func:`dataclasses.field`)."""
    return field(metadata={SOURCE_TEXT: part}, **options)


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
    date_line: Field | None = source_text("date_line", default=None)
    title: Field | None = source_text("title", default=None)
    funder: Field | None = source_text("funder", default=None)
    citation: Field | None = source_text("citation", default=None)
    url: str | None = None  # the document URL found in the citation, if any
    summary: Field | None = source_text("summary", default=None)
    credits: Field | None = source_text("credits", default=None)
    original_language: Field | None = source_text("original_language", default=None)
    # "Translation - English", ...
    contents: list[Field] = source_text("contents", default_factory=list)
    source: Field | None = source_text("source", default=None)  # inside "[Source: ...]"
    extra: list[ExtraField] = source_text("extra", default_factory=list)


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
    ``ranges``: see the field.
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
    # The source ranges the block stands for, set by the parser: ``start``..``end`` less
    # the page furniture inside it (a paragraph rejoined over a page number). Empty:
    # ``start``..``end`` whole.
    ranges: tuple[tuple[int, int], ...] = ()

    def source_ranges(self) -> list[tuple[int, int]]:
        return list(self.ranges) or [(self.start, self.end)]


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
    rule: str  # the rule that found it: an id of tei.findings.CONVERSION_RULES


@dataclass
class Document:
    name: str  # file name, for messages
    source: str  # envelope-normalised text; all offsets point into it
    header: Header = source_text("header")
    blocks: list[Block] = source_text("block")
    footnotes: list[Footnote] = source_text("footnote")
    consumed: list[Consumed] = source_text("consumed", default_factory=list)
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


PartyKind = Literal["person", "org", "name"]


@dataclass(frozen=True)
class Party:
    """A correspondent: ``kind`` person or org (registered or not), or ``name`` when the
    text does not say which; ``ref`` is the register id (without ``#``) when linked."""

    kind: PartyKind
    name: str
    ref: str | None = None


@dataclass(frozen=True)
class Place:
    name: str
    ref: str


@dataclass(frozen=True)
class Language:
    name: str  # as the document names it ("Russian")
    code: str  # BCP 47 ("ru")


@dataclass(frozen=True)
class HeaderFacts:
    """What the document states about itself as a whole, found by the header stage
    (``tei.annotate.header``) so that the encoder only maps it to TEI."""

    # Correspondence: who sent it, to whom, from where and when (profileDesc/correspDesc).
    sender: tuple[Party, ...] = ()
    recipient: tuple[Party, ...] = ()
    place: Place | None = None  # place of sending
    date: str | None = None  # ISO 8601 date of sending
    # The title's "from" and "to" parts as the title writes them ("Soviet Ambassador to
    # the USA A. F. Dobrynin"): the reading edition's From and To lines.
    sender_words: str | None = None
    recipient_words: str | None = None
    # The document as a whole.
    title: str = ""  # the title, or the file's stem when the document gives none
    file_name: str = ""  # the input's file name without its folder, printable
    when: str | None = None  # ISO 8601 document date: the date line's, else the citation's
    date_line_is_date: bool = False  # the date line names a real day
    id: str = ""  # TEI/@xml:id
    number: str = ""  # the archive's document number, else the id
    number_type: str = "local"  # "wcda" for an archive number
    translator: str | None = None
    original_language: Language | None = None
    translation_language: Language | None = None  # unless the same as the original
    citation: tuple[Span, ...] = ()  # spans over the citation's text (URL, archive, date)

    @property
    def has_correspondence(self) -> bool:
        return bool(self.sender or self.recipient or self.place or self.date
                    or self.sender_words or self.recipient_words)


@dataclass(frozen=True)
class Annotated:
    """The spans found in one text of the document: a block or a footnote."""

    text: Block | Footnote
    spans: list[Span]


@dataclass
class Annotations:
    """The spans of each text (attached to the block or footnote they belong to), the
    header's facts, and what the editor should see."""

    texts: list[Annotated]  # the blocks', then the footnotes', in document order
    persons: list[str]  # register ids mentioned, in first-mention order
    warnings: list[Warning_] = field(default_factory=list)
    unregistered: list[dict[str, object]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # place ids mentioned, first-mention order
    orgs: list[str] = field(default_factory=list)  # organisation ids mentioned, likewise
    header: HeaderFacts = field(default_factory=HeaderFacts)
    _by_text: dict[int, list[Span]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Keyed by the text object itself (blocks are mutable, so not hashable by value);
        # the entries hold the objects, so an id stays theirs while the annotations live.
        self._by_text = {id(entry.text): entry.spans for entry in self.texts}

    def spans_of(self, text: Block | Footnote) -> list[Span]:
        """The spans of ``text`` (a block or footnote of the annotated document)."""
        return self._by_text.get(id(text), [])


@dataclass
class Part:
    """A piece of the source (``start``..``end`` in ``Document.source``) and the TEI
    element that encodes it (an lxml element: the model itself knows no XML).

    ``ranges`` narrows ``start``..``end`` when the piece has holes: a paragraph rejoined
    over a page number holds the page number's line, which is a part of its own.
    """

    name: str
    start: int
    end: int
    element: Any
    ranges: Sequence[tuple[int, int]] = ()

    def source_ranges(self) -> list[tuple[int, int]]:
        return list(self.ranges) or [(self.start, self.end)]


# -- how the encoding records source characters it replaces by structure ------------------

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def marker_text(n: str, rend: str | None) -> str:
    """The characters a footnote marker of number ``n`` and style ``rend`` (``note/@rend``:
    superscript, bracket, or None for a plain digit) had in the source."""
    if rend == "superscript":
        return n.translate(_TO_SUPERSCRIPT)
    if rend == "bracket":
        return f"[{n}]"
    return n


# Emphasis delimiters, and the token of ``@rend`` that says which it was.
DELIMITERS = {"*": "asterisks", "_": "underscores"}
RENDS = {f"italic {name}": mark for mark, name in DELIMITERS.items()}


def delimiter(rend: str | None) -> str:
    """The source delimiter that ``@rend`` records, or '' when it records none."""
    return RENDS.get(rend or "", "")
