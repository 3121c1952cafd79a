"""The site's full-text search index, built in Python and searched in the browser.

The index is written in MiniSearch's own serialised form (``toJSON``, serialisation
version 2), so the page only loads it (``MiniSearch.loadJS``) instead of indexing every
document again on each visit. It is a JavaScript file that assigns one global, because
a page opened from ``file://`` may load a script but not fetch() a JSON file.

Terms are folded the same way on both sides: Unicode compatibility decomposition,
combining marks dropped, lower case, split on anything that is not a letter or a digit.
``xslt/search.js`` does the same to the query, so ``Dorticos`` finds ``Dorticós``.

Output is deterministic: documents in the order given, terms sorted, no timestamps.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
# The order is MiniSearch's field ids; search.js boosts by these names.
FIELDS = ("title", "summary", "text", "notes")
STORED = ("href", "title", "date", "summary", "text", "notes")
GLOBAL_NAME = "teiSearchIndex"
_SPLIT = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchDocument:
    """What the search sees of one document: its page and the four searched texts."""

    href: str
    title: str
    date: str
    summary: str
    text: str
    notes: str


def fold(text: str) -> str:
    """Lower case without diacritics: what both the index and the query are made of."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


def terms(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return [term for term in _SPLIT.split(fold(text)) if term]


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _text_without_footnotes(element: etree._Element, footnotes: list[str]) -> str:
    """The text of ``element`` with its footnotes taken out (collected in ``footnotes``)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == f"{TEI}note" and child.get("place") == "foot":
                footnotes.append(_clean("".join(child.itertext())))
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return _clean("".join(parts))


def search_document(root: etree._Element, href: str) -> SearchDocument:
    """Read the searched texts from a TEI document: title, summary, body and notes."""
    header = root.find(f"{TEI}teiHeader")
    title = root.findtext(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title") or ""
    date = header.find(f"{TEI}profileDesc/{TEI}creation/{TEI}date") if header is not None \
        else None
    summary = " ".join(_clean("".join(p.itertext()))
                       for p in root.iterfind(f"{TEI}teiHeader/{TEI}profileDesc/"
                                              f"{TEI}abstract/{TEI}p"))
    footnotes: list[str] = []
    body = root.find(f"{TEI}text/{TEI}body")
    text = _text_without_footnotes(body, footnotes) if body is not None else ""
    return SearchDocument(href=href, title=_clean(title),
                          date=_clean("".join(date.itertext())) if date is not None else "",
                          summary=summary, text=text, notes=" ".join(footnotes))


def minisearch_index(documents: Sequence[SearchDocument]) -> dict[str, object]:
    """The plain object MiniSearch.loadJS reads (what MiniSearch's toJSON would give for
    the same documents, fields, stored fields and term processing)."""
    postings: dict[str, dict[int, dict[int, int]]] = {}
    field_length: dict[str, list[int]] = {}
    totals = [0] * len(FIELDS)
    for short_id, document in enumerate(documents):
        lengths: list[int] = []
        for field_id, name in enumerate(FIELDS):
            counts = Counter(terms(getattr(document, name)))
            # MiniSearch's field length is the number of distinct terms in the field.
            lengths.append(len(counts))
            totals[field_id] += len(counts)
            for term, frequency in counts.items():
                postings.setdefault(term, {}).setdefault(field_id, {})[short_id] = frequency
        field_length[str(short_id)] = lengths
    count = len(documents)
    index = [[term, {str(field_id): {str(doc): freq for doc, freq in docs.items()}
                     for field_id, docs in sorted(fields.items())}]
             for term, fields in sorted(postings.items())]
    return {
        "documentCount": count,
        "nextId": count,
        "documentIds": {str(i): d.href for i, d in enumerate(documents)},
        "fieldIds": {name: i for i, name in enumerate(FIELDS)},
        "fieldLength": field_length,
        "averageFieldLength": [total / count if count else 0 for total in totals],
        "storedFields": {str(i): {name: getattr(d, name) for name in STORED}
                         for i, d in enumerate(documents)},
        "dirtCount": 0,
        "index": index,
        "serializationVersion": 2,
    }


def search_index_script(documents: Iterable[SearchDocument]) -> str:
    """The index as a script that sets ``window.teiSearchIndex``."""
    payload = {"fields": list(FIELDS), "storeFields": list(STORED),
               "index": minisearch_index(list(documents))}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return (f"// Full-text search index of the edition, read by search.js.\n"
            f"window.{GLOBAL_NAME} = {body};\n")
