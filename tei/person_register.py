"""Person registers: TEI ``listPerson`` files read into plain name records.

A register is any TEI document holding ``person`` elements (in ``standOff``, ``text`` or
``particDesc``). Each person keeps its TEI element, so a document can copy it into its own
``particDesc``, and a list of :class:`PersonName` records, one per ``persName``, from which
the person finder derives the forms names take in running text. A name may be marked up
(``forename``/``surname``), written ``Surname, Forename``, or written plainly
(``Forename I. Surname``, or family name first where the register says so): all three are
read into surname and forenames. Loading, ids, see-also links and the copy of an entry are
those of every register (:mod:`tei.register_base`); persons also follow ``@corresp``, take
two entries with the same main name for one person, and say what each file gave.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei.annotate.names_view import name_key
from tei.lexicon import GENERATIONAL_SUFFIXES, is_honorific
from tei.namespaces import TEI, XML_ID, XML_LANG
from tei.register_base import Entry, EntryRegister, follow_same_as, text_of

_T = TEI


@dataclass(frozen=True)
class PersonName:
    """One ``persName`` of a register entry, split into its parts.

    ``surname`` is empty only for a single word with no marked surname: such a name is
    matched only as it is written. A plain name of several words is read into surname and
    forenames (``derived``), see :func:`_plain_name`.
    ``family_first`` is true when the register writes the family name before the given
    names without a comma (``<surname>Pak</surname> <forename>Seong-cheol</forename>``), or
    marks a plain name as such (``type="family-first"``, an ``xml:lang`` of a language
    written family name first).
    """

    text: str
    type: str
    surname: str = ""
    forenames: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    family_first: bool = False
    particle: str = ""  # "de" of "Pieter de Vries", read from a plain name
    surnames: tuple[str, ...] = ()  # both surnames of a name that carries two
    two_surnames: bool = False  # the name's language carries two surnames (es, pt)
    derived: bool = False  # surname and forenames read from plain text, not marked
    # Vietnamese: known by the last given name, not the family name; matched as written
    as_written_only: bool = False
    suffix: str = ""  # a generational suffix: "Jr.", "III"


@dataclass(kw_only=True)
class Person(Entry):
    names: list[PersonName] = field(default_factory=list)
    hints: str = ""  # role names, notes and honorifics, lower case: used to resolve titles


@dataclass
class FileReport:
    """What loading one register file found: printed one line per file."""

    path: str
    persons: int = 0
    as_written: int = 0  # persons none of whose names gives a form but itself
    unused: dict[str, int] = field(default_factory=dict)  # reason -> entries
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        text = f"{self.path}: {self.persons} person(s)"
        if self.as_written:
            text += f", {self.as_written} matched only as written"
        if self.unused:
            reasons = ", ".join(f"{count} {reason}" for reason, count in self.unused.items())
            text += f"; not used: {reasons}"
        return text


class Register(EntryRegister[Person]):
    """Registered persons by ``xml:id``; ``see`` entries point to their main entry.

    An entry that repeats an earlier entry's main name under another id, or points to an
    entry of an earlier file with ``@sameAs``/``@corresp``, is the same person: its names
    lead to the earlier entry, and ``duplicates`` says so once per entry.
    """

    ENTRY_TAGS = ("person",)
    SEE_ALSO = ("sameAs", "corresp")

    def __init__(self, persons: Sequence[Person] = ()) -> None:
        super().__init__(persons)
        self.reports: list[FileReport] = []
        self.duplicates: list[str] = []
        self._join_duplicates()

    @property
    def persons(self) -> dict[str, Person]:
        return self.entries

    @classmethod
    def read_entry(cls, element: etree._Element, xml_id: str, same_as: str | None,
                   source: str) -> Person:
        lang = _language(element)
        elements = element.findall(f"{_T}persName")
        names = [_read_name(pn, _language(pn) or lang) for pn in elements]
        if any(n.family_first for n in names):
            # A variant written plainly follows the order of the person's marked names.
            names = [n if _marked(pn) else
                     _read_name(pn, _language(pn) or lang, family_first=True)
                     for pn, n in zip(elements, names, strict=True)]
        names = [n for n in names if n.text]
        hint_parts = [" ".join(text_of(e).split()) for e in element.iter(f"{_T}roleName")]
        hint_parts += [" ".join(text_of(e).split()) for e in element.findall(f"{_T}note")]
        hint_parts += [t for n in names for t in n.titles]
        hint_parts += [" ".join(text_of(e).split())
                       for e in element.findall(f"{_T}occupation")]
        return Person(xml_id=xml_id, element=element, names=names, same_as=same_as,
                      hints=" | ".join(hint_parts).lower(), source=source)

    def file_loaded(self, path: Path, root: etree._Element, entries: list[Person],
                    warnings: list[str]) -> None:
        report = _report(path, root, entries)
        report.warnings = warnings
        self.reports.append(report)

    def _join_duplicates(self) -> None:
        first_by_name: dict[str, str] = {}
        for pid, person in self.persons.items():
            target = person.same_as
            if target in self.persons and self.persons[target].source != person.source \
                    and follow_same_as(target, self.persons) != pid:
                self.duplicates.append(
                    f"{person.source}: {pid} points to {target} of {self.persons[target].source}:"
                    f" mentions link to {follow_same_as(target, self.persons)}")
                continue
            if target in self.persons:
                continue  # a "see" entry of its own register
            key = main_name_key(person)
            if not key:
                continue
            if key in first_by_name:
                earlier = first_by_name[key]
                person.same_as = earlier
                self.duplicates.append(
                    f"{person.source}: {pid} has the name of {earlier}"
                    f" ({self.persons[earlier].source}): taken for the same person, mentions"
                    f" link to {earlier}")
                continue
            first_by_name[key] = pid

    def person(self, pid: str) -> Person:
        """The main entry of ``pid`` (:meth:`entry`, under the name the person finder uses)."""
        return self.entry(pid)

    def names_of(self, pid: str) -> list[PersonName]:
        """Names of a person and of every ``see`` entry that points to it."""
        main = self.canonical(pid)
        names: list[PersonName] = []
        for other, person in self.persons.items():
            if self.canonical(other) == main:
                names.extend(person.names)
        return names


def main_name_key(person: Person) -> str:
    """The person's first name as surname and forenames, however the register wrote it:
    ``Harlan, James T.`` and ``James T. Harlan`` give the same key."""
    if not person.names:
        return ""
    name = person.names[0]
    # "Emil Tandor, Jr." and "Emil Tandor, Sr." are two persons.
    if not name.surname:
        return "|".join(name_key(part) for part in (name.text, name.suffix))
    return "|".join(name_key(part) for part in (name.surname, name.particle, *name.forenames,
                                                name.suffix))


def _only_as_written(person: Person) -> bool:
    """No name of the person gives a form other than the name as it is written."""
    from tei.annotate.names_forms import derive_forms

    return all(form.key == name_key(name.text) for name in person.names
               for form in derive_forms(name))


def _report(path: Path, root: etree._Element, persons: list[Person]) -> FileReport:
    report = FileReport(str(path))
    for element in root.iter(f"{_T}person"):
        if not element.get(XML_ID):
            report.unused["without xml:id"] = report.unused.get("without xml:id", 0) + 1
    for person in persons:
        if not person.names:
            report.unused["without a persName"] = report.unused.get(
                "without a persName", 0) + 1
            continue
        report.persons += 1
        if _only_as_written(person):
            report.as_written += 1
    return report


def _marked(element: etree._Element) -> bool:
    return element.find(f"{_T}surname") is not None or "," in text_of(element)


# Languages whose names are written family name first (``Nguyen Van Loc``, ``Kovács
# János``): Chinese, Japanese, Korean, Vietnamese, Hungarian, and also Mongolian and Khmer.
FAMILY_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "vi", "hu", "mn", "km"})
# Languages whose names often carry two surnames, the father's then the mother's
# (``Ramón Ortega Valdés``): Spanish, Portuguese, Catalan, Galician.
TWO_SURNAME_LANGUAGES = frozenset({"es", "pt", "ca", "gl"})
# Lower-case words that belong to the surname that follows them (``Pieter de Vries``).
PARTICLES = frozenset(
    "de del della dei der den des di da das do dos du van von vom zu zum zur ter ten "
    "le la bin ibn bint al el af av".split())
_SUFFIXES = "|".join(GENERATIONAL_SUFFIXES)
# A word that is a generational suffix, with or without its period ("Jr.", "III").
GENERATIONAL = re.compile(rf"^(?:{_SUFFIXES})\.?$")
# A generational suffix among the forenames of ``Surname, Forenames Jr.``.
_SUFFIX_IN_GIVEN = re.compile(rf"\b(?:{_SUFFIXES})\b\.?")


def _is_particle(word: str, surname: str) -> bool:
    """``de`` before ``Vries``; ``DE`` before ``VRIES`` where the surname is in capitals."""
    if word.lower() not in PARTICLES:
        return False
    return word.islower() or (word.isupper() and surname.isupper())


def _language(element: etree._Element) -> str:
    """The primary language subtag of ``xml:lang`` on the element or its ancestors."""
    for node in (element, *element.iterancestors()):
        lang = node.get(XML_LANG)
        if lang:
            return lang.split("-")[0].lower()
    return ""


def _read_name(element: etree._Element, lang: str = "",
               family_first: bool = False) -> PersonName:
    kind = element.get("type") or "main"
    if kind == "family-first":
        kind, family_first = "main", True
    family_first = family_first or lang in FAMILY_FIRST_LANGUAGES
    text = " ".join(text_of(element).split())
    surnames = [" ".join(text_of(e).split()) for e in element.findall(f"{_T}surname")]
    forenames = [" ".join(text_of(e).split()) for e in element.findall(f"{_T}forename")]
    roles = tuple(" ".join(text_of(e).split()) for e in element.findall(f"{_T}roleName"))
    if surnames:
        surname = " ".join(s for s in surnames if s)
        children = [c for c in element if isinstance(c.tag, str)]
        first_sur = next(i for i, c in enumerate(children) if c.tag == f"{_T}surname")
        first_fore = next((i for i, c in enumerate(children) if c.tag == f"{_T}forename"), None)
        family_first = False
        if first_fore is not None and first_fore > first_sur:
            between = (children[first_sur].tail or "")
            for c in children[first_sur + 1:first_fore]:
                between += text_of(c) + (c.tail or "")
            family_first = "," not in between
        suffix = " ".join(w for e in element.findall(f"{_T}addName")
                          for w in text_of(e).split() if GENERATIONAL.match(w))
        return PersonName(text, kind, surname, _forename_tokens(" ".join(forenames)),
                          roles, family_first, suffix=suffix,
                          surnames=tuple(s for s in surnames if s) if len(surnames) > 1
                          else _two_surnames(surname, lang),
                          two_surnames=lang in TWO_SURNAME_LANGUAGES)
    titles, rest = split_titles(text)
    words = rest.split()
    suffixes: list[str] = []
    while len(words) > 1 and GENERATIONAL.match(words[-1].strip(",")):
        # "Emil R. Tandor, Jr.": the comma sets off a suffix, not a forename
        suffixes.insert(0, words.pop().strip(","))
    if words:
        words[-1] = words[-1].rstrip(",")
    rest = " ".join(words)
    if "," in rest:
        surname, _, given = rest.partition(",")
        given = _SUFFIX_IN_GIVEN.sub("", given)
        # "Harlan, Mrs. Edith": the honorific is a hint, not a forename.
        suffixes += _SUFFIX_IN_GIVEN.findall(given)
        given = _SUFFIX_IN_GIVEN.sub("", given)
        # "Harlan, Mrs. Edith": the honorific is a hint, not a forename.
        given_titles, given = split_titles(given.strip())
        return PersonName(text, kind, surname.strip(), _forename_tokens(given),
                          roles + titles + given_titles, False, suffix=" ".join(suffixes),
                          surnames=_two_surnames(surname.strip(), lang),
                          two_surnames=lang in TWO_SURNAME_LANGUAGES)
    return dataclasses.replace(_plain_name(rest, kind, roles + titles, family_first, lang),
                               suffix=" ".join(suffixes))


def _two_surnames(surname: str, lang: str) -> tuple[str, ...]:
    """``("Olmedo", "Brisas")`` for a surname of two capitalised words in a language that
    carries two surnames; elsewhere a surname of two words is one name (``Ormsby Tate``)."""
    words = surname.split()
    if lang in TWO_SURNAME_LANGUAGES and len(words) == 2 and all(w[:1].isupper() for w in words):
        return (words[0], words[1])
    return ()


def _plain_name(text: str, kind: str, titles: tuple[str, ...], family_first: bool,
                lang: str) -> PersonName:
    """A name written as plain text without a comma, read as a structured one.

    Family name first when the register says so; otherwise (Western order) the last word
    is the surname, with the lower-case particles before it (``de Vries``), and the last
    two words when the language carries two surnames and the name has three words or more.
    A single word is a surname alone.
    """
    words = text.split()
    if len(words) < 2:
        return PersonName(text, kind, "", (), titles, False)
    if family_first:
        return PersonName(text, kind, words[0], _forename_tokens(" ".join(words[1:])),
                          titles, True, derived=True, as_written_only=lang == "vi")
    first = len(words) - 1
    surnames: tuple[str, ...] = ()
    if lang in TWO_SURNAME_LANGUAGES and len(words) >= 3 and words[-2][:1].isupper():
        first -= 1
        surnames = (words[-2], words[-1])
    particle_start = first
    while particle_start > 0 and _is_particle(words[particle_start - 1], words[first]):
        particle_start -= 1
    return PersonName(text, kind, " ".join(words[first:]),
                      _forename_tokens(" ".join(words[:particle_start])), titles, False,
                      particle=" ".join(words[particle_start:first]), surnames=surnames,
                      two_surnames=lang in TWO_SURNAME_LANGUAGES, derived=True)


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
