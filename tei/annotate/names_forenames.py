"""When two written forenames are the same forename.

Transliterations differ in their endings (``Anatoly``/``Anatoli``/``Anatoliy``), so forenames
that agree in their first five letters (or entirely, when shorter) are one. English
diminutives are listed here because they share no prefix with the full form (``Bob`` for
``Robert``); this is knowledge of the language, not of any person.
"""

from __future__ import annotations

_DIMINUTIVES = {
    "bob": "robert", "bobby": "robert", "rob": "robert", "bill": "william", "billy": "william",
    "will": "william", "jack": "john", "johnny": "john", "dick": "richard", "rick": "richard",
    "tom": "thomas", "tommy": "thomas", "jim": "james", "jimmy": "james", "ted": "edward",
    "ed": "edward", "eddie": "edward", "joe": "joseph", "mike": "michael", "dave": "david",
    "dan": "daniel", "danny": "daniel", "ken": "kenneth", "larry": "lawrence",
    "walt": "walter", "fred": "frederick", "harry": "henry", "hank": "henry",
    "chuck": "charles", "charlie": "charles", "chip": "charles", "sam": "samuel",
    "steve": "stephen", "tony": "anthony", "andy": "andrew", "pat": "patrick",
    "nick": "nicholas", "alex": "alexander", "sasha": "alexander", "misha": "mikhail",
    "kolya": "nikolai", "volodya": "vladimir", "vanya": "ivan", "ben": "benjamin",
    "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine", "peggy": "margaret",
}


def same_forename(given: str, registered: str) -> bool:
    """Both arguments are name keys (folded, lower case, letters only)."""
    if given == registered:
        return True
    if _DIMINUTIVES.get(given) == registered or _DIMINUTIVES.get(registered) == given:
        return True
    if len(given) < 3 or len(registered) < 3:
        return False
    size = min(len(given), len(registered), 5)
    return given[:size] == registered[:size]
