"""Mentions of registered places and organisations in body text.

Every ``placeName`` / ``orgName`` of the register (main name and variants, abbreviations
included) is looked for as it is written, case-sensitively, and in capitals for telegrams
typed in upper case. Names are compared on the folded view of
:mod:`tei.annotate.names_view`, so diacritics do not matter and a name may run across a line
break or an end-of-line hyphen. A name must stand as a whole word: ``Cuba`` is not found in
``Cuban``, but a possessive ending or a glued footnote digit stays outside the span. Where
several names start at the same place the longest wins (``Soviet Union`` before ``Union``).
A leading lower-case ``the`` of a register name is not part of the name, so ``the`` stays
outside the span in the text too. A name the register gives to two different entries is
not linked: nothing in the text says which is meant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tei.annotate.names_forms import SUPERSCRIPTS
from tei.annotate.names_view import fold, make_view
from tei.model import Span
from tei.place_register import EntityRegister

_TAG = {"place": "placeName", "org": "orgName"}
_ARTICLE = re.compile(r"^the\s+(?=\S)")
# A letter on either side means the name is part of a longer word; a digit there is most
# likely a footnote marker glued to the name ("Cuba2"), which does not hide it.
_LETTER = r"[^\W\d_" + SUPERSCRIPTS + "]"


@dataclass
class EntityResult:
    spans: list[list[Span]]  # per text: placeName / orgName spans with ref="#id"
    places: list[str]  # canonical ids, first-mention order
    orgs: list[str]


def name_forms(name: str) -> set[str]:
    """The folded forms a register name is looked for in: as written and in capitals."""
    bare = _ARTICLE.sub("", " ".join(name.split()))
    folded = fold(bare)
    if not any(ch.isalpha() for ch in folded):
        return set()
    return {folded, folded.upper()}


def _form_pattern(form: str) -> str:
    words = []
    for word in form.split(" "):
        # "U.S.A." is also written "U. S. A.".
        words.append(r"\.\s?".join(re.escape(part) for part in word.split(".")))
    return r"\s+".join(words)


class EntityFinder:
    """Finds registered places and organisations; links each mention to its main entry."""

    def __init__(self, register: EntityRegister) -> None:
        self.register = register
        owners: dict[str, set[str]] = {}
        for eid in register.ids:
            main = register.canonical(eid)
            for name in register.entities[eid].names:
                for form in name_forms(name):
                    owners.setdefault(form, set()).add(main)
        self._owner = {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1}
        self.shared_names = sorted(form for form, ids in owners.items() if len(ids) > 1)
        self._pattern = _compile(list(self._owner))

    def find(self, texts: Sequence[str]) -> EntityResult:
        result = EntityResult(spans=[[] for _ in texts], places=[], orgs=[])
        if self._pattern is None:
            return result
        for block, text in enumerate(texts):
            view = make_view(text)
            for match in self._pattern.finditer(view.text):
                eid = self._owner.get(" ".join(match.group(0).split()))
                if eid is None:
                    eid = self._owner_of_spaced(match.group(0))
                if eid is None:
                    continue
                start, end = view.span(match.start(), match.end())
                kind = self.register.kind(eid)
                result.spans[block].append(Span.make(start, end, _TAG[kind], ref="#" + eid))
                mentioned = result.places if kind == "place" else result.orgs
                if eid not in mentioned:
                    mentioned.append(eid)
        return result

    def _owner_of_spaced(self, surface: str) -> str | None:
        """The entry of a dotted abbreviation written with spaces (``U. S. A.``)."""
        squeezed = re.sub(r"\.\s+", ".", " ".join(surface.split()))
        return self._owner.get(squeezed)


def _compile(forms: list[str]) -> re.Pattern[str] | None:
    """One pattern for all forms, longer forms first so the longest wins at a position.

    It finds what ``(?<!letter)(?:form|form|...)(?!letter)`` finds, but, as the person
    finder's (names_forms.compile_forms), its forms are grouped by their first character,
    which comes before the look-behind: the engine skips to where some name can start and
    tries there only the forms starting with that character, in the same order."""
    if not forms:
        return None
    groups: dict[str, list[str]] = {}
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        # A form's pattern opens with its first character, escaped.
        first = re.escape(form[0])
        groups.setdefault(first, []).append(_form_pattern(form)[len(first):])
    body = "|".join(first + r"(?<!" + _LETTER + first + r")(?:" + "|".join(rests) + ")"
                    for first, rests in groups.items())
    return re.compile(r"(?:" + body + r")(?!" + _LETTER + r")")
