"""Calendar arithmetic for the date recogniser: validity, the missing year, numeric order,
times of day and ISO 8601 values.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

# Two numeric readings of one date are told apart by the document date only when one lies
# this close to it and the other does not (a telegram reports recent events).
NEAR_DAYS = 45
# How much more a date after the document costs than one before it (see nearest_year).
FUTURE_WEIGHT = 2


@dataclass(frozen=True)
class Reference:
    """The document date the missing parts of a date are taken from."""

    year: int
    month: int | None
    day: int | None

    @property
    def anchor(self) -> date:
        return date(self.year, self.month or 7, self.day or (15 if self.month else 1))


@lru_cache(maxsize=256)  # a document asks for its own date with every text it has
def reference_of(doc_when: str | None) -> Reference | None:
    """The year, month and day of an ISO date (``1962``, ``1962-11``, ``1962-11-12T..``)."""
    if not doc_when:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", doc_when)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not is_valid(year, month, day)):
        day = None
    return Reference(year, month, day)


def is_valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def full_year(digits: str, ref: Reference | None) -> int:
    """A two-digit year in the document's century (the twentieth when it is unknown)."""
    if len(digits) == 4:
        return int(digits)
    century = (ref.year // 100) * 100 if ref else 1900
    return century + int(digits)


def nearest_year(month: int, day: int | None, ref: Reference) -> int | None:
    """The year that puts ``month``/``day`` nearest to the document date.

    Candidates are the document's year and the years either side. A date after the
    document counts double its distance, and a tie goes to the earlier year: a telegram
    more often reports than announces ("the 9 May letter" in November is the past May).
    """
    if ref.month is None:
        return ref.year if day is None or is_valid(ref.year, month, day) else None
    best: tuple[int, int] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if day is not None and not is_valid(year, month, day):
            continue
        if day is None:
            distance = (year * 12 + month) - (ref.year * 12 + ref.month)
        else:
            distance = (date(year, month, day) - ref.anchor).days
        distance = distance * FUTURE_WEIGHT if distance > 0 else -distance
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def weekday_year(month: int, day: int, weekday: int, ref: Reference) -> int | None:
    """The year within reach of the document in which ``month``/``day`` falls on ``weekday``
    (Monday 0), when exactly one does; a written weekday outweighs nearness."""
    years = [y for y in (ref.year - 1, ref.year, ref.year + 1)
             if is_valid(y, month, day) and date(y, month, day).weekday() == weekday]
    return years[0] if len(years) == 1 else None


def iso(year: int, month: int | None = None, day: int | None = None,
        time: tuple[int, int] | None = None) -> str:
    value = f"{year:04d}"
    if month is not None:
        value += f"-{month:02d}"
        if day is not None:
            value += f"-{day:02d}"
            if time is not None:
                value += f"T{time[0]:02d}:{time[1]:02d}:00"
    return value


def numeric_reading(first: int, second: int, year: int | None, ref: Reference | None,
                    order: str | None) -> tuple[int, int] | None:
    """``(month, day)`` of a numeric date ``first.second``, or None when undecidable.

    The components decide first (a number above 12 is the day); then the document date,
    when exactly one reading lies near it; then the document's own numeric order.
    """
    readings = {}
    if 1 <= second <= 12 and 1 <= first <= 31:
        readings["dmy"] = (second, first)
    if 1 <= first <= 12 and 1 <= second <= 31:
        readings["mdy"] = (first, second)
    readings = {k: v for k, v in readings.items() if _possible(v, year)}
    if len(readings) == 1:
        return next(iter(readings.values()))
    if not readings:
        return None
    if first == second:
        return (first, second)
    if ref is not None and ref.month is not None:
        near = [v for v in readings.values() if _near(v, year, ref)]
        if len(near) == 1:
            return near[0]
    if order in readings:
        return readings[order]
    return None


def _possible(month_day: tuple[int, int], year: int | None) -> bool:
    month, day = month_day
    return is_valid(year if year is not None else 2000, month, day)  # 2000: 29 Feb allowed


def _near(month_day: tuple[int, int], year: int | None, ref: Reference) -> bool:
    month, day = month_day
    chosen = year if year is not None else nearest_year(month, day, ref)
    if chosen is None or not is_valid(chosen, month, day):
        return False
    return abs((date(chosen, month, day) - ref.anchor).days) <= NEAR_DAYS


_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"|(?P<h24>\d{2}):(?P<m24>\d{2})(?!\d)"
    r"|(?P<hh>\d{1,2})hs(?P<mm>\d{2})(?!\d)"
    r"|(?P<noon>noon)\b",
    re.IGNORECASE,
)


def match_time(text: str, pos: int) -> tuple[int, tuple[int, int]] | None:
    """A time of day that starts exactly at ``pos``, with the offset where it ends.

    Only unambiguous times count: with a.m./p.m., ``noon``, or a 24-hour clock that shows
    itself as one (an hour above 12 or written with a leading zero, "14:30", "09:15").
    """
    match = _CLOCK.match(text, pos)
    if not match:
        return None
    if match["noon"]:
        return match.end(), (12, 0)
    if match["h"]:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        hour = hour % 12 + (12 if match["ap"].lower() == "p" else 0)
        return match.end(), (hour, minute)
    if match["hh"]:  # "16hs45" is a 24-hour clock by its own notation
        hour, minute = int(match["hh"]), int(match["mm"])
    else:
        hour, minute = int(match["h24"]), int(match["m24"])
        if hour <= 12 and not match["h24"].startswith("0"):
            return None
    if hour > 23 or minute > 59:
        return None
    return match.end(), (hour, minute)
