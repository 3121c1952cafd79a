"""The top of the body: datelines, classification, handling and transmission lines (FORMAT.md D).

Each source line of the opener becomes its own block. The opener ends at the first line
that is none of these (usually the first paragraph).
"""

from __future__ import annotations

import re

from tei.model import Block
from tei.parse import patterns as pat
from tei.parse.lines import Line, make_field

_I = re.I
# (type, pattern, longest line the pattern is trusted on)
LINE_TYPES: list[tuple[str, re.Pattern[str], int]] = [
    ("classification", re.compile(
        r"(?:top\s+secret|secret|confidential|strictly\s+(?:confidential|secret)|restricted"
        r"|for\s+official\s+use\s+only)\b.*", _I), 60),
    ("handling", re.compile(
        r"(?:making\s+copies\s+prohibited|eyes\s+only|by\s+courier|personal(?:\s+and\s+"
        r"confidential)?|not\s+for\s+publication|only\s+copy|\(not\s+yet\s+reviewed\)"
        r"|\(when\s+completed\))[.!,]?(?:\s*[-–—,.]?\s*[A-Za-z ,.!]{0,30})?", _I), 60),
    ("copy", re.compile(r".{0,20}\bcop(?:y|ies)\s*(?:no\.?|nº|№|#)\s*\d+.*", _I), 60),
    ("telegram-type", re.compile(
        r"(?:(?:ciphered|coded|cipher|urgent)\s+telegram|telegram|ciphergram|cable"
        r"|translation\s+of\s+(?:a\s+)?(?:coded|ciphered)\s+telegram|newsflash!?"
        r"|incoming\s+telegram|outgoing\s+telegram)\.?", _I), 60),
    ("priority", re.compile(
        r"(?:top\s+priority|highest\s+priority|priority|urgent|immediate|flash|operational)"
        r"\b[ ,!.]*(?:[A-Za-z]+[ ,!.]*){0,3}", _I), 40),
    ("serial", re.compile(
        r"(?:ciphergram|spec\.?|file|outgoing|incoming|report|your|our)?\s*"
        r"(?:no\.?|nº|№|nr\.?|#|number)\s*(?:[A-Z]{1,3}\s)?[\w/.-]*\d.*|(?:nº|№)\s*\d+.*|"
        r"telegram\s+from\s+\S+\s+file\s*#.*|report\s*#.*", _I), 80),
    ("distribution", re.compile(
        r"(?:received\s+by|copies\s+made|\w+\s+copies\s+printed|distribution)\b.*"
        r"|\d+\s*[-–]\s*(?:to\s|cde\.|comrade).*|\d+(?:st|nd|rd|th)\s*[-–]\s*.*", _I), 80),
    ("transmission", re.compile(
        r"(?=.*\d)(?:arrived|processed|dispatched|received|sent|came\s+to\s+the\s+decoding|decoded"
        r"|deciphered|transmitted)\b.*", _I), 200),
    ("addressee", re.compile(
        r"(?:to\s*:|to\s+comrades?\b|attention\s*:|for\s*:).*"
        r"|\[[^\]]{3,60}\]\s*[A-ZÀ-Þ][\w'’-]+\.?", _I), 120),
    ("sender", re.compile(r"from\s*:.*", _I), 120),
    ("stamp", re.compile(r".*\[\s*(?:stamp|handwritten|handwriting|seal)\b.*|received", _I), 120),
    ("field", re.compile(
        r"(?:date|place|time|subject|participants|present|ref|re|reference)\s*:.*", _I), 120),
    ("routing", re.compile(r"[A-Z]{2,}(?:/[A-Z0-9.()]+){1,}\S*"), 40),
    ("field", re.compile(r".*_{3,}.*"), 120),  # D18: a form line with blanks to fill
    # D13: "Ministry of Foreign Affairs:" (an addressee line ending in a colon)
    ("addressee", re.compile(r"[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|of|for|the|and)){0,6}:"),
     60),
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
    for line_type, pattern, longest in LINE_TYPES:
        if len(text) <= longest and pattern.fullmatch(text):
            return line_type
    if HEADING.fullmatch(text) and sum(c.isalpha() for c in text) >= 3:
        return "heading"
    return None


def read_opener(source: str, lines: list[Line]) -> tuple[list[Block], list[Line]]:
    """Take the opener off the top of ``lines``: (blocks, remaining lines)."""
    blocks: list[Block] = []
    content = [line for line in lines if not line.blank]
    k = 0
    stamp_open = False
    item_type = "field"
    items_left = 0  # after SUBJECT or PARTICIPANTS, the short lines are the heading's items
    while k < len(content):
        line = content[k]
        text = line.text
        if pat.DATELINE.fullmatch(text) and len(text) <= 80:
            blocks.append(_block(source, line, "dateline"))
        elif blocks and _continues_heading(blocks[-1], content[k - 1], line):
            # D14: "JOURNAL" / "of the Ambassador ... for the period ...": one heading.
            heading = blocks[-1]
            field = make_field(source, heading.start, line.end)
            blocks[-1] = Block("opener", "line", field.text, field.start, field.end,
                               attrs=dict(heading.attrs))
        elif SALUTE.fullmatch(text):
            blocks.append(_block(source, line, "salute"))
            k += 1
            break
        elif (line_type := classify(text)) is not None:
            blocks.append(_block(source, line, "line", line_type))
            if SINGLE_ITEM_HEADINGS.fullmatch(text):
                items_left = 1
                item_type = "field"
            elif LIST_HEADINGS.fullmatch(text):
                items_left = 100
                item_type = "distribution" if line_type == "distribution" else "field"
            elif line_type == "stamp" and text.count("[") > text.count("]"):
                items_left = 0
                stamp_open = True
                k += 1
                continue
            elif line_type != "heading":
                items_left = 0
            stamp_open = False
        elif stamp_open and len(text) <= 80 and not _SENTENCE.search(text):
            # D10: a stamp flattened from columns runs on over the next line.
            blocks.append(_block(source, line, "line", "stamp"))
            stamp_open = False
        elif items_left and (items_left == 1 or _is_list_item(text)):
            blocks.append(_block(source, line, "line", item_type))
            items_left -= 1
        else:
            break
        k += 1
    if not blocks:
        return [], lines
    last = content[k - 1]
    return blocks, lines[lines.index(last) + 1 :]


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
