"""Person registers: TEI ``listPerson`` files read into plain name records.

A register is any TEI document holding ``person`` elements (in ``standOff``, ``text`` or
``particDesc``). Each person keeps its TEI element, so a document can copy it into its own
``particDesc``, and a list of :class:`PersonName` records, one per ``persName``, from which
the person finder derives the forms names take in running text. A name may be marked up
(``forename``/``surname``), written ``Surname, Forename``, or written plainly
(``Forename I. Surname``, or family name first where the register says so): all three are
read into surname and forenames. :func:`parse_register` reads a file safely (internal
entities only, no network) and says what it had to assume.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from tei.annotate.names_view import name_key
from tei.errors import InputError
from tei.lexicon import is_honorific
from tei.namespaces import TEI, TEI_NS, XML_ID, XML_LANG
from tei.safe_parser import safe_parser

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


@dataclass
class Person:
    pid: str
    element: etree._Element
    names: list[PersonName] = field(default_factory=list)
    same_as: str | None = None
    hints: str = ""  # role names, notes and honorifics, lower case: used to resolve titles
    source: str = ""


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


class Register:
    """Registered persons by ``xml:id``; ``see`` entries point to their main entry.

    An entry that repeats an earlier entry's main name under another id, or points to an
    entry of an earlier file with ``@sameAs``/``@corresp``, is the same person: its names
    lead to the earlier entry, and ``duplicates`` says so once per entry.
    """

    def __init__(self, persons: Sequence[Person] = ()) -> None:
        self.persons: dict[str, Person] = {}
        self.reports: list[FileReport] = []
        self.duplicates: list[str] = []
        for person in persons:
            self.persons.setdefault(person.pid, person)
        self._join_duplicates()

    @classmethod
    def load(cls, paths: Sequence[Path],
             roots: Mapping[Path, etree._Element] | None = None) -> Register:
        """Read every ``person`` of the given TEI files; the first file wins on a repeated id.

        ``roots`` holds files already parsed with :func:`parse_register`."""
        persons: list[Person] = []
        reports: list[FileReport] = []
        for path in paths:
            path = Path(path)
            root, warnings = (roots[path], []) if roots and path in roots else \
                parse_register(path)
            found, report = _read_file(path, root)
            report.warnings = warnings
            persons.extend(found)
            reports.append(report)
        register = cls(persons)
        register.reports = reports
        return register

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


def _read_file(path: Path, root: etree._Element) -> tuple[list[Person], FileReport]:
    report = FileReport(str(path))
    persons = _read_persons(path, root)
    for element in root.iter(f"{_T}person"):
        if not element.get(XML_ID):
            report.unused["without xml:id"] = report.unused.get("without xml:id", 0) + 1
    used: list[Person] = []
    for person in persons:
        if not person.names:
            report.unused["without a persName"] = report.unused.get(
                "without a persName", 0) + 1
            continue
        used.append(person)
        if _only_as_written(person):
            report.as_written += 1
    report.persons = len(used)
    return persons, report


def parse_register(path: Path) -> tuple[etree._Element, list[str]]:
    """The root of a register file and the warnings its reading gave.

    Internal entities (declared in the file's own DOCTYPE) are expanded; an external one
    (``SYSTEM``/``PUBLIC``) is never loaded: such a file is refused. Elements in no namespace
    are read as TEI with a warning; a file whose registers are in another namespace, or
    that holds no person, place or organisation at all, is refused.
    """
    parser = safe_parser(internal_entities=True)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno else None
        if _declares_external_entity(path) and "Entity" in str(error.msg):
            raise InputError(str(path), "the register uses an entity declared outside the "
                             "file (SYSTEM or PUBLIC); external entities are never loaded",
                             "write the text of the entity into the register, or declare "
                             "it inside the file", line=line) from error
        raise InputError(str(path), f"the register is not well-formed XML: {error.msg}",
                         "fix the XML and run again", line=line) from error
    except OSError as error:
        raise InputError(str(path), f"the register cannot be read: {error}") from error
    root = tree.getroot()
    warnings: list[str] = []
    entries = _ENTRY_NAMES
    if any(True for _ in root.iter(*entries)):
        # Entries in no namespace (a bare <listPerson>, or xmlns="" inside a TEI file).
        _into_tei_namespace(root)
        warnings.append(f"{path}: warning: the register is not in the TEI namespace; "
                        f"read as TEI (declare xmlns=\"{TEI_NS}\" on its root)")
    if not any(True for _ in root.iter(*(f"{_T}{n}" for n in entries))):
        foreign = sorted({etree.QName(e).namespace or "" for e in root.iter()
                          if isinstance(e.tag, str) and etree.QName(e).localname in entries
                          and etree.QName(e).namespace not in (None, TEI_NS)})
        if foreign:
            raise InputError(str(path), f"the register's entries are in the namespace "
                             f"{foreign[0]}, not in the TEI namespace ({TEI_NS})",
                             "use the TEI namespace")
        raise InputError(str(path), "the register holds no person, place or "
                         "organisation (no <person>, <place> or <org>)",
                         "give a TEI file with a listPerson, listPlace or listOrg")
    return root, warnings


_ENTRY_NAMES = ("person", "place", "org")


def _declares_external_entity(path: Path) -> bool:
    try:
        head = Path(path).read_bytes()[:65536]
    except OSError:
        return False
    return re.search(rb"<!ENTITY\s+%?\s*[\w.:-]+\s+(?:SYSTEM|PUBLIC)\b", head) is not None


def _into_tei_namespace(root: etree._Element) -> None:
    """Elements in no namespace are put into TEI's, so their copies in a document are TEI."""
    for element in root.iter():
        if isinstance(element.tag, str) and not etree.QName(element).namespace:
            element.tag = f"{_T}{element.tag}"
    etree.cleanup_namespaces(root, top_nsmap={None: TEI_NS})


def _read_persons(path: Path, root: etree._Element | None = None) -> list[Person]:
    if root is None:
        root, _ = parse_register(path)
    persons: list[Person] = []
    for element in root.iter(f"{_T}person"):
        pid = element.get(XML_ID)
        if not pid:
            continue
        same_as = _pointer(element.get("sameAs")) or _pointer(element.get("corresp"))
        lang = _language(element)
        elements = element.findall(f"{_T}persName")
        names = [_read_name(pn, _language(pn) or lang) for pn in elements]
        if any(n.family_first for n in names):
            # A variant written plainly follows the order of the person's marked names.
            names = [n if _marked(pn) else
                     _read_name(pn, _language(pn) or lang, family_first=True)
                     for pn, n in zip(elements, names, strict=True)]
        names = [n for n in names if n.text]
        hint_parts = [" ".join(_text(e).split()) for e in element.iter(f"{_T}roleName")]
        hint_parts += [" ".join(_text(e).split()) for e in element.findall(f"{_T}note")]
        hint_parts += [t for n in names for t in n.titles]
        hint_parts += [" ".join(_text(e).split()) for e in element.findall(f"{_T}occupation")]
        persons.append(Person(pid=pid, element=element, names=names, same_as=same_as,
                              hints=" | ".join(hint_parts).lower(), source=str(path)))
    return persons


def _pointer(value: str | None) -> str | None:
    return (value or "").strip().split(" ")[0].lstrip("#") or None


def _marked(element: etree._Element) -> bool:
    return element.find(f"{_T}surname") is not None or "," in _text(element)


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
GENERATIONAL = re.compile(r"^(?:Jr|Sr|Jnr|Snr|II|III|IV)\.?$")


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


def _text(element: etree._Element) -> str:
    """Text content; an unexpanded entity reference contributes nothing."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child, etree._Entity) and isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _read_name(element: etree._Element, lang: str = "",
               family_first: bool = False) -> PersonName:
    kind = element.get("type") or "main"
    if kind == "family-first":
        kind, family_first = "main", True
    family_first = family_first or lang in FAMILY_FIRST_LANGUAGES
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
        suffix = " ".join(w for e in element.findall(f"{_T}addName")
                          for w in _text(e).split() if GENERATIONAL.match(w))
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
        given = re.sub(r"\b(?:Jr|Sr|II|III|IV)\b\.?", "", given)
        # "Harlan, Mrs. Edith": the honorific is a hint, not a forename.
        suffixes += re.findall(r"\b(?:Jr|Sr|II|III|IV)\b\.?", given)
        given = re.sub(r"\b(?:Jr|Sr|II|III|IV)\b\.?", "", given)
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
