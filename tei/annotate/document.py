"""Find spans in a parsed document: footnote markers, editorial brackets, labels,
page-break joins, dates and persons. Knows neither the layout nor XML.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from typing import TYPE_CHECKING

from tei.annotate.dates import find_dates, normalize_date_line, numeric_order_of
from tei.annotate.dates_entries import entry_dates
from tei.annotate.editorial import find_editorial
from tei.annotate.emphasis import find_emphasis
from tei.annotate.footnotes import find_markers, stray_superscripts
from tei.annotate.nesting import nest
from tei.model import LAYOUT_WHITESPACE, Annotations, Block, Document, Span, Warning_
from tei.parse.coverage import PAGE_FURNITURE

if TYPE_CHECKING:
    from tei.annotate.persons import PersonFinder
    from tei.annotate.places import EntityFinder


def document_date(doc: Document) -> str | None:
    """The document's ISO date: its date line, else the first date of its citation."""
    h = doc.header
    if h.date_line:
        when = normalize_date_line(h.date_line.text)
        if when:
            return when
    if h.citation:
        for span in find_dates(h.citation.text, None):
            when = span.attr("when")
            if when:
                return when
    return None


def annotate(doc: Document, finder: PersonFinder | None,
             entity_finder: EntityFinder | None = None) -> Annotations:
    """Spans for every block and footnote; ``doc.header.when`` must be set already."""
    texts = [b.text for b in doc.blocks]
    notes = [f.text for f in doc.footnotes]
    when = doc.header.when
    order = numeric_order_of(texts)
    warnings: list[Warning_] = []

    markers = find_markers(texts, [f.n for f in doc.footnotes])
    entries = entry_dates(doc.blocks, when)
    spans: list[list[Span]] = []
    for index, block in enumerate(doc.blocks):
        found = list(markers[index])
        taken = [(s.start, s.end) for s in found]
        editorial, doubts = find_editorial(block.text, taken)
        found += editorial
        for doubt in doubts:
            warnings.append(Warning_(_line(doc, block.start, block.text, doubt.offset),
                                     doubt.message, "bracket"))
        for offset, marker in stray_superscripts(block.text, taken):
            warnings.append(Warning_(_line(doc, block.start, block.text, offset),
                                     f"footnote marker '{marker}' has no footnote with that "
                                     "number; kept as text", "footnote-marker"))
        found += [Span.make(s, e, "label", type=t) for s, e, t in block.labels]
        found += [Span.make(b, b, "pb") for b in block.breaks]
        found += [Span.make(h, h, "lb", **{"break": "no"}) for h in block.hyphenations]
        found += _dates(block, when, order, entries[index])
        found += find_emphasis(block.text, taken)
        spans.append(found)

    footnote_spans: list[list[Span]] = []
    for note in notes:
        found, _ = find_editorial(note)
        found += find_dates(note, when, order)
        found += find_emphasis(note)
        footnote_spans.append(found)

    persons: list[str] = []
    unregistered: list[dict[str, object]] = []
    if finder is not None:
        # The header says who the document is by or about: it settles an ambiguous name.
        header = [f.text for f in (doc.header.title, doc.header.summary) if f is not None]
        header += [b.text for b in doc.blocks if b.kind == "signed"]
        result = finder.find(texts + notes, header=header)
        for index, extra in enumerate(result.spans):
            (spans if index < len(texts) else footnote_spans)[
                index if index < len(texts) else index - len(texts)].extend(extra)
        persons = list(result.mentioned)
        for mention in result.ambiguous:
            line = _mention_line(doc, mention.block, mention.start)
            warnings.append(Warning_(
                line, f"'{mention.surface}' may be any of {', '.join(mention.candidates)}: "
                "tagged without a link", "ambiguous-name"))
        for mention in result.unregistered:
            unregistered.append({
                "line": _mention_line(doc, mention.block, mention.start),
                "name": mention.surface,
            })

    if entity_finder is not None:
        # After the persons, so that a person's name wins where the two cross (nest).
        entity_result = entity_finder.find(texts + notes)
        for index, extra in enumerate(entity_result.spans):
            (spans if index < len(texts) else footnote_spans)[
                index if index < len(texts) else index - len(texts)].extend(extra)

    for index, block in enumerate(doc.blocks):
        if block.attrs.get("type") in PAGE_FURNITURE:
            spans[index] = []  # forme work is plain text: a page number holds no markup
        spans[index], dropped = nest(spans[index])
        for span in dropped:
            warnings.append(Warning_(
                _line(doc, block.start, block.text, span.start),
                f"{span.kind} '{block.text[span.start:span.end]}' overlaps other markup "
                "or cannot stand inside it, and is left untagged", "overlapping-markup"))
    footnote_spans = [nest(s)[0] for s in footnote_spans]
    _number_markers_seen(doc, spans, warnings)
    places = _linked(spans + footnote_spans, "placeName")
    orgs = _linked(spans + footnote_spans, "orgName")
    return Annotations(spans, footnote_spans, persons, warnings, unregistered, places, orgs)


def _linked(spans: list[list[Span]], kind: str) -> list[str]:
    """Ids of the kept ``kind`` spans, first mention first (body, then footnotes)."""
    ordered = [s for block in spans for s in block if s.kind == kind and s.attr("ref")]
    return list(dict.fromkeys((s.attr("ref") or "").lstrip("#") for s in ordered))


def _dates(block: Block, when: str | None, order: str | None,
           entry_when: str | None) -> list[Span]:
    text = block.text
    found = find_dates(text, when, order, entry_when=entry_when)
    if block.kind == "dateline" and not found:
        # A dateline that is a date as a whole ("12.XI.62") but not a running-text form.
        value = normalize_date_line(text)
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


def _number_markers_seen(doc: Document, spans: list[list[Span]],
                         warnings: list[Warning_]) -> None:
    seen = {s.attr("n") for block in spans for s in block if s.kind == "footnote"}
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
    come from per-document and per-text tables, so each call costs a bisection.
    """
    remaining = _non_space_before(text)[min(offset, len(text))]
    if remaining == 0:
        return doc.line_of(block_start)
    positions = _non_space_positions(doc.source)
    first = bisect_left(positions, block_start)
    index = min(first + remaining - 1, len(positions) - 1)
    return doc.line_of(positions[index] + 1)


@functools.lru_cache(maxsize=4)
def _non_space_positions(source: str) -> list[int]:
    return [i for i, ch in enumerate(source) if ch not in LAYOUT_WHITESPACE]


@functools.lru_cache(maxsize=8)
def _non_space_before(text: str) -> list[int]:
    """For each offset k of ``text``, how many non-whitespace characters precede it."""
    counts = [0]
    for ch in text:
        counts.append(counts[-1] + (ch not in LAYOUT_WHITESPACE))
    return counts


def _mention_line(doc: Document, text_index: int, offset: int) -> int:
    if text_index < len(doc.blocks):
        block = doc.blocks[text_index]
        return _line(doc, block.start, block.text, offset)
    footnote = doc.footnotes[text_index - len(doc.blocks)]
    return _line(doc, footnote.start, footnote.text, offset)
