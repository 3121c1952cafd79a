"""The header stage: the facts a document states about itself as a whole.

Its date, id and archive number, translator, languages and the spans of its citation come
from the parsed header; its correspondence (who sent it, to whom, from where and when)
also from the annotated body.

Correspondence is read from what the document itself states: the signatures of its
closing (the signers the person finder linked), the title of the form "Telegram from X to
Y", and the datelines. Nothing is guessed: a sender is a signer, else a registered person or
organisation named in the title's "from" part; a recipient is a registered person or
organisation named in the title's "to" part, else that part as written (its kind
unknown); the place of sending is a registered place in a dateline, else one the title
introduces with "in" ("envoys in New York"). What none of these states is left out.
Knows neither the layout nor XML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tei.annotate.dates import find_dates, normalize_date_line
from tei.annotate.dates_form import DateScans
from tei.findings import printable
from tei.languages import language_code
from tei.model import (
    Block,
    Document,
    Field,
    HeaderFacts,
    Language,
    Party,
    PartyKind,
    Place,
    Span,
    Warning_,
)

if TYPE_CHECKING:
    from tei.annotate.persons import PersonFinder
    from tei.annotate.places import EntityFinder

__all__ = ["HeaderFacts", "Party", "Place", "document_date", "header_facts", "title_parties"]


# The title's "from" and "to" parts (the reading edition's From and To lines, as written):
# a trailing ", 3 June 1958" or "(2)" dropped; the last " to " splits, because a sender's
# description often holds one ("Ambassador to the USA"). Whitespace is XML's, as
# normalize-space() folds it: a no-break space is a character of the text.
_WS = r"[ \t\n\r]"
_TITLE_TAIL = (re.compile(rf"{_WS}*\(\d+\){_WS}*$"),
               re.compile(rf",{_WS}*\d{{1,2}}{_WS}+[^\W\d_]+{_WS}+\d{{4}}{_WS}*$"))
_FROM_TO = re.compile(rf"^(?:.*?{_WS})?from{_WS}+(?P<sender>.+){_WS}+to{_WS}+(?P<recipient>.+)$",
                      re.IGNORECASE | re.DOTALL)
_FROM = re.compile(rf"^(?:.*?{_WS})?from{_WS}+(?P<sender>.+)$", re.IGNORECASE | re.DOTALL)
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)


def title_parties(title: str) -> tuple[str | None, str | None]:
    """The "from" and "to" parts of a title, as written (whitespace folded)."""
    bare = re.sub(f"{_WS}+", " ", title).strip(" ")
    for tail in _TITLE_TAIL:
        bare = tail.sub("", bare)
    m = _FROM_TO.match(bare)
    if m:
        return m.group("sender").strip(" "), m.group("recipient").strip(" ")
    m = _FROM.match(bare)
    return (m.group("sender").strip(" "), None) if m else (None, None)


def document_date(doc: Document, scans: DateScans | None = None) -> str | None:
    """The document's ISO date: its date line, else the first date of its citation
    (``scans``: the document's, see dates_form.DateScans)."""
    h = doc.header
    if h.date_line:
        when = normalize_date_line(h.date_line.text, scans)
        if when:
            return when
    if h.citation:
        for span in find_dates(h.citation.text, None, scans=scans):
            when = span.attr("when")
            if when:
                return when
    return None


def date_line_warnings(doc: Document, scans: DateScans | None = None) -> list[Warning_]:
    """A date line that names no real day ("Feb 30, 1962") is kept as words: said so."""
    line = doc.header.date_line
    if line is not None and normalize_date_line(line.text, scans) is None:
        return [Warning_(doc.line_of(line.start), f"the date line {line.text!r} names no real "
                         "day: kept as text, not as the date", "layout-date-line")]
    return []


def header_facts(doc: Document, when: str | None,
                 spans_of: Callable[[Block], Sequence[Span]],
                 persons: PersonFinder | None, entities: EntityFinder | None,
                 scans: DateScans | None = None) -> HeaderFacts:
    """The facts of a document dated ``when`` (see document_date) whose blocks hold the
    spans ``spans_of(block)`` (``scans``: the document's date scans)."""
    h = doc.header
    title = h.title.text if h.title else untitled(doc)
    sender_text, recipient_text = title_parties(title)
    sender = _signers(doc, spans_of)
    if not sender and sender_text:
        sender = _named(sender_text, persons, entities, keep_unlinked=False)
    recipient: tuple[Party, ...] = ()
    if recipient_text:
        recipient = _named(recipient_text, persons, entities, keep_unlinked=True)
    place = _dateline_place(doc, spans_of)
    if place is None and sender_text and entities is not None:
        place = _place_in(sender_text, entities)
    number = _ARCHIVE_NUMBER.search(h.url or "")
    original = (Language(h.original_language.text, language_code(h.original_language.text))
                if h.original_language else None)
    translation = translation_language(h.contents)
    if translation and original and original.name.strip() == translation:
        translation = None
    return HeaderFacts(
        sender, recipient, place, when,
        sender_words=sender_text, recipient_words=recipient_text,
        title=title, file_name=source_file_name(doc), when=when,
        date_line_is_date=bool(h.date_line and normalize_date_line(h.date_line.text, scans)),
        id=document_id(doc),
        number=number.group(1) if number else document_id(doc),
        number_type="wcda" if number else "local",
        translator=find_translator(" ".join(f.text for f in (h.citation, h.source) if f)),
        original_language=original,
        translation_language=(Language(translation, language_code(translation))
                              if translation else None),
        citation=(tuple(citation_spans(h.citation.text, h.url, when, scans))
                  if h.citation else ()),
    )


def source_file_name(doc: Document) -> str:
    """The input's file name without its folder, so the output does not depend on where
    the corpus lies; bytes that are not UTF-8 and control characters as escapes, which
    XML can hold."""
    return printable(re.split(r"[/\\]", doc.name)[-1])


def untitled(doc: Document) -> str:
    """The title of a document that gives none: its file's stem, the same however the path
    was typed (never a folder, which would leak into the edition)."""
    return re.sub(r"\.[^.]*$", "", source_file_name(doc)) or source_file_name(doc)


_ARCHIVE_NUMBER = re.compile(r"/document/(\d+)")


def document_id(doc: Document) -> str:
    """``wcda-<number>`` from the archive URL, else a name made from the file name."""
    m = _ARCHIVE_NUMBER.search(doc.header.url or "")
    if m:
        return f"wcda-{m.group(1)}"
    stem = re.sub(r"\.[^.]*$", "", doc.name.rsplit("/", 1)[-1])
    ncname = re.sub(r"[^A-Za-z0-9_.-]", "-", stem)
    return ncname if re.match(r"[A-Za-z_]", ncname) else f"doc-{ncname}"


_ARCHIVE = re.compile(
    r"(?:Wilson Center Digital Archive|History and Public Policy Program Digital Archive)"
    r",\s*(?P<archive>[^;,<\n]+?)\s*[;,]"
)
_TRANSLATOR = re.compile(
    r"\b(?:trans\.|translat(?:ion|ed)(?:\s+for\s+[\w-]+)?\s+by)\s+"
    r"(?P<name>(?:[A-Z][\w'’-]*\.?\s*){1,4}?)(?=\s*(?:<|;|\(|$|\.\s*$|\.\s+[A-Z][a-z]|,))"
)


def find_translator(text: str) -> str | None:
    m = _TRANSLATOR.search(text)
    return " ".join(m.group("name").split()).rstrip(".") if m else None


def citation_spans(text: str, url: str | None, when: str | None,
                   scans: DateScans | None = None) -> list[Span]:
    """Spans over the citation: its document URL (``ref``), its archive (``orgName``)
    and the date that is the document's (``date``)."""
    spans: list[Span] = []
    if url:
        at = text.find(url)
        if at >= 0:
            spans.append(Span.make(at, at + len(url), "ref", target=url))
    m = _ARCHIVE.search(text)
    if m:
        spans.append(Span.make(m.start("archive"), m.end("archive"), "orgName", role="archive"))
    if when:
        for span in find_dates(text, when, scans=scans):
            if span.attr("when") == when:
                spans.append(span)
                break
    return sorted(spans, key=lambda s: s.start)


def translation_language(contents: Sequence[Field]) -> str | None:
    for item in contents:
        m = re.search(r"translation\s*[-–—:]\s*(\w+)|(\w+)\s+(?:translation|html)",
                      item.text, re.IGNORECASE)
        if m:
            return (m.group(1) or m.group(2)).capitalize()
    return None


def _signers(doc: Document, spans_of: Callable[[Block], Sequence[Span]]) -> tuple[Party, ...]:
    found: list[Party] = []
    for block in doc.blocks:
        if block.kind != "signed":
            continue
        for span in spans_of(block):
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


def _dateline_place(doc: Document,
                    spans_of: Callable[[Block], Sequence[Span]]) -> Place | None:
    for block in doc.blocks:
        if block.kind != "dateline":
            continue
        for span in spans_of(block):
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
