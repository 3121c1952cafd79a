"""One plain-text document to a :class:`Document`: the stages of the parser in order."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tei.errors import InputError
from tei.model import Block, Document, Warning_
from tei.parse.bylines import mark_author_and_title_lines
from tei.parse.closer import CLOSER_RULES, read_closer
from tei.parse.coverage import furniture_ranges, source_ranges, uncovered
from tei.parse.envelope import check_characters, decode, normalise
from tei.parse.header import HEADER_RULES, read_header
from tei.parse.lines import blocks_of_single_lines, fold, split_lines
from tei.parse.opener import LINE_TYPES, OPENER_RULES, LineType, read_opener
from tei.parse.paragraphs import read_paragraphs
from tei.parse.rules import Rule
from tei.parse.tail import FOOTNOTE_RULES, take_footnotes, take_source_line, take_trailer

# The parser's ordered rule tables, by the names docs/format-coverage.md cites them with;
# each entry has a ``layout`` id (docs/layouts.md) and a ``name``.
RULE_TABLES: dict[str, Sequence[Rule[Any, Any] | LineType]] = {
    "header": HEADER_RULES,
    "opener": OPENER_RULES,
    "line-types": LINE_TYPES,
    "closer": CLOSER_RULES,
    "footnotes": FOOTNOTE_RULES,
}

NOT_A_DOCUMENT = (
    "not a document of this kind: no date line (such as 'November 6, 1962'), "
    "no header label (such as 'Citation:') and no telegram layout "
    "(classification line, closing signature, footnote list) was found"
)
NOT_A_DOCUMENT_HINT = (
    "give a plain-text export of an archive document; if this is one, "
    "put its date line at the top"
)


def read_document(path: Path) -> Document:
    """Read and parse one file; raises :class:`InputError` for input that cannot be used."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read the file: {error.strerror}") from None
    return parse_text(decode(data, str(path)), str(path))


def parse_text(text: str, name: str) -> Document:
    """Parse the text of one document; ``name`` is the file name used in messages."""
    check_characters(text, name)
    source = normalise(text)
    if not source.strip():
        raise InputError(name, "the file is empty", "export the document again")
    lines = blocks_of_single_lines(split_lines(source))
    found = read_header(source, lines)
    header, consumed, warnings = found.header, found.consumed, found.warnings
    body = take_trailer(source, found.body, header)
    source_on_top = header.source is not None
    body = take_source_line(source, body, header, consumed)
    body, notes = take_footnotes(
        source, body, consumed, before_source_line=header.source is not None and not source_on_top
    )
    body, closer = read_closer(
        source, body, last_line_signer=bool(notes) or header.source is not None
    )
    opener, body = read_opener(source, body)
    blocks = mark_author_and_title_lines(
        opener + read_paragraphs(source, body, warnings) + closer, source)
    doc = Document(name, source, header, blocks, notes, consumed, warnings)
    if not (header.date_line or found.labels_seen or header.citation or header.source
            or opener or closer or notes):
        raise InputError(name, NOT_A_DOCUMENT, NOT_A_DOCUMENT_HINT)
    if header.date_line is None:
        warnings.append(Warning_(1, "no date line at the top: the document date is not known",
                                 "layout-no-date-line"))
    _keep_unplaced(doc)
    # Each block carries the source ranges it stands for (less the page furniture a
    # rejoined paragraph spans), so later stages need not work them out again.
    furniture = furniture_ranges(doc)
    for block in doc.blocks:
        block.ranges = tuple(source_ranges(doc, block, furniture))
    return doc


def _keep_unplaced(doc: Document) -> None:
    """Text no rule placed becomes a body paragraph, reported, so nothing is ever lost."""
    leftovers = uncovered(doc)
    if not leftovers:
        return
    rescued = [
        Block("body", "p", fold(doc.source[start:end]), start, end) for start, end in leftovers
    ]
    for block in rescued:
        doc.warnings.append(Warning_(doc.line_of(block.start),
                                     "text that fits no part of the layout is kept as a paragraph",
                                     "layout-unplaced"))
    opener = [b for b in doc.blocks if b.section == "opener"]
    body = sorted([b for b in doc.blocks if b.section == "body"] + rescued, key=lambda b: b.start)
    closer = [b for b in doc.blocks if b.section == "closer"]
    doc.blocks = opener + body + closer
