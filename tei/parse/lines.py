"""Lines with their offsets into the source, and the folding rule every part's text follows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.model import LAYOUT_WHITESPACE as LAYOUT
from tei.model import Field

_WORD = re.compile(r"[^ \t\n]+")
# K2: "Oc-" ending a line right after a letter; a dash ("--", " - ") is not hyphenation.
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
# A hyphen, then white space holding a line break: where a join may happen.
_LINE_END_HYPHEN = re.compile(r"-\s*\n")


@dataclass(frozen=True)
class Line:
    """A stretch of one source line (usually the whole line, stripped of indentation)."""

    no: int  # 1-based line number
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def fold(text: str) -> str:
    """Line breaks and runs of layout whitespace to a single space, ends trimmed (a no-break
    or other Unicode space is a character of the text and stays)."""
    # str methods rather than a regular expression substitution: this runs over every
    # block and field of every document, and the substitution was the parser's hot spot.
    text = text.strip(LAYOUT)
    if "\n" in text or "\t" in text:
        text = text.replace("\n", " ").replace("\t", " ")
    if "  " in text:
        text = " ".join(filter(None, text.split(" ")))
    return text


def fold_hyphenated(
    source: str, start: int, end: int, holes: tuple[tuple[int, int], ...] = ()
) -> tuple[str, tuple[int, ...]]:
    """``source[start:end]`` folded like :func:`fold`, except that a line-end hyphen joins the
    next line's lower-case start without a space (K2); also the offsets just after those hyphens.

    ``holes`` are ranges left out (page furniture inside a rejoined paragraph); the text on
    either side of a hole is separated by a space, as at a blank line.
    """
    if not holes and not _LINE_END_HYPHEN.search(source, start, end):
        # No hyphen ends a line here: plain folding.
        return fold(source[start:end]), ()
    pieces: list[str] = []
    hyphens: list[int] = []
    length = 0
    previous_end: int | None = None
    for match in _WORD.finditer(source, start, end):
        if any(h_start < match.end() and match.start() < h_end for h_start, h_end in holes):
            continue
        word = match.group()
        if previous_end is not None:
            gap = source[previous_end : match.start()]
            hole_between = any(previous_end <= h_start < match.start() for h_start, _ in holes)
            if (
                gap.count("\n") == 1 and not hole_between
                and _HYPHEN_END.search(pieces[-1]) and word[0].islower()
            ):
                hyphens.append(length)
            else:
                pieces.append(" ")
                length += 1
        pieces.append(word)
        length += len(word)
        previous_end = match.end()
    return "".join(pieces), tuple(hyphens)


def split_lines(source: str) -> list[Line]:
    """Every line of ``source``; a line's offsets exclude its indentation."""
    result: list[Line] = []
    offset = 0
    for no, raw in enumerate(source.split("\n"), start=1):
        stripped = raw.strip(LAYOUT)
        lead = len(raw) - len(raw.lstrip(LAYOUT))
        start = offset + lead if stripped else offset
        result.append(Line(no, start, start + len(stripped), stripped))
        offset += len(raw) + 1
    return result


def blocks_of_single_lines(lines: list[Line]) -> list[Line]:
    """The newer site's export with no blank line anywhere (every line a block, K6): a blank
    line is put between every two lines, so each is read as its own block, except where a
    line ends mid-sentence and the next goes on in lower case (a wrap inside one block).
    Text with any blank line between its first and last lines is returned as it is."""
    filled = [k for k, line in enumerate(lines) if not line.blank]
    if len(filled) < 2 or any(line.blank for line in lines[filled[0]:filled[-1]]):
        return lines
    result: list[Line] = list(lines[:filled[0] + 1])
    for line in lines[filled[0] + 1:filled[-1] + 1]:
        previous = result[-1]
        if not (_OPEN_END.search(previous.text) and line.text[:1].islower()):
            result.append(Line(previous.no, previous.end, previous.end, ""))
        result.append(line)
    return result + list(lines[filled[-1] + 1:])


_OPEN_END = re.compile(r"[^.!?:;…\"”’»)\]]$")


def cut(line: Line, start: int, end: int | None = None) -> Line:
    """The part of ``line`` from source offset ``start`` (to ``end``), whitespace trimmed."""
    end = line.end if end is None else end
    piece = line.text[start - line.start : end - line.start]
    lead = len(piece) - len(piece.lstrip(LAYOUT))
    stripped = piece.strip(LAYOUT)
    return Line(line.no, start + lead, start + lead + len(stripped), stripped)


def chunks(lines: list[Line]) -> list[list[Line]]:
    """Runs of consecutive non-blank lines."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                groups.append(current)
                current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def make_field(source: str, start: int, end: int) -> Field:
    """A field over ``source[start:end]`` with surrounding whitespace excluded."""
    piece = source[start:end]
    lead = len(piece) - len(piece.lstrip(LAYOUT))
    trail = len(piece) - len(piece.rstrip(LAYOUT))
    start, end = start + lead, end - trail
    return Field(fold(source[start:end]), start, end)


def span_field(source: str, lines: list[Line]) -> Field:
    return make_field(source, lines[0].start, lines[-1].end)
