"""The top of the body: datelines, classification, handling and transmission lines (FORMAT.md D).

Each source line of the opener becomes its own block. The opener ends at the first line
that is none of these (usually the first paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from tei.model import Block
from tei.parse import patterns as pat
from tei.parse.lines import Line, make_field
from tei.parse.rules import Outcome, Rule, apply_first, taken

_I = re.I


class LineType(NamedTuple):
    """A kind of opener line: its layout id, a name (unique in the table), the type its
    block gets (``attrs["type"]``), the pattern and the longest line it is trusted on."""

    layout: str
    name: str
    type: str
    pattern: re.Pattern[str]
    longest: int


# Tried in order; the first whose pattern matches the whole line gives its type.
LINE_TYPES: list[LineType] = [
    LineType("D1", "classification", "classification", re.compile(
        r"(?:top\s+secret|secret|confidential|strictly\s+(?:confidential|secret)|restricted"
        r"|for\s+official\s+use\s+only)\b.*", _I), 60),
    LineType("D2", "handling", "handling", re.compile(
        r"(?:making\s+copies\s+prohibited|eyes\s+only|by\s+courier|personal(?:\s+and\s+"
        r"confidential)?|not\s+for\s+publication|only\s+copy|\(not\s+yet\s+reviewed\)"
        r"|\(when\s+completed\))[.!,]?(?:\s*[-–—,.]?\s*[A-Za-z ,.!]{0,30})?", _I), 60),
    LineType("D3", "copy", "copy", re.compile(
        r".{0,20}\bcop(?:y|ies)\s*(?:no\.?|nº|№|#)\s*\d+.*", _I), 60),
    LineType("D4", "telegram-type", "telegram-type", re.compile(
        r"(?:(?:ciphered|coded|cipher|urgent)\s+telegram|telegram|ciphergram|cable"
        r"|translation\s+of\s+(?:a\s+)?(?:coded|ciphered)\s+telegram|newsflash!?"
        r"|incoming\s+telegram|outgoing\s+telegram)\.?", _I), 60),
    LineType("D5", "priority", "priority", re.compile(
        r"(?:top\s+priority|highest\s+priority|priority|urgent|immediate|flash|operational)"
        r"\b[ ,!.]*(?:[A-Za-z]+[ ,!.]*){0,3}", _I), 40),
    LineType("D6", "serial", "serial", re.compile(
        r"(?:ciphergram|spec\.?|file|outgoing|incoming|report|your|our)?\s*"
        r"(?:no\.?|nº|№|nr\.?|#|number)\s*(?:[A-Z]{1,3}\s)?[\w/.-]*\d.*|(?:nº|№)\s*\d+.*|"
        r"telegram\s+from\s+\S+\s+file\s*#.*|report\s*#.*", _I), 80),
    LineType("D19", "distribution", "distribution", re.compile(
        r"(?:received\s+by|copies\s+made|\w+\s+copies\s+printed|distribution)\b.*"
        r"|\d+\s*[-–]\s*(?:to\s|cde\.|comrade).*|\d+(?:st|nd|rd|th)\s*[-–]\s*.*", _I), 80),
    LineType("D8", "transmission", "transmission", re.compile(
        r"(?=.*\d)(?:arrived|processed|dispatched|received|sent|came\s+to\s+the\s+decoding|decoded"
        r"|deciphered|transmitted)\b.*", _I), 200),
    LineType("D9", "addressee", "addressee", re.compile(
        r"(?:to\s*:|to\s+comrades?\b|attention\s*:|for\s*:).*"
        r"|\[[^\]]{3,60}\]\s*[A-ZÀ-Þ][\w'’-]+\.?", _I), 120),
    LineType("D9", "sender", "sender", re.compile(r"from\s*:.*", _I), 120),
    LineType("D10", "stamp", "stamp", re.compile(
        r".*\[\s*(?:stamp|handwritten|handwriting|seal)\b.*|received", _I), 120),
    LineType("D15", "field", "field", re.compile(
        r"(?:date|place|time|subject|participants|present|ref|re|reference)\s*:.*", _I), 120),
    LineType("D16", "routing", "routing", re.compile(r"[A-Z]{2,}(?:/[A-Z0-9.()]+){1,}\S*"), 40),
    # A form line with blanks to fill.
    LineType("D18", "form-line", "field", re.compile(r".*_{3,}.*"), 120),
    # "Ministry of Foreign Affairs:" (an addressee line ending in a colon)
    LineType("D13", "addressee-with-colon", "addressee", re.compile(
        r"[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|of|for|the|and)){0,6}:"), 60),
]
# D12, D14, D17 and the FRUS memcon headings: short lines in capitals.
HEADING = re.compile(r"[A-ZÀ-Þ0-9][A-ZÀ-Þ0-9 .,'’&:()/-]{2,70}|(?:[A-Z] ){2,}[A-Z]:?")
LETTER_SPACED = re.compile(r"(?:[A-ZÀ-Þ] ){2,}[A-ZÀ-Þ]:?")
# A heading whose items follow it, one per line: one item after SUBJECT, many after the others.
SINGLE_ITEM_HEADINGS = re.compile(r"subject|re|topic", re.I)
LIST_HEADINGS = re.compile(
    r"participants?|others present|present|attendees|distribution:?|received by:?"
    r"|\w+ copies printed:?|copies to:?",
    re.I,
)
SALUTE = re.compile(r"(?:dear|esteemed|my\s+dear|respected|honou?red)\s+.{2,80}[,:!]", re.I)
_LOWER_START = re.compile(r"[a-zà-ÿ]")
_SENTENCE = re.compile(r"\b[a-z]+\b.*[.!?:]$|^(?:\d{1,2}|[a-z])[.)]\s|^\([a-z0-9]\)\s")


def classify(text: str) -> str | None:
    """The ``attrs["type"]`` of an opener line, or None if the line is not one."""
    if LETTER_SPACED.fullmatch(text):
        # D17: "S E C R E T" reads as "SECRET"; a letter-spaced place name is a heading.
        collapsed = classify("".join(text.split()))
        return collapsed if collapsed in ("classification", "handling", "priority") else "heading"
    for line_type in LINE_TYPES:
        if len(text) <= line_type.longest and line_type.pattern.fullmatch(text):
            return line_type.type
    if HEADING.fullmatch(text) and sum(c.isalpha() for c in text) >= 3:
        return "heading"
    return None


class _Opener:
    """The opener as it is read: its blocks, and what the lines just read expect next."""

    def __init__(self, source: str, content: list[Line]) -> None:
        self.source = source
        self.content = content
        self.blocks: list[Block] = []
        self.k = 0  # the index in ``content`` of the line being tried
        self.stamp_open = False
        self.item_type = "field"
        self.items_left = 0  # after SUBJECT or PARTICIPANTS, the short lines are the items

    def add(self, line: Line, kind: str, line_type: str | None = None) -> None:
        self.blocks.append(_block(self.source, line, kind, line_type))

    def continues_heading(self, line: Line) -> bool:
        return bool(self.blocks) and _continues_heading(self.blocks[-1],
                                                        self.content[self.k - 1], line)

    def extend_heading(self, line: Line) -> None:
        heading = self.blocks[-1]
        field = make_field(self.source, heading.start, line.end)
        self.blocks[-1] = Block("opener", "line", field.text, field.start, field.end,
                                attrs=dict(heading.attrs))

    def take_classified(self, line: Line) -> None:
        text = line.text
        line_type = classify(text)
        assert line_type is not None
        self.add(line, "line", line_type)
        stamp_open = False
        if SINGLE_ITEM_HEADINGS.fullmatch(text):
            self.items_left = 1
            self.item_type = "field"
        elif LIST_HEADINGS.fullmatch(text):
            self.items_left = 100
            self.item_type = "distribution" if line_type == "distribution" else "field"
        elif line_type == "stamp" and text.count("[") > text.count("]"):
            self.items_left = 0
            stamp_open = True
        elif line_type != "heading":
            self.items_left = 0
        self.stamp_open = stamp_open

    def take_stamp_line(self, line: Line) -> None:
        self.add(line, "line", "stamp")
        self.stamp_open = False

    def is_item(self, line: Line) -> bool:
        return bool(self.items_left) and (self.items_left == 1 or _is_list_item(line.text))

    def take_item(self, line: Line) -> None:
        self.add(line, "line", self.item_type)
        self.items_left -= 1


def _take_salutation(opener: _Opener, line: Line) -> Outcome:
    opener.add(line, "salute")
    return Outcome.LAST  # the text begins after the salutation


def _adding(kind: str) -> Callable[[_Opener, Line], Outcome]:
    return taken(lambda opener, line: opener.add(line, kind))


# The opener, read from the first body line down (FORMAT.md D, E1): each line is tried
# against these rules in order; the opener ends above the first line none takes.
OPENER_RULES: list[Rule[_Opener, Line]] = [
    Rule("D11", "opening-dateline",
         lambda opener, line: bool(pat.DATELINE.fullmatch(line.text)) and len(line.text) <= 80,
         _adding("dateline")),
    # "JOURNAL" / "of the Ambassador ... for the period ...": one heading.
    Rule("D14", "heading-going-on-in-lower-case", _Opener.continues_heading,
         taken(_Opener.extend_heading)),
    Rule("I6", "salutation", lambda opener, line: bool(SALUTE.fullmatch(line.text)),
         _take_salutation),
    # One entry of LINE_TYPES, or a heading; each line of a stack is its own block.
    Rule("D7", "classified-line", lambda opener, line: classify(line.text) is not None,
         taken(_Opener.take_classified)),
    # A stamp flattened from columns runs on over the next line.
    Rule("D10", "stamp-going-on",
         lambda opener, line: opener.stamp_open and len(line.text) <= 80
         and not _SENTENCE.search(line.text),
         taken(_Opener.take_stamp_line)),
    Rule("D15", "item-under-a-heading", _Opener.is_item, taken(_Opener.take_item)),
]


def read_opener(source: str, lines: list[Line]) -> tuple[list[Block], list[Line]]:
    """Take the opener off the top of ``lines``: (blocks, remaining lines)."""
    content = [line for line in lines if not line.blank]
    opener = _Opener(source, content)
    while opener.k < len(content):
        outcome = apply_first(OPENER_RULES, opener, content[opener.k])
        if outcome is Outcome.END:
            break
        opener.k += 1
        if outcome is Outcome.LAST:
            break
    if not opener.blocks:
        return [], lines
    last = content[opener.k - 1]
    return opener.blocks, lines[lines.index(last) + 1 :]


def _continues_heading(heading: Block, previous: Line, line: Line) -> bool:
    """A lower-case line right under a heading goes on with it (a blank line between is
    allowed when the line does not read as a sentence)."""
    if heading.attrs.get("type") != "heading" or len(line.text) > 160:
        return False
    if not _LOWER_START.match(line.text):
        return False
    return line.no == previous.no + 1 or not _SENTENCE.search(line.text)


def _is_list_item(text: str) -> bool:
    return len(text.split()) <= 12 and not _SENTENCE.search(text)


def _block(source: str, line: Line, kind: str, line_type: str | None = None) -> Block:
    field = make_field(source, line.start, line.end)
    attrs = {"type": line_type} if line_type else {}
    return Block("opener", kind, field.text, field.start, field.end, attrs=attrs)
