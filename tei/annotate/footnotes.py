"""Footnote markers in the body, matched against the numbers of the footnote list.

A marker is accepted only when its number is the next footnote still waiting for a
marker, so a number in a date, a copy number or a list item is not taken for one.
Marker styles (FORMAT.md F1-F5): superscript digits, a digit glued to a word, to
punctuation or to a closing bracket (``[…]4``), ``[n]``, a digit after a year's full stop
(``1963.5``), a digit after a space following a word in capitals, and a bare digit after a
space that closes a clause (``the minister 4,``) unless a counting word stands before it
(``page 3.``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tei.date_words import MONTH_ABBREVIATIONS, MONTH_NAMES
from tei.model import SUPERSCRIPT_DIGITS, Span

_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

# Each alternative yields the number and the marker style (the @rend of the note).
_MARKER = re.compile(
    rf"(?P<sup>[{SUPERSCRIPT_DIGITS}]+)"
    r"|\[(?P<bracket>\d{1,3})\]"
    # after a year and its full stop: "in 1963.5 The" (before "glued", which refuses it)
    r"|(?<=(?<!\d)(?:1[89]|20)\d\d\.)(?P<year>\d{1,3})(?=\s+[A-Z\"“]|\s*$)"
    # glued to a letter, closing quote, bracket or punctuation: "elections,1" "NOWAK2"
    # "Khrushchev.1" "[…]4"
    r"|(?<=[A-Za-zÀ-ɏ\.,;\)\]\"'’”])(?P<glued>\d{1,3})(?=[\s,.;:)\]]|$)"
    # after a space behind a word in capitals (PDF text): "NOWAK 2"
    r"|(?<=[A-ZÀ-Þ]{2} )(?P<spaced>\d{1,3})(?=[\s,.;:]|$)"
    # after a space behind any word, closing a clause: "the minister 4, who" "in Rome 2."
    r"|(?<=[A-Za-zÀ-ɏ]{2} )(?P<bare>\d{1,3})(?=[,.;:](?:\s|$)|$)"
)
_DIGIT = re.compile(rf"[\d{SUPERSCRIPT_DIGITS}]")
# A bare digit after these words is a count or a reference, not a marker ("page 3.").
_COUNTING_WORD = re.compile(
    r"\b(?:no|nos|nr|number|numbers|page|pages|paragraph|paragraphs|point|points|item|items|"
    r"article|articles|section|sections|chapter|clause|copy|copies|telegram|telegrams|cable|"
    r"cables|note|notes|annex|table|figure|at|of|to|from|and|or|than|by|for|in|on|about|"
    r"over|under|only|some|all|the|these|those|its|his|her|their|our|your|my|per|each|"
    r"version|room|line|lines|group|groups|phase|stage|part|parts|volume|vol|file|box|"
    # a day after its month ("on November 3.")
    + "|".join(word.lower() for word in (*MONTH_NAMES, *MONTH_ABBREVIATIONS))
    + r")\.?\s$",
    re.IGNORECASE)
# A glued digit after these is a number, not a marker: "No.12", "Nº3", "IL-28", "1,000".
_NUMBER_CONTEXT = re.compile(r"(?:No\.|Nº|№|Nr\.|#|\d[.,]|[A-Z]-?)$")


def find_markers(texts: Sequence[str], numbers: Sequence[str]) -> list[list[Span]]:
    """Footnote spans per text, each covering the marker characters, in footnote order."""
    waiting = list(numbers)
    result: list[list[Span]] = [[] for _ in texts]
    for index, text in enumerate(texts):
        pos = 0
        while waiting:
            found = _next_marker(text, pos, waiting[0])
            if found is None:
                break
            start, end, rend = found
            attrs = {"n": waiting[0]}
            if rend:
                attrs["rend"] = rend
            result[index].append(Span.make(start, end, "footnote", **attrs))
            waiting.pop(0)
            pos = end
    return result


def _next_marker(text: str, pos: int, wanted: str) -> tuple[int, int, str | None] | None:
    # Every marker holds a digit and starts at it, or at the "[" right before it: the scan
    # starts there (the look-behinds still see the text before), not at every character.
    digit = _DIGIT.search(text, pos)
    if digit is None:
        return None
    for m in _MARKER.finditer(text, max(pos, digit.start() - 1)):
        kind = m.lastgroup
        if kind is None:  # every alternative of _MARKER is a named group
            continue
        value = m.group(kind)
        if kind == "sup":
            value = value.translate(_TO_ASCII)
        if value != wanted:
            continue
        if kind == "glued" and _NUMBER_CONTEXT.search(text[max(0, m.start() - 3):m.start()]):
            # "IL-28": capital letters before the digits mean a designation, unless the word
            # is a whole surname in capitals ("NOWAK2"), which the next check lets through.
            before = _letters_before(text, m.start())
            if not (len(before) > 2 and before.isupper()):
                continue
        if kind == "bare" and _COUNTING_WORD.search(text[max(0, m.start() - 12):m.start()]):
            continue
        rend = {"sup": "superscript", "bracket": "bracket"}.get(kind)
        return m.start(), m.end(), rend
    return None


def _letters_before(text: str, end: int) -> str:
    """The run of letters ending at ``end`` (walked back, not searched for: a search for
    letters up to the end of ``text[:end]`` rescans the text for every marker)."""
    start = end
    while start > 0 and _LETTER.fullmatch(text[start - 1]):
        start -= 1
    return text[start:end]


_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")


def stray_superscripts(text: str, taken: Sequence[tuple[int, int]]) -> list[tuple[int, str]]:
    """Superscript digits that no footnote claimed: markers whose note is missing."""
    return [(m.start(), m.group()) for m in re.finditer(f"[{SUPERSCRIPT_DIGITS}]+", text)
            if not any(s <= m.start() < e for s, e in taken)]
