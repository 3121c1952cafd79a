"""Which spans of one text are kept so that they nest: the stronger wins where two cross,
and a span stands only where the schema allows its element. Knows no XML: the content
model is written here as the kinds each kind may hold.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from tei.model import Span

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
    in_order = sorted(spans, key=_document_order)
    if _side_by_side(in_order):
        return in_order, []  # most texts: nothing crosses, nothing holds anything
    ordered = sorted(spans, key=lambda s: (PRIORITY.get(s.kind, 9), s.start, -s.end))
    kept: list[Span] = []
    dropped: list[Span] = []
    crossing = _CrossingIndex(ordered)
    taken: set[tuple[int, int, str]] = set()
    for span in ordered:
        if (span.start, span.end, span.kind) in taken or crossing.crosses(span):
            dropped.append(span)
        else:
            kept.append(span)
            taken.add((span.start, span.end, span.kind))
            crossing.add(span)
    kept.sort(key=_document_order)
    while True:
        misplaced = _misplaced(kept)
        if not misplaced:
            break
        dropped.extend(misplaced)
        kept = [s for s in kept if s not in misplaced]
    return kept, dropped


def _side_by_side(ordered: list[Span]) -> bool:
    """The spans (in document order) are none of them empty and each ends before or where
    the next starts: none crosses, none holds another, no two are the same."""
    end = -1
    for span in ordered:
        if span.start >= span.end or span.start < end:
            return False
        end = span.end
    return True


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


class _CrossingIndex:
    """The spans kept so far, asked whether a new span crosses one of them, in O(log n).

    A kept span K crosses S = [a, b) when K starts inside S and ends after it (the greatest
    end among kept spans starting in (a, b) is above b), or starts before S and ends inside
    it (the least start among kept spans ending in (a, b) is below a). Zero-width spans
    never cross (they only sit inside). Two range trees over the span offsets answer both.
    """

    def __init__(self, spans: Sequence[Span]) -> None:
        self.offsets = sorted({o for s in spans for o in (s.start, s.end)})
        self.size = max(1, len(self.offsets))
        self.end_by_start = [_NONE] * (2 * self.size)  # max
        self.start_by_end = [_NONE] * (2 * self.size)  # max of -start, i.e. least start

    def _index(self, offset: int) -> int:
        return bisect_left(self.offsets, offset)

    def add(self, span: Span) -> None:
        if span.start == span.end:
            return
        _raise(self.end_by_start, self.size + self._index(span.start), span.end)
        _raise(self.start_by_end, self.size + self._index(span.end), -span.start)

    def crosses(self, span: Span) -> bool:
        if span.start == span.end:
            return False
        lo, hi = self._index(span.start) + 1, self._index(span.end)  # offsets strictly inside
        if lo >= hi:
            return False
        return (_greatest(self.end_by_start, self.size, lo, hi) > span.end
                or _greatest(self.start_by_end, self.size, lo, hi) > -span.start)


_NONE = -(1 << 62)


def _raise(tree: list[int], leaf: int, value: int) -> None:
    while leaf and tree[leaf] < value:
        tree[leaf] = value
        leaf //= 2


def _greatest(tree: list[int], size: int, lo: int, hi: int) -> int:
    """Greatest value over leaves ``lo``..``hi - 1`` (``_NONE`` when none was set)."""
    best = _NONE
    lo += size
    hi += size
    while lo < hi:
        if lo & 1:
            best = max(best, tree[lo])
            lo += 1
        if hi & 1:
            hi -= 1
            best = max(best, tree[hi])
        lo //= 2
        hi //= 2
    return best


def _document_order(span: Span) -> tuple[int, int, int]:
    # Outer before inner at the same start; zero-width spans before what starts there.
    return span.start, -(span.end - span.start), PRIORITY.get(span.kind, 9)
