"""The lossless check: every non-whitespace source character belongs to exactly one part."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterator

from tei.model import (
    LAYOUT_WHITESPACE,
    SOURCE_TEXT,
    Block,
    Consumed,
    Document,
    ExtraField,
    Field,
    Footnote,
)

PAGE_FURNITURE = ("page-number", "running-header")


def furniture_ranges(doc: Document) -> list[tuple[int, int]]:
    """The source ranges of the page-furniture blocks, in order (see :func:`source_ranges`)."""
    return sorted((b.start, b.end) for b in doc.blocks
                  if b.attrs.get("type") in PAGE_FURNITURE)


def source_ranges(doc: Document, block: Block,
                  furniture: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The source ranges ``block`` stands for: its range less the page furniture inside it.

    A paragraph rejoined over a page break (K4) spans the page number or running header
    between its halves; that line is its own block, listed after the paragraph.
    ``furniture`` is :func:`furniture_ranges` of ``doc``, given by a caller that asks for
    many blocks (so each call costs a bisection, not a pass over every block).
    """
    if block.section != "body" or block.attrs.get("type") in PAGE_FURNITURE:
        return [(block.start, block.end)]
    if furniture is None:
        furniture = furniture_ranges(doc)
    ranges: list[tuple[int, int]] = []
    cursor = block.start
    k = bisect_right(furniture, (block.start, len(doc.source) + 1))
    while k < len(furniture) and furniture[k][0] < block.end:
        other_start, other_end = furniture[k]
        k += 1
        if block.start < other_start and other_end < block.end:
            if other_start > cursor:
                ranges.append((cursor, other_start))
            cursor = max(cursor, other_end)
    if block.end > cursor or not ranges:
        ranges.append((cursor, block.end))
    return ranges


def parts(doc: Document) -> Iterator[tuple[int, int, str]]:
    """Every part of ``doc`` as ``(start, end, what)`` over ``doc.source``.

    The parts are read from the model's fields marked as source text
    (:func:`tei.model.source_text`), so a text-bearing field added to the model is
    counted without a list here to keep in step.
    """
    yield from _parts_of(doc, doc, furniture_ranges(doc))


_TEXT_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _text_fields(holder: type) -> tuple[tuple[str, str], ...]:
    """``(attribute, part name)`` of the fields of dataclass ``holder`` marked as source text
    (worked out once per class)."""
    found = _TEXT_FIELDS.get(holder)
    if found is None:
        found = _TEXT_FIELDS[holder] = tuple(
            (spec.name, spec.metadata[SOURCE_TEXT]) for spec in dataclasses.fields(holder)
            if SOURCE_TEXT in spec.metadata)
    return found


def _parts_of(doc: Document, holder: object, furniture: list[tuple[int, int]]
              ) -> Iterator[tuple[int, int, str]]:
    for attribute, what in _text_fields(type(holder)):
        value = getattr(holder, attribute)
        for item in value if isinstance(value, list) else (value,):
            if item is not None:
                yield from _item_parts(doc, item, what, furniture)


def _item_parts(doc: Document, item: object, what: str, furniture: list[tuple[int, int]]
                ) -> Iterator[tuple[int, int, str]]:
    if isinstance(item, Field | Footnote):
        yield item.start, item.end, what
    elif isinstance(item, ExtraField):
        yield item.label_start, item.label_end, f"{what} label"
        if item.value is not None:
            yield item.value.start, item.value.end, f"{what} value"
    elif isinstance(item, Block):
        for start, end in source_ranges(doc, item, furniture):
            yield start, end, f"{item.section} {item.kind}"
    elif isinstance(item, Consumed):
        yield item.start, item.end, f"{what} ({item.reason})"
    elif dataclasses.is_dataclass(item):
        yield from _parts_of(doc, item, furniture)  # a part of the model holding parts
    else:
        raise TypeError(f"the lossless check cannot read {what!r}, a {type(item).__name__}")


def uncovered(doc: Document) -> list[tuple[int, int]]:
    """Source ranges of non-whitespace characters in no part.

    Runs separated only by whitespace are merged, so each range is a stretch of text a
    reader would see as one piece: within each stretch between parts, from its first
    character that is not layout whitespace to its last.
    """
    source = doc.source
    size = len(source)
    # The parts' ranges, clipped to the source, sorted and merged: the stretches between
    # them are what no part covers (a pass over the parts, not over every character).
    spans = sorted((max(start, 0), min(end, size)) for start, end, _ in parts(doc)
                   if min(end, size) > max(start, 0))
    gaps: list[tuple[int, int]] = []
    cursor = 0
    for start, end in spans:
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < size:
        gaps.append((cursor, size))
    ranges: list[tuple[int, int]] = []
    for start, end in gaps:
        first = _TEXT.search(source, start, end)
        if first is None:
            continue
        last = len(source[first.start() : end].rstrip(LAYOUT_WHITESPACE)) + first.start()
        ranges.append((first.start(), last))
    return ranges


_TEXT = re.compile(f"[^{re.escape(LAYOUT_WHITESPACE)}]")


def overlaps(doc: Document) -> list[tuple[tuple[int, int, str], tuple[int, int, str]]]:
    """Pairs of parts that share a source character."""
    ordered = sorted(p for p in parts(doc) if p[1] > p[0])
    found = []
    for first, second in zip(ordered, ordered[1:], strict=False):
        if second[0] < first[1]:
            found.append((first, second))
    return found
