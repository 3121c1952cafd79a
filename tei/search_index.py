"""The site's full-text search index, built in Python and searched in the browser.

The index is what MiniSearch's ``toJSON`` gives (serialisation version 2), so the page
only loads it (``MiniSearch.loadJS``) instead of indexing every document again on each
visit. It is written as a JavaScript file that assigns one global, because a page opened
from ``file://`` may load a script but not fetch() a JSON file; to keep that file small
the postings are packed (document numbers as differences, frequencies of 1 left out) and
a few lines of script in the same file unpack them into MiniSearch's form.

The texts that snippets are cut from are not in the index: each document has its own
small script (``search/<stem>.js``), which the search page loads only for the results it
shows.

Terms are folded the same way on both sides: Unicode compatibility decomposition,
combining marks dropped, lower case, split on anything that is not a letter or a digit.
``xslt/search.js`` does the same to the query, so ``Dorticos`` finds ``Dorticós``.

Output is deterministic: documents in the order given, terms sorted, no timestamps.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from lxml import etree

from tei.namespaces import TEI

# The order is MiniSearch's field ids; search.js boosts by these names.
FIELDS = ("title", "summary", "text", "notes")
STORED = ("href", "title", "date", "summary")
# The fields search.js cuts snippets from, in search/<stem>.js.
SNIPPET_FIELDS = ("text", "notes")
GLOBAL_NAME = "teiSearchIndex"

# Unpacks the packed index into MiniSearch's serialised form (see pack()).
_UNPACK = """function (p) {
  var n = p.documentIds.length, ids = {}, lengths = {}, stored = {}, fieldIds = {};
  p.fields.forEach(function (f, i) { fieldIds[f] = i; });
  p.documentIds.forEach(function (href, i) {
    ids[i] = href; lengths[i] = p.fieldLength[i];
    var s = {};
    p.storeFields.forEach(function (f, j) { s[f] = p.stored[i][j]; });
    stored[i] = s;
  });
  var index = p.terms.map(function (row) {
    var data = {};
    for (var k = 1; k < row.length; k += 3) {
      var docs = {}, id = 0, gaps = row[k + 1], freqs = row[k + 2];
      for (var m = 0; m < gaps.length; m++) { id += gaps[m]; docs[id] = freqs ? freqs[m] : 1; }
      data[row[k]] = docs;
    }
    return [row[0], data];
  });
  return {documentCount: n, nextId: n, documentIds: ids, fieldIds: fieldIds,
    fieldLength: lengths, averageFieldLength: p.averageFieldLength, storedFields: stored,
    dirtCount: 0, index: index, serializationVersion: 2};
}"""
# A term: a run of letters and digits (what splitting on [\W_]+ leaves, found directly).
_WORD = re.compile(r"[^\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
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


class _MarksDropped(dict[int, int | None]):
    """A str.translate table that drops combining marks (Unicode category M)."""

    def __missing__(self, code: int) -> int | None:
        result = None if unicodedata.category(chr(code)).startswith("M") else code
        self[code] = result
        return result


_MARKS = _MarksDropped()


def fold(text: str) -> str:
    """Lower case without diacritics: what both the index and the query are made of."""
    decomposed = unicodedata.normalize("NFKD", text)
    if not decomposed.isascii():
        # Only the runs of other characters go through the table (a text is mostly ASCII).
        decomposed = _NON_ASCII.sub(_drop_marks, decomposed)
    return decomposed.lower()


def _drop_marks(run: re.Match[str]) -> str:
    return run.group().translate(_MARKS)


def terms(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD.findall(fold(text))


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


# The text nodes of an element outside its footnotes, and its outermost footnotes, in
# document order: found by libxml2 in one pass each instead of a walk in Python. Comments
# and processing instructions are not text nodes (their tails are).
_FOOTNOTE = "t:note[@place = 'foot']"
_OUTSIDE_FOOTNOTES = etree.XPath(f"descendant::text()[not(ancestor::{_FOOTNOTE})]",
                                 namespaces={"t": TEI[1:-1]}, smart_strings=False)
_FOOTNOTES = etree.XPath(f"descendant::{_FOOTNOTE}[not(ancestor::{_FOOTNOTE})]",
                         namespaces={"t": TEI[1:-1]})


def _text_without_footnotes(element: etree._Element, footnotes: list[str]) -> str:
    """The text of ``element`` with its footnotes taken out (collected in ``footnotes``).
    An element (the body) is never inside a footnote itself, so a footnote found among
    its ancestors is one of its own."""
    footnotes.extend(_clean("".join(note.itertext())) for note in _FOOTNOTES(element))
    return _clean("".join(_OUTSIDE_FOOTNOTES(element)))


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


def pack(index: dict[str, object]) -> dict[str, object]:
    """MiniSearch's form, smaller: arrays instead of objects keyed by number, and per term
    and field the document numbers as gaps and the frequencies (left out when all are 1)."""
    count = int(index["documentCount"])  # type: ignore[call-overload]
    stored = index["storedFields"]
    lengths = index["fieldLength"]
    terms = []
    for term, fields in index["index"]:  # type: ignore[attr-defined]
        row: list[object] = [term]
        for field_id, docs in fields.items():
            numbers = sorted(int(d) for d in docs)
            gaps = [b - a for a, b in zip([0, *numbers], numbers, strict=False)]
            freqs = [docs[str(d)] for d in numbers]
            row += [int(field_id), gaps, 0 if all(f == 1 for f in freqs) else freqs]
        terms.append(row)
    return {
        "fields": list(FIELDS), "storeFields": list(STORED),
        "documentIds": [index["documentIds"][str(i)] for i in range(count)],  # type: ignore[index]
        "stored": [[stored[str(i)][f] for f in STORED] for i in range(count)],  # type: ignore[index]
        "fieldLength": [lengths[str(i)] for i in range(count)],  # type: ignore[index]
        "averageFieldLength": index["averageFieldLength"],
        "terms": terms,
    }


@dataclass(frozen=True)
class IndexEntry:
    """What the index keeps of one document: its stored fields and, per field, each term
    with its count (much smaller than the texts, which the snippets keep)."""

    stored: tuple[str, ...]
    counts: tuple[tuple[tuple[str, int], ...], ...]

    @classmethod
    def of(cls, document: SearchDocument) -> IndexEntry:
        return cls(tuple(getattr(document, name) for name in STORED),
                   tuple(tuple(Counter(terms(getattr(document, name))).items())
                         for name in FIELDS))


class IndexBuilder:
    """The packed index (see pack()), made from one document at a time in any order: each
    is added under its number, and the index holds the numbers kept, renumbered in order.
    It holds the postings as arrays of numbers, not the documents' texts: per field, per
    term one array of document numbers and counts, interleaved (a term found in one
    document costs one small array, not a structure per field)."""

    def __init__(self) -> None:
        self._stored: dict[int, tuple[str, ...]] = {}
        self._lengths: dict[int, list[int]] = {}
        # per field id: term -> array(number, count, number, count, ...), in the order added
        self._postings: list[dict[str, array]] = [{} for _ in FIELDS]

    def add(self, number: int, entry: IndexEntry) -> None:
        if number in self._stored:
            return  # the same document rendered again
        self._stored[number] = entry.stored
        self._lengths[number] = [len(counts) for counts in entry.counts]
        for postings, counts in zip(self._postings, entry.counts, strict=True):
            for term, count in counts:
                found = postings.get(term)
                if found is None:
                    found = postings[term] = array("I")
                found.append(number)
                found.append(count)

    def _head(self, kept: list[int]) -> dict[str, object]:
        totals = [0] * len(FIELDS)
        for number in kept:
            for field_id, length in enumerate(self._lengths[number]):
                totals[field_id] += length
        count = len(kept)
        return {
            "fields": list(FIELDS), "storeFields": list(STORED),
            "documentIds": [self._stored[n][0] for n in kept],
            "stored": [list(self._stored[n]) for n in kept],
            "fieldLength": [self._lengths[n] for n in kept],
            "averageFieldLength": [total / count if count else 0 for total in totals],
        }

    def _rows(self, kept: list[int]) -> Iterator[list[object]]:
        """The packed index's term rows, in the order of the terms, one at a time."""
        place = {number: index for index, number in enumerate(kept)}
        for term in sorted(set().union(*self._postings)):
            row: list[object] = [term]
            for field_id, postings in enumerate(self._postings):
                pairs = postings.get(term)
                if pairs is None:
                    continue
                found = sorted((place[n], f) for n, f in zip(pairs[::2], pairs[1::2],
                                                              strict=True) if n in place)
                if not found:
                    continue
                gaps = [b - a for a, b in zip([0, *(p for p, _ in found)],
                                              (p for p, _ in found), strict=False)]
                counts = [f for _, f in found]
                row += [field_id, gaps, 0 if all(f == 1 for f in counts) else counts]
            if len(row) > 1:
                yield row

    def _kept(self, keep: Iterable[int] | None) -> list[int]:
        return sorted(self._stored if keep is None else set(keep) & self._stored.keys())

    def packed(self, keep: Iterable[int] | None = None) -> dict[str, object]:
        """pack(minisearch_index(...)) of the documents numbered ``keep`` (default: all
        added), in the order of their numbers."""
        kept = self._kept(keep)
        return {**self._head(kept), "terms": list(self._rows(kept))}

    def script(self, keep: Iterable[int] | None = None) -> str:
        """The index script of ``packed(keep)``, the same text, made a row at a time so
        that the rows are never all held as Python lists at once."""
        kept = self._kept(keep)
        head = json.dumps(self._head(kept), ensure_ascii=False, separators=(",", ":"))
        rows = ",".join(json.dumps(row, ensure_ascii=False, separators=(",", ":"))
                        for row in self._rows(kept))
        return _wrap(f'{head[:-1]},"terms":[{rows}]}}')


def search_index_script(documents: Iterable[SearchDocument]) -> str:
    """The index as a script that sets ``window.teiSearchIndex`` to MiniSearch's form
    (with ``fields`` and ``storeFields`` beside it, the options to load it with)."""
    builder = IndexBuilder()
    for number, document in enumerate(documents):
        builder.add(number, IndexEntry.of(document))
    return builder.script()


def _wrap(packed: str) -> str:
    return (f"// Full-text search index of the edition, read by search.js.\n"
            f"window.{GLOBAL_NAME} = (function (packed) {{\n"
            f"  return {{fields: packed.fields, storeFields: packed.storeFields,\n"
            f"          index: ({_UNPACK})(packed)}};\n"
            f"}})({packed});\n")


def snippet_script(document: SearchDocument) -> str:
    """search/<stem>.js: the texts of one document that snippets are cut from."""
    texts = {name: getattr(document, name) for name in SNIPPET_FIELDS}
    return (f"teiSearchText({json.dumps(document.href)}, "
            f"{json.dumps(texts, ensure_ascii=False, separators=(',', ':'))});\n")
