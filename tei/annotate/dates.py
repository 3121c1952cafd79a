"""Dates in running text and datelines, normalised to ISO 8601.

Pure functions over strings. Each pattern of dates_patterns.py proposes candidates (one
span, or several for a list such as "27 and 28 October"); the longest candidates win and
the rest that overlap them are dropped, so spans never overlap. A date that cannot be
pinned down (no month, no year and no document date, an undecidable numeric order) is not
tagged. docs/dates.md lists every form with its value.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from tei.annotate import dates_coarse
from tei.annotate.dates_calendar import (
    Reference,
    full_year,
    is_valid,
    iso,
    match_time,
    nearest_year,
    numeric_reading,
    reference_of,
    weekday_year,
)
from tei.annotate.dates_lexicon import (
    ORDINAL,
    ROMAN_MONTHS,
    WEEKDAYS,
    YEAR4,
    month_number,
)
from tei.annotate.dates_patterns import (
    CROSS_MONTH_RANGE,
    DAY_LIST,
    DAY_MONTH,
    DAY_OF_THIS_MONTH,
    DAY_RANGE,
    ISO_DATE,
    KEYWORD_RANGE,
    KEYWORD_RANGE_US,
    MONTH_ALONE,
    MONTH_DAY,
    MONTH_DAY_LIST,
    MONTH_DAY_RANGE,
    MONTH_YEAR,
    NUMERIC_DATE,
    NUMERIC_NO_YEAR,
    ORD,
    ROMAN_DATE,
    SECTION_WORD,
    YEAR_ALONE,
    YEAR_RANGE,
    matches,
)
from tei.model import Span

_TIME_JOIN = re.compile(r",\s*|\s+at\s+|\s+")
# The letters a span naming a day can start with, besides a digit: those of a month or a
# weekday (each form's day is a number, a month name or a weekday written first).
DAY_INITIALS = frozenset("JFMASOND" "MTWFS")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rank: int  # among equally long candidates the lower rank wins: ranges, lists, singles
    spans: tuple[Span, ...]


_Finder = Callable[[str, "Reference | None", "str | None"], Iterator[_Candidate]]


def find_dates(text: str, doc_when: str | None, numeric_order: str | None = None, *,
               entry_when: str | None = None) -> list[Span]:
    """Date spans over ``text``; ``doc_when`` supplies a missing year, ``numeric_order``
    ("dmy" or "mdy") decides a numeric date its components and the document date cannot.

    ``entry_when`` is the date of the diary or journal entry the text belongs to: it
    replaces the document date as the reference, and words relative to the writing day
    ("yesterday", "today") are resolved against it (they are left alone otherwise)."""
    ref = reference_of(entry_when or doc_when)
    candidates = [c for finder in _FINDERS for c in finder(text, ref, numeric_order)]
    candidates += _coarse(text, ref, reference_of(entry_when))
    candidates.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    taken: list[_Candidate] = []
    starts: list[int] = []  # of the taken candidates, which never overlap: kept sorted
    ends: list[int] = []
    for candidate in candidates:
        k = bisect_left(starts, candidate.end) - 1  # the last taken one starting before the end
        if k < 0 or ends[k] <= candidate.start:
            taken.append(candidate)
            k += 1
            starts.insert(k, candidate.start)
            ends.insert(k, candidate.end)
    return sorted((s for c in taken for s in c.spans), key=lambda s: s.start)


def normalize_date_line(text: str) -> str | None:
    """The ISO value of a whole dateline ("Washington, October 11, 1963, 5:30 p.m."),
    or None when it holds no single, complete date.

    A place or a part of the day may come before the date; after it only a time, final
    punctuation, or, when the date opens the line, a capitalised title or signer."""
    line = text.strip()
    bare = line.rstrip(".").strip()
    if re.fullmatch(YEAR4, bare):
        return bare
    found = find_dates(line, None)
    if len(found) != 1 or not found[0].attr("when"):
        return None
    span = found[0]
    before, after = line[:span.start], line[span.end:]
    # A place ("Moscow, ") or a part of the day ("Evening ") may precede; nothing numeric.
    if re.search(r"\d", before) or (before and not re.search(r"[\s,]$", before)):
        return None
    if re.fullmatch(r"[\s.,;:]*", after):
        return span.attr("when")
    # A line opening with its date may run on into a title or a signer
    # ("November 05, 1962 Memorandum of ...", "8.XI.62 V. KUZNETSOV").
    if not before and re.match(r"\s+[A-Z]", after):
        return span.attr("when")
    return None


def numeric_order_of(texts: Sequence[str]) -> str | None:
    """"dmy" or "mdy" when the document's numeric dates show one order (a component above
    12 fixes it) and never the other; None otherwise."""
    seen: set[str] = set()
    for text in texts:
        for pattern in (NUMERIC_DATE, NUMERIC_NO_YEAR):
            for match in matches(pattern, text):
                first, second = int(match["a"]), int(match["b"])
                if 12 < first <= 31 and 1 <= second <= 12:
                    seen.add("dmy")
                elif 12 < second <= 31 and 1 <= first <= 12:
                    seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


def _year(match: re.Match[str], month: int, day: int | None, ref: Reference | None,
          group: str = "y") -> int | None:
    if match[group]:
        return int(match[group])
    which = match.groupdict().get("which")
    if which and ref is not None:
        offset = {"last": -1, "next": 1}.get(which.split()[-1] if which else "", 0)
        return ref.year + offset
    return nearest_year(month, day, ref) if ref is not None else None


def _single(start: int, end: int, rank: int, **attrs: str) -> _Candidate:
    return _Candidate(start, end, rank, (Span.make(start, end, "date", **attrs),))


def _with_time(text: str, end: int, year: int, month: int, day: int,
               rank: int, start: int) -> _Candidate:
    """The day, extended over a time of day written right after it when there is one."""
    join = _TIME_JOIN.match(text, end)
    if join:
        timed = match_time(text, join.end())
        if timed:
            time_end, clock = timed
            return _single(start, time_end, rank, when=iso(year, month, day, clock))
    return _single(start, end, rank, when=iso(year, month, day))


def _day_month(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for pattern in (DAY_MONTH, MONTH_DAY):
        for match in matches(pattern, text):
            month, day = month_number(match["mon"]), int(match["d"])
            year = _year(match, month, day, ref)
            if match["wd"] and ref is not None and not (match["y"] or match["rel"]):
                weekday = WEEKDAYS.index(match["wd"].capitalize())
                year = weekday_year(month, day, weekday, ref) or year
            if year is None or not is_valid(year, month, day):
                continue
            if match["gloss"]:
                # The span stops before the bracket: the schema keeps editorial notes out
                # of <date>, and the bracket annotator marks the doubted day itself.
                yield _Candidate(match.start(), match.end(), 2, (Span.make(
                    match.start(), match.start("gloss"), "date", when=iso(year, month, day)),))
                continue
            yield _with_time(text, match.end(), year, month, day, 2, match.start())


def _month_year(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in matches(MONTH_YEAR, text):
        yield _single(match.start(), match.end(), 2,
                      when=iso(int(match["y"]), month_number(match["mon"])))


def _month_alone(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    if ref is None:
        return
    for match in matches(MONTH_ALONE, text):
        month = month_number(match["mon"])
        which = match["which"]
        year = (ref.year + {"last": -1, "next": 1}.get(which, 0) if which
                else nearest_year(month, None, ref))
        if year is not None:
            yield _single(match.start("mon"), match.end(), 3, when=iso(year, month))


def _day_of_month(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    if ref is None or ref.month is None:
        return
    for match in matches(DAY_OF_THIS_MONTH, text):
        shift = {"last": -1, "next": 1}.get(match["which"], 0)
        index = ref.year * 12 + ref.month - 1 + shift
        year, month, day = index // 12, index % 12 + 1, int(match["d"])
        if is_valid(year, month, day):
            yield _single(match.start(), match.end(), 2, when=iso(year, month, day))


def _iso(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in matches(ISO_DATE, text):
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        if is_valid(year, month, day):
            yield _single(match.start(), match.end(), 2, when=iso(year, month, day))


def _roman(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in matches(ROMAN_DATE, text):
        year = full_year(match["y"], ref)
        month, day = ROMAN_MONTHS[match["mon"]], int(match["d"])
        if is_valid(year, month, day):
            yield _with_time(text, match.end(), year, month, day, 2, match.start())


def _numeric(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in matches(NUMERIC_DATE, text):
        digits = match["y"]
        if len(digits) == 4 and not re.fullmatch(YEAR4, digits):
            continue
        year = full_year(digits, ref)
        reading = numeric_reading(int(match["a"]), int(match["b"]), year, ref, order)
        if reading is not None:
            yield _with_time(text, match.end(), year, *reading, 2, match.start())
    if ref is None:
        return
    for match in matches(NUMERIC_NO_YEAR, text):
        if SECTION_WORD.search(text[max(0, match.start() - 12):match.start()]):
            continue
        reading = numeric_reading(int(match["a"]), int(match["b"]), None, ref, order)
        if reading is None:
            continue
        nearest = nearest_year(*reading, ref)
        if nearest is not None and is_valid(nearest, *reading):
            yield _with_time(text, match.end(), nearest, *reading, 2, match.start())


def _ordinal_length(text: str, pos: int) -> int:
    """How long the ordinal suffix ("st", "th") at ``pos`` is: 0 where there is none."""
    suffix = re.match(ORD, text[pos:])
    return len(suffix[0]) if suffix else 0


def _range(start: int, end: int, first: tuple[int, int, int],
           last: tuple[int, int, int]) -> _Candidate | None:
    if not (is_valid(*first) and is_valid(*last)) or first >= last:
        return None
    return _single(start, end, 0, **{"from": iso(*first), "to": iso(*last)})


def _ranges(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for pattern in (DAY_RANGE, MONTH_DAY_RANGE):
        for match in matches(pattern, text):
            month, d1, d2 = month_number(match["mon"]), int(match["d1"]), int(match["d2"])
            year = _year(match, month, d2, ref)
            if year is not None:
                found = _range(match.start(), match.end(), (year, month, d1), (year, month, d2))
                if found:
                    yield found
    for match in matches(CROSS_MONTH_RANGE, text):
        month1, month2 = month_number(match["mon1"]), month_number(match["mon2"])
        d1, d2 = int(match["d1"]), int(match["d2"])
        year2 = _year(match, month2, d2, ref)
        if year2 is not None:
            found = _range(match.start(), match.end(),
                           (year2 - (month1 > month2), month1, d1), (year2, month2, d2))
            if found:
                yield found
    for match in matches(YEAR_RANGE, text):
        first, last = int(match["y1"]), int(match["y2"])
        if (match["conj"] == "and") == (match["kw"] == "between") and first < last:
            yield _single(match.start("y1"), match.end(), 0,
                          **{"from": str(first), "to": str(last)})
    for pattern in (KEYWORD_RANGE, KEYWORD_RANGE_US):
        for match in matches(pattern, text):
            if (match["conj"] == "and") != (match["kw"] == "between"):
                continue
            month2 = month_number(match["mon2"] or match["mon1"])
            month1 = month_number(match["mon1"] or match["mon2"])
            d1, d2 = int(match["d1"]), int(match["d2"])
            year2 = _year(match, month2, d2, ref)
            if year2 is None:
                continue
            year1 = int(match["y1"]) if match["y1"] else year2 - (month1 > month2)
            found = _range(match.start("d1") if pattern is KEYWORD_RANGE
                           else match.start("mon1"), match.end(),
                           (year1, month1, d1), (year2, month2, d2))
            if found:
                yield found


def _lists(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in matches(DAY_LIST, text):
        month, last_day = month_number(match["mon"]), int(match["d"])
        year = _year(match, month, last_day, ref)
        if year is None or not is_valid(year, month, last_day):
            continue
        spans = [Span.make(match.start("d"), match.end(), "date",
                           when=iso(year, month, last_day))]
        offset = match.start("days")
        for day_match in re.finditer(r"\d+", match["days"]):
            day = int(day_match[0])
            if not is_valid(year, month, day):
                break
            start = offset + day_match.start()
            end = offset + day_match.end()
            suffix = re.match(ORDINAL, text[end:])
            end += suffix.end() if suffix else 0
            spans.append(Span.make(start, end, "date", when=iso(year, month, day)))
        else:
            yield _Candidate(match.start(), match.end(), 1, tuple(spans))
    for match in matches(MONTH_DAY_LIST, text):
        month, d1, d2 = month_number(match["mon"]), int(match["d1"]), int(match["d2"])
        year = _year(match, month, d2, ref)
        if year is None or not (is_valid(year, month, d1) and is_valid(year, month, d2)):
            continue
        first_end = match.end("d1") + _ordinal_length(text, match.end("d1"))
        first = Span.make(match.start(), first_end, "date", when=iso(year, month, d1))
        second = Span.make(match.start("d2"), match.end(), "date", when=iso(year, month, d2))
        yield _Candidate(match.start(), match.end(), 1, (first, second))


def _years(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in matches(YEAR_ALONE, text):
        yield _single(match.start("y"), match.end("y"), 4, when=match["y"])


def _coarse(text: str, ref: Reference | None,
            written: Reference | None) -> list[_Candidate]:
    found = [*dates_coarse.parts_of_months(text, ref), *dates_coarse.seasons(text, ref),
             *dates_coarse.quarters(text, ref), *dates_coarse.year_spans(text, ref),
             *dates_coarse.weeks(text, ref), *dates_coarse.months_and_years(text, ref),
             *dates_coarse.bare_weekdays(text, ref), *dates_coarse.relative_days(text, written)]
    return [_single(start, end, 3, **attrs) for start, end, attrs in found]


_FINDERS: tuple[_Finder, ...] = (
    _ranges, _lists, _day_month, _month_year, _month_alone, _day_of_month, _iso, _roman,
    _numeric, _years,
)
