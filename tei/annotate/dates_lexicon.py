"""Words and regular-expression pieces the date recogniser is built from; the month and
weekday words themselves are those of :mod:`tei.date_words`."""

from __future__ import annotations

import re

from tei.date_words import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS

# MONTH_NAMES and WEEKDAYS are the recogniser's as well: its modules import them from here.

ROMAN_MONTHS = {
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
    "IX": 9, "X": 10, "XI": 11, "XII": 12,
}


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, name in enumerate(MONTH_NAMES, start=1):
        table[name] = number
        table[name.upper()] = number
    for name, number in MONTH_ABBREVIATIONS.items():
        table[name] = number
        table[name.upper()] = number
    return table


MONTHS = _month_table()


def month_number(word: str) -> int:
    """The month of a full or abbreviated name as matched by ``MONTH`` (period allowed)."""
    return MONTHS[word.rstrip(".")]


def _alternation(words: list[str]) -> str:
    # Longest first so "Sept" is tried before "Sep" and "June" before "Jun".
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_FULL = [w for w in MONTHS if len(w) > 4 or w.capitalize() in MONTH_NAMES]
_ABBR = [w for w in MONTHS if w not in _FULL]

# A month name is capitalised (or all capitals), so the verb "may" is never a month.
MONTH = rf"(?:(?:{_alternation(_FULL)})\b|(?:{_alternation(_ABBR)})(?:\.|\b))"
# Without a day or year beside it only a full name is a month ("by Jan Masaryk" is not).
MONTH_FULL = rf"(?:(?:{_alternation(_FULL)})\b)"
ROMAN = rf"(?:{_alternation(list(ROMAN_MONTHS))})"
WEEKDAY = rf"(?:{_alternation([*WEEKDAYS, *(w.upper() for w in WEEKDAYS)])})"
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
ORDINAL = r"(?:st|nd|rd|th)"
YEAR4 = r"(?:1[89]\d\d|20\d\d)"
# A day never continues a number, a decimal, a time or a reference ("2401", "1.5", "C 575/").
NUMBER_PIECE = r"[\w.,:/]"
NOT_AFTER_NUMBER = rf"(?<!{NUMBER_PIECE})"
NOT_BEFORE_NUMBER = r"(?![\w]|[.,:/]\d)"
DASH = r"\s*[-\u2013\u2014]\s*"
# "29 [28?] October": a doubted or corrected day in brackets after the day.
BRACKET_GLOSS = r"(?P<gloss>\s*\[\d{1,2}\??\])?"
