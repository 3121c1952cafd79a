"""The forms a registered name takes in diplomatic text, and the pattern that finds them.

From ``<surname>Ostrovin</surname>, <forename>Nikolai S.</forename>`` come ``Ostrovin``,
``Nikolai S. Ostrovin``, ``Nikolai Ostrovin``, ``N. S. Ostrovin``, ``N. Ostrovin``; each
is found with or without spaces and dots between initials (``N.S.``, ``N. S.``, ``NS``,
``A.I.Malkov``), in title case or capitals, across a line break, and with a supplied part in
square brackets (``[Nikolai] Ostrovin``, ``Pak [Seong-cheol]``). A plain-text name is read
into surname and forenames by the register (:func:`tei.person_register._plain_name`); a single
word, or a Vietnamese name (``Tran Van Loc``), is found only as it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tei.annotate.names_view import fold, name_key
from tei.person_register import PARTICLES, PersonName

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

Part = tuple[str, str]  # ("w", word) or ("i", initial letter)


@dataclass(frozen=True)
class Form:
    parts: tuple[Part, ...]
    surname_only: bool = False

    @property
    def key(self) -> str:
        return "".join(name_key(value) for _, value in self.parts)


_INITIAL = re.compile(r"^(\w)\.$")


def _parts(tokens: list[str]) -> tuple[Part, ...]:
    out: list[Part] = []
    for token in tokens:
        token = token.strip(",;:()\"")
        if not token:
            continue
        if re.fullmatch(r"(?:\w\.){2,}\w?\.?", token):
            out.extend(("i", letter) for letter in token.split(".") if letter)
        elif _INITIAL.match(token):
            out.append(("i", token[0]))
        else:
            out.append(("w", token))
    return tuple(out)


def derive_forms(name: PersonName) -> set[Form]:
    """Every form of one register name that the finder looks for."""
    forms: set[Form] = set()
    if not name.surname or name.as_written_only:
        parts = _parts(name.text.split())
        if parts and parts[-1][0] == "w":
            forms.add(Form(parts, surname_only=len(parts) == 1))
        return forms
    surname = _parts(name.surname.split())
    if not surname:
        return forms
    particle = _parts(name.particle.split())
    # The surnames a name is also known by: the first of two ("Ortega" of "Ortega Valdés"),
    # the first part of a hyphenated one where the language carries two ("Pérez-Luna").
    shorter: list[tuple[Part, ...]] = []
    if len(name.surnames) > 1:
        shorter.append(_parts(name.surnames[0].split()))
    if name.two_surnames and len(surname) == 1 and "-" in surname[0][1]:
        shorter.append((("w", surname[0][1].split("-")[0]),))
    if "-" in name.surname and len(surname) == 1:
        spaced = tuple(("w", part) for part in surname[0][1].split("-") if part)
        if len(spaced) > 1:
            shorter.append(spaced)  # "Pérez Luna" for "Pérez-Luna"
    surnames = [particle + surname] + [s for s in shorter if s]
    for alone in surnames:
        if _stands_alone(alone, name):
            forms.add(Form(alone, surname_only=True))
    if particle and _stands_alone(surname, name):
        forms.add(Form(surname, surname_only=True))  # "Vries" of "de Vries"
    given = _parts(list(name.forenames))
    if not given:
        return forms
    if name.family_first:
        forms.add(Form(surname + given))
        return forms
    words = [p for p in given if p[0] == "w"]
    initials = tuple(("i", value[0]) for _, value in given)
    for full in surnames:
        forms.add(Form(given + full))
        forms.add(Form(initials + full))
        forms.add(Form(initials[:1] + full))
        if words:
            forms.add(Form((words[0],) + full))
            first = given.index(words[0])
            # "Pieter Dekker" from "J. Pieter"; "Nikolai S. Ostrovin" kept from the full form
            forms.add(Form(given[first:] + full))
    return forms


def _stands_alone(surname: tuple[Part, ...], name: PersonName) -> bool:
    """A surname read from plain text is looked for alone only when it has three letters or
    more, so that ``U`` or ``Ky`` of a plain name never match a designation."""
    if not name.derived:
        return True
    return len(name_key("".join(value for _, value in surname))) >= 3


def _word_heads(word: str) -> list[tuple[str, str]]:
    """The ways a word is written, each as its first character and a pattern of the rest."""
    folded = fold(word)
    variants = {folded, folded.upper()}
    if folded[:1].islower():
        variants.add(folded[:1].upper() + folded[1:])
    if len(folded) > 1 and folded.isupper():
        # A register that writes surnames in capitals ("Oskar V. TANDBERG", "VAN DELDEN"):
        # the text writes them in title case, a particle in lower case.
        variants.add(folded[:1] + folded[1:].lower())
        if folded.lower() in PARTICLES:
            variants.add(folded.lower())
    heads = [(v[0], re.escape(v[1:])) for v in sorted(variants, reverse=True)]
    if len(folded) > 3 and folded[:1].isupper():
        # An initial completed by the editor: "T.[anaka]", "M.[cBride]".
        heads.append((folded[0], r"\.?\[" + re.escape(folded[1:]) + r"\]"))
    return heads


_WORD_SEP = r"\]?\s+\[?"
_DOTTED = r"(?:\.\]?\s*\[?|\s+\[?)"


def _initials_heads(run: list[str]) -> list[tuple[str, str]]:
    letters = [fold(v).upper() for v in run]
    first, rest = letters[0][0], re.escape(letters[0][1:])
    if len(run) == 1:
        return [(first, rest + r"\.\]?\s*\[?")]
    spaced = rest + _DOTTED + "".join(re.escape(letter) + _DOTTED for letter in letters[1:])
    packed = rest + "".join(re.escape(letter) for letter in letters[1:]) + r"\s+"
    return [(first, spaced), (first, packed)]


def form_heads(form: Form) -> tuple[list[tuple[str, str]], str]:
    """The pattern of a form cut after its first character: the alternatives of its first
    part as ``(first character, pattern of the rest of that part)``, in the order they are
    tried, and the pattern of the form after its first part. :func:`form_pattern` puts them
    together; :func:`compile_forms` sorts the alternatives by their first character."""
    pieces: list[str] = []
    heads: list[tuple[str, str]] = []
    parts = form.parts
    i = 0
    while i < len(parts):
        kind, value = parts[i]
        if kind == "i":
            run = [value]
            while i + len(run) < len(parts) and parts[i + len(run)][0] == "i":
                run.append(parts[i + len(run)][1])
            if i == 0:
                heads = _initials_heads(run)
            else:
                pieces.append(_initials_pattern(run))
            i += len(run)
            continue
        if i == 0:
            heads = _word_heads(value)
        else:
            pieces.append(_alternatives(_word_heads(value)))
        if i + 1 < len(parts):
            pieces.append(_WORD_SEP)
        i += 1
    return heads, "".join(pieces)


def _alternatives(heads: list[tuple[str, str]]) -> str:
    return "(?:" + "|".join(re.escape(first) + rest for first, rest in heads) + ")"


def _initials_pattern(run: list[str]) -> str:
    return _alternatives(_initials_heads(run))


def form_pattern(form: Form) -> str:
    """The pattern of one form."""
    heads, rest = form_heads(form)
    return _alternatives(heads) + rest


# A footnote digit glued to a name on either side ("Malkov²", "OSTROVIN2",
# "Moscow.¹Ostrovin") does not hide it.
_LETTER = r"[^\W\d_" + SUPERSCRIPTS + "]"
# Nor is a name part of a designation such as "IL-28" or "28-IL", and a name glued to an
# agency abbreviation in capitals ("HarlanAP") still ends where the capitals begin.
_AFTER = (r"(?:(?!" + _LETTER + r")(?!-\d)|(?<=[a-zà-ÿ])(?=[A-Z]{2,5}(?!" + _LETTER + r")))")


def compile_forms(forms: list[Form]) -> re.Pattern[str] | None:
    """One pattern for all forms, longer forms first so the longest form wins at a position.

    It finds what ``(?<!letter)(?<!digit-)(?:form|form|...)after`` finds, but its
    alternatives are grouped by their first character, which comes first in the pattern
    (the look-behinds follow it): the regular expression engine then skips to the places
    where some name can start and tries there only the forms that start with that
    character, in the same order, instead of trying every form at every character.
    """
    if not forms:
        return None
    ordered = sorted({f.parts: f for f in forms}.values(),
                     key=lambda f: (-len(f.parts), -len(f.key), f.key))
    groups: dict[str, list[str]] = {}
    for form in ordered:
        heads, rest = form_heads(form)
        by_first: dict[str, list[str]] = {}
        for first, tail in heads:
            by_first.setdefault(first, []).append(tail)
        for first, tails in by_first.items():
            groups.setdefault(first, []).append("(?:" + "|".join(tails) + ")" + rest)
    body = "|".join(
        re.escape(first) + r"(?<!" + _LETTER + re.escape(first) + r")(?<!\d-"
        + re.escape(first) + r")(?:" + "|".join(alternatives) + ")"
        for first, alternatives in groups.items())
    return re.compile(r"(?:" + body + r")" + _AFTER)
