"""What the person register and the place/organisation register share.

A register is any TEI document holding entries (``person``, ``place``, ``org``) with an
``xml:id``. :func:`parse_register` reads a file safely (internal entities only, no
network) and says what it had to assume. :class:`EntryRegister` is the base of both
registers: it reads the entries of its kind from the files in order (the first file, and
the first entry in a file, wins on a repeated id), follows a see-also link to the entry it
names, and gives a fresh copy of an entry's element for a document's header. Each
register says which elements it reads, which attributes are its see-also links, and what
it keeps of an entry.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Generic, Self, TypeVar

from lxml import etree

from tei.errors import InputError
from tei.namespaces import TEI, TEI_NS, XML_ID
from tei.safe_parser import safe_parser


@dataclass(kw_only=True)
class Entry:
    """One entry of a register: its id, its TEI element, the id its see-also link names
    (or ``None``) and the file it was read from."""

    xml_id: str
    element: etree._Element
    same_as: str | None = None
    source: str = ""


E = TypeVar("E", bound=Entry)


class EntryRegister(Generic[E]):
    """Entries by ``xml:id``; a see-also entry leads to the entry its link names."""

    # Local names of the elements that are entries of this register.
    ENTRY_TAGS: ClassVar[tuple[str, ...]] = ()
    # The attributes whose first pointer names the entry this one is a see-also entry of,
    # in the order they are tried.
    SEE_ALSO: ClassVar[tuple[str, ...]] = ("sameAs",)

    def __init__(self, entries: Iterable[E] = ()) -> None:
        self.entries: dict[str, E] = {}
        for entry in entries:
            self.entries.setdefault(entry.xml_id, entry)

    @classmethod
    def load(cls, paths: Sequence[Path],
             roots: Mapping[Path, etree._Element] | None = None) -> Self:
        """Read the entries of the given TEI files; the first file wins on a repeated id.

        A file with no entry of this register's kind adds nothing; a file that is not
        well-formed XML or holds no entry of any kind raises :class:`InputError`.
        ``roots`` holds files already parsed with :func:`parse_register`."""
        files: list[tuple[Path, etree._Element, list[str], list[E]]] = []
        for path in paths:
            path = Path(path)
            root, warnings = (roots[path], []) if roots and path in roots else \
                parse_register(path)
            files.append((path, root, warnings, cls.read_entries(path, root)))
        register = cls([entry for *_, entries in files for entry in entries])
        for path, root, warnings, entries in files:
            register.file_loaded(path, root, entries, warnings)
        return register

    @classmethod
    def read_entries(cls, path: Path, root: etree._Element) -> list[E]:
        """Every entry of the file with an ``xml:id``, in document order."""
        entries: list[E] = []
        for element in root.iter(*(f"{TEI}{tag}" for tag in cls.ENTRY_TAGS)):
            xml_id = element.get(XML_ID)
            if not xml_id:
                continue
            same_as = next((target for attribute in cls.SEE_ALSO
                            if (target := _pointer(element.get(attribute)))), None)
            entries.append(cls.read_entry(element, xml_id, same_as, str(path)))
        return entries

    @classmethod
    def read_entry(cls, element: etree._Element, xml_id: str, same_as: str | None,
                   source: str) -> E:
        """The record of one entry element."""
        raise NotImplementedError

    def file_loaded(self, path: Path, root: etree._Element, entries: list[E],
                    warnings: list[str]) -> None:
        """Called once per file after loading, with what the file gave; a register that
        reports on its files says so here."""

    @property
    def ids(self) -> list[str]:
        return list(self.entries)

    def __contains__(self, xml_id: object) -> bool:
        return xml_id in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def canonical(self, xml_id: str) -> str:
        """Follow the see-also links to the main entry; stop at a cycle or an unknown target."""
        return follow_same_as(xml_id, self.entries)

    def entry(self, xml_id: str) -> E:
        """The main entry of ``xml_id``."""
        return self.entries[self.canonical(xml_id)]

    def element(self, xml_id: str) -> etree._Element:
        """A fresh copy of the main entry's element (tail removed)."""
        element = copy.deepcopy(self.entry(xml_id).element)
        element.tail = None
        return element


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


def _pointer(value: str | None) -> str | None:
    return (value or "").strip().split(" ")[0].lstrip("#") or None


def text_of(element: etree._Element) -> str:
    """Text content; an unexpanded entity reference contributes nothing."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child, etree._Entity) and isinstance(child.tag, str):
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


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
    if not any(True for _ in root.iter(*(f"{TEI}{n}" for n in entries))):
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
            element.tag = f"{TEI}{element.tag}"
    etree.cleanup_namespaces(root, top_nsmap={None: TEI_NS})
