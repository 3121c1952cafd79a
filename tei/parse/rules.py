"""Ordered rule tables: how the header walk, the closer reader and the footnote taker are
written (``docs/layouts.md`` describes each layout id they name).

Each of those readers holds the state of its walk and a table of :class:`Rule` records,
tried in order on the line (or chunk) at hand: the first rule that recognises it and does
not step aside decides what happens next. Adding a layout variation is adding an entry
at the place in the order where it must win over the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar


class Outcome(Enum):
    """What a rule's action did."""

    TAKEN = "taken"  # the item is taken; the walk goes on
    LAST = "last"  # the item is taken, and it is the last one the walk takes
    END = "end"  # the item is not taken, and the walk ends before it
    PASS = "pass"  # not this rule after all: the next rule is tried


State = TypeVar("State")
Item = TypeVar("Item")


@dataclass(frozen=True)
class Rule(Generic[State, Item]):
    """One entry of a rule table: a layout id of ``docs/layouts.md``, a name for the case
    it handles (unique in its table), the test that recognises it and the action."""

    layout: str
    name: str
    recognises: Callable[[State, Item], bool]
    does: Callable[[State, Item], Outcome]


def apply_first(rules: Sequence[Rule[State, Item]], state: State, item: Item,
                otherwise: Outcome = Outcome.END) -> Outcome:
    """The outcome of the first rule that recognises ``item`` and does not pass it on;
    ``otherwise`` when none does."""
    for rule in rules:
        if rule.recognises(state, item):
            outcome = rule.does(state, item)
            if outcome is not Outcome.PASS:
                return outcome
    return otherwise


def taken(action: Callable[[State, Item], object]) -> Callable[[State, Item], Outcome]:
    """An action that always takes its item, as a rule's ``does``."""

    def does(state: State, item: Item) -> Outcome:
        action(state, item)
        return Outcome.TAKEN

    return does
