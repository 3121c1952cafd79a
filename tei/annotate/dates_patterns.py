"""The regular expressions of the date recogniser, one per written form, and the gates and
heads that spare their scans."""

from __future__ import annotations

import re

from tei.annotate.dates_gates import gate
from tei.annotate.dates_lexicon import (
    BRACKET_GLOSS,
    DASH,
    DAY,
    MONTH,
    MONTH_FULL,
    MONTHS,
    NOT_AFTER_NUMBER,
    NOT_BEFORE_NUMBER,
    NUMBER_PIECE,
    ORDINAL,
    ROMAN,
    WEEKDAY,
    WEEKDAYS,
    YEAR4,
)

# An optional ordinal suffix ("27th").
ORD = f"{ORDINAL}?"
_YEAR_AFTER = rf"(?:,?\s+(?P<y>{YEAR4})(?!\d))?"
_RELATIVE_YEAR = r"(?P<rel>\s+of\s+(?P<which>this|last|next|the\s+current)\s+year)?"
_WEEKDAY_PREFIX = rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"

DAY_MONTH = re.compile(
    rf"{_WEEKDAY_PREFIX}{NOT_AFTER_NUMBER}(?P<d>{DAY}){ORD}{BRACKET_GLOSS}\s+(?:of\s+)?"
    rf"(?P<mon>{MONTH}){_YEAR_AFTER}{_RELATIVE_YEAR}")
MONTH_DAY = re.compile(
    rf"{_WEEKDAY_PREFIX}(?P<mon>{MONTH})\s*(?P<d>{DAY}){ORD}{NOT_BEFORE_NUMBER}{BRACKET_GLOSS}"
    rf"{_YEAR_AFTER}{_RELATIVE_YEAR}")
MONTH_YEAR = re.compile(rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR4})(?!\d)")
MONTH_ALONE = re.compile(
    r"\b(?:in|since|until|till|by|during|from|through|before|after|early|late|"
    r"beginning\s+of|end\s+of|middle\s+of|half\s+of)\s+(?:early\s+|late\s+)?"
    rf"(?P<mon>{MONTH_FULL})(?!\s*[\d\[])(?:,?\s+of\s+(?P<which>this|last|next)\s+year)?")
DAY_OF_THIS_MONTH = re.compile(
    rf"{NOT_AFTER_NUMBER}(?P<d>{DAY}){ORD}\s+of\s+(?P<which>this|last|next)\s+month\b")
ROMAN_DATE = re.compile(
    rf"(?<!\d)(?P<d>{DAY})(?P<sep>[./ ])\s?(?P<mon>{ROMAN})(?P=sep)\s?(?P<y>\d{{4}}|\d{{2}})(?!\d)")
NUMERIC_DATE = re.compile(
    r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"(?!\d|[./]\d)")
# "23.10." with the year left to the document: only after a word, so a section number
# opening a paragraph ("2.1.") is not read as a date.
NUMERIC_NO_YEAR = re.compile(r"(?<=[a-z,] )(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?![\d\w])")
SECTION_WORD = re.compile(
    r"\b(?:paragraph|para|point|section|item|article|clause|chapter|page|no|number)\.?\s$",
    re.IGNORECASE)
ISO_DATE = re.compile(rf"(?<![\d-])(?P<y>{YEAR4})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d-])")
# "17-18 November" and "17 to 18 November" alike; "and" makes a list (DAY_LIST) instead.
_TO = rf"(?:{DASH}|\s+(?:to|through|thru|till|until)\s+)"
DAY_RANGE = re.compile(
    rf"{NOT_AFTER_NUMBER}(?P<d1>{DAY}){ORD}{_TO}(?P<d2>{DAY}){ORD}\s+(?:of\s+)?"
    rf"(?P<mon>{MONTH}){_YEAR_AFTER}")
MONTH_DAY_RANGE = re.compile(
    rf"(?P<mon>{MONTH})\s+(?P<d1>{DAY}){ORD}{_TO}(?P<d2>{DAY}){ORD}{NOT_BEFORE_NUMBER}"
    rf"{_YEAR_AFTER}")
KEYWORD_RANGE = re.compile(
    r"\b(?P<kw>from|between|period(?:\s+from)?)\s+"
    rf"(?P<d1>{DAY}){ORD}(?:\s+(?P<mon1>{MONTH}))?(?:,?\s+(?P<y1>{YEAR4}))?\s+"
    r"(?P<conj>through|thru|to|till|until|and)\s+"
    rf"(?P<d2>{DAY}){ORD}\s+(?:of\s+)?(?P<mon2>{MONTH}){_YEAR_AFTER}")
KEYWORD_RANGE_US = re.compile(
    rf"\b(?P<kw>from|between|period(?:\s+from)?)\s+(?P<mon1>{MONTH})\s+(?P<d1>{DAY}){ORD}"
    rf"(?:,?\s+(?P<y1>{YEAR4}))?\s+(?P<conj>through|thru|to|till|until|and)\s+"
    rf"(?:(?P<mon2>{MONTH})\s+)?(?P<d2>{DAY}){ORD}{NOT_BEFORE_NUMBER}{_YEAR_AFTER}")
# "30 October-2 November 1962": two day-month dates joined by a dash.
CROSS_MONTH_RANGE = re.compile(
    rf"{NOT_AFTER_NUMBER}(?P<d1>{DAY}){ORD}\s+(?P<mon1>{MONTH}){DASH}(?P<d2>{DAY}){ORD}\s+"
    rf"(?P<mon2>{MONTH}){_YEAR_AFTER}")
YEAR_RANGE = re.compile(
    rf"\b(?P<kw>from|between)\s+(?P<y1>{YEAR4})\s+(?P<conj>to|through|till|until|and)\s+"
    rf"(?P<y2>{YEAR4})(?!\d)")
DAY_LIST = re.compile(
    rf"{NOT_AFTER_NUMBER}(?P<days>{DAY}{ORD}(?:\s*,\s*{DAY}{ORD})*),?\s+and\s+"
    rf"(?P<d>{DAY}){ORD}\s+(?:of\s+)?(?P<mon>{MONTH}){_YEAR_AFTER}")
MONTH_DAY_LIST = re.compile(
    rf"(?P<mon>{MONTH})\s+(?P<d1>{DAY}){ORD},?\s+and\s+(?P<d2>{DAY}){ORD}{NOT_BEFORE_NUMBER}"
    rf"{_YEAR_AFTER}")
# A year alone only after a word that makes it one ("in 1961", "since 1956"), and never a
# count ("in 1961 copies") or a life span ("1908-1975").
YEAR_ALONE = re.compile(
    r"\b(?:in|since|until|till|by|during|of|from|before|after|through|early|late|year|"
    rf"mid-)\s*(?P<y>{YEAR4})(?!\d|{DASH}\d|\s+(?:tons?|copies|people|persons|men|troops|"
    r"units|dollars|rubles|roubles|km|kilometers|miles|cases|pieces)\b)")

# -- gates and heads (dates_gates.py), named in the records of dates_table.py ------------
# A month name or abbreviation followed by what MONTH wants after it.
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
HAS_MONTH = gate(rf"(?:{_MONTH_WORDS})(?:\b|\.)")
HAS_DIGIT = gate(r"\d")
HAS_YEAR = gate(YEAR4, within=HAS_DIGIT)
HAS_NUMERIC = gate(r"\d[./]\d", within=HAS_DIGIT)
# These four open with their literal and look behind for what precedes it (a digit, a
# space): a search then jumps from one "." or "month" to the next instead of trying the
# pattern at every character. "\d\.\d", "\d-\d", "\smonth\b", "\sand\s":
HAS_DOTTED = gate(r"\.(?<=\d\.)\d", within=HAS_DIGIT)
HAS_HYPHENATED = gate(r"-(?<=\d-)\d", within=HAS_DIGIT)
HAS_THIS_MONTH = gate(r"month\b(?<=\smonth)")
HAS_AND = gate(r"and\s(?<=\sand\s)")
HAS_ROMAN = gate(r"\d[./ ]\s?[IVX]", within=HAS_DIGIT)
HAS_RANGE_WORD = gate(r"(?:from|between|period)\s")

# Where a match can start, as plain words and digits (searched for quickly): the first
# piece of the pattern, or of its optional opening group and what follows that.
_WEEKDAY_WORDS = "|".join([*WEEKDAYS, *(w.upper() for w in WEEKDAYS)])
# A day starts at a digit that continues no number (NOT_AFTER_NUMBER, which every pattern
# starting with a day opens with): the look-behind follows the digit, so the search jumps
# from digit to digit, and the other digits of "1962" or "10:30" are not tried.
_DAY_DIGIT = rf"[0-9](?<!{NUMBER_PIECE}[0-9])"
AT_MONTH = re.compile(_MONTH_WORDS)
AT_DAY = re.compile(_DAY_DIGIT)
AT_WEEKDAY_OR_DAY = re.compile(f"{_WEEKDAY_WORDS}|{_DAY_DIGIT}")
AT_WEEKDAY_OR_MONTH = re.compile(f"{_WEEKDAY_WORDS}|{_MONTH_WORDS}")
AT_RANGE_WORD = re.compile("from|between|period")
AT_FROM_OR_BETWEEN = re.compile("from|between")
