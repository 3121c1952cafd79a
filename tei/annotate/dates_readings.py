"""How a match of a day, month, year, range, list or numeric form becomes a candidate.

Each reading takes one match and its context and gives a candidate or None (the match is
no date: an invalid day, no year to be had, an undecidable order). The records of
dates_table.py pair each reading with its pattern.
"""

from __future__ import annotations

import re

from tei.annotate.dates_calendar import (
    Reference,
    full_year,
    is_valid,
    iso,
    match_time,
    nearest_year,
    numeric_reading,
    weekday_year,
)
from tei.annotate.dates_form import Candidate, Context, single
from tei.annotate.dates_lexicon import ORDINAL, ROMAN_MONTHS, WEEKDAYS, YEAR4, month_number
from tei.annotate.dates_patterns import ORD, SECTION_WORD
from tei.model import Span

_TIME_JOIN = re.compile(r",\s*|\s+at\s+|\s+")
_SHIFT = {"last": -1, "next": 1}


def _year(match: re.Match[str], month: int, day: int | None, ref: Reference | None,
          group: str = "y") -> int | None:
    if match[group]:
        return int(match[group])
    which = match.groupdict().get("which")
    if which and ref is not None:
        offset = _SHIFT.get(which.split()[-1] if which else "", 0)
        return ref.year + offset
    return nearest_year(month, day, ref) if ref is not None else None


def _with_time(text: str, end: int, year: int, month: int, day: int,
               start: int) -> Candidate:
    """The day, extended over a time of day written right after it when there is one."""
    join = _TIME_JOIN.match(text, end)
    if join:
        timed = match_time(text, join.end())
        if timed:
            time_end, clock = timed
            return single(start, time_end, when=iso(year, month, day, clock))
    return single(start, end, when=iso(year, month, day))


def day_and_month(match: re.Match[str], context: Context) -> Candidate | None:
    """"6 November 1962", "November 03, 1962", "Tuesday, 23 October", "29 [28?] October"."""
    ref = context.ref
    month, day = month_number(match["mon"]), int(match["d"])
    year = _year(match, month, day, ref)
    if match["wd"] and ref is not None and not (match["y"] or match["rel"]):
        weekday = WEEKDAYS.index(match["wd"].capitalize())
        year = weekday_year(month, day, weekday, ref) or year
    if year is None or not is_valid(year, month, day):
        return None
    if match["gloss"]:
        # The span stops before the bracket: the schema keeps editorial notes out
        # of <date>, and the bracket annotator marks the doubted day itself.
        return Candidate(match.start(), match.end(), (Span.make(
            match.start(), match.start("gloss"), "date", when=iso(year, month, day)),))
    return _with_time(context.text, match.end(), year, month, day, match.start())


def month_and_year(match: re.Match[str], context: Context) -> Candidate | None:
    return single(match.start(), match.end(),
                  when=iso(int(match["y"]), month_number(match["mon"])))


def month_alone(match: re.Match[str], context: Context) -> Candidate | None:
    ref = context.ref
    if ref is None:
        return None
    month = month_number(match["mon"])
    which = match["which"]
    year = (ref.year + _SHIFT.get(which, 0) if which
            else nearest_year(month, None, ref))
    if year is None:
        return None
    return single(match.start("mon"), match.end(), when=iso(year, month))


def day_of_this_month(match: re.Match[str], context: Context) -> Candidate | None:
    ref = context.ref
    if ref is None or ref.month is None:
        return None
    index = ref.year * 12 + ref.month - 1 + _SHIFT.get(match["which"], 0)
    year, month, day = index // 12, index % 12 + 1, int(match["d"])
    if not is_valid(year, month, day):
        return None
    return single(match.start(), match.end(), when=iso(year, month, day))


def iso_date(match: re.Match[str], context: Context) -> Candidate | None:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not is_valid(year, month, day):
        return None
    return single(match.start(), match.end(), when=iso(year, month, day))


def roman_date(match: re.Match[str], context: Context) -> Candidate | None:
    year = full_year(match["y"], context.ref)
    month, day = ROMAN_MONTHS[match["mon"]], int(match["d"])
    if not is_valid(year, month, day):
        return None
    return _with_time(context.text, match.end(), year, month, day, match.start())


def numeric_date(match: re.Match[str], context: Context) -> Candidate | None:
    digits = match["y"]
    if len(digits) == 4 and not re.fullmatch(YEAR4, digits):
        return None
    year = full_year(digits, context.ref)
    reading = numeric_reading(int(match["a"]), int(match["b"]), year, context.ref,
                              context.order)
    if reading is None:
        return None
    return _with_time(context.text, match.end(), year, *reading, match.start())


def numeric_without_year(match: re.Match[str], context: Context) -> Candidate | None:
    ref, text = context.ref, context.text
    if ref is None or SECTION_WORD.search(text[max(0, match.start() - 12):match.start()]):
        return None
    reading = numeric_reading(int(match["a"]), int(match["b"]), None, ref, context.order)
    if reading is None:
        return None
    nearest = nearest_year(*reading, ref)
    if nearest is None or not is_valid(nearest, *reading):
        return None
    return _with_time(text, match.end(), nearest, *reading, match.start())


def _ordinal_length(text: str, pos: int) -> int:
    """How long the ordinal suffix ("st", "th") at ``pos`` is: 0 where there is none."""
    suffix = re.match(ORD, text[pos:])
    return len(suffix[0]) if suffix else 0


def _range(start: int, end: int, first: tuple[int, int, int],
           last: tuple[int, int, int]) -> Candidate | None:
    if not (is_valid(*first) and is_valid(*last)) or first >= last:
        return None
    return single(start, end, **{"from": iso(*first), "to": iso(*last)})


def days_of_a_month(match: re.Match[str], context: Context) -> Candidate | None:
    """"16-17 November", "October 16-17": two days of one month."""
    month, d1, d2 = month_number(match["mon"]), int(match["d1"]), int(match["d2"])
    year = _year(match, month, d2, context.ref)
    if year is None:
        return None
    return _range(match.start(), match.end(), (year, month, d1), (year, month, d2))


def across_months(match: re.Match[str], context: Context) -> Candidate | None:
    """"30 October-2 November 1962"; a range over the new year starts in the year before."""
    month1, month2 = month_number(match["mon1"]), month_number(match["mon2"])
    d1, d2 = int(match["d1"]), int(match["d2"])
    year2 = _year(match, month2, d2, context.ref)
    if year2 is None:
        return None
    return _range(match.start(), match.end(),
                  (year2 - (month1 > month2), month1, d1), (year2, month2, d2))


def _and_fits(match: re.Match[str]) -> bool:
    # "and" joins a range only after "between", which wants "and".
    return (match["conj"] == "and") == (match["kw"] == "between")


def years_from_to(match: re.Match[str], context: Context) -> Candidate | None:
    first, last = int(match["y1"]), int(match["y2"])
    if not _and_fits(match) or first >= last:
        return None
    return single(match.start("y1"), match.end(), **{"from": str(first), "to": str(last)})


def _after_keyword(match: re.Match[str], context: Context, start: int) -> Candidate | None:
    if not _and_fits(match):
        return None
    month2 = month_number(match["mon2"] or match["mon1"])
    month1 = month_number(match["mon1"] or match["mon2"])
    d1, d2 = int(match["d1"]), int(match["d2"])
    year2 = _year(match, month2, d2, context.ref)
    if year2 is None:
        return None
    year1 = int(match["y1"]) if match["y1"] else year2 - (month1 > month2)
    return _range(start, match.end(), (year1, month1, d1), (year2, month2, d2))


def keyword_range(match: re.Match[str], context: Context) -> Candidate | None:
    """"from 26 October to 2 November": the span starts at the first day."""
    return _after_keyword(match, context, match.start("d1"))


def keyword_range_us(match: re.Match[str], context: Context) -> Candidate | None:
    """"from December 28 to January 3": the span starts at the first month."""
    return _after_keyword(match, context, match.start("mon1"))


def days_before_a_month(match: re.Match[str], context: Context) -> Candidate | None:
    """"4, 5 and 6 October": one span per day, each with the month and year of the last."""
    text = context.text
    month, last_day = month_number(match["mon"]), int(match["d"])
    year = _year(match, month, last_day, context.ref)
    if year is None or not is_valid(year, month, last_day):
        return None
    spans = [Span.make(match.start("d"), match.end(), "date",
                       when=iso(year, month, last_day))]
    offset = match.start("days")
    for day_match in re.finditer(r"\d+", match["days"]):
        day = int(day_match[0])
        if not is_valid(year, month, day):
            return None
        start = offset + day_match.start()
        end = offset + day_match.end()
        suffix = re.match(ORDINAL, text[end:])
        end += suffix.end() if suffix else 0
        spans.append(Span.make(start, end, "date", when=iso(year, month, day)))
    return Candidate(match.start(), match.end(), tuple(spans))


def days_after_a_month(match: re.Match[str], context: Context) -> Candidate | None:
    """"November 2 and 9": the first span holds the month."""
    month, d1, d2 = month_number(match["mon"]), int(match["d1"]), int(match["d2"])
    year = _year(match, month, d2, context.ref)
    if year is None or not (is_valid(year, month, d1) and is_valid(year, month, d2)):
        return None
    first_end = match.end("d1") + _ordinal_length(context.text, match.end("d1"))
    first = Span.make(match.start(), first_end, "date", when=iso(year, month, d1))
    second = Span.make(match.start("d2"), match.end(), "date", when=iso(year, month, d2))
    return Candidate(match.start(), match.end(), (first, second))


def year_alone(match: re.Match[str], context: Context) -> Candidate | None:
    return single(match.start("y"), match.end("y"), when=match["y"])
