"""Dates coarser than a day, and dates relative to the day a text was written.

A month or a year stated as such keeps ``@when`` at its precision (dates_readings.py).
What this module finds is vaguer: a part of a month ("the end of October",
"mid-November"), a season, a quarter or half of a year, a week ("next week"), a span of
years ("in 1963-1965"). These get ``notBefore``/``notAfter`` bounds: TEI's way of saying "some
time within". Words relative to the writing day ("yesterday", "on Monday") are resolved
only against a day (an entry's date or the document's), by the rules of docs/dates.md.

Each reading turns one match into a candidate (or None); the records of dates_table.py
pair it with its pattern, and dates.py weighs the candidates against the other forms.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from tei.annotate.dates_calendar import Reference, iso, nearest_year
from tei.annotate.dates_form import Candidate, Context, single
from tei.annotate.dates_gates import gate
from tei.annotate.dates_lexicon import (
    DAY,
    MONTH_FULL,
    MONTH_NAMES,
    WEEKDAYS,
    YEAR4,
    month_number,
)

_YEAR_OR_RELATIVE = (
    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR4})(?!\d)"
    r"|,?\s+of\s+(?:the\s+)?(?P<which>this|last|next|current)\s+year\b)?")
_NO_DAY_AFTER = rf"(?!\s*(?:{DAY}\b|\[))"

# "the end of October", "early November", "mid-November", "the first half of May".
_PART = {
    "beginning": (1, 10), "start": (1, 10), "early": (1, 10), "first days": (1, 10),
    "middle": (11, 20), "mid": (11, 20),
    "end": (21, 31), "late": (21, 31), "last days": (21, 31),
    "first half": (1, 15), "second half": (16, 31),
}
PART_OF_MONTH = re.compile(
    r"\b(?i:(?P<of>beginning|start|middle|end|first\s+days|last\s+days|first\s+half|"
    r"second\s+half)\s+of\s+|(?P<adj>early|mid|late)(?:-|\s+))"
    rf"(?P<mon>{MONTH_FULL}){_NO_DAY_AFTER}{_YEAR_OR_RELATIVE}")

# Meteorological seasons of the northern hemisphere; a winter is the one that begins in
# December of the year named (or of the first year of "1962-1963").
_SEASON = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
           "winter": (12, 14)}
SEASON = re.compile(
    r"\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?"
    rf"(?:(?P<y>{YEAR4})(?:[-/\u2013](?P<y2>{YEAR4}|\d\d))?(?!\d)"
    r"|(?:the\s+)?(?P<which>this|last|next|current)\s+year\b)", re.IGNORECASE)

_ORDINAL_PART = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                 "fourth": 4, "4th": 4, "last": 4}
QUARTER = re.compile(
    r"\b(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?P<unit>quarter|half)\s+"
    rf"of\s+(?:(?P<y>{YEAR4})(?!\d)|(?:the\s+)?(?P<which>this|last|next|current)\s+year\b)",
    re.IGNORECASE)

# "in 1963-1965", "during 1963-65", "the 1959-1965 plan": only after a word that makes the
# numbers a time, so life years "(1908-1975)" and serials stay text.
YEAR_SPAN = re.compile(
    r"\b(?:in|during|for|over|of|the|throughout|since)\s+"
    rf"(?P<y1>{YEAR4})\s*[-\u2013/]\s*(?P<y2>{YEAR4}|\d\d)(?![\d\w])", re.IGNORECASE)

WEEK = re.compile(r"\b(?P<which>next|last|this|(?<=the )coming|(?<=the )past)\s+week\b(?!s)",
                  re.IGNORECASE)
MONTH_OR_YEAR = re.compile(
    r"\b(?P<which>next|last|this)\s+(?P<unit>month|year)\b(?![''\u2019]s)", re.IGNORECASE)

_DAY_SHIFT = {"day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0,
              "tomorrow": 1, "day after tomorrow": 2}
RELATIVE_DAY = re.compile(
    r"\b(?P<word>day\s+before\s+yesterday|day\s+after\s+tomorrow|yesterday|today|tonight|"
    r"tomorrow)\b", re.IGNORECASE)

# "on Monday", "last Friday": a weekday with nothing to pin it but the writing day.
# ("until Monday", "by Monday" look ahead and are left alone.)
BARE_WEEKDAY = re.compile(
    r"\b(?:on|last|since|from|of)\s+(?P<wd>"
    + "|".join(WEEKDAYS) + "|" + "|".join(w.upper() for w in WEEKDAYS) + r")\b")
# The rule reads a bare weekday as past; in a clause that speaks of the future ("he would
# be available beginning on Monday", "we will meet on Friday") it is left alone.
_FUTURE_CLAUSE = re.compile(
    r"\b(?:will|shall|would|going\s+to|plan\w*|expect\w*|schedul\w*|intend\w*|"
    r"beginning|starting|next|coming|tomorrow)\b|\w[’']ll\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[.!?;]\s")

# What every match of each pattern above contains, under its flags (see dates_gates.py);
# named in the records of dates_table.py. (A year: dates_patterns.HAS_YEAR.)
HAS_MONTH_OPENING = gate(
    "|".join(w for name in MONTH_NAMES for w in (name[:3], name[:3].upper())))
HAS_SEASON = gate("spring|summer|autumn|fall|winter", re.IGNORECASE)
HAS_QUARTER = gate("quarter|half", re.IGNORECASE)
HAS_WEEK = gate("week", re.IGNORECASE)
HAS_MONTH_OR_YEAR = gate("month|year", re.IGNORECASE)
HAS_RELATIVE_DAY = gate("yesterday|today|tonight|tomorrow", re.IGNORECASE)
HAS_WEEKDAY = gate("|".join([*WEEKDAYS, *(w.upper() for w in WEEKDAYS)]))


# A weekday is "unambiguous" when the nearest such day before the reference lies within
# this many days; on the same weekday "on Monday" may mean today or a week ago.
WEEKDAY_REACH = 6


def _year(match: re.Match[str], month: int | None, ref: Reference | None) -> int | None:
    if match["y"]:
        return int(match["y"])
    which = (match.groupdict().get("which") or "").lower()
    if which and ref is not None:
        return ref.year + {"last": -1, "next": 1}.get(which, 0)
    if ref is None:
        return None
    return nearest_year(month, None, ref) if month is not None else ref.year


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _bounds(start: str, end: str) -> dict[str, str]:
    return {"notBefore": start, "notAfter": end}


def part_of_month(match: re.Match[str], context: Context) -> Candidate | None:
    month = month_number(match["mon"])
    year = _year(match, month, context.ref)
    if year is None:
        return None
    part = " ".join((match["of"] or match["adj"]).lower().split())
    first, last = _PART[part]
    last = min(last, _last_day(year, month)) if last < 31 else _last_day(year, month)
    start = match.start("of") if match["of"] else match.start("adj")
    return single(start, match.end(), **_bounds(iso(year, month, first), iso(year, month, last)))


def season(match: re.Match[str], context: Context) -> Candidate | None:
    if match["season"] == "fall" and not match["y"]:
        return None  # "fall of this year" is rare; "fall" is mostly the verb
    year = _year(match, None, context.ref)
    if year is None:
        return None
    first, last = _SEASON[match["season"].lower()]
    if match["y2"] and not (first == 12 and _second_year(year, match["y2"]) == year + 1):
        return None  # "summer 1962-1963" is no season
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return single(match.start(), match.end(), **_bounds(iso(year, first), iso(end_year, end_month)))


def quarter(match: re.Match[str], context: Context) -> Candidate | None:
    year = _year(match, None, context.ref)
    if year is None:
        return None
    number = _ORDINAL_PART[match["ord"].lower()]
    size = 3 if match["unit"].lower() == "quarter" else 6
    if match["ord"].lower() == "last":
        number = 12 // size
    if number * size > 12:
        return None
    return single(match.start(), match.end(), **_bounds(
        iso(year, (number - 1) * size + 1), iso(year, number * size)))


def _second_year(first: int, digits: str) -> int:
    return int(digits) if len(digits) == 4 else first // 100 * 100 + int(digits)


def year_span(match: re.Match[str], context: Context) -> Candidate | None:
    first = int(match["y1"])
    last = _second_year(first, match["y2"])
    if first >= last:
        return None
    return single(match.start("y1"), match.end(), **_bounds(str(first), str(last)))


def _day(ref: Reference | None) -> date | None:
    if ref is None or ref.month is None or ref.day is None:
        return None
    return date(ref.year, ref.month, ref.day)


def week(match: re.Match[str], context: Context) -> Candidate | None:
    day = _day(context.ref)
    if day is None:
        return None
    which = match["which"].lower()
    if which in ("past", "coming"):
        # The seven days before or after the reference, not a calendar week.
        first = day - timedelta(days=7) if which == "past" else day + timedelta(days=1)
    else:
        monday = day - timedelta(days=day.weekday())
        first = monday + timedelta(days={"next": 7, "last": -7}.get(which, 0))
    last = first + timedelta(days=6)
    return single(match.start(), match.end(), **_bounds(first.isoformat(), last.isoformat()))


def month_or_year(match: re.Match[str], context: Context) -> Candidate | None:
    ref = context.ref
    if ref is None:
        return None
    shift = {"last": -1, "next": 1}.get(match["which"].lower(), 0)
    if match["unit"].lower() == "year":
        return single(match.start(), match.end(), when=str(ref.year + shift))
    if ref.month is None:
        return None
    index = ref.year * 12 + ref.month - 1 + shift
    return single(match.start(), match.end(), when=iso(index // 12, index % 12 + 1))


def relative_day(match: re.Match[str], context: Context) -> Candidate | None:
    """"yesterday", "today", "tomorrow" against the day the text was written on."""
    day = _day(context.written)
    if day is None:
        return None
    shift = _DAY_SHIFT[" ".join(match["word"].lower().split())]
    return single(match.start(), match.end(), when=(day + timedelta(days=shift)).isoformat())


def bare_weekday(match: re.Match[str], context: Context) -> Candidate | None:
    """"on Monday": the nearest such day before the reference, when it lies within
    ``WEEKDAY_REACH`` days; on the reference's own weekday, or in a clause about the
    future, nothing is tagged."""
    day, text = _day(context.ref), context.text
    if day is None:
        return None
    clause_start = max((m.end() for m in _CLAUSE_START.finditer(text, 0, match.start())),
                       default=0)
    if _FUTURE_CLAUSE.search(text, clause_start, match.start()):
        return None
    weekday = WEEKDAYS.index(match["wd"].capitalize())
    back = (day.weekday() - weekday) % 7
    if not 1 <= back <= WEEKDAY_REACH:
        return None
    return single(match.start("wd"), match.end("wd"),
                  when=(day - timedelta(days=back)).isoformat())
