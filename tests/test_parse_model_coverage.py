"""The lossless check reads the model's own fields: every field that holds source text is
marked (``tei.model.source_text``) and ``coverage.parts`` lists each marked field."""

from __future__ import annotations

import dataclasses
import types
import typing

import pytest

from tei import model
from tei.model import (
    SOURCE_TEXT,
    Block,
    Consumed,
    Document,
    ExtraField,
    Field,
    Footnote,
    Header,
    source_text,
)
from tei.parse import coverage, parse_text, uncovered

# The model's classes that are pieces of the source (each has offsets into it).
TEXT_TYPES = (Field, ExtraField, Block, Footnote, Consumed, Header)


def _mentions_text(hint: object) -> bool:
    if isinstance(hint, type) and issubclass(hint, TEXT_TYPES):
        return True
    return any(_mentions_text(arg) for arg in typing.get_args(hint))


def unmarked_text_fields(cls: type) -> list[str]:
    """The fields of ``cls`` (and of the model classes it holds) whose type holds source
    text but that carry no source-text marker."""
    found = []
    hints = typing.get_type_hints(cls, vars(model))
    for spec in dataclasses.fields(cls):
        hint = hints[spec.name]
        if _mentions_text(hint) and SOURCE_TEXT not in spec.metadata:
            found.append(f"{cls.__name__}.{spec.name}")
    for spec in dataclasses.fields(cls):
        for arg in (hints[spec.name], *typing.get_args(hints[spec.name])):
            if arg is Header and cls is not Header:
                found += unmarked_text_fields(Header)
    return found


def test_every_field_holding_source_text_is_marked() -> None:
    assert unmarked_text_fields(Document) == []


def test_a_text_field_added_without_the_marker_is_found() -> None:
    # What would happen if someone added a header slot the plain way.
    widened = dataclasses.make_dataclass(
        "WidenedHeader", [("signature", "Field | None", dataclasses.field(default=None))],
        bases=(Header,))
    assert unmarked_text_fields(widened) == ["WidenedHeader.signature"]


def _filled_document() -> tuple[Document, dict[tuple[int, int], str]]:
    """A document whose every marked field holds a piece at a range of its own, and the
    part names expected at those ranges."""
    source = "x" * 400
    expected: dict[tuple[int, int], str] = {}
    cursor = 0

    def piece() -> tuple[int, int]:
        nonlocal cursor
        cursor += 10
        return cursor, cursor + 5

    header = Header()
    for spec in dataclasses.fields(Header):
        what = spec.metadata.get(SOURCE_TEXT)
        if what is None:
            continue
        if spec.name == "extra":
            label, value = piece(), piece()
            header.extra.append(ExtraField("L:", Field("v", *value), *label))
            expected[label], expected[value] = f"{what} label", f"{what} value"
            continue
        start, end = piece()
        item = Field("t", start, end)
        setattr(header, spec.name, [item] if spec.name == "contents" else item)
        expected[(start, end)] = what
    block_range, note_range, consumed_range = piece(), piece(), piece()
    doc = Document("t", source, header,
                   [Block("body", "p", "b", *block_range)],
                   [Footnote("1", "n", *note_range)],
                   [Consumed(*consumed_range, "label")])
    expected[block_range] = "body p"
    expected[note_range] = "footnote"
    expected[consumed_range] = "consumed (label)"
    return doc, expected


def test_parts_lists_every_marked_field() -> None:
    doc, expected = _filled_document()
    found = {(start, end): what for start, end, what in coverage.parts(doc)}
    assert found == expected
    marked = {spec.name for spec in dataclasses.fields(Header) if SOURCE_TEXT in spec.metadata}
    assert marked >= {"date_line", "title", "citation", "summary", "contents", "source", "extra"}


def test_a_marked_field_of_a_type_the_check_cannot_read_is_refused() -> None:
    @dataclasses.dataclass
    class Odd:
        piece: object = source_text("odd", default_factory=lambda: types.SimpleNamespace())

    doc, _ = _filled_document()
    with pytest.raises(TypeError, match="odd"):
        list(coverage._parts_of(doc, Odd(), []))


def test_uncovered_finds_text_outside_every_part_and_joins_runs_over_whitespace() -> None:
    doc = parse_text("November 6, 1962\n\n**Title**\n\nText of the body.\n", "t.txt")
    assert uncovered(doc) == []
    doc.blocks = []
    body = doc.source.index("Text")
    assert uncovered(doc) == [(body, body + len("Text of the body."))]
    doc.header.title = None
    doc.consumed = []
    title = doc.source.index("**Title**")
    # Nothing covers the blank line between them either: one stretch a reader sees.
    assert uncovered(doc) == [(title, body + len("Text of the body."))]
