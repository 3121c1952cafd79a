"""What the site keeps of each document between builds, so an unchanged document is not
read by Saxon again.

The site pages are made from every document's site record, search terms and pager record
(``tei.site_run``); a build that changed 1% of the documents would otherwise make them again
for the other 99%. Each document's parts are kept in ``OUT/.tei-edition-site-cache/`` in
one JSON file named by a digest of what they are made from: the stylesheets and settings
(``Renderer.identity``), the page name and the document's bytes. A file is only ever
written whole under its own name, so a stale or half-written one is never mistaken for
another document's; one that cannot be read is made again. JSON, not pickle: the output
folder may come from elsewhere (a CI artefact, a colleague's disk), and reading it must
not run code.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from tei import atomic
from tei.search_index import IndexEntry
from tei.site_listing import Record

FOLDER = ".tei-edition-site-cache"
_SUFFIX = ".json"


@dataclass(frozen=True)
class SiteParts:
    """A document's parts of the site: what a neighbouring page shows of it, its site
    record, its search terms and the text of its search snippets."""

    pager: bytes
    record: Record
    index: IndexEntry | None
    snippet: str


@dataclass(frozen=True)
class SiteCache:
    """The cache in ``folder``; ``identity``: the renderer's; ``reuse``: whether parts
    found there are used (a forced build makes every part again and writes it)."""

    folder: Path
    identity: str
    reuse: bool = True

    def key(self, stem: str, digest: str) -> str:
        """The name of the parts of the document ``stem`` whose bytes have ``digest``."""
        return hashlib.sha256("\0".join((self.identity, stem, digest)).encode(
            "utf-8", "surrogateescape")).hexdigest()

    def load(self, key: str) -> SiteParts | None:
        if not self.reuse:
            return None
        try:
            data = json.loads((self.folder / f"{key}{_SUFFIX}").read_bytes())
            return _parts(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # not there, or not whole: made again

    def save(self, key: str, parts: SiteParts) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(self.folder / f"{key}{_SUFFIX}", _encoded(parts))

    def prune(self, keep: set[str]) -> None:
        """Remove the parts of documents that are not in the edition any more, or were
        made by other stylesheets."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.endswith(_SUFFIX) and name[:-len(_SUFFIX)] not in keep:
                (self.folder / name).unlink(missing_ok=True)


def _encoded(parts: SiteParts) -> bytes:
    record = parts.record
    data = {
        "pager": parts.pager.decode("utf-8"),
        "record": record.xml.decode("utf-8"),
        "shared": [[key, part.decode("utf-8")] for key, part in record.shared],
        "contexts": [[name, part.decode("utf-8")] for name, part in record.contexts],
        "index": None if parts.index is None else {
            "stored": list(parts.index.stored),
            "counts": [[[term, count] for term, count in field]
                       for field in parts.index.counts]},
        "snippet": parts.snippet,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _parts(data: dict) -> SiteParts:
    index = data["index"]
    return SiteParts(
        pager=data["pager"].encode("utf-8"),
        record=Record(data["record"].encode("utf-8"),
                      tuple((key, part.encode("utf-8")) for key, part in data["shared"]),
                      tuple((name, part.encode("utf-8")) for name, part in data["contexts"])),
        index=None if index is None else IndexEntry(
            tuple(index["stored"]),
            tuple(tuple((term, count) for term, count in field)
                  for field in index["counts"])),
        snippet=data["snippet"])
