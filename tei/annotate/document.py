"""Find spans in a parsed document: footnote markers, editorial brackets, labels,
page-break joins, dates and persons. Knows neither the layout nor XML.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from typing import TYPE_CHECKING

from tei.annotate.dates import find_dates, normalize_date_line, numeric_order_of
from tei.annotate.dates_entries import entry_dates
from tei.annotate.dates_form import DateScans
from tei.annotate.editorial import find_editorial
from tei.annotate.emphasis import find_emphasis
from tei.annotate.footnotes import find_markers, stray_superscripts
from tei.annotate.header import date_line_warnings, document_date, header_facts
from tei.annotate.nesting import nest
from tei.model import (
    LAYOUT_WHITESPACE,
    Annotated,
    Annotations,
    Block,
    Document,
    Footnote,
    Span,
    Warning_,
)
from tei.parse.coverage import PAGE_FURNITURE

if TYPE_CHECKING:
    from tei.annotate.persons import PersonFinder
    from tei.annotate.places import EntityFinder


def annotate(doc: Document, finder: PersonFinder | None,
             entity_finder: EntityFinder | None = None) -> Annotations:
    """Spans for every block and footnote, and the header's facts (see
    :mod:`tei.annotate.header`)."""
    texts = [b.text for b in doc.blocks]
    notes = [f.text for f in doc.footnotes]
    # A text is read for dates more than once (an entry heading, then a block; the date
    # line by three header facts): what the forms find in it is kept for the document.
    scans = DateScans()
    when = document_date(doc, scans)
    order = numeric_order_of(texts, scans)
    warnings: list[Warning_] = date_line_warnings(doc, scans)

    markers = find_markers(texts, [f.n for f in doc.footnotes])
    entries = entry_dates(doc.blocks, when, scans)
    # Every text of the document with the spans found in it so far: the blocks', then
    # the footnotes' (the order in which the finders below are given the texts).
    owners: list[Block | Footnote] = [*doc.blocks, *doc.footnotes]
    found: list[list[Span]] = []
    for block, block_markers, entry_when in zip(doc.blocks, markers, entries, strict=True):
        spans = list(block_markers)
        taken = [(s.start, s.end) for s in spans]
        editorial, doubts = find_editorial(block.text, taken)
        spans += editorial
        for doubt in doubts:
            warnings.append(Warning_(_line(doc, block.start, block.text, doubt.offset),
                                     doubt.message, "bracket"))
        for offset, marker in stray_superscripts(block.text, taken):
            warnings.append(Warning_(_line(doc, block.start, block.text, offset),
                                     f"footnote marker '{marker}' has no footnote with that "
                                     "number; kept as text", "footnote-marker"))
        spans += [Span.make(s, e, "label", type=t) for s, e, t in block.labels]
        spans += [Span.make(b, b, "pb") for b in block.breaks]
        spans += [Span.make(h, h, "lb", **{"break": "no"}) for h in block.hyphenations]
        spans += _dates(block, when, order, entry_when, scans)
        spans += find_emphasis(block.text, taken)
        found.append(spans)

    for note in notes:
        spans, _ = find_editorial(note)
        spans += find_dates(note, when, order, scans=scans)
        spans += find_emphasis(note)
        found.append(spans)

    persons: list[str] = []
    unregistered: list[dict[str, object]] = []
    if finder is not None:
        # The header says who the document is by or about: it settles an ambiguous name.
        header = [f.text for f in (doc.header.title, doc.header.summary) if f is not None]
        header += [b.text for b in doc.blocks if b.kind == "signed"]
        result = finder.find(texts + notes, header=header)
        for spans, extra in zip(found, result.spans, strict=True):
            spans.extend(extra)
        persons = list(result.mentioned)
        for mention in result.ambiguous:
            line = _line_in(doc, owners[mention.block], mention.start)
            warnings.append(Warning_(
                line, f"'{mention.surface}' may be any of {', '.join(mention.candidates)}: "
                "tagged without a link", "ambiguous-name"))
        for mention in result.unregistered:
            unregistered.append({
                "line": _line_in(doc, owners[mention.block], mention.start),
                "name": mention.surface,
            })

    if entity_finder is not None:
        # After the persons, so that a person's name wins where the two cross (nest). A
        # person's name found inside a longer registered place or body ("New" of "New
        # York", "Kennedy" of "Kennedy Airport") is part of that name, not a person.
        for spans, extra in zip(found, entity_finder.find(texts + notes).spans, strict=True):
            spans[:] = [s for s in spans if not _inside_a_longer(s, extra)]
            spans.extend(extra)

    texts_annotated: list[Annotated] = []
    for owner, spans in zip(owners, found, strict=True):
        if isinstance(owner, Block) and owner.attrs.get("type") in PAGE_FURNITURE:
            spans = []  # forme work is plain text: a page number holds no markup
        kept, dropped = nest(spans)
        if isinstance(owner, Block):
            for span in dropped:
                warnings.append(Warning_(
                    _line(doc, owner.start, owner.text, span.start),
                    f"{span.kind} '{owner.text[span.start:span.end]}' overlaps other markup "
                    "or cannot stand inside it, and is left untagged", "overlapping-markup"))
        texts_annotated.append(Annotated(owner, kept))
    notes_found = Annotations(texts_annotated, persons, warnings, unregistered)
    _number_markers_seen(doc, texts_annotated, warnings)
    notes_found.places = _linked(texts_annotated, "placeName")
    notes_found.orgs = _linked(texts_annotated, "orgName")
    notes_found.header = header_facts(doc, when, notes_found.spans_of, finder, entity_finder,
                                      scans)
    return notes_found


def _inside_a_longer(span: Span, entities: list[Span]) -> bool:
    return span.kind == "persName" and any(
        e.start <= span.start and span.end <= e.end and e.end - e.start > span.end - span.start
        for e in entities)


def _linked(texts: list[Annotated], kind: str) -> list[str]:
    """Ids of the kept ``kind`` spans, first mention first (body, then footnotes)."""
    ordered = [s for text in texts for s in text.spans if s.kind == kind and s.attr("ref")]
    return list(dict.fromkeys((s.attr("ref") or "").lstrip("#") for s in ordered))


def _dates(block: Block, when: str | None, order: str | None,
           entry_when: str | None, scans: DateScans) -> list[Span]:
    text = block.text
    found = find_dates(text, when, order, entry_when=entry_when, scans=scans)
    if block.kind == "dateline" and not found:
        # A dateline that is a date as a whole ("12.XI.62") but not a running-text form.
        value = normalize_date_line(text, scans)
        if value:
            stripped = text.strip()
            start = text.find(stripped)
            found = [Span.make(start, start + len(stripped), "date", when=value)]
    if block.section == "closer" and block.kind == "dateline":
        found = [_dispatch(span, when) for span in found]
    return found


def _dispatch(span: Span, doc_when: str | None) -> Span:
    """A closing dateline's date that is not the document's is the dispatch date: typed so,
    it never stands for the document (whose date is the archive's date line)."""
    value = span.attr("when")
    if value is None or doc_when is None or value[:len(doc_when)] == doc_when[:len(value)]:
        return span
    return Span.make(span.start, span.end, span.kind, **dict(span.attrs), type="dispatch")


def _number_markers_seen(doc: Document, texts: list[Annotated],
                         warnings: list[Warning_]) -> None:
    seen = {s.attr("n") for text in texts if isinstance(text.text, Block)
            for s in text.spans if s.kind == "footnote"}
    for footnote in doc.footnotes:
        if footnote.n not in seen:
            warnings.append(Warning_(
                doc.line_of(footnote.start),
                f"footnote {footnote.n} has no marker in the body; it is kept as a note "
                "after the closing", "footnote-unmarked"))


def _line(doc: Document, block_start: int, text: str, offset: int) -> int:
    """Source line of an offset into a block's folded text (close enough for messages).

    The folded text holds the source's non-whitespace characters in order, so the line is
    that of the n-th non-whitespace source character from the block's start; both counts
    come from per-text tables of counts every _STEP characters, so each call costs a
    bisection and a count over fewer than _STEP characters."""
    remaining = _non_space_index(text).count_before(min(offset, len(text)))
    if remaining == 0 or block_start >= len(doc.source):
        return doc.line_of(block_start)
    at = _non_space_index(doc.source).nth_from(block_start, remaining)
    # Past the source's last character (a text longer than what is left of the source):
    # the end of the source, as a walk from the block's start would stop there.
    return doc.line_of(at + 1 if at is not None else len(doc.source))


# Counts are kept every _STEP characters: a table of every character's position cost more
# to make than all the warnings of a document need, and a count from the start of the text
# for each warning grows with the square of the text when its warnings are many.
_STEP = 256


class _NonSpaceIndex:
    """Where the non-whitespace characters of a text are, counted every _STEP characters."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.counts = [0]  # counts[k]: non-whitespace characters in text[:k * _STEP]
        for at in range(0, len(text), _STEP):
            self.counts.append(self.counts[-1] + _non_space_in(text, at, at + _STEP))

    def count_before(self, end: int) -> int:
        """How many non-whitespace characters ``text[:end]`` holds."""
        k = end // _STEP
        return self.counts[k] + _non_space_in(self.text, k * _STEP, end)

    def nth_from(self, start: int, n: int) -> int | None:
        """The offset of the ``n``-th (from 1) non-whitespace character at or after
        ``start``, None when there are fewer."""
        rank = self.count_before(start) + n  # of that character, from the text's start
        k = bisect_left(self.counts, rank) - 1  # it lies in text[k * _STEP:(k + 1) * _STEP]
        if k + 1 >= len(self.counts):
            return None
        n = rank - self.counts[k]
        chunk = self.text[k * _STEP:(k + 1) * _STEP]
        for at, ch in enumerate(chunk):
            if ch not in LAYOUT_WHITESPACE:
                n -= 1
                if n == 0:
                    return k * _STEP + at
        raise AssertionError("the counts say the character is in this chunk")


def _non_space_in(text: str, start: int, end: int) -> int:
    end = min(end, len(text))
    return end - start - sum(text.count(ch, start, end) for ch in LAYOUT_WHITESPACE)


@functools.lru_cache(maxsize=8)
def _non_space_index(text: str) -> _NonSpaceIndex:
    return _NonSpaceIndex(text)


def _line_in(doc: Document, text: Block | Footnote, offset: int) -> int:
    return _line(doc, text.start, text.text, offset)
