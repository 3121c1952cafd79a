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


# What each kind may hold, as the project's schema has it (``None``: a block's own text,
# which holds everything; so do a footnote marker and a gap, whose words are not encoded
# as mixed content). A span the schema would refuse where it nests is left untagged.
_MILESTONES = frozenset({"pb", "lb"})
_NAMES = frozenset({"persName", "placeName", "orgName"})
_PHRASE = frozenset({*_NAMES, "date", "supplied", "gap", "editorial", "footnote", *_MILESTONES})
MAY_HOLD: dict[str, frozenset[str]] = {
    **{name: frozenset({"supplied", *_MILESTONES}) for name in _NAMES},
    "date": frozenset({"supplied", *_MILESTONES}),
    "supplied": frozenset({*_NAMES, "date", *_MILESTONES}),
    "editorial": _PHRASE,
    "label": frozenset(),
    "pb": frozenset(),
    "lb": frozenset(),
}


# Deeper nesting than this is left untagged: no reader needs it, and the XML stays well
# inside the depth an XML parser accepts (libxml2: 256 levels).
MAX_NESTING = 32


def nest(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Spans that nest properly, and the ones dropped because they crossed a stronger one
    or stood where the schema allows no such element, or nested deeper than MAX_NESTING."""
    ordered = sorted(spans, key=lambda s: (PRIORITY.get(s.kind, 9), s.start, -s.end))
    kept: list[Span] = []
    dropped: list[Span] = []
    for span in ordered:
        if any(_crosses(span, k) or _same_range_same_kind(span, k) for k in kept):
            dropped.append(span)
        else:
            kept.append(span)
    kept.sort(key=_document_order)
    while True:
        misplaced = _misplaced(kept)
        if not misplaced:
            break
        dropped.extend(misplaced)
        kept = [s for s in kept if s not in misplaced]
    return kept, dropped


def _misplaced(ordered: list[Span]) -> set[Span]:
    """Spans (in document order, properly nested) that the content model refuses where they
    stand. A label is only ever a block's first words: inside a name or a date it was the
    start of that name or date, so the label goes. Otherwise the weaker of the two goes."""
    stack: list[Span] = []
    out: set[Span] = set()
    for span in ordered:
        while stack and not (stack[-1].start <= span.start and span.end <= stack[-1].end):
            stack.pop()
        parent = stack[-1] if stack else None
        if len(stack) >= MAX_NESTING:
            out.add(span)
            continue
        if parent is None or span.kind in MAY_HOLD.get(parent.kind, _PHRASE):
            stack.append(span)
            continue
        if span.kind == "label" or (parent.kind != "label" and _weaker_or_same(span, parent)):
            out.add(span)
        else:
            out.add(parent)
            stack.pop()
            stack.append(span)
    return out


def _weaker_or_same(a: Span, b: Span) -> bool:
    return PRIORITY.get(a.kind, 9) >= PRIORITY.get(b.kind, 9)


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
    """Append ``text[start:end]`` with its spans (in document order) to ``parent`` as mixed
    content.

    Iterative, with a stack of the open elements, so that nesting as deep as the input's
    brackets never exhausts Python's recursion limit.
    """
    end = len(text) if end is None else end
    # Each open element: [element, span end, text consumed up to, opaque].
    root: list = [parent, end, start, False]
    stack = [root]
    for span in spans:
        if not (start <= span.start and span.end <= end):
            continue
        while len(stack) > 1 and not span.end <= stack[-1][1]:
            _close(stack, text)
        top = stack[-1]
        if top[3]:
            continue  # inside a footnote or a gap: its own words are encoded elsewhere
        _append_text(top[0], text[top[2]:span.start])
        top[2] = max(top[2], span.start)
        element = factories[span.kind](span, text[span.start:span.end])
        top[0].append(element)
        opaque = element.attrib.pop("_opaque", None) is not None
        if span.start != span.end:
            stack.append([element, span.end, span.start, opaque])
    while len(stack) > 1:
        _close(stack, text)
    _append_text(parent, text[root[2]:end])


def _close(stack: list[list], text: str) -> None:
    element, span_end, pos, opaque = stack.pop()
    if not opaque:
        _append_text(element, text[pos:span_end])
    stack[-1][2] = max(stack[-1][2], span_end)


def _append_text(parent: etree._Element, chunk: str) -> None:
    if not chunk:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + chunk
    else:
        parent.text = (parent.text or "") + chunk
