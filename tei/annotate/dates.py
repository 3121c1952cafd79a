"""Dates in running text and datelines, normalised to ISO 8601.

Pure functions over strings. Each pattern below proposes candidates (one span, or several
for a list such as "27 and 28 October"); the longest candidates win and the rest that
overlap them are dropped, so spans never overlap. A date that cannot be pinned down (no
month, no year and no document date, an undecidable numeric order) is not tagged.
docs/dates.md lists every form with its value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

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
    BRACKET_GLOSS,
    DASH,
    DAY,
    MONTH,
    MONTH_FULL,
    NOT_AFTER_NUMBER,
    NOT_BEFORE_NUMBER,
    ORDINAL,
    ROMAN,
    ROMAN_MONTHS,
    WEEKDAY,
    WEEKDAYS,
    YEAR4,
    month_number,
)
from tei.model import Span

_ORD = f"{ORDINAL}?"
_YEAR_AFTER = rf"(?:,?\s+(?P<y>{YEAR4})(?!\d))?"
_RELATIVE_YEAR = r"(?P<rel>\s+of\s+(?P<which>this|last|next|the\s+current)\s+year)?"
_WEEKDAY_PREFIX = rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"

_DAY_MONTH = re.compile(
    rf"{_WEEKDAY_PREFIX}{NOT_AFTER_NUMBER}(?P<d>{DAY}){_ORD}{BRACKET_GLOSS}\s+(?:of\s+)?"
    rf"(?P<mon>{MONTH}){_YEAR_AFTER}{_RELATIVE_YEAR}")
_MONTH_DAY = re.compile(
    rf"{_WEEKDAY_PREFIX}(?P<mon>{MONTH})\s*(?P<d>{DAY}){_ORD}{NOT_BEFORE_NUMBER}{BRACKET_GLOSS}"
    rf"{_YEAR_AFTER}{_RELATIVE_YEAR}")
_MONTH_YEAR = re.compile(rf"(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR4})(?!\d)")
_MONTH_ALONE = re.compile(
    r"\b(?:in|since|until|till|by|during|from|through|before|after|early|late|"
    r"beginning\s+of|end\s+of|middle\s+of|half\s+of)\s+(?:early\s+|late\s+)?"
    rf"(?P<mon>{MONTH_FULL})(?!\s*[\d\[])(?:,?\s+of\s+(?P<which>this|last|next)\s+year)?")
_DAY_OF_THIS_MONTH = re.compile(
    rf"{NOT_AFTER_NUMBER}(?P<d>{DAY}){_ORD}\s+of\s+(?P<which>this|last|next)\s+month\b")
_ROMAN = re.compile(
    rf"(?<!\d)(?P<d>{DAY})(?P<sep>[./ ])\s?(?P<mon>{ROMAN})(?P=sep)\s?(?P<y>\d{{4}}|\d{{2}})(?!\d)")
_NUMERIC = re.compile(
    r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"(?!\d|[./]\d)")
# "23.10." with the year left to the document: only after a word, so a section number
# opening a paragraph ("2.1.") is not read as a date.
_NUMERIC_NO_YEAR = re.compile(r"(?<=[a-z,] )(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?![\d\w])")
_SECTION_WORD = re.compile(
    r"\b(?:paragraph|para|point|section|item|article|clause|chapter|page|no|number)\.?\s$",
    re.IGNORECASE)
_ISO = re.compile(rf"(?<![\d-])(?P<y>{YEAR4})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d-])")
_DAY_RANGE = re.compile(
    rf"{NOT_AFTER_NUMBER}(?P<d1>{DAY}){_ORD}{DASH}(?P<d2>{DAY}){_ORD}\s+(?:of\s+)?"
    rf"(?P<mon>{MONTH}){_YEAR_AFTER}")
_MONTH_DAY_RANGE = re.compile(
    rf"(?P<mon>{MONTH})\s+(?P<d1>{DAY}){_ORD}{DASH}(?P<d2>{DAY}){_ORD}{NOT_BEFORE_NUMBER}"
    rf"{_YEAR_AFTER}")
_KEYWORD_RANGE = re.compile(
    r"\b(?P<kw>from|between|period(?:\s+from)?)\s+"
    rf"(?P<d1>{DAY}){_ORD}(?:\s+(?P<mon1>{MONTH}))?(?:,?\s+(?P<y1>{YEAR4}))?\s+"
    r"(?P<conj>through|thru|to|till|until|and)\s+"
    rf"(?P<d2>{DAY}){_ORD}\s+(?:of\s+)?(?P<mon2>{MONTH}){_YEAR_AFTER}")
_KEYWORD_RANGE_US = re.compile(
    rf"\b(?P<kw>from|between|period(?:\s+from)?)\s+(?P<mon1>{MONTH})\s+(?P<d1>{DAY}){_ORD}"
    rf"(?:,?\s+(?P<y1>{YEAR4}))?\s+(?P<conj>through|thru|to|till|until|and)\s+"
    rf"(?:(?P<mon2>{MONTH})\s+)?(?P<d2>{DAY}){_ORD}{NOT_BEFORE_NUMBER}{_YEAR_AFTER}")
# "30 October-2 November 1962": two day-month dates joined by a dash.
_CROSS_MONTH_RANGE = re.compile(
    rf"{NOT_AFTER_NUMBER}(?P<d1>{DAY}){_ORD}\s+(?P<mon1>{MONTH}){DASH}(?P<d2>{DAY}){_ORD}\s+"
    rf"(?P<mon2>{MONTH}){_YEAR_AFTER}")
_YEAR_RANGE = re.compile(
    rf"\b(?P<kw>from|between)\s+(?P<y1>{YEAR4})\s+(?P<conj>to|through|till|until|and)\s+"
    rf"(?P<y2>{YEAR4})(?!\d)")
_DAY_LIST = re.compile(
    rf"{NOT_AFTER_NUMBER}(?P<days>{DAY}{_ORD}(?:\s*,\s*{DAY}{_ORD})*),?\s+and\s+"
    rf"(?P<d>{DAY}){_ORD}\s+(?:of\s+)?(?P<mon>{MONTH}){_YEAR_AFTER}")
_MONTH_DAY_LIST = re.compile(
    rf"(?P<mon>{MONTH})\s+(?P<d1>{DAY}){_ORD},?\s+and\s+(?P<d2>{DAY}){_ORD}{NOT_BEFORE_NUMBER}"
    rf"{_YEAR_AFTER}")
# A year alone only after a word that makes it one ("in 1961", "since 1956"), and never a
# count ("in 1961 copies") or a life span ("1908-1975").
_YEAR_ALONE = re.compile(
    r"\b(?:in|since|until|till|by|during|of|from|before|after|through|early|late|year|"
    rf"mid-)\s*(?P<y>{YEAR4})(?!\d|{DASH}\d|\s+(?:tons?|copies|people|persons|men|troops|"
    r"units|dollars|rubles|roubles|km|kilometers|miles|cases|pieces)\b)")
_TIME_JOIN = re.compile(r",\s*|\s+at\s+|\s+")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rank: int  # among equally long candidates the lower rank wins: ranges, lists, singles
    spans: tuple[Span, ...]


_Finder = Callable[[str, "Reference | None", "str | None"], Iterator[_Candidate]]


def find_dates(text: str, doc_when: str | None, numeric_order: str | None = None) -> list[Span]:
    """Date spans over ``text``; ``doc_when`` supplies a missing year, ``numeric_order``
    ("dmy" or "mdy") decides a numeric date its components and the document date cannot."""
    ref = reference_of(doc_when)
    candidates = [c for finder in _FINDERS for c in finder(text, ref, numeric_order)]
    candidates.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    taken: list[_Candidate] = []
    for candidate in candidates:
        if all(candidate.end <= t.start or t.end <= candidate.start for t in taken):
            taken.append(candidate)
    return sorted((s for c in taken for s in c.spans), key=lambda s: s.start)


def normalize_date_line(text: str) -> str | None:
    """The ISO value of a whole dateline ("Washington, October 11, 1963, 5:30 p.m."),
    or None when it holds no single, complete date."""
    line = text.strip()
    bare = line.rstrip(".").strip()
    if re.fullmatch(YEAR4, bare):
        return bare
    spans = [s for s in find_dates(line, None) if s.attr("when")]
    if len(spans) != 1 or len(find_dates(line, None)) != 1:
        return None
    span = spans[0]
    before, after = line[:span.start], line[span.end:]
    # A place ("Moscow, ") or a part of the day ("Evening ") may precede; nothing numeric.
    if re.search(r"\d", before) or (before and not re.search(r"[\s,]$", before)):
        return None
    if re.fullmatch(r"[\s.,;:]*", after):
        return span.attr("when")
    return None


def numeric_order_of(texts: Sequence[str]) -> str | None:
    """"dmy" or "mdy" when the document's numeric dates show one order (a component above
    12 fixes it) and never the other; None otherwise."""
    seen: set[str] = set()
    for text in texts:
        for pattern in (_NUMERIC, _NUMERIC_NO_YEAR):
            for match in pattern.finditer(text):
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
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(text):
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
    for match in _MONTH_YEAR.finditer(text):
        yield _single(match.start(), match.end(), 2,
                      when=iso(int(match["y"]), month_number(match["mon"])))


def _month_alone(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    if ref is None:
        return
    for match in _MONTH_ALONE.finditer(text):
        month = month_number(match["mon"])
        which = match["which"]
        year = (ref.year + {"last": -1, "next": 1}.get(which, 0) if which
                else nearest_year(month, None, ref))
        if year is not None:
            yield _single(match.start("mon"), match.end(), 3, when=iso(year, month))


def _day_of_month(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    if ref is None or ref.month is None:
        return
    for match in _DAY_OF_THIS_MONTH.finditer(text):
        shift = {"last": -1, "next": 1}.get(match["which"], 0)
        index = ref.year * 12 + ref.month - 1 + shift
        year, month, day = index // 12, index % 12 + 1, int(match["d"])
        if is_valid(year, month, day):
            yield _single(match.start(), match.end(), 2, when=iso(year, month, day))


def _iso(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in _ISO.finditer(text):
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        if is_valid(year, month, day):
            yield _single(match.start(), match.end(), 2, when=iso(year, month, day))


def _roman(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in _ROMAN.finditer(text):
        year = full_year(match["y"], ref)
        month, day = ROMAN_MONTHS[match["mon"]], int(match["d"])
        if is_valid(year, month, day):
            yield _with_time(text, match.end(), year, month, day, 2, match.start())


def _numeric(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in _NUMERIC.finditer(text):
        digits = match["y"]
        if len(digits) == 4 and not re.fullmatch(YEAR4, digits):
            continue
        year = full_year(digits, ref)
        reading = numeric_reading(int(match["a"]), int(match["b"]), year, ref, order)
        if reading is not None:
            yield _with_time(text, match.end(), year, *reading, 2, match.start())
    if ref is None:
        return
    for match in _NUMERIC_NO_YEAR.finditer(text):
        if _SECTION_WORD.search(text[max(0, match.start() - 12):match.start()]):
            continue
        reading = numeric_reading(int(match["a"]), int(match["b"]), None, ref, order)
        if reading is None:
            continue
        year = nearest_year(*reading, ref)
        if year is not None and is_valid(year, *reading):
            yield _with_time(text, match.end(), year, *reading, 2, match.start())


def _range(start: int, end: int, first: tuple[int, int, int],
           last: tuple[int, int, int]) -> _Candidate | None:
    if not (is_valid(*first) and is_valid(*last)) or first >= last:
        return None
    return _single(start, end, 0, **{"from": iso(*first), "to": iso(*last)})


def _ranges(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for pattern in (_DAY_RANGE, _MONTH_DAY_RANGE):
        for match in pattern.finditer(text):
            month, d1, d2 = month_number(match["mon"]), int(match["d1"]), int(match["d2"])
            year = _year(match, month, d2, ref)
            if year is not None:
                found = _range(match.start(), match.end(), (year, month, d1), (year, month, d2))
                if found:
                    yield found
    for match in _CROSS_MONTH_RANGE.finditer(text):
        month1, month2 = month_number(match["mon1"]), month_number(match["mon2"])
        d1, d2 = int(match["d1"]), int(match["d2"])
        year2 = _year(match, month2, d2, ref)
        if year2 is not None:
            found = _range(match.start(), match.end(),
                           (year2 - (month1 > month2), month1, d1), (year2, month2, d2))
            if found:
                yield found
    for match in _YEAR_RANGE.finditer(text):
        first, last = int(match["y1"]), int(match["y2"])
        if (match["conj"] == "and") == (match["kw"] == "between") and first < last:
            yield _single(match.start("y1"), match.end(), 0,
                          **{"from": str(first), "to": str(last)})
    for pattern in (_KEYWORD_RANGE, _KEYWORD_RANGE_US):
        for match in pattern.finditer(text):
            if (match["conj"] == "and") != (match["kw"] == "between"):
                continue
            month2 = month_number(match["mon2"] or match["mon1"])
            month1 = month_number(match["mon1"] or match["mon2"])
            d1, d2 = int(match["d1"]), int(match["d2"])
            year2 = _year(match, month2, d2, ref)
            if year2 is None:
                continue
            year1 = int(match["y1"]) if match["y1"] else year2 - (month1 > month2)
            found = _range(match.start("d1") if pattern is _KEYWORD_RANGE
                           else match.start("mon1"), match.end(),
                           (year1, month1, d1), (year2, month2, d2))
            if found:
                yield found


def _lists(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in _DAY_LIST.finditer(text):
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
    for match in _MONTH_DAY_LIST.finditer(text):
        month, d1, d2 = month_number(match["mon"]), int(match["d1"]), int(match["d2"])
        year = _year(match, month, d2, ref)
        if year is None or not (is_valid(year, month, d1) and is_valid(year, month, d2)):
            continue
        first = Span.make(match.start(), match.end("d1") + len(
            re.match(_ORD, text[match.end("d1"):])[0]), "date", when=iso(year, month, d1))
        second = Span.make(match.start("d2"), match.end(), "date", when=iso(year, month, d2))
        yield _Candidate(match.start(), match.end(), 1, (first, second))


def _years(text: str, ref: Reference | None, order: str | None) -> Iterator[_Candidate]:
    for match in _YEAR_ALONE.finditer(text):
        yield _single(match.start("y"), match.end("y"), 4, when=match["y"])


_FINDERS: tuple[_Finder, ...] = (
    _ranges, _lists, _day_month, _month_year, _month_alone, _day_of_month, _iso, _roman,
    _numeric, _years,
)
