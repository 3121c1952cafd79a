"""Editorial insertions in square brackets: supplied words, gaps, editorial notes.

The brackets themselves stay in the text (they are characters of the source); the span
covers the words inside and says what they are. Double brackets ``[[...]]`` are one
insertion whose delimiters are two characters wide; a bracket inside a bracket is its
own, nested insertion.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from tei.model import Span

# Words that say something is missing from the source: the bracket is a gap.
_GAP_WORDS = re.compile(
    r"illegible|redacted|deleted|missing|not declassified|omitted|excised|"
    r"not (?:printed|reproduced|transcribed)|here follows?|unreadable|lacuna|torn",
    re.IGNORECASE,
)
_ELLIPSIS_ONLY = re.compile(r"^\s*(?:…|\.\s*\.\s*\.)\s*$")
_ELLIPSIS_THEN_WORDS = re.compile(r"^\s*(?:…|\.\.\.)\s*(?=\S)")
# An editor's own remark: "--ed.", "-ed.", "—ed.", a translator's note, a gloss, a doubt mark.
_EDITOR_SIGN = re.compile(r"(?:--|-|—|–)\s*ed\.?\s*$", re.IGNORECASE)
_NOTE_OPENERS = re.compile(
    r"^\s*(?:i\.\s?e\.|e\.\s?g\.|sic\b|presumably|probably|apparently|possibly|"
    r"translator'?s note|translator’s note|editor'?s note|editor’s note|note:|source:|"
    r"handwritten|stamp|signature|in the original|original:|literally|lit\.)",
    re.IGNORECASE,
)
_DOUBT = re.compile(r"^\s*[^\s\]]{0,20}\?\s*$")
_FOOTNOTE_LIKE = re.compile(r"^\s*\d{1,3}\s*$")

_EXTENT = re.compile(
    r"^\s*(?P<extent>(?:\d+(?:[–-]\d+/\d+)?|one|two|three|half|a|several)[\s-]*"
    r"(?:half-)?(?:lines?|paragraphs?|pages?|words?|sentences?|line)"
    r"(?:\s*\([^)]*\))?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Bracket:
    """A matched bracket pair: ``open_start`` .. ``close_end`` with ``width`` delimiter chars."""

    open_start: int
    close_end: int
    width: int
    depth: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.open_start + self.width, self.close_end - self.width


@dataclass(frozen=True)
class Unmatched:
    offset: int
    char: str


@dataclass(frozen=True)
class Doubt:
    """A guess the editor should check: where (offset in the text) and what."""

    offset: int
    message: str

# Default-kind brackets longer than this are more likely a note or a gap than supplied words.
_LONG_SUPPLIED_WORDS = 8


_SQUARE = re.compile(r"[\[\]]")


def match_brackets(text: str) -> tuple[list[Bracket], list[Unmatched]]:
    """Pair square brackets with a stack; ``[[x]]`` becomes one bracket of width two."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    unmatched: list[Unmatched] = []
    # Only the brackets are visited: most texts hold none, and a loop over every
    # character would cost more than all the rest.
    for found in _SQUARE.finditer(text):
        i, ch = found.start(), found.group()
        if ch == "[":
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i + 1))
        else:
            unmatched.append(Unmatched(i, ch))
    unmatched.extend(Unmatched(i, "[") for i in stack)
    by_start = {s: e for s, e in pairs}
    brackets: list[Bracket] = []
    absorbed: set[int] = set()
    for start, end in sorted(pairs):
        if start in absorbed:
            continue
        # "[[x]]": the inner pair starts right after the outer one and ends right before it.
        inner_end = by_start.get(start + 1)
        if inner_end is not None and inner_end == end - 1:
            absorbed.add(start + 1)
            brackets.append(Bracket(start, end, 2, 0))
        else:
            brackets.append(Bracket(start, end, 1, 0))
    # Depth counts the brackets that enclose this one. Pairs from a stack nest, so in order
    # of opening the enclosing ones are those still open: one pass with a stack.
    result = []
    open_ends: list[int] = []
    for b in brackets:
        while open_ends and open_ends[-1] <= b.open_start:
            open_ends.pop()
        result.append(Bracket(b.open_start, b.close_end, b.width, len(open_ends)))
        open_ends.append(b.close_end)
    return result, sorted(unmatched, key=lambda u: u.offset)


def classify(content: str) -> tuple[str, dict[str, str]]:
    """The kind of insertion a bracket's content is: ``gap``, ``editorial`` or ``supplied``."""
    if _ELLIPSIS_ONLY.match(content):
        return "gap", {"reason": "omitted"}
    if _GAP_WORDS.search(content) and not _ELLIPSIS_THEN_WORDS.match(content):
        attrs = {"reason": _gap_reason(content)}
        extent = _EXTENT.match(content)
        if extent:
            attrs["extent"] = " ".join(extent.group("extent").split())
        return "gap", attrs
    if _EDITOR_SIGN.search(content) or _NOTE_OPENERS.match(content) or _DOUBT.match(content):
        return "editorial", {}
    return "supplied", {}


def _gap_reason(content: str) -> str:
    lowered = content.lower()
    for word, reason in (
        ("illegible", "illegible"),
        ("unreadable", "illegible"),
        ("redacted", "redacted"),
        ("not declassified", "not declassified"),
        ("deleted", "deleted"),
        ("missing", "missing"),
        ("torn", "damage"),
    ):
        if word in lowered:
            return reason
    return "omitted"


def _inside_taken(starts: list[int], reach: list[int], b: Bracket) -> bool:
    """Whether a claimed range holds the bracket: ``reach[k]`` is the furthest end of the
    claimed ranges up to the k-th by start."""
    k = bisect_right(starts, b.open_start) - 1
    return k >= 0 and b.close_end <= reach[k]


def find_editorial(
    text: str, taken: Sequence[tuple[int, int]] = ()
) -> tuple[list[Span], list[Doubt]]:
    """Spans over the words inside each bracket, and the doubts to report: unmatched
    brackets, a number in brackets with no footnote, a long bracket of no clear kind.

    ``taken`` are ranges already claimed (footnote markers such as ``[1]``), left alone.
    """
    brackets, unmatched = match_brackets(text)
    doubts = [Doubt(u.offset, f"an unmatched '{u.char}' is kept as text") for u in unmatched]
    spans: list[Span] = []
    claimed = sorted(taken)
    starts = [s for s, _ in claimed]
    reach = list(accumulate((e for _, e in claimed), max))
    for b in brackets:
        if _inside_taken(starts, reach, b):
            continue
        start, end = b.inner
        content = text[start:end]
        if not content.strip():
            continue
        if _FOOTNOTE_LIKE.match(content):
            doubts.append(Doubt(b.open_start, f"'[{content.strip()}]' looks like a footnote "
                                "marker but no footnote has that number; kept as text"))
            continue
        kind, attrs = classify(content)
        if kind == "supplied" and len(content.split()) > _LONG_SUPPLIED_WORDS:
            doubts.append(Doubt(b.open_start, f"a bracket of {len(content.split())} words "
                                "fits no known kind; marked as supplied, check it"))
        if kind == "gap" and b.depth == 0 and "[" in content:
            kind, attrs = "editorial", {}  # a stamp or handwriting bracket holding nested gaps
        # An ellipsis followed by words ("[...Mikoyan]") supplies the words after the gap.
        spans.append(Span.make(start, end, kind, resp="#ed", **attrs))
    return spans, doubts
