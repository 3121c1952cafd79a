"""Registers of places and organisations: TEI ``listPlace`` and ``listOrg`` files.

Any TEI document may hold them (in ``standOff``, ``text`` or ``settingDesc``/``particDesc``).
Every ``place`` and ``org`` with an ``xml:id`` is read: its TEI element, so a document can
copy it into its own header, and the names it is written with (``placeName`` / ``orgName``,
the main name and its variants), from which the entity finder builds its patterns.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lxml import etree

from tei.namespaces import TEI_NS, XML_ID
from tei.register import _text, follow_same_as, parse_register

EntityKind = Literal["place", "org"]

_T = f"{{{TEI_NS}}}"
# The element of each kind of entry and the element of its names.
_NAME_OF: dict[EntityKind, str] = {"place": "placeName", "org": "orgName"}
_ENTRY_TAGS = tuple(f"{_T}{tag}" for tag in ("place", "org", "listPlace", "listOrg"))


@dataclass
class Entity:
    eid: str
    kind: EntityKind
    element: etree._Element
    names: list[str] = field(default_factory=list)  # as written, whitespace folded
    same_as: str | None = None
    source: str = ""


class EntityRegister:
    """Registered places and organisations by ``xml:id``; ``sameAs`` entries point to their
    main entry. The first file (and the first entry in a file) wins on a repeated id."""

    def __init__(self, entities: Sequence[Entity] = ()) -> None:
        self.entities: dict[str, Entity] = {}
        for entity in entities:
            self.entities.setdefault(entity.eid, entity)

    @classmethod
    def load(cls, paths: Sequence[Path],
             roots: Mapping[Path, etree._Element] | None = None) -> EntityRegister:
        """Read every ``place`` and ``org`` of the given TEI files; a file with none (a
        person register) adds nothing, a file that is not well-formed XML or holds no entry
        of any kind raises :class:`InputError`. ``roots`` holds files already parsed."""
        entities: list[Entity] = []
        for path in paths:
            path = Path(path)
            root = roots[path] if roots and path in roots else parse_register(path)[0]
            entities.extend(_read_entities(path, root))
        return cls(entities)

    @property
    def ids(self) -> list[str]:
        return list(self.entities)

    def __contains__(self, eid: object) -> bool:
        return eid in self.entities

    def __len__(self) -> int:
        return len(self.entities)

    def is_empty(self) -> bool:
        return not self.entities

    def canonical(self, eid: str) -> str:
        """Follow ``@sameAs`` to the main entry; stop at a cycle or an unknown target."""
        return follow_same_as(eid, self.entities)

    def entity(self, eid: str) -> Entity:
        return self.entities[self.canonical(eid)]

    def element(self, eid: str) -> etree._Element:
        """A fresh copy of the canonical entry's ``place`` or ``org`` element (tail removed).

        Entries nested in it are left out: each is an entry of its own, copied when it is
        mentioned, and a second copy would repeat its ``xml:id`` in the document.
        """
        element = copy.deepcopy(self.entity(eid).element)
        element.tail = None
        for inner in list(element.iterdescendants(*_ENTRY_TAGS)):
            _remove_keeping_tail(inner)
        return element

    def kind(self, eid: str) -> str:
        """``"place"`` or ``"org"``: the kind of the canonical entry."""
        return self.entity(eid).kind


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


def _read_entities(path: Path, root: etree._Element | None = None) -> list[Entity]:
    if root is None:
        root, _ = parse_register(path)
    entities: list[Entity] = []
    # Document order, so a file's first entry wins over a later one with the same id.
    for element in root.iter(f"{_T}place", f"{_T}org"):
        eid = element.get(XML_ID)
        if not eid:
            continue
        kind: EntityKind = "place" if element.tag == f"{_T}place" else "org"
        same_as = (element.get("sameAs") or "").strip().split(" ")[0].lstrip("#") or None
        # Direct children only: a place nested in a place has names of its own.
        names = [" ".join(_text(n).split()) for n in element.findall(f"{_T}{_NAME_OF[kind]}")]
        entities.append(Entity(eid=eid, kind=kind, element=element,
                               names=[n for n in names if n], same_as=same_as,
                               source=str(path)))
    return entities
