"""Mixed content from text and nested spans: the one place spans become TEI elements.

Spans of one text nest or are disjoint (the annotators guarantee it; ``nest`` drops a
span that would cross a stronger one and says so). Each span kind maps to an element
factory; the text between elements becomes ``text``/``tail`` as lxml wants it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree

from tei.model import Span

TEI_NS = "http://www.tei-c.org/ns/1.0"


def T(name: str) -> str:
    """Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{name}"


# Stronger kinds win when two spans cross: structure first, then editorial, then names.
PRIORITY = {
    "footnote": 0,
    "label": 1,
    "hi": 1,
    "title": 1,
    "pb": 1,
    "lb": 1,
    "gap": 2,
    "editorial": 2,
    "supplied": 3,
    "date": 4,
    "persName": 5,
    "placeName": 6,
    "orgName": 6,
}


def nest(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Spans that nest properly, and the ones dropped because they crossed a stronger one."""
    ordered = sorted(spans, key=lambda s: (PRIORITY.get(s.kind, 9), s.start, -s.end))
    kept: list[Span] = []
    dropped: list[Span] = []
    for span in ordered:
        if any(_crosses(span, k) or _same_range_same_kind(span, k) for k in kept):
            dropped.append(span)
        else:
            kept.append(span)
    return sorted(kept, key=_document_order), dropped


def _crosses(a: Span, b: Span) -> bool:
    if a.start == a.end or b.start == b.end:  # a zero-width span only crosses by sitting inside
        return False
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def _same_range_same_kind(a: Span, b: Span) -> bool:
    return a.kind == b.kind and a.start == b.start and a.end == b.end


def _document_order(span: Span) -> tuple[int, int, int]:
    # Outer before inner at the same start; zero-width spans before what starts there.
    return span.start, -(span.end - span.start), PRIORITY.get(span.kind, 9)


Factory = Callable[[Span, str], etree._Element]
"""Makes the element for a span; gets the span and the text it covers."""


def fill(parent: etree._Element, text: str, spans: Sequence[Span],
         factories: dict[str, Factory], start: int = 0, end: int | None = None) -> None:
    """Append ``text[start:end]`` with its spans to ``parent`` as mixed content."""
    end = len(text) if end is None else end
    pos = start
    i = 0
    inside = [s for s in spans if start <= s.start and s.end <= end]
    while i < len(inside):
        span = inside[i]
        _append_text(parent, text[pos:span.start])
        element = factories[span.kind](span, text[span.start:span.end])
        parent.append(element)
        children = [s for s in inside[i + 1:] if span.start <= s.start and s.end <= span.end
                    and s is not span]
        # A factory may keep delimiters out of the element (_trim characters each side).
        trim = int(element.attrib.pop("_trim", "0"))
        if span.start != span.end and element.get("_opaque") is None:
            fill(element, text, children, factories, span.start + trim, span.end - trim)
        element.attrib.pop("_opaque", None)
        pos = max(pos, span.end)
        i += 1 + len(children)
    _append_text(parent, text[pos:end])


def _append_text(parent: etree._Element, chunk: str) -> None:
    if not chunk:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + chunk
    else:
        parent.text = (parent.text or "") + chunk
