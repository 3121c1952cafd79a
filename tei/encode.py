"""Build the TEI tree of one document from the parsed model and its annotations.

The only module that knows TEI element names on the way in. Besides the tree it
returns the list of *parts*: which element holds which piece of the source, so the
lossless check can compare them (see ``tei.fidelity``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from lxml import etree

from tei import __version__
from tei.inline import fill
from tei.model import Annotations, Block, Document, Field, Footnote, Part, Party, Span
from tei.namespaces import TEI_NS, XML_ID, XML_LANG, T
from tei.settings import EditionSettings

if TYPE_CHECKING:
    from tei.place_register import EntityRegister


@dataclass
class Encoded:
    tree: etree._ElementTree
    parts: list[Part] = field(default_factory=list)
    # Inline elements and where they start: (the block's source offset, its text, the
    # offset in that text), so a message about one can name its source line.
    anchors: dict[etree._Element, tuple[int, str, int]] = field(default_factory=dict)


class PersonSource(Protocol):
    """What the encoder needs of a register: a TEI ``person`` element by id."""

    def element(self, xml_id: str) -> etree._Element: ...


def encode(doc: Document, notes: Annotations, persons: PersonSource | None,
           settings: EditionSettings, conversion_date: str,
           entities: EntityRegister | None = None) -> Encoded:
    builder = _Builder(doc, notes, persons, settings, conversion_date, entities)
    return builder.build()


class _Builder:
    def __init__(self, doc: Document, notes: Annotations, persons: PersonSource | None,
                 settings: EditionSettings, conversion_date: str,
                 entities: EntityRegister | None = None) -> None:
        self.doc = doc
        self.facts = notes.header
        self.notes = notes
        self.persons = persons
        self.entities = entities
        self.settings = settings
        self.conversion_date = conversion_date
        self.parts: list[Part] = []
        self.anchors: dict[etree._Element, tuple[int, str, int]] = {}
        self.footnotes_placed: set[int] = set()
        self.footnote_by_n = {f.n: i for i, f in enumerate(doc.footnotes)}

    # -- helpers -------------------------------------------------------------------------

    def part(self, name: str, source: Field | Block | Footnote, element: etree._Element) -> None:
        ranges = source.ranges if isinstance(source, Block) else ()
        self.parts.append(Part(name, source.start, source.end, element, ranges))

    def sub(self, parent: etree._Element, name: str, text: str | None = None,
            **attrs: str) -> etree._Element:
        el = etree.SubElement(parent, T(name), {k.rstrip("_"): v for k, v in attrs.items()})
        if text is not None:
            el.text = text
        return el

    # -- document ------------------------------------------------------------------------

    def build(self) -> Encoded:
        root = etree.Element(T("TEI"), nsmap={None: TEI_NS})
        root.set(XML_ID, self.facts.id)
        root.set(XML_LANG, "en")
        self.header(root)
        self.text(root)
        return Encoded(etree.ElementTree(root), self.parts, self.anchors)

    # -- header --------------------------------------------------------------------------

    def header(self, root: etree._Element) -> None:
        h = self.doc.header
        header = self.sub(root, "teiHeader")
        file_desc = self.sub(header, "fileDesc")
        title_stmt = self.sub(file_desc, "titleStmt")
        title = self.sub(title_stmt, "title", self.facts.title)
        if h.title:
            self.part("title", h.title, title)
        if h.funder:
            self.part("funder", h.funder, self.sub(title_stmt, "funder", h.funder.text))
        translator = self.facts.translator
        if translator:
            resp = self.sub(title_stmt, "respStmt")
            resp.set(XML_ID, "translator")
            self.sub(resp, "resp", "Translation from the original language")
            self.sub(resp, "name", translator)
        resp = self.sub(title_stmt, "respStmt")
        resp.set(XML_ID, "ed")
        self.sub(resp, "resp", "Editorial insertions in square brackets")
        self.sub(resp, "orgName", self.settings.editor)
        resp = self.sub(title_stmt, "respStmt")
        resp.set(XML_ID, "conversion")
        self.sub(resp, "resp", "Conversion from plain text to TEI")
        self.sub(resp, "name", f"tei-edition {__version__}")

        pub = self.sub(file_desc, "publicationStmt")
        self.sub(pub, "publisher", self.settings.publisher)
        self.sub(pub, "idno", self.facts.number, type=self.facts.number_type)
        availability = self.sub(pub, "availability")
        licence = self.sub(availability, "licence", self.settings.licence)
        if self.settings.licence_url:
            licence.set("target", self.settings.licence_url)

        self.source_desc(file_desc)
        self.encoding_desc(header)
        self.profile_desc(header)
        revision = self.sub(header, "revisionDesc")
        self.sub(revision, "change",
                 f"Converted from {self.facts.file_name} by tei-edition {__version__}.",
                 when=self.conversion_date, who="#conversion")

    def source_desc(self, file_desc: etree._Element) -> None:
        h = self.doc.header
        source_desc = self.sub(file_desc, "sourceDesc")
        if h.citation:
            bibl = self.sub(source_desc, "bibl", type="citation")
            fill(bibl, h.citation.text, self.facts.citation, CITATION_FACTORIES)
            self.part("citation", h.citation, bibl)
        if h.source:
            self.part("source", h.source, self.sub(source_desc, "bibl", h.source.text,
                                                   type="source"))
        if h.credits:
            self.part("credits", h.credits, self.sub(source_desc, "bibl", h.credits.text,
                                                     type="credits"))
        if h.contents:
            contents = self.sub(source_desc, "list", type="contents")
            for item in h.contents:
                self.part("contents", item, self.sub(contents, "item", item.text))
        if h.extra:
            metadata = self.sub(source_desc, "list", type="metadata")
            for extra in h.extra:
                label = self.sub(metadata, "label",
                                 self.doc.source[extra.label_start:extra.label_end].strip(" \t\n"))
                self.parts.append(Part("label", extra.label_start, extra.label_end, label))
                item = self.sub(metadata, "item", extra.value.text if extra.value else "")
                if extra.value:
                    self.part("metadata", extra.value, item)
        if len(source_desc) == 0:
            self.sub(source_desc, "p", "Converted from the plain-text file "
                     f"{self.facts.file_name}; no citation was given.")

    def encoding_desc(self, header: etree._Element) -> None:
        enc = self.sub(header, "encodingDesc")
        decl = self.sub(enc, "editorialDecl")
        norm = self.sub(decl, "normalization")
        self.sub(norm, "p", "Line endings, tabs, spaces at line ends and blank lines "
                 "(a line holding only whitespace, no-break spaces included, is blank) are "
                 "normalised and hard-wrapped lines joined; no other character of the source "
                 "is changed or dropped: no-break, thin and ideographic spaces and line or "
                 "paragraph separators within the text are kept as they are.")
        seg = self.sub(decl, "segmentation")
        self.sub(seg, "p", "A paragraph split by a page break in the source is rejoined and "
                 "the join marked with pb.")
        self.sub(decl, "p", "Square brackets of the source are kept as text; the words inside "
                 "are marked as supplied, gap (with desc) or an editorial note, each with resp "
                 "pointing at #ed. Persons are linked to the register entries copied into "
                 "particDesc; dates carry ISO 8601 values, a missing year taken from the "
                 "document date.")

    def profile_desc(self, header: etree._Element) -> None:
        h = self.doc.header
        profile = self.sub(header, "profileDesc")
        if h.summary:
            abstract = self.sub(profile, "abstract")
            self.part("summary", h.summary, self.sub(abstract, "p", h.summary.text))
        creation = self.sub(profile, "creation")
        dated_line = h.date_line is not None and self.facts.date_line_is_date
        date = self.sub(creation, "date",
                        h.date_line.text if h.date_line is not None and dated_line else None)
        if self.facts.when:
            date.set("when", self.facts.when)
        if h.date_line and not dated_line:
            # A date line that names no real day ("Feb 30, 1962", a lower-case month, year
            # 0000) is kept as the words of creation; its date is the citation's, or empty.
            date.tail = h.date_line.text
        if h.date_line:
            self.part("date line", h.date_line, date if dated_line else creation)
        lang_usage = self.sub(profile, "langUsage")
        original = self.facts.original_language
        if h.original_language and original:
            lang = self.sub(lang_usage, "language", h.original_language.text,
                            ident=original.code, n="original")
            self.part("original language", h.original_language, lang)
        translation = self.facts.translation_language
        if translation:
            self.sub(lang_usage, "language", translation.name, ident=translation.code,
                     n="translation")
        elif not h.original_language:
            self.sub(lang_usage, "language", "English", ident="en", n="text")
        self.corresp_desc(profile)
        persons = self.linked(self.notes.persons, "person", self.persons)
        orgs = self.linked(self.notes.orgs, "org", self.entities)
        places = self.linked(self.notes.places, "place", self.entities)
        if persons or orgs:
            partic = self.sub(profile, "particDesc")
            if persons:
                list_person = self.sub(partic, "listPerson")
                for pid in persons:
                    list_person.append(self.persons.element(pid))  # type: ignore[union-attr]
            if orgs:
                list_org = self.sub(partic, "listOrg")
                for eid in orgs:
                    list_org.append(self.entities.element(eid))  # type: ignore[union-attr]
        if places:
            list_place = self.sub(self.sub(profile, "settingDesc"), "listPlace")
            for eid in places:
                list_place.append(self.entities.element(eid))  # type: ignore[union-attr]

    def linked(self, mentioned: list[str], kind: str,
               register: PersonSource | EntityRegister | None) -> list[str]:
        """Register ids the header copies: those mentioned in the text, then the
        correspondents and place of sending the text does not mention."""
        if register is None:
            return []
        facts = self.facts
        extra = [p.ref for p in (*facts.sender, *facts.recipient) if p.kind == kind and p.ref]
        if kind == "place" and facts.place:
            extra.append(facts.place.ref)
        return list(dict.fromkeys([*mentioned, *extra]))

    def corresp_desc(self, profile: etree._Element) -> None:
        facts = self.facts
        if not facts.has_correspondence:
            return
        desc = self.sub(profile, "correspDesc")
        sent = self.sub(desc, "correspAction", type="sent")
        for party in facts.sender:
            self.party(sent, party)
        if facts.place:
            self.sub(sent, "placeName", facts.place.name, ref="#" + facts.place.ref)
        if facts.date:
            self.sub(sent, "date", when=facts.date)
        if facts.sender_words:
            self.sub(sent, "note", facts.sender_words, type="title")
        if facts.recipient or facts.recipient_words:
            received = self.sub(desc, "correspAction", type="received")
            for party in facts.recipient:
                self.party(received, party)
            if facts.recipient_words:
                self.sub(received, "note", facts.recipient_words, type="title")
        if len(sent) == 0:
            desc.remove(sent)

    def party(self, action: etree._Element, party: Party) -> None:
        tag = {"person": "persName", "org": "orgName"}.get(party.kind, "name")
        element = self.sub(action, tag, party.name)
        if party.ref:
            element.set("ref", "#" + party.ref)

    # -- text ----------------------------------------------------------------------------

    def text(self, root: etree._Element) -> None:
        text = self.sub(root, "text")
        front = self.sub(text, "front")
        doc_title = self.sub(front, "docTitle")
        self.sub(doc_title, "titlePart", self.facts.title, type="main")
        body = self.sub(text, "body")
        div = self.sub(body, "div", type="document")
        self.blocks(div)
        for index in range(len(self.doc.footnotes)):
            if index not in self.footnotes_placed:
                # No marker in the body: the note is kept, after everything else.
                div.append(self.footnote_element(index, None))

    def blocks(self, div: etree._Element) -> None:
        container: etree._Element | None = None
        container_kind = ""
        section: etree._Element | None = None
        after_closer = False
        for block in self.doc.blocks:
            spans = self.notes.spans_of(block)
            wanted = block.section
            if wanted == "opener" and (div.find(T("p")) is not None or section is not None
                                       or after_closer):
                wanted = "body"  # an opener line after the body began is read as a paragraph
            if wanted == "body" and after_closer:
                if container_kind != "postscript":
                    container = self.sub(div, "postscript")
                    container_kind = "postscript"
                parent = container
            elif wanted in ("opener", "closer"):
                if container_kind != wanted:
                    if wanted == "closer" and not any(
                            c.tag in (T("p"), T("div")) for c in div):
                        # TEI wants body text before a closing; this document has none.
                        self.sub(div, "p")
                    container = self.sub(div, wanted)
                    container_kind = wanted
                    after_closer = after_closer or wanted == "closer"
                parent = container
            else:
                container_kind = ""
                if block.kind in ("head", "byline"):
                    # A heading, or an author line inside the body, opens a section.
                    section = self.sub(div, "div", type="section")
                    head = self.sub(section, block.kind)
                    self.inline(head, block, spans)
                    self.part("block", block, head)
                    continue
                parent = section if section is not None else div
            element = self.block_element(parent, block)
            self.inline(element, block, spans)
            self.part("block", block, element)

    def block_element(self, parent: etree._Element, block: Block) -> etree._Element:
        furniture = FORME_WORK.get(block.attrs.get("type", ""))
        if furniture:
            return self.sub(parent, "fw", type=furniture)
        if block.section == "body" or parent.tag in (T("div"), T("postscript")):
            return self.sub(parent, "p")
        if block.kind == "dateline":
            return self.sub(parent, "dateline")
        if block.kind == "signed":
            return self.sub(parent, "signed")
        if block.kind == "salute":
            return self.sub(parent, "salute")
        if block.kind == "byline":
            return self.sub(parent, "byline")
        return self.sub(parent, "seg", type=block.attrs.get("type", "line"))

    def inline(self, element: etree._Element, block: Block, spans: Sequence[Span]) -> None:
        fill(element, block.text, spans, {kind: self._anchored(factory, block)
                                          for kind, factory in self.factories().items()})

    def factories(self) -> dict:
        return {**BODY_FACTORIES, "footnote": self.footnote_for_span}

    def _anchored(self, factory, block: Block):
        def make(span: Span, text: str) -> etree._Element:
            element = factory(span, text)
            self.anchors[element] = (block.start, block.text, span.start)
            return element
        return make

    def footnote_for_span(self, span: Span, _text: str) -> etree._Element:
        index = self.footnote_by_n[span.attr("n")]  # type: ignore[index]
        element = self.footnote_element(index, span.attr("rend"))
        element.set("_opaque", "1")
        return element

    def footnote_element(self, index: int, rend: str | None) -> etree._Element:
        footnote = self.doc.footnotes[index]
        note = etree.Element(T("note"), place="foot", n=footnote.n)
        if rend:
            note.set("rend", rend)
        fill(note, footnote.text, self.notes.spans_of(footnote), BODY_FACTORIES)
        self.part("footnote", footnote, note)
        self.footnotes_placed.add(index)
        return note


# Page furniture the parser keeps as blocks of its own: TEI forme work.
FORME_WORK = {"page-number": "pageNum", "running-header": "header"}


# -- span factories ---------------------------------------------------------------------

def _element(name: str, **attrs: str | None) -> etree._Element:
    return etree.Element(T(name), {k: v for k, v in attrs.items() if v})


def _pers_name(span: Span, _text: str) -> etree._Element:
    return _element("persName", ref=span.attr("ref"), type=span.attr("type"))


def _date(span: Span, _text: str) -> etree._Element:
    return _element("date", when=span.attr("when"), **{"from": span.attr("from")},
                    to=span.attr("to"), notBefore=span.attr("notBefore"),
                    notAfter=span.attr("notAfter"), type=span.attr("type"))


def _gap(span: Span, text: str) -> etree._Element:
    gap = _element("gap", reason=span.attr("reason"), extent=span.attr("extent"),
                   resp=span.attr("resp"))
    desc = etree.SubElement(gap, T("desc"))
    desc.text = text
    gap.set("_opaque", "1")
    return gap


def _hi(span: Span, _text: str) -> etree._Element:
    # The delimiters are not text of the element; @rend says which they were.
    hi = _element("hi", rend=span.attr("rend"))
    hi.set("_trim", "1")
    return hi


def _title(span: Span, _text: str) -> etree._Element:
    # A cited book's title, emphasised in the source: a monograph (level m).
    title = _element("title", level="m", rend=span.attr("rend"))
    title.set("_trim", "1")
    return title


BODY_FACTORIES = {
    "hi": _hi,
    "title": _title,
    "persName": _pers_name,
    "placeName": lambda s, t: _element("placeName", ref=s.attr("ref")),
    "orgName": lambda s, t: _element("orgName", ref=s.attr("ref")),
    "date": _date,
    "supplied": lambda s, t: _element("supplied", resp=s.attr("resp"), reason=s.attr("reason")),
    "editorial": lambda s, t: _element("note", type="editorial", resp=s.attr("resp")),
    "gap": _gap,
    "label": lambda s, t: _element("label", type=s.attr("type")),
    "pb": lambda s, t: _element("pb"),
    "lb": lambda s, t: _element("lb", **{"break": s.attr("break")}),
}

CITATION_FACTORIES = {
    "date": _date,
    "ref": lambda s, t: _element("ref", target=s.attr("target")),
    "orgName": lambda s, t: _element("orgName", role=s.attr("role")),
}
