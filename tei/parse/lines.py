"""Lines with their offsets into the source, and the folding rule every part's text follows."""

from __future__ import annotations

from dataclasses import dataclass

from tei.model import Field


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
    """Line breaks and whitespace runs to a single space, ends trimmed."""
    return " ".join(text.split())


def split_lines(source: str) -> list[Line]:
    """Every line of ``source``; a line's offsets exclude its indentation."""
    result: list[Line] = []
    offset = 0
    for no, raw in enumerate(source.split("\n"), start=1):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = offset + lead if stripped else offset
        result.append(Line(no, start, start + len(stripped), stripped))
        offset += len(raw) + 1
    return result


def cut(line: Line, start: int, end: int | None = None) -> Line:
    """The part of ``line`` from source offset ``start`` (to ``end``), whitespace trimmed."""
    end = line.end if end is None else end
    piece = line.text[start - line.start : end - line.start]
    lead = len(piece) - len(piece.lstrip())
    stripped = piece.strip()
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
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    start, end = start + lead, end - trail
    return Field(fold(source[start:end]), start, end)


def span_field(source: str, lines: list[Line]) -> Field:
    return make_field(source, lines[0].start, lines[-1].end)
