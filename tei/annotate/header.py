"""Correspondence facts of one document: who sent it, to whom, from where and when.

Read from what the document itself states: the signatures of its closing (the signers
the person finder linked), the title of the form "Telegram from X to Y", and the
datelines. Nothing is guessed: a sender is a signer, else a registered person or
organisation named in the title's "from" part; a recipient is a registered person or
organisation named in the title's "to" part, else that part as written (its kind
unknown); the place of sending is a registered place in a dateline, else one the title
introduces with "in" ("envoys in New York"). What none of these states is left out.
Knows neither the layout nor XML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from tei.model import Annotations, Document, Span

if TYPE_CHECKING:
    from tei.annotate.persons import PersonFinder
    from tei.annotate.places import EntityFinder

PartyKind = Literal["person", "org", "name"]


@dataclass(frozen=True)
class Party:
    """A correspondent: ``kind`` person or org (registered or not), or ``name`` when the
    text does not say which; ``ref`` is the register id (without ``#``) when linked."""

    kind: PartyKind
    name: str
    ref: str | None = None


@dataclass(frozen=True)
class Place:
    name: str
    ref: str


@dataclass(frozen=True)
class HeaderFacts:
    sender: tuple[Party, ...] = ()
    recipient: tuple[Party, ...] = ()
    place: Place | None = None  # place of sending
    date: str | None = None  # ISO 8601 date of sending

    @property
    def is_empty(self) -> bool:
        return not (self.sender or self.recipient or self.place or self.date)


# The same reading of a title as the reading edition's: a trailing ", 3 June 1958" or
# "(2)" dropped; the last " to " splits, because a sender's description often holds one
# ("Ambassador to the USA").
_TITLE_TAIL = (re.compile(r"\s*\(\d+\)\s*$"), re.compile(r",\s*\d{1,2}\s+\w+\s+\d{4}\s*$"))
_FROM_TO = re.compile(r"^(?:.*?\s)?from\s+(?P<sender>.+)\s+to\s+(?P<recipient>.+)$",
                      re.IGNORECASE | re.DOTALL)
_FROM = re.compile(r"^(?:.*?\s)?from\s+(?P<sender>.+)$", re.IGNORECASE | re.DOTALL)
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)


def title_parties(title: str) -> tuple[str | None, str | None]:
    """The "from" and "to" parts of a title, as written (whitespace folded)."""
    bare = " ".join(title.split())
    for tail in _TITLE_TAIL:
        bare = tail.sub("", bare)
    m = _FROM_TO.match(bare)
    if m:
        return m.group("sender").strip(), m.group("recipient").strip()
    m = _FROM.match(bare)
    return (m.group("sender").strip(), None) if m else (None, None)


def header_facts(doc: Document, notes: Annotations, persons: PersonFinder | None,
                 entities: EntityFinder | None) -> HeaderFacts:
    """The correspondence facts of an annotated document (``doc.header.when`` set)."""
    title = doc.header.title.text if doc.header.title else ""
    sender_text, recipient_text = title_parties(title)
    sender = _signers(doc, notes)
    if not sender and sender_text:
        sender = _named(sender_text, persons, entities, keep_unlinked=False)
    recipient: tuple[Party, ...] = ()
    if recipient_text:
        recipient = _named(recipient_text, persons, entities, keep_unlinked=True)
    place = _dateline_place(doc, notes)
    if place is None and sender_text and entities is not None:
        place = _place_in(sender_text, entities)
    return HeaderFacts(sender, recipient, place, doc.header.when)


def _signers(doc: Document, notes: Annotations) -> tuple[Party, ...]:
    found: list[Party] = []
    for block, spans in zip(doc.blocks, notes.spans, strict=True):
        if block.kind != "signed":
            continue
        for span in spans:
            if span.kind == "persName":
                found.append(_party("person", block.text, span))
    return _unique(found)


def _named(text: str, persons: PersonFinder | None, entities: EntityFinder | None,
           keep_unlinked: bool) -> tuple[Party, ...]:
    """Registered persons and organisations named in ``text``, in text order; when there
    is none and ``keep_unlinked``, the whole text as a name of unknown kind."""
    spans: list[tuple[Span, PartyKind]] = []
    if persons is not None:
        spans += [(s, "person") for s in persons.find([text]).spans[0]
                  if s.kind == "persName" and s.attr("ref")]
    if entities is not None:
        spans += [(s, "org") for s in entities.find([text]).spans[0] if s.kind == "orgName"]
    spans.sort(key=lambda pair: pair[0].start)
    found = [_party(kind, text, span) for span, kind in spans]
    if not found and keep_unlinked:
        return (Party("name", text),)
    return _unique(found)


def _dateline_place(doc: Document, notes: Annotations) -> Place | None:
    for block, spans in zip(doc.blocks, notes.spans, strict=True):
        if block.kind != "dateline":
            continue
        for span in spans:
            if span.kind == "placeName" and span.attr("ref"):
                return Place(block.text[span.start:span.end], _id(span))
    return None


def _place_in(text: str, entities: EntityFinder) -> Place | None:
    for span in entities.find([text]).spans[0]:
        if span.kind == "placeName" and _IN_BEFORE.search(text[:span.start]):
            return Place(text[span.start:span.end], _id(span))
    return None


def _party(kind: PartyKind, text: str, span: Span) -> Party:
    name = " ".join(text[span.start:span.end].split())
    return Party(kind, name, _id(span) if span.attr("ref") else None)


def _id(span: Span) -> str:
    return (span.attr("ref") or "").lstrip("#")


def _unique(parties: list[Party]) -> tuple[Party, ...]:
    """One party per register id (an unlinked one per name), first mention first."""
    seen: set[tuple[str, str]] = set()
    kept: list[Party] = []
    for party in parties:
        key = ("ref", party.ref) if party.ref else ("name", party.name)
        if key not in seen:
            seen.add(key)
            kept.append(party)
    return tuple(kept)
