"""Mixed content from text and nested spans: the one place spans become TEI elements.

Spans of one text nest or are disjoint (the annotators guarantee it:
``tei.annotate.nesting.nest`` drops a span that would cross a stronger one and says so).
Each span kind maps to an element factory; the text between elements becomes
``text``/``tail`` as lxml wants it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from tei.model import Span

Factory = Callable[[Span, str], etree._Element]
"""Makes the element for a span; gets the span and the text it covers."""


@dataclass(slots=True)
class _Open:
    """An element being filled: the span end it stops at, the text consumed so far, its
    last child (``len()`` of an lxml element walks its children), whether it is opaque."""

    element: etree._Element
    end: int
    pos: int
    opaque: bool = False
    last: etree._Element | None = None
    skip_to: int | None = None  # where the parent goes on: past delimiters kept out

    def append_text(self, chunk: str) -> None:
        if not chunk:
            return
        if self.last is not None:
            self.last.tail = (self.last.tail or "") + chunk
        else:
            self.element.text = (self.element.text or "") + chunk

    def append(self, child: etree._Element) -> None:
        self.element.append(child)
        self.last = child


def fill(parent: etree._Element, text: str, spans: Sequence[Span],
         factories: dict[str, Factory], start: int = 0, end: int | None = None) -> None:
    """Append ``text[start:end]`` with its spans (in document order) to ``parent`` as mixed
    content.

    Iterative, with a stack of the open elements, so that nesting as deep as the input's
    brackets never exhausts Python's recursion limit.
    """
    end = len(text) if end is None else end
    root = _Open(parent, end, start, last=parent[-1] if len(parent) else None)
    stack = [root]
    for span in spans:
        if not (start <= span.start and span.end <= end):
            continue
        while len(stack) > 1 and not span.end <= stack[-1].end:
            _close(stack, text)
        top = stack[-1]
        if top.opaque:
            continue  # inside a footnote or a gap: its own words are encoded elsewhere
        top.append_text(text[top.pos:span.start])
        top.pos = max(top.pos, span.start)
        element = factories[span.kind](span, text[span.start:span.end])
        top.append(element)
        opaque = element.attrib.pop("_opaque", None) is not None
        # A factory may keep delimiters out of the element (_trim characters each side).
        trim = int(element.attrib.pop("_trim", "0"))
        if span.start != span.end:
            stack.append(_Open(element, span.end - trim, span.start + trim, opaque,
                               skip_to=span.end))
    while len(stack) > 1:
        _close(stack, text)
    root.append_text(text[root.pos:end])


def _close(stack: list[_Open], text: str) -> None:
    done = stack.pop()
    if not done.opaque:
        done.append_text(text[done.pos:done.end])
    stack[-1].pos = max(stack[-1].pos, done.end if done.skip_to is None else done.skip_to)
