"""Scans of the date recogniser that skip a text which cannot hold a match.

A gate finds a piece every match of a pattern contains (a month's first three letters, a
digit, a keyword, under the pattern's own flags). Where a gate finds nothing the pattern
finds nothing either, so its scan is left out; where every gate of a pattern finds
something, the pattern scans the whole text as before. The matches are the same either way;
only texts that cannot hold the form are spared the scan, which costs far more than the
gate's (a pattern opening with an optional group is tried at every character).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# The characters that match an ASCII letter under re.IGNORECASE, or lower to one: a text
# without them holds a word case-insensitively where its lower case holds the word in
# lower case (tests/test_dates_gates.py checks the list against every character).
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


@dataclass(frozen=True, eq=False)
class Gate:
    """``regex`` finds the piece; a case-insensitive piece may be given as ``words`` too,
    which a text is searched for in lower case (quicker than the regex, and the same where
    the text holds none of FOLDS_TO_ASCII).

    ``within`` is a gate whose piece every piece of this one holds (a digit, of "1962"):
    a text it finds nothing in is not searched again."""

    regex: re.Pattern[str]
    words: tuple[str, ...] = ()
    within: Gate | None = None


def gate(regex: str, flags: int = 0, within: Gate | None = None) -> Gate:
    """A gate of ``regex`` (an alternation of plain words under ``re.IGNORECASE`` is also
    searched for as words)."""
    words: tuple[str, ...] = ()
    if flags & re.IGNORECASE and re.fullmatch(r"[a-z]+(?:\|[a-z]+)*", regex):
        words = tuple(regex.split("|"))
    return Gate(re.compile(regex, flags), words, within)


Gates = tuple[Gate, ...]


class TextGates:
    """The gates' answers over one text, each gate searched for at most once: one text is
    offered to many patterns sharing a gate ("a month", "a digit")."""

    __slots__ = ("text", "_lower", "_seen")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None  # "": the words are searched for by the regex
        self._seen: dict[Gate, bool] = {}

    def all_open(self, gates: Gates) -> bool:
        """Whether every gate finds its piece; stops at the first that does not."""
        seen = self._seen
        for g in gates:
            found = seen.get(g)
            if found is None:
                found = seen[g] = self._search(g)
            if not found:
                return False
        return True

    def _search(self, gate: Gate) -> bool:
        if gate.within is not None and not self.all_open((gate.within,)):
            return False
        if gate.words:
            lower = self._lower_case()
            if lower:
                return any(word in lower for word in gate.words)
        return gate.regex.search(self.text) is not None

    def _lower_case(self) -> str:
        if self._lower is None:
            text = self.text
            plain = text.isascii() or not any(c in text for c in FOLDS_TO_ASCII)
            self._lower = text.lower() if plain else ""
        return self._lower


def scan(pattern: re.Pattern[str], gates: Gates, text: str,
         head: re.Pattern[str] | None = None,
         opened: TextGates | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, none at once when a gate finds nothing
    (``opened``: the gates' answers over ``text`` so far, shared with other patterns).

    ``head`` matches wherever a match of ``pattern`` can start (its first word or digit):
    the pattern is then tried only there, in order, and the scan goes on after each match
    as ``finditer`` does. A pattern that opens with an optional group or a lookbehind is
    otherwise tried at every character."""
    if not (opened if opened is not None else TextGates(text)).all_open(gates):
        return iter(())
    if head is None:
        return pattern.finditer(text)
    return _at_heads(pattern, head, text)


def _at_heads(pattern: re.Pattern[str], head: re.Pattern[str],
              text: str) -> Iterator[re.Match[str]]:
    pos = 0
    while (found := head.search(text, pos)) is not None:
        match = pattern.match(text, found.start())
        if match is None:
            pos = found.start() + 1
            continue
        yield match
        # As finditer; an empty match (no pattern of the recogniser has one) moves on a step.
        pos = match.end() if match.end() > match.start() else match.end() + 1
