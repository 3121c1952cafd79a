"""Find spans in a parsed document: footnote markers, editorial brackets, labels,
page-break joins, dates and persons. Knows neither the layout nor XML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tei.annotate.dates import find_dates, normalize_date_line, numeric_order_of
from tei.annotate.editorial import find_editorial
from tei.annotate.emphasis import find_emphasis
from tei.annotate.footnotes import find_markers, stray_superscripts
from tei.inline import nest
from tei.model import Annotations, Document, Span, Warning_

if TYPE_CHECKING:
    from tei.annotate.entities import EntityFinder
    from tei.annotate.persons import PersonFinder


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
    spans: list[list[Span]] = []
    for index, block in enumerate(doc.blocks):
        found = list(markers[index])
        taken = [(s.start, s.end) for s in found]
        editorial, doubts = find_editorial(block.text, taken)
        found += editorial
        for doubt in doubts:
            warnings.append(Warning_(_line(doc, block.start, block.text, doubt.offset),
                                     doubt.message))
        for offset, marker in stray_superscripts(block.text, taken):
            warnings.append(Warning_(_line(doc, block.start, block.text, offset),
                                     f"footnote marker '{marker}' has no footnote with that "
                                     "number; kept as text"))
        found += [Span.make(s, e, "label", type=t) for s, e, t in block.labels]
        found += [Span.make(b, b, "pb") for b in block.breaks]
        found += [Span.make(h, h, "lb", **{"break": "no"}) for h in block.hyphenations]
        found += _dates(block.kind, block.text, when, order)
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
        result = finder.find(texts + notes)
        for index, extra in enumerate(result.spans):
            (spans if index < len(texts) else footnote_spans)[
                index if index < len(texts) else index - len(texts)].extend(extra)
        persons = list(result.mentioned)
        for mention in result.ambiguous:
            line = _mention_line(doc, mention.block, mention.start)
            warnings.append(Warning_(
                line, f"'{mention.surface}' may be any of {', '.join(mention.candidates)}: "
                "tagged without a link"))
        for mention in result.unregistered:
            unregistered.append({
                "line": _mention_line(doc, mention.block, mention.start),
                "name": mention.surface,
            })

    if entity_finder is not None:
        # After the persons, so that a person's name wins where the two cross (nest).
        found = entity_finder.find(texts + notes)
        for index, extra in enumerate(found.spans):
            (spans if index < len(texts) else footnote_spans)[
                index if index < len(texts) else index - len(texts)].extend(extra)

    for index, block in enumerate(doc.blocks):
        spans[index], dropped = nest(spans[index])
        for span in dropped:
            warnings.append(Warning_(
                _line(doc, block.start, block.text, span.start),
                f"{span.kind} '{block.text[span.start:span.end]}' overlaps other markup "
                "and is left untagged"))
    footnote_spans = [nest(s)[0] for s in footnote_spans]
    _number_markers_seen(doc, spans, warnings)
    places = _linked(spans + footnote_spans, "placeName")
    orgs = _linked(spans + footnote_spans, "orgName")
    return Annotations(spans, footnote_spans, persons, warnings, unregistered, places, orgs)


def _linked(spans: list[list[Span]], kind: str) -> list[str]:
    """Ids of the kept ``kind`` spans, first mention first (body, then footnotes)."""
    ordered = [s for block in spans for s in block if s.kind == kind and s.attr("ref")]
    return list(dict.fromkeys((s.attr("ref") or "").lstrip("#") for s in ordered))


def _dates(kind: str, text: str, when: str | None, order: str | None) -> list[Span]:
    found = find_dates(text, when, order)
    if kind == "dateline" and not found:
        # A dateline that is a date as a whole ("12.XI.62") but not a running-text form.
        value = normalize_date_line(text)
        if value:
            stripped = text.strip()
            start = text.find(stripped)
            found = [Span.make(start, start + len(stripped), "date", when=value)]
    return found


def _number_markers_seen(doc: Document, spans: list[list[Span]],
                         warnings: list[Warning_]) -> None:
    seen = {s.attr("n") for block in spans for s in block if s.kind == "footnote"}
    for footnote in doc.footnotes:
        if footnote.n not in seen:
            warnings.append(Warning_(
                doc.line_of(footnote.start),
                f"footnote {footnote.n} has no marker in the body; it is kept as a note "
                "after the closing"))


def _line(doc: Document, block_start: int, text: str, offset: int) -> int:
    """Source line of an offset into a block's folded text (close enough for messages)."""
    source_offset = block_start
    remaining = len("".join(text[:offset].split()))
    while remaining > 0 and source_offset < len(doc.source):
        if not doc.source[source_offset].isspace():
            remaining -= 1
        source_offset += 1
    return doc.line_of(source_offset)


def _mention_line(doc: Document, text_index: int, offset: int) -> int:
    if text_index < len(doc.blocks):
        block = doc.blocks[text_index]
        return _line(doc, block.start, block.text, offset)
    footnote = doc.footnotes[text_index - len(doc.blocks)]
    return _line(doc, footnote.start, footnote.text, offset)
