"""The date each block's relative expressions are read against.

A diary or journal gives each entry a date heading ("9 April 1963" on its own line, or
opening the entry's first paragraph: "9 April 1963. Received the ambassador ..."); the
body's opening dateline dates the text below it in the same way. Inside such an entry
"yesterday", "on Monday" or "the 28th of last month" count from that date, not from the
document date, which may be the day the whole journal was filed or copied.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tei.annotate.dates import DAY_INITIALS, find_dates, normalize_date_line
from tei.annotate.dates_form import DateScans
from tei.model import Block

# After the heading's date: the end of the block, or a stop that ends the heading.
_HEADING_END = re.compile(r"\s*(?:$|[.:;]\s|[.:;]$|\s[-\u2013\u2014]\s)")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def entry_date(text: str, doc_when: str | None, scans: DateScans | None = None) -> str | None:
    """The day an entry heading names, or None when ``text`` does not open with one."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    if not stripped or not (stripped[0].isdigit() or stripped[0] in DAY_INITIALS):
        return None  # most paragraphs: no day can start here, so there is nothing to scan
    spans = find_dates(text, doc_when, scans=scans)
    if not spans or spans[0].start != offset:
        return None
    when = spans[0].attr("when") or ""
    if not _DAY.match(when) or not _HEADING_END.match(text, spans[0].end):
        return None
    return when


def entry_dates(blocks: Sequence[Block], doc_when: str | None,
                scans: DateScans | None = None) -> list[str | None]:
    """Per block, the date of the entry it belongs to (None outside entries).

    An entry starts at the opening dateline or at a body block opening with a full date,
    and runs to the next such block; the closer belongs to the document, not to an entry."""
    current: str | None = None
    result: list[str | None] = []
    for block in blocks:
        if block.section == "opener" and block.kind == "dateline":
            current = (entry_date(block.text, doc_when, scans)
                       or _dateline_day(block.text, scans) or current)
        if block.section != "body":
            result.append(None)
            continue
        heading = (entry_date(block.text, doc_when, scans) if block.kind in ("p", "head")
                   else None)
        current = heading or current
        result.append(current)
    return result


def _dateline_day(text: str, scans: DateScans | None) -> str | None:
    """The day of a whole dateline ("Havana, 2 November 1962."), if it names one."""
    when = normalize_date_line(text, scans) or ""
    return when[:10] if _DAY.match(when) else None
