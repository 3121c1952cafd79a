"""Registers of places and organisations: TEI ``listPlace`` and ``listOrg`` files.

Any TEI document may hold them (in ``standOff``, ``text`` or ``settingDesc``/``particDesc``).
Every ``place`` and ``org`` with an ``xml:id`` is read: its TEI element, so a document can
copy it into its own header, and the names it is written with (``placeName`` / ``orgName``,
the main name and its variants), from which the entity finder builds its patterns.
Loading, ids, ``sameAs`` links and the copy of an entry are those of every register
(:mod:`tei.register_base`); the copy of a place leaves out the places nested in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from tei.namespaces import TEI
from tei.register_base import Entry, EntryRegister, text_of

EntityKind = Literal["place", "org"]

# The element of each kind of entry and the element of its names.
_NAME_OF: dict[EntityKind, str] = {"place": "placeName", "org": "orgName"}
_ENTRY_TAGS = tuple(f"{TEI}{tag}" for tag in ("place", "org", "listPlace", "listOrg"))


@dataclass(kw_only=True)
class Entity(Entry):
    kind: EntityKind
    names: list[str] = field(default_factory=list)  # as written, whitespace folded


class EntityRegister(EntryRegister[Entity]):
    """Registered places and organisations by ``xml:id``; ``sameAs`` entries point to their
    main entry. The first file (and the first entry in a file) wins on a repeated id."""

    ENTRY_TAGS = ("place", "org")

    @property
    def entities(self) -> dict[str, Entity]:
        return self.entries

    @classmethod
    def read_entry(cls, element: etree._Element, xml_id: str, same_as: str | None,
                   source: str) -> Entity:
        kind: EntityKind = "place" if element.tag == f"{TEI}place" else "org"
        # Direct children only: a place nested in a place has names of its own.
        names = [" ".join(text_of(n).split()) for n in element.findall(f"{TEI}{_NAME_OF[kind]}")]
        return Entity(xml_id=xml_id, kind=kind, element=element,
                      names=[n for n in names if n], same_as=same_as, source=source)

    def element(self, xml_id: str) -> etree._Element:
        """A fresh copy of the main entry's ``place`` or ``org`` element (tail removed).

        Entries nested in it are left out: each is an entry of its own, copied when it is
        mentioned, and a second copy would repeat its ``xml:id`` in the document.
        """
        element = super().element(xml_id)
        for inner in list(element.iterdescendants(*_ENTRY_TAGS)):
            _remove_keeping_tail(inner)
        return element

    def kind(self, xml_id: str) -> str:
        """``"place"`` or ``"org"``: the kind of the main entry."""
        return self.entry(xml_id).kind


def _remove_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    tail = element.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
