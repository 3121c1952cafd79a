"""A folded view of a text for name matching, with a map back to the original offsets.

Names are matched on a view in which diacritics are removed (``Orteguí`` = ``Ortegui``),
curly apostrophes are straight, and an end-of-line hyphen between two lower-case letters is
dropped together with the line break after it (``Mal-⏎kov`` = ``Malkov``). Every view
character remembers the original character it came from, so spans are reported on the
original text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_SPECIAL = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
            "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i",
            "’": "'", "‘": "'", "ʼ": "'", "`": "'", "\u00ad": "-", "‐": "-", "‑": "-"}
# The hyphen first, the letter before it looked behind for: the search then jumps from
# hyphen to hyphen rather than trying every character.
_JOIN = re.compile(r"[-\u00ad‐‑](?<=[a-zà-ÿ][-\u00ad‐‑])\s*(?=[a-zà-ÿ])")


@functools.lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base or ch


@dataclass(frozen=True)
class View:
    text: str
    origin: Sequence[int]  # origin[i]: offset in the original text of view character i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the view range ``[start, end)``."""
        return self.origin[start], self.origin[end - 1] + 1


# The finders look at each block several times (the persons it names, then its mentions,
# then places and organisations): a view is made once and shared, being immutable.
@functools.lru_cache(maxsize=256)
def make_view(text: str) -> View:
    joins = [(m.start(), m.end()) for m in _JOIN.finditer(text)]
    if not joins and text.isascii() and "`" not in text:
        return View(text, range(len(text)))  # nothing to fold
    folds = {ch: fold_char(ch) for ch in set(text)}
    if all(len(folded) == 1 for folded in folds.values()):
        # One character for one: the letters are swapped in C, and the offsets stay, but
        # for the joins dropped.
        table: dict[str, str | int | None] = dict(folds)
        if not joins:
            return View(text.translate(str.maketrans(table)), range(len(text)))
        kept: list[tuple[int, int]] = []
        origin: list[int] = []
        pos = 0
        for start, end in [*joins, (len(text), len(text))]:
            kept.append((pos, start))
            origin.extend(range(pos, start))
            pos = end
        return View("".join(text[start:end] for start, end in kept).translate(
            str.maketrans(table)), tuple(origin))
    drop: set[int] = set()
    for start, end in joins:
        drop.update(range(start, end))
    out: list[str] = []
    origin = []
    for i, ch in enumerate(text):
        if i in drop:
            continue
        folded = folds[ch]
        out.append(folded)
        origin.extend([i] * len(folded))
    return View("".join(out), tuple(origin))


def fold(text: str) -> str:
    return make_view(text).text


def name_key(text: str) -> str:
    """The comparison key of a name: folded letters and digits only, case-folded."""
    return "".join(ch for ch in fold(text).casefold() if ch.isalnum())
