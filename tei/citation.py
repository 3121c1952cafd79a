"""How to cite a document, read from its TEI header: a Chicago-style reference, a BibTeX
entry, CSL-JSON (for reference managers) and the Highwire and Dublin Core ``<meta>``
tags that let Zotero and its kin pick the page up.

One place builds all four, so the forms never disagree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml import etree

from tei.date_words import MONTH_NAMES
from tei.namespaces import TEI, XML_LANG

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_SPACE = re.compile(r"\s+")
_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
# BibTeX's month macros: the first three letters of each name.
_MONTHS = tuple(name[:3].lower() for name in MONTH_NAMES)


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _text(element: etree._Element | None) -> str:
    return _clean("".join(element.itertext())) if element is not None else ""


@dataclass(frozen=True)
class Citation:
    """The facts a reference needs, as the header gives them (empty when absent)."""

    key: str
    title: str
    date_text: str
    date_iso: str
    holding: str
    collection: str
    translator: str
    url: str
    language: str
    rights: str

    @classmethod
    def from_tei(cls, root: etree._Element, key: str) -> Citation:
        header = root.find(f"{TEI}teiHeader")
        file_desc = header.find(f"{TEI}fileDesc") if header is not None else None

        def find(path: str) -> etree._Element | None:
            return file_desc.find(path) if file_desc is not None else None

        bibl = find(f"{TEI}sourceDesc/{TEI}bibl[@type='citation']")
        date = header.find(f"{TEI}profileDesc/{TEI}creation/{TEI}date") \
            if header is not None else None
        iso = ""
        if date is not None:
            iso = date.get("when") or date.get("from") or date.get("notBefore") or ""
        url = ""
        if bibl is not None:
            ref = bibl.find(f".//{TEI}ref[@target]")
            url = ref.get("target", "") if ref is not None else ""
        return cls(
            key=key,
            title=_text(find(f"{TEI}titleStmt/{TEI}title")),
            date_text=_text(date),
            date_iso=iso if _ISO_DATE.match(iso) else "",
            holding=_text(bibl.find(f"{TEI}orgName[@role='archive']"))
            if bibl is not None else "",
            collection=_text(find(f"{TEI}titleStmt/{TEI}respStmt[@{{http://www.w3.org/XML/"
                                  f"1998/namespace}}id='ed']/{TEI}orgName")),
            translator=_text(find(f"{TEI}titleStmt/{TEI}respStmt[@{{http://www.w3.org/XML/"
                                  f"1998/namespace}}id='translator']/{TEI}name")),
            url=url,
            language=root.get(XML_LANG, ""),
            rights=_text(find(f"{TEI}publicationStmt/{TEI}availability/{TEI}licence")),
        )

    def date_parts(self) -> list[int]:
        match = _ISO_DATE.match(self.date_iso)
        return [int(part) for part in match.groups() if part] if match else []

    def chicago(self) -> str:
        """Chicago notes-and-bibliography style for an archival document."""
        parts = [f"\u201c{self.title}.\u201d" if self.title else ""]
        parts += [f"{self.date_text}." if self.date_text else "",
                  f"{self.holding}." if self.holding else "",
                  f"Translated by {self.translator}." if self.translator else "",
                  f"{self.collection}." if self.collection else "",
                  f"{self.url}." if self.url else ""]
        return " ".join(part for part in parts if part)

    def bibtex(self) -> str:
        fields: list[tuple[str, str]] = [("title", "{" + _bibtex(self.title) + "}")]
        parts = self.date_parts()
        if parts:
            fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", _MONTHS[parts[1] - 1]))
        if self.date_iso:
            fields.append(("date", self.date_iso[:10]))
        if self.translator:
            fields.append(("translator", _bibtex(self.translator)))
        if self.holding:
            fields.append(("note", _bibtex(self.holding)))
        if self.collection:
            fields.append(("organization", _bibtex(self.collection)))
        if self.url:
            fields.append(("url", self.url.replace("{", "%7B").replace("}", "%7D")))
        body = ",\n".join(f"  {name} = {value if name in ('year', 'month') else '{' + value + '}'}"
                          for name, value in fields)
        return f"@misc{{{_bibtex_key(self.key)},\n{body}\n}}"

    def csl(self) -> dict[str, object]:
        item: dict[str, object] = {"id": self.key, "type": "manuscript", "title": self.title}
        if self.date_parts():
            item["issued"] = {"date-parts": [self.date_parts()]}
        if self.holding:
            item["archive"] = self.holding
        if self.collection:
            item["publisher"] = self.collection
        if self.translator:
            item["translator"] = [{"literal": self.translator}]
        if self.url:
            item["URL"] = self.url
        if self.language:
            item["language"] = self.language
        return item

    def csl_json(self) -> str:
        return json.dumps([self.csl()], ensure_ascii=False, indent=2) + "\n"

    def meta_tags(self) -> list[tuple[str, str]]:
        """Highwire Press (``citation_*``) and Dublin Core names with their values."""
        tags = [("citation_title", self.title), ("DC.title", self.title)]
        parts = self.date_parts()
        if parts:
            tags.append(("citation_date", "/".join(f"{p:02d}" for p in parts)))
            tags.append(("DC.date", self.date_iso[:10]))
        if self.collection:
            tags += [("citation_publisher", self.collection), ("DC.publisher", self.collection)]
        if self.holding:
            tags.append(("DC.source", self.holding))
        if self.translator:
            tags.append(("DC.contributor", self.translator))
        if self.language:
            tags += [("citation_language", self.language), ("DC.language", self.language)]
        if self.url:
            tags += [("citation_public_url", self.url), ("DC.identifier", self.url)]
        if self.rights:
            tags.append(("DC.rights", self.rights))
        tags.append(("DC.type", "Text"))
        return [(name, value) for name, value in tags if value]

    def xml(self) -> str:
        """The citation as the document stylesheet reads it (its ``citation`` parameter)."""
        root = etree.Element("citation")
        for name, value in self.meta_tags():
            etree.SubElement(root, "meta", name=name, content=value)
        etree.SubElement(root, "chicago").text = self.chicago()
        etree.SubElement(root, "bibtex").text = self.bibtex()
        return etree.tostring(root, encoding="unicode")


def _bibtex(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def _bibtex_key(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9_:-]", "-", stem) or "document"
