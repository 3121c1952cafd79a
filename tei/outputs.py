"""The table of outputs: every format made from the TEI by a stylesheet in ``xslt/``.

A row names the output, its stylesheet, the folder its files go to, their suffix, whether
the stylesheet runs once per document (on its TEI) or once per site (on the edition
listing), and what uses it: the reading edition (``tei render`` and ``tei build`` write
it below the output folder), a deposit's metadata records (``data/metadata/`` of a bag,
the files of an Invenio record) or the DSpace item record of a SAF package. Renderer,
build and deposit iterate this table, so a further format is one row here and one
stylesheet in ``xslt/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum


class Kind(Enum):
    PER_DOCUMENT = "per document"  # one file per document: <folder>/<stem><suffix>
    PER_SITE = "per site"  # one file for the edition: <folder>/<name><suffix>


class Use(Enum):
    READING = "reading"  # the reading edition, below the output folder of render and build
    RECORD = "record"  # a metadata record of every deposit package, below metadata/
    SAF_ITEM = "saf item"  # the dublin_core.xml of each DSpace SAF item


@dataclass(frozen=True)
class Output:
    name: str  # unique; a per-site output's file is named after it
    stylesheet: str  # file in xslt/, without .xsl
    folder: str  # below the output folder (reading) or below metadata/ (records)
    suffix: str
    kind: Kind
    use: Use = Use.READING
    label: str = ""  # what the output is, for descriptions
    # A record's schema, a path under schemas/; None: checked by its own rules (see tests).
    schema: str | None = None
    # Fixed stylesheet parameters of this row (one stylesheet can make several pages).
    parameters: Mapping[str, str] = field(default_factory=dict)

    def file_name(self, stem: str = "") -> str:
        """``<stem><suffix>`` for a document's file, ``<name><suffix>`` for the site's."""
        return f"{stem or self.name}{self.suffix}"


OUTPUTS: tuple[Output, ...] = (
    # The reading edition: a page and a plain text per document ...
    Output("html", "tei-to-html", "html", ".html", Kind.PER_DOCUMENT, label="reading page"),
    Output("text", "tei-to-text", "text", ".txt", Kind.PER_DOCUMENT, label="plain text"),
    # ... and the site's own pages, in the order they are written.
    Output("index", "site-index", "html", ".html", Kind.PER_SITE, label="documents"),
    Output("persons", "site-register", "html", ".html", Kind.PER_SITE, label="persons",
           parameters={"kind": "person"}),
    Output("places", "site-register", "html", ".html", Kind.PER_SITE, label="places",
           parameters={"kind": "place"}),
    Output("organisations", "site-register", "html", ".html", Kind.PER_SITE,
           label="organisations", parameters={"kind": "org"}),
    Output("search", "site-search", "html", ".html", Kind.PER_SITE, label="search"),
    Output("about", "site-about", "html", ".html", Kind.PER_SITE, label="about"),
    # The metadata records of a deposit.
    Output("dc", "tei-to-dc", "dc", ".xml", Kind.PER_DOCUMENT, Use.RECORD,
           "Dublin Core (oai_dc)", "oai_dc/oai_dc.xsd"),
    Output("datacite", "tei-to-datacite", "datacite", ".xml", Kind.PER_SITE, Use.RECORD,
           "DataCite 4.6", "datacite-4.6/metadata.xsd"),
    # CMIF has no schema file of its own: tei_all and its rules are checked in the tests.
    Output("cmif", "tei-to-cmif", "cmif", ".xml", Kind.PER_SITE, Use.RECORD,
           "CMIF (correspSearch)"),
    Output("dspace", "tei-to-dspace", "", ".xml", Kind.PER_DOCUMENT, Use.SAF_ITEM,
           "DSpace dublin_core.xml"),
)


# What the reading edition keeps of each document besides the rows' files, made by the
# renderer itself: the downloads its page links to (name, folder, suffix).
DOWNLOADS: tuple[tuple[str, str, str], ...] = (
    ("tei", "html/tei", ".xml"), ("text", "html/text", ".txt"), ("cite", "html/cite", ".json"))
# The text a document's search snippets are cut from (written with the search index).
SNIPPETS = ("html/search", ".js")


def outputs(use: Use, kind: Kind | None = None) -> tuple[Output, ...]:
    """The rows of ``OUTPUTS`` (read when called, so a row added later counts) for one
    use, and of one kind if given, in table order."""
    return tuple(o for o in OUTPUTS if o.use is use and (kind is None or o.kind is kind))
