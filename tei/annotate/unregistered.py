"""Names that look like persons but are in no register: reported to the editor, not linked.

Three signs of a person are trusted: an honorific or office before capitalised words
(``Mr. Lindqvist``), initials before a capitalised surname (``W. Y. Okafor``, ``P. ORSINI``),
and a capitalised surname standing alone in a signature line (``ORSINI``). Capitalised words
that name places, bodies, months or offices are not taken for names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from tei.lexicon import NOT_NAMES, TITLES

_LETTER = r"[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]"
_NAME_WORD = rf"[A-ZÀ-Þ]{_LETTER}*(?:['’\-]{_LETTER}+)*"
_INITIALS = r"(?:[A-ZÀ-Þ]\.[ \t]?){1,3}"


def _letter_first(alternatives: str, not_after: str) -> str:
    """``(?<!not_after)(?:alternatives)`` written with each alternative's first letter
    before the look-behind: the engine then skips to the letters a title starts with
    instead of trying every title at every character. The alternatives are plain words
    (TITLES: a letter first, no groups)."""
    return "|".join(f"{alt[0]}(?<!{not_after}{alt[0]}){alt[1:]}"
                    for alt in alternatives.split("|"))


_WORD_CHAR = r"[\w]"
# What ``(?<![\w])(?:TITLES)\s+(?P<name>...)`` finds (tests/test_unregistered_fast.py).
_AFTER_TITLE = re.compile(
    rf"(?:{_letter_first(TITLES, _WORD_CHAR)})\s+"
    rf"(?P<name>(?:{_INITIALS})?{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,2}})"
)
# What ``(?<![\w.])(?P<name>(?!U\.[ ]?[SNK]\.)INITIALS[A-ZÀ-Þ]...)`` finds, with the first
# initial's letter before the look-behind and the "U.S." test after it, for the same reason.
_INITIALS_NAME = re.compile(
    rf"(?P<name>[A-ZÀ-Þ](?<![\w.][A-ZÀ-Þ])(?!(?<=U)\.[ ]?[SNK]\.)\.[ \t]?"
    rf"(?:[A-ZÀ-Þ]\.[ \t]?){{0,2}}[A-ZÀ-Þ]{_LETTER}{{2,}}(?:['’\-]{_LETTER}+)*)(?!{_LETTER})"
)
# A signature line: a closing date and an initial before a surname in capitals, or a
# surname in capitals alone (four letters at least, so acronyms are not taken for names).
_SIGNER_LINE = re.compile(
    r"^\s*(?:\d{1,2}\.[IVX]{1,4}\.\d{2}\s+)?"
    r"(?P<name>(?:[A-Z]\.\s?){1,3}[A-ZÀ-Þ][A-ZÀ-Þ'\-]{2,}|[A-ZÀ-Þ][A-ZÀ-Þ'\-]{3,})[¹²³⁴-⁹\d]*\s*$"
)


def find_unregistered(text: str, taken: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Offsets of person-like names in ``text`` that overlap none of ``taken``."""
    busy = sorted(taken)
    busy_starts = [s for s, _ in busy]
    starts_taken = set(busy_starts)
    # reach[i]: the furthest end of busy[0..i], so one bisection tells whether a range
    # overlaps any busy range (linear overall, however many names a line holds).
    reach: list[int] = []
    for _, e in busy:
        reach.append(max(e, reach[-1]) if reach else e)
    found_starts: list[int] = []
    found_ends: list[int] = []

    def free(start: int, end: int) -> bool:
        # "[... Premier Nikolai] Ostrovin": the bracket completes a registered name.
        after = _BRACKET_AFTER.match(text, end)
        if after and after.end() in starts_taken:
            return False
        i = bisect.bisect_left(busy_starts, end)
        return i == 0 or reach[i - 1] <= start

    def add(start: int, end: int) -> None:
        words = re.findall(r"[\w'’\-]+", text[start:end])
        words = [w for w in words if len(w) > 1]
        if not words or any(w.rstrip("'’s") in NOT_NAMES or w in NOT_NAMES for w in words):
            return
        if not free(start, end):
            return
        i = bisect.bisect_left(found_starts, start)
        if i > 0 and found_ends[i - 1] > start:
            return
        if i < len(found_starts) and found_starts[i] < end:
            return
        found_starts.insert(i, start)
        found_ends.insert(i, end)

    for m in _AFTER_TITLE.finditer(text):
        add(*_trim_possessive(text, m.start("name"), m.end("name")))
    for m in _INITIALS_NAME.finditer(text):
        add(*_trim_possessive(text, m.start("name"), m.end("name")))
    signer = _SIGNER_LINE.match(text)
    if signer:
        add(signer.start("name"), signer.end("name"))
    return list(zip(found_starts, found_ends, strict=True))


_BRACKET_AFTER = re.compile(r"\]\s*")


def _trim_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix):
            return start, end - len(suffix)
    return start, end
