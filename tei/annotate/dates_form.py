"""What a date form is: one record of the recogniser's table (dates_table.py).

A form is a pattern, the reading that turns one of its matches into a candidate, the
priority its candidates carry among equally long ones, and what spares its scan: the gates
(pieces every match contains), the heads (where a match can start) and the reference date
its reading needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum, IntEnum

from tei.annotate.dates_calendar import Reference
from tei.annotate.dates_gates import Gates, TextGates, scan
from tei.model import Span


class Priority(IntEnum):
    """Among overlapping candidates of equal length the lower priority wins."""

    RANGE = 0  # a stated range: "16-17 November", "from 1958 to 1961"
    LIST = 1  # several days of one month: "27 and 28 October"
    SINGLE = 2  # one date written out: a day, or a month with its year
    VAGUE = 3  # a month alone, a part of a month, a season, a week, "yesterday"
    YEAR = 4  # a year alone after a preposition: "in 1961"


class Needs(Enum):
    """The reference date a reading cannot do without: where it is missing, no match of
    the form can become a date, so its scan is left out."""

    NOTHING = "nothing"
    REFERENCE = "a reference date"
    REFERENCE_MONTH = "a reference month"
    REFERENCE_DAY = "a reference day"
    WRITING_DAY = "the day the text was written"

    def met(self, context: Context) -> bool:
        if self is Needs.NOTHING:
            return True
        ref = context.written if self is Needs.WRITING_DAY else context.ref
        if ref is None:
            return False
        if self is Needs.REFERENCE_MONTH:
            return ref.month is not None
        if self in (Needs.REFERENCE_DAY, Needs.WRITING_DAY):
            return ref.month is not None and ref.day is not None
        return True


@dataclass(frozen=True)
class Context:
    """What a reading gets besides its match."""

    text: str
    ref: Reference | None  # the entry's date, else the document's: supplies a missing year
    written: Reference | None  # the entry's date only: the day "yesterday" counts from
    order: str | None  # the document's numeric order, "dmy" or "mdy"


@dataclass(frozen=True)
class Candidate:
    """What a reading makes of one match: the text it covers and the date spans in it
    (one, or one per day of a list; a span may stop short of the candidate's end)."""

    start: int
    end: int
    spans: tuple[Span, ...]


def single(start: int, end: int, **attrs: str) -> Candidate:
    """A candidate that is one date span over its whole extent."""
    return Candidate(start, end, (Span.make(start, end, "date", **attrs),))


Reading = Callable[[re.Match[str], Context], Candidate | None]


@dataclass(frozen=True, eq=False)
class DateForm:
    """One written form of a date and how it is read."""

    name: str
    pattern: re.Pattern[str]
    interpret: Reading
    priority: Priority
    gates: Gates  # pieces every match contains (dates_gates.py)
    heads: re.Pattern[str] | None = None  # where a match can start; None: anywhere
    needs: Needs = Needs.NOTHING

    def matches(self, text: str, opened: TextGates | None = None) -> Iterator[re.Match[str]]:
        """The matches of the pattern over ``text``, none at once when a gate finds nothing
        (``opened``: the gates' answers over ``text``, shared by the forms)."""
        return scan(self.pattern, self.gates, text, self.heads, opened)

    def candidates(self, context: Context, scanned: TextScan) -> list[Candidate]:
        """The candidates of this form over the context's text (``scanned``: what the forms
        found in it), in the order of the text."""
        # Most forms need nothing: asked by identity, which is quicker than Needs.met.
        if self.needs is not Needs.NOTHING and not self.needs.met(context):
            return []
        found = [self.interpret(match, context) for match in scanned.matches(self)]
        return [candidate for candidate in found if candidate is not None]


class TextScan:
    """What the forms find in one text: each gate's answer and each form's matches, looked
    for once. The matches do not depend on the reference date, and a text is read more than
    once (as an entry heading, then as a block; a dateline as a whole line)."""

    __slots__ = ("text", "gates", "_matches", "_open")

    def __init__(self, text: str) -> None:
        self.text = text
        self.gates = TextGates(text)
        self._matches: dict[DateForm, tuple[re.Match[str], ...]] = {}
        self._open: tuple[Sequence[DateForm], list[DateForm]] | None = None

    def open_forms(self, forms: Sequence[DateForm]) -> list[DateForm]:
        """Those of ``forms`` whose gates all find their piece in the text, in order."""
        if self._open is None or self._open[0] is not forms:
            self._open = (forms, [form for form in forms if self.gates.all_open(form.gates)])
        return self._open[1]

    def matches(self, form: DateForm) -> tuple[re.Match[str], ...]:
        found = self._matches.get(form)
        if found is None:
            found = self._matches[form] = tuple(form.matches(self.text, self.gates))
        return found


class DateScans:
    """The scans of one document's texts, kept while the document is annotated (and no
    longer: another document's texts are other texts)."""

    __slots__ = ("_scans",)

    def __init__(self) -> None:
        self._scans: dict[str, TextScan] = {}

    def of(self, text: str) -> TextScan:
        scanned = self._scans.get(text)
        if scanned is None:
            scanned = self._scans[text] = TextScan(text)
        return scanned
