"""Dates in running text and datelines, normalised to ISO 8601.

Pure functions over strings. Each record of DATE_FORMS (dates_table.py: a written form,
its pattern and its reading) proposes candidates (one span, or several for a list such as
"27 and 28 October"); the longest candidates win and the rest that overlap them are
dropped, so spans never overlap. A date that cannot be pinned down (no month, no year and
no document date, an undecidable numeric order) is not tagged. docs/dates.md lists every
form with its value.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from tei.annotate.dates_calendar import reference_of
from tei.annotate.dates_form import Candidate, Context, DateScans, Priority, TextScan
from tei.annotate.dates_lexicon import YEAR4
from tei.annotate.dates_patterns import NUMERIC_DATE, NUMERIC_NO_YEAR
from tei.annotate.dates_table import DATE_FORMS
from tei.model import Span

# The letters a span naming a day can start with, besides a digit: those of a month or a
# weekday (each form's day is a number, a month name or a weekday written first).
DAY_INITIALS = frozenset("JFMASOND" "MTWFS")
# The forms whose components show a document's numeric order.
_NUMERIC_FORMS = tuple(form for form in DATE_FORMS
                       if form.pattern in (NUMERIC_DATE, NUMERIC_NO_YEAR))


def find_dates(text: str, doc_when: str | None, numeric_order: str | None = None, *,
               entry_when: str | None = None, scans: DateScans | None = None) -> list[Span]:
    """Date spans over ``text``; ``doc_when`` supplies a missing year, ``numeric_order``
    ("dmy" or "mdy") decides a numeric date its components and the document date cannot.

    ``entry_when`` is the date of the diary or journal entry the text belongs to: it
    replaces the document date as the reference, and words relative to the writing day
    ("yesterday", "today") are resolved against it (they are left alone otherwise).

    ``scans`` keeps what the forms found in each text of a document, for the next time the
    same text is read."""
    context = Context(text, reference_of(entry_when or doc_when), reference_of(entry_when),
                      numeric_order)
    candidates = _candidates(context, scans.of(text) if scans is not None else TextScan(text))
    # Stable: equally long candidates of one priority at one start keep the table's order.
    candidates.sort(key=lambda c: (c[0].start - c[0].end, c[1], c[0].start))
    taken: list[Candidate] = []
    starts: list[int] = []  # of the taken candidates, which never overlap: kept sorted
    ends: list[int] = []
    for candidate, _ in candidates:
        k = bisect_left(starts, candidate.end) - 1  # the last taken one starting before the end
        if k < 0 or ends[k] <= candidate.start:
            taken.append(candidate)
            k += 1
            starts.insert(k, candidate.start)
            ends.insert(k, candidate.end)
    return sorted((s for c in taken for s in c.spans), key=lambda s: s.start)


def _candidates(context: Context, scanned: TextScan) -> list[tuple[Candidate, Priority]]:
    """Every form's candidates with its priority, form after form in the table's order.

    Most forms are ruled out by their gates (which the scan of the text keeps, like the
    matches) or by a missing reference date before any scan."""
    found: list[tuple[Candidate, Priority]] = []
    for form in scanned.open_forms(DATE_FORMS):
        found += [(candidate, form.priority) for candidate in form.candidates(context, scanned)]
    return found


def normalize_date_line(text: str, scans: DateScans | None = None) -> str | None:
    """The ISO value of a whole dateline ("Washington, October 11, 1963, 5:30 p.m."),
    or None when it holds no single, complete date.

    A place or a part of the day may come before the date; after it only a time, final
    punctuation, or, when the date opens the line, a capitalised title or signer."""
    line = text.strip()
    bare = line.rstrip(".").strip()
    if re.fullmatch(YEAR4, bare):
        return bare
    found = find_dates(line, None, scans=scans)
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


def numeric_order_of(texts: Sequence[str], scans: DateScans | None = None) -> str | None:
    """"dmy" or "mdy" when the document's numeric dates show one order (a component above
    12 fixes it) and never the other; None otherwise."""
    seen: set[str] = set()
    for text in texts:
        scanned = scans.of(text) if scans is not None else TextScan(text)
        for form in _NUMERIC_FORMS:
            for match in scanned.matches(form):
                first, second = int(match["a"]), int(match["b"])
                if 12 < first <= 31 and 1 <= second <= 12:
                    seen.add("dmy")
                elif 12 < second <= 31 and 1 <= first <= 12:
                    seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None
