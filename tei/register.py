"""Person registers: TEI ``listPerson`` files read into plain name records.

A register is any TEI document holding ``person`` elements (in ``standOff``, ``text`` or
``particDesc``). Each person keeps its TEI element, so a document can copy it into its own
``particDesc``, and a list of :class:`PersonName` records, one per ``persName``, from which
the person finder derives the forms names take in running text.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from tei.errors import InputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_T = f"{{{TEI_NS}}}"

# Words that precede a name as an honorific or office; a register variant such as
# "President Harlan" contributes them as a hint for that person, not as part of a name.
HONORIFIC_WORDS = frozenset(
    """comrade comrades com comr comrs cde cdes mr mrs ms mme madame mlle miss dr sir lord
    lady president premier chairman secretary ambassador general gen marshal minister
    senator chancellor governor admiral colonel col captain capt major lieutenant lt
    prime vice deputy under assistant attorney foreign acting prince princess king queen
    mayor professor prof father reverend rev monsieur herr frau senor señor don dona
    chargé charge d'affaires generalissimo emperor shah pope cardinal judge justice
    director amb ambs sec secy pres adm sen gov asst dep rep""".split()
)


def is_honorific(word: str) -> bool:
    """``Ambassador``, ``Amb.``, ``Ambassadors``, ``Cdes.``: a title, not a name."""
    bare = word.lower().rstrip(".")
    return bare in HONORIFIC_WORDS or (bare.endswith("s") and bare[:-1] in HONORIFIC_WORDS)


@dataclass(frozen=True)
class PersonName:
    """One ``persName`` of a register entry, split into its parts.

    ``surname`` is empty when the name is plain text with no marked or comma-separated
    surname: such a name is matched only as it is written.
    ``family_first`` is true when the register writes the family name before the given
    names without a comma (``<surname>Pak</surname> <forename>Seong-cheol</forename>``).
    """

    text: str
    type: str
    surname: str = ""
    forenames: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    family_first: bool = False


@dataclass
class Person:
    pid: str
    element: etree._Element
    names: list[PersonName] = field(default_factory=list)
    same_as: str | None = None
    hints: str = ""  # role names, notes and honorifics, lower case: used to resolve titles
    source: str = ""


class Register:
    """Registered persons by ``xml:id``; ``see`` entries point to their main entry."""

    def __init__(self, persons: Sequence[Person] = ()) -> None:
        self.persons: dict[str, Person] = {}
        for person in persons:
            self.persons.setdefault(person.pid, person)

    @classmethod
    def load(cls, paths: Sequence[Path]) -> Register:
        """Read every ``person`` of the given TEI files; the first file wins on a repeated id."""
        persons: list[Person] = []
        for path in paths:
            persons.extend(_read_persons(Path(path)))
        return cls(persons)

    @property
    def ids(self) -> list[str]:
        return list(self.persons)

    def __contains__(self, pid: object) -> bool:
        return pid in self.persons

    def __len__(self) -> int:
        return len(self.persons)

    def canonical(self, pid: str) -> str:
        """Follow ``@sameAs`` to the main entry; stop at a cycle or an unknown target."""
        return follow_same_as(pid, self.persons)

    def person(self, pid: str) -> Person:
        return self.persons[self.canonical(pid)]

    def person_element(self, pid: str) -> etree._Element:
        """A fresh copy of the canonical entry's ``person`` element (tail removed)."""
        element = copy.deepcopy(self.person(pid).element)
        element.tail = None
        return element

    def names_of(self, pid: str) -> list[PersonName]:
        """Names of a person and of every ``see`` entry that points to it."""
        main = self.canonical(pid)
        names: list[PersonName] = []
        for other, person in self.persons.items():
            if self.canonical(other) == main:
                names.extend(person.names)
        return names


def _read_persons(path: Path) -> list[Person]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_comments=False)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno else None
        raise InputError(str(path), f"the register is not well-formed XML: {error.msg}",
                         "fix the XML and run again", line=line) from error
    except OSError as error:
        raise InputError(str(path), f"the register cannot be read: {error}") from error
    persons: list[Person] = []
    for element in tree.getroot().iter(f"{_T}person"):
        pid = element.get(XML_ID)
        if not pid:
            continue
        same_as = (element.get("sameAs") or "").strip().split(" ")[0].lstrip("#") or None
        names = [_read_name(pn) for pn in element.findall(f"{_T}persName")]
        names = [n for n in names if n.text]
        hint_parts = [" ".join(_text(e).split()) for e in element.iter(f"{_T}roleName")]
        hint_parts += [" ".join(_text(e).split()) for e in element.findall(f"{_T}note")]
        hint_parts += [t for n in names for t in n.titles]
        hint_parts += [" ".join(_text(e).split()) for e in element.findall(f"{_T}occupation")]
        persons.append(Person(pid=pid, element=element, names=names, same_as=same_as,
                              hints=" | ".join(hint_parts).lower(), source=str(path)))
    return persons


def _text(element: etree._Element) -> str:
    """Text content; an unexpanded entity reference contributes nothing."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child, etree._Entity) and isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _read_name(element: etree._Element) -> PersonName:
    kind = element.get("type") or "main"
    text = " ".join(_text(element).split())
    surnames = [" ".join(_text(e).split()) for e in element.findall(f"{_T}surname")]
    forenames = [" ".join(_text(e).split()) for e in element.findall(f"{_T}forename")]
    roles = tuple(" ".join(_text(e).split()) for e in element.findall(f"{_T}roleName"))
    if surnames:
        surname = " ".join(s for s in surnames if s)
        children = [c for c in element if isinstance(c.tag, str)]
        first_sur = next(i for i, c in enumerate(children) if c.tag == f"{_T}surname")
        first_fore = next((i for i, c in enumerate(children) if c.tag == f"{_T}forename"), None)
        family_first = False
        if first_fore is not None and first_fore > first_sur:
            between = (children[first_sur].tail or "")
            for c in children[first_sur + 1:first_fore]:
                between += _text(c) + (c.tail or "")
            family_first = "," not in between
        return PersonName(text, kind, surname, _forename_tokens(" ".join(forenames)),
                          roles, family_first)
    titles, rest = split_titles(text)
    if "," in rest:
        surname, _, given = rest.partition(",")
        given = re.sub(r"\b(?:Jr|Sr|II|III|IV)\b\.?", "", given)
        return PersonName(text, kind, surname.strip(), _forename_tokens(given),
                          roles + titles, False)
    return PersonName(rest, kind, "", (), roles + titles, False)


def split_titles(text: str) -> tuple[tuple[str, ...], str]:
    """``"Comrade N.S. Ostrovin"`` -> ``(("Comrade",), "N.S. Ostrovin")``."""
    words = text.split()
    titles: list[str] = []
    while len(words) > 1 and is_honorific(words[0]):
        titles.append(words.pop(0))
    return (" ".join(titles),) if titles else (), " ".join(words)


def _forename_tokens(text: str) -> tuple[str, ...]:
    """Forename words and initials: ``"John F."`` -> ``("John", "F.")``; ``"N.S."`` -> two."""
    text = re.sub(r"[()\"“”]", " ", text)
    tokens: list[str] = []
    for word in text.split():
        if re.fullmatch(r"(?:\w\.){2,}", word):
            tokens.extend(w + "." for w in word.split(".") if w)
        else:
            tokens.append(word)
    return tuple(tokens)


def follow_same_as(start: str, entries: Mapping[str, Any]) -> str:
    """The id an entry's ``same_as`` chain leads to, stopping at a cycle or an unknown id.

    ``entries`` maps ids to records with a ``same_as`` attribute (an id or empty)."""
    seen = {start}
    current = start
    while True:
        entry = entries.get(current)
        target = getattr(entry, "same_as", None)
        if not target or target not in entries or target in seen:
            return current
        current = target
        seen.add(current)
