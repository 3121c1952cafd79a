"""The edition listing: the file the site's own pages are made from.

Each document is in it as its site record (``xslt/site-summary.xsl``): the header parts
the pages read, an empty element per pointer of the names in its text (with their
number) and the quoted context of each entry's first mention, a few kilobytes where the
document may have many. The register entries and editorial declarations that documents
repeat (every document naming a person carries that person's entry) are kept once, at the
end of the listing (``e:shared``), and each record points to them (``@e:same``; ``f:full``
in ``xslt/common/functions.xsl`` follows the pointer), so the listing grows with the
documents' own facts, not with the register copied into each of them.

The quoted contexts (``e:context``) are kept apart from the rest of a record, by the kind
of name they quote: only a register page reads them, and each reads only those of its own
kind, so each page is given a listing with what it reads (``ListingWriter.add`` puts a
record's contexts back in place) and no page's tree holds every context of the edition.

The records are spooled to a file as they come (``RecordSpool``), so the process holds only
the shared entries and where each record is; the listings are written from the spool in
the order of the documents, and the stylesheets read them from there once.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei.namespaces import SITE_NS, TEI, XML_ID

# What documents repeat: a register entry (directly in a list) and the editorial
# declaration. An entry holding entries of its own is kept whole, in its place.
# The kinds of register entry, by the name that points to one: its element and the list
# holding it. A register page's ``kind`` (xslt/site-register.xsl) is the entry's element.
REGISTERS = {"persName": ("person", "listPerson"), "placeName": ("place", "listPlace"),
             "orgName": ("org", "listOrg")}
_ENTRIES = frozenset(f"{TEI}{entry}" for entry, _ in REGISTERS.values())
_LISTS = frozenset(f"{TEI}{listing}" for _, listing in REGISTERS.values())
_DECLARATION = f"{TEI}editorialDecl"
_SAME = f"{{{SITE_NS}}}same"
_CONTEXT = f"{{{SITE_NS}}}context"
_KEY = f"{{{SITE_NS}}}key"

_OPEN = f'<edition xmlns="{SITE_NS}">'.encode()
_CLOSE = b"</edition>"


@dataclass(frozen=True)
class Record:
    """A document's site record with its repeated parts taken out: the record (pointing
    to them, without its contexts), the parts by key and its contexts by the name they
    quote (persName, placeName, orgName), each the contexts' elements one after another."""

    xml: bytes
    shared: tuple[tuple[str, bytes], ...]
    contexts: tuple[tuple[str, bytes], ...] = ()


def split_record(record: str) -> Record:
    """Take the repeated parts out of a site record (made by site-summary.xsl)."""
    root = etree.fromstring(record.encode("utf-8"))
    shared: dict[str, bytes] = {}
    for element in [e for e in root.iter(*_ENTRIES, _DECLARATION) if _repeatable(e)]:
        whole = etree.tostring(element, with_tail=False)
        key = hashlib.sha256(whole).hexdigest()[:24]
        if key not in shared:
            element.set(_KEY, key)
            shared[key] = etree.tostring(element, with_tail=False)
        tail, name = element.tail, element.get(XML_ID)
        element.clear()  # children, attributes and tail
        element.tail = tail
        if name is not None:
            element.set(XML_ID, name)
        element.set(_SAME, key)
    contexts: dict[str, list[bytes]] = {}
    for context in root.findall(_CONTEXT):
        contexts.setdefault(context.get("name", ""), []).append(
            etree.tostring(context, with_tail=False))
        root.remove(context)  # they are the record's last children: no text is lost
    return Record(etree.tostring(root), tuple(shared.items()),
                  tuple((name, b"".join(parts)) for name, parts in contexts.items()))


def _repeatable(element: etree._Element) -> bool:
    if element.tag == _DECLARATION:
        return True
    parent = element.getparent()
    return (parent is not None and parent.tag in _LISTS
            and next(element.iterdescendants(*_ENTRIES), None) is None)


# What a register page reads of a record, by the name its contexts quote: of the header
# parts site-summary.xsl keeps, the title, the creation date and the licence; its own kind's
# register entries and names in the text (xslt/site-register.xsl). The rest is left out.
_UNREAD = (f"{TEI}teiHeader/{TEI}profileDesc/{TEI}abstract",
           f"{TEI}teiHeader/{TEI}profileDesc/{TEI}correspDesc",
           f"{TEI}teiHeader/{TEI}encodingDesc")
_MENTIONS = frozenset(f"{TEI}{name}" for name in REGISTERS)


def register_record(record: Record, name: str) -> Record:
    """``record`` cut down to what the register page of ``name`` (persName, placeName,
    orgName) reads, with only the shared parts it still points to: the page's tree is that
    much smaller. A list of another kind is kept when it holds an entry of this one."""
    entry, own_list = REGISTERS[name]
    root = etree.fromstring(record.xml)
    tei = root[0]
    for path in _UNREAD:
        for element in tei.findall(path):
            _drop(element)
    header = tei.find(f"{TEI}teiHeader")
    for listing in [] if header is None else [e for e in header if e.tag in _LISTS]:
        if listing.tag != f"{TEI}{own_list}" and next(listing.iter(f"{TEI}{entry}"),
                                                      None) is None:
            _drop(listing)
    text = tei.find(f"{TEI}text")
    for element in [] if text is None else [e for e in text if e.tag in _MENTIONS]:
        if element.tag != f"{TEI}{name}":
            _drop(element)
    kept = {e.get(_SAME) for e in root.iter() if e.get(_SAME) is not None}
    return Record(etree.tostring(root), tuple((k, part) for k, part in record.shared
                                              if k in kept))


def _drop(element: etree._Element) -> None:
    """Remove ``element``, keeping its tail's text in place."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


class ListingWriter:
    """Writes the listing to ``path``: records in the order they are added, then each
    shared part once, in the order of first use."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._file = open(self.path, "wb")  # noqa: SIM115  (closed by close())
        self._file.write(_OPEN)
        self.shared: dict[str, bytes] = {}  # key -> part, in the order of first use
        self.count = 0

    def add(self, record: Record, contexts: bytes = b"") -> tuple[int, int]:
        """Write one record, with ``contexts`` (e:context elements) as its last children;
        where it is in the file (offset, length)."""
        offset = self._file.tell()
        if contexts:
            end = record.xml.rindex(b"</")  # the record's end tag
            self._file.write(record.xml[:end])
            self._file.write(contexts)
            self._file.write(record.xml[end:])
        else:
            self._file.write(record.xml)
        for key, part in record.shared:
            self.shared.setdefault(key, part)
        self.count += 1
        return offset, len(record.xml)

    def close(self) -> Path:
        self._file.write(f'<shared xmlns="{SITE_NS}">'.encode())
        for part in self.shared.values():
            self._file.write(part)
        self._file.write(b"</shared>")
        self._file.write(_CLOSE)
        self._file.close()
        return self.path


Place = tuple[int, int]  # offset and length in a spool


@dataclass(frozen=True)
class Spooled:
    """Where a record's parts are in a RecordSpool, and the keys of the parts it shares."""

    xml: Place
    contexts: tuple[tuple[str, Place], ...]
    keys: tuple[str, ...]


class RecordSpool:
    """Site records as they come, in any order: their parts in a scratch file, the shared
    parts once each in memory (the register's size, not the edition's)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._file = open(self.path, "w+b")  # noqa: SIM115  (closed by close())
        self.shared: dict[str, bytes] = {}
        self._keys: dict[str, str] = {}

    def _put(self, data: bytes) -> Place:
        self._file.seek(0, os.SEEK_END)
        offset = self._file.tell()
        self._file.write(data)
        return offset, len(data)

    def add(self, record: Record) -> Spooled:
        keys = []
        for key, part in record.shared:
            # One string per key for the whole run, however many records share it.
            keys.append(self._keys.setdefault(key, key))
            self.shared.setdefault(key, part)
        return Spooled(self._put(record.xml),
                       tuple((name, self._put(part)) for name, part in record.contexts),
                       tuple(keys))

    def read(self, place: Place) -> bytes:
        offset, length = place
        self._file.seek(offset)
        return self._file.read(length)

    def record(self, spooled: Spooled) -> Record:
        return Record(self.read(spooled.xml), tuple((k, self.shared[k]) for k in spooled.keys))

    def contexts(self, spooled: Spooled, name: str) -> bytes:
        return b"".join(self.read(place) for kind, place in spooled.contexts if kind == name)

    def close(self) -> None:
        self._file.close()


def read_places(path: Path, places: list[Place]) -> list[bytes]:
    """The bytes at ``places`` (offset, length) in the file ``path``."""
    found = []
    with open(path, "rb") as file:
        for offset, length in places:
            file.seek(offset)
            found.append(file.read(length))
    return found


def excerpt(path: Path, places: list[Place]) -> str:
    """A listing of the records at ``places`` in the listing file ``path`` (without the
    shared parts: enough for what a reading page reads of its neighbours)."""
    return b"".join([_OPEN, *read_places(path, places), _CLOSE]).decode("utf-8")


def remove(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
