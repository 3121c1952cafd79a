"""The edition listing: the file the site's own pages are made from.

Each document is in it as its site record (``xslt/site-summary.xsl``): the header parts
the pages read, an empty element per name in its text and the quoted context of each
entry's first mention, a few kilobytes where the document may have many. The register
entries and editorial declarations that documents repeat (every document naming a person
carries that person's entry) are kept once, at the end of the listing (``e:shared``), and
each record points to them (``@e:same``; ``f:full`` in ``xslt/common/functions.xsl``
follows the pointer), so the listing grows with the documents' own facts, not with the
register copied into each of them.

The listing is written to a file record by record as the records come, in the order of
the documents, so the process holds only the shared entries, and the stylesheets read it
from there once.
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
_ENTRIES = frozenset(f"{TEI}{name}" for name in ("person", "place", "org"))
_LISTS = frozenset(f"{TEI}{name}" for name in ("listPerson", "listPlace", "listOrg"))
_DECLARATION = f"{TEI}editorialDecl"
_SAME = f"{{{SITE_NS}}}same"
_KEY = f"{{{SITE_NS}}}key"

_OPEN = f'<edition xmlns="{SITE_NS}">'.encode()
_CLOSE = b"</edition>"


@dataclass(frozen=True)
class Record:
    """A document's site record with its repeated parts taken out: the record (pointing
    to them) and the parts by key."""

    xml: bytes
    shared: tuple[tuple[str, bytes], ...]


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
    return Record(etree.tostring(root), tuple(shared.items()))


def _repeatable(element: etree._Element) -> bool:
    if element.tag == _DECLARATION:
        return True
    parent = element.getparent()
    return (parent is not None and parent.tag in _LISTS
            and next(element.iterdescendants(*_ENTRIES), None) is None)


class ListingWriter:
    """Writes the listing to ``path``: records in the order they are added, then each
    shared part once, in the order of first use."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._file = open(self.path, "wb")  # noqa: SIM115  (closed by close())
        self._file.write(_OPEN)
        self.shared: dict[str, bytes] = {}  # key -> part, in the order of first use
        self.count = 0

    def add(self, record: Record) -> tuple[int, int]:
        """Write one record; where it is in the file (offset, length)."""
        offset = self._file.tell()
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


def excerpt(path: Path, places: list[tuple[int, int]]) -> str:
    """A listing of the records at ``places`` in the listing file ``path`` (without the
    shared parts: enough for what a reading page reads of its neighbours)."""
    parts = [_OPEN]
    with open(path, "rb") as listing:
        for offset, length in places:
            listing.seek(offset)
            parts.append(listing.read(length))
    parts.append(_CLOSE)
    return b"".join(parts).decode("utf-8")


def remove(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
