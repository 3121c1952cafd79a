"""The words of dates: month names, their abbreviations and the weekdays, spelled once.

The parser's date lines, the date recogniser, the lexicon of words that are not names, the
footnote marker test and the citations all derive their month and weekday words from here,
so they never disagree on which words are months.
"""

from __future__ import annotations

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
# Abbreviations seen in telegrams and FRUS prose ("Oct.", "Sept.", "Nov 7"), with their
# month; "May" has none.
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
