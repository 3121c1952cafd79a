"""DATE_FORMS: every written form of a date the recogniser knows, one record each.

find_dates (dates.py) runs the records in this order and keeps, of overlapping candidates,
the longest, then the one of lower priority, then the one found first (the earlier record,
and within a record the earlier match). So the order below decides ties: keep it when a
record is added. docs/dates.md lists the records under the same names
(tests/test_dates_doc.py checks it).
"""

from __future__ import annotations

from tei.annotate import dates_coarse as coarse
from tei.annotate import dates_patterns as p
from tei.annotate import dates_readings as read
from tei.annotate.dates_form import DateForm, Needs, Priority

_MONTH_DAY = (p.HAS_MONTH, p.HAS_DIGIT)

DATE_FORMS: tuple[DateForm, ...] = (
    # -- stated ranges
    DateForm("day-range", p.DAY_RANGE, read.days_of_a_month, Priority.RANGE,
             _MONTH_DAY, p.AT_DAY),
    DateForm("month-day-range", p.MONTH_DAY_RANGE, read.days_of_a_month, Priority.RANGE,
             _MONTH_DAY, p.AT_MONTH),
    DateForm("cross-month-range", p.CROSS_MONTH_RANGE, read.across_months, Priority.RANGE,
             _MONTH_DAY, p.AT_DAY),
    DateForm("year-range", p.YEAR_RANGE, read.years_from_to, Priority.RANGE,
             (p.HAS_RANGE_WORD, p.HAS_YEAR), p.AT_FROM_OR_BETWEEN),
    DateForm("keyword-range", p.KEYWORD_RANGE, read.keyword_range, Priority.RANGE,
             (p.HAS_RANGE_WORD, *_MONTH_DAY), p.AT_RANGE_WORD),
    DateForm("keyword-range-us", p.KEYWORD_RANGE_US, read.keyword_range_us, Priority.RANGE,
             (p.HAS_RANGE_WORD, *_MONTH_DAY), p.AT_RANGE_WORD),
    # -- lists of days
    DateForm("day-list", p.DAY_LIST, read.days_before_a_month, Priority.LIST,
             (p.HAS_AND, *_MONTH_DAY), p.AT_DAY),
    DateForm("month-day-list", p.MONTH_DAY_LIST, read.days_after_a_month, Priority.LIST,
             (p.HAS_AND, *_MONTH_DAY), p.AT_MONTH),
    # -- single dates
    DateForm("day-month", p.DAY_MONTH, read.day_and_month, Priority.SINGLE,
             _MONTH_DAY, p.AT_WEEKDAY_OR_DAY),
    DateForm("month-day", p.MONTH_DAY, read.day_and_month, Priority.SINGLE,
             _MONTH_DAY, p.AT_WEEKDAY_OR_MONTH),
    DateForm("month-year", p.MONTH_YEAR, read.month_and_year, Priority.SINGLE,
             (p.HAS_YEAR, p.HAS_MONTH), p.AT_MONTH),
    DateForm("month-alone", p.MONTH_ALONE, read.month_alone, Priority.VAGUE,
             (p.HAS_MONTH,), needs=Needs.REFERENCE),
    DateForm("day-of-this-month", p.DAY_OF_THIS_MONTH, read.day_of_this_month,
             Priority.SINGLE, (p.HAS_THIS_MONTH, p.HAS_DIGIT), needs=Needs.REFERENCE_MONTH),
    DateForm("iso-date", p.ISO_DATE, read.iso_date, Priority.SINGLE,
             (p.HAS_HYPHENATED, p.HAS_YEAR)),
    DateForm("roman-date", p.ROMAN_DATE, read.roman_date, Priority.SINGLE, (p.HAS_ROMAN,)),
    DateForm("numeric-date", p.NUMERIC_DATE, read.numeric_date, Priority.SINGLE,
             (p.HAS_NUMERIC,)),
    DateForm("numeric-no-year", p.NUMERIC_NO_YEAR, read.numeric_without_year,
             Priority.SINGLE, (p.HAS_DOTTED,), needs=Needs.REFERENCE),
    DateForm("year-alone", p.YEAR_ALONE, read.year_alone, Priority.YEAR, (p.HAS_YEAR,)),
    # -- coarser than a day, or relative to the writing day (dates_coarse.py)
    DateForm("part-of-month", coarse.PART_OF_MONTH, coarse.part_of_month, Priority.VAGUE,
             (coarse.HAS_MONTH_OPENING,)),
    DateForm("season", coarse.SEASON, coarse.season, Priority.VAGUE, (coarse.HAS_SEASON,)),
    DateForm("quarter", coarse.QUARTER, coarse.quarter, Priority.VAGUE,
             (coarse.HAS_QUARTER,)),
    DateForm("year-span", coarse.YEAR_SPAN, coarse.year_span, Priority.VAGUE,
             (p.HAS_YEAR,)),
    DateForm("week", coarse.WEEK, coarse.week, Priority.VAGUE, (coarse.HAS_WEEK,),
             needs=Needs.REFERENCE_DAY),
    DateForm("month-or-year", coarse.MONTH_OR_YEAR, coarse.month_or_year, Priority.VAGUE,
             (coarse.HAS_MONTH_OR_YEAR,), needs=Needs.REFERENCE),
    DateForm("bare-weekday", coarse.BARE_WEEKDAY, coarse.bare_weekday, Priority.VAGUE,
             (coarse.HAS_WEEKDAY,), needs=Needs.REFERENCE_DAY),
    DateForm("relative-day", coarse.RELATIVE_DAY, coarse.relative_day, Priority.VAGUE,
             (coarse.HAS_RELATIVE_DAY,), needs=Needs.WRITING_DAY),
)
