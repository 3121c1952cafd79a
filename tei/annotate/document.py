"""Find spans in a parsed document: footnote markers, editorial brackets, labels,
page-break joins, dates and persons. Knows neither the layout nor XML.
"""

from __future__ import annotations

import re
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
    that of the n-th non-whitespace source character from the block's start. Both counts
    are made by string methods over the stretch concerned only: a document's warnings are
    few, and a table of every character's position cost more than all of them.
    """
    k = min(offset, len(text))
    remaining = k - _layout_whitespace_in(text, k)
    if remaining == 0 or block_start >= len(doc.source):
        return doc.line_of(block_start)
    at = _nth_non_space(doc.source, block_start, remaining)
    # Past the source's last character (a text longer than what is left of the source):
    # the end of the source, as a walk from the block's start would stop there.
    return doc.line_of(at + 1 if at is not None else len(doc.source))


def _layout_whitespace_in(text: str, end: int) -> int:
    return sum(text.count(ch, 0, end) for ch in LAYOUT_WHITESPACE)


_NON_SPACE = re.compile(f"[^{re.escape(LAYOUT_WHITESPACE)}]")


def _nth_non_space(source: str, start: int, n: int) -> int | None:
    """The offset of the ``n``-th (from 1) non-whitespace character of ``source`` at or
    after ``start``, None when there are fewer."""
    pos = start
    while (found := _NON_SPACE.search(source, pos)) is not None:
        pos = found.start()
        # The next n characters hold at most the n wanted; if fewer, go on after them.
        chunk = source[pos:pos + n]
        count = len(chunk) - _layout_whitespace_in(chunk, len(chunk))
        if count == n:
            return pos + len(chunk.rstrip(LAYOUT_WHITESPACE)) - 1
        pos += len(chunk)
        n -= count
    return None


def _line_in(doc: Document, text: Block | Footnote, offset: int) -> int:
    return _line(doc, text.start, text.text, offset)
