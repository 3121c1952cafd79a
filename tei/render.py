"""Render TEI documents to the reading edition: an HTML site and plain text.

The stylesheets in ``xslt/`` do all the work; this module reads the inputs safely, hands
them to Saxon (each stylesheet compiled once per process) and writes the results:

    OUTDIR/html/<stem>.html        a reading page per document
    OUTDIR/html/index.html         the documents in chronological order, with filters
    OUTDIR/html/persons.html       the register of persons
    OUTDIR/html/places.html        the register of places
    OUTDIR/html/organisations.html the register of organisations
    OUTDIR/html/search.html        full-text search (search-index.js holds the index,
                                   search/<stem>.js the texts snippets are cut from)
    OUTDIR/html/about.html         how the edition was made
    OUTDIR/html/tei/<stem>.xml     each document's TEI, for download
    OUTDIR/html/text/<stem>.txt    its plain text, for download
    OUTDIR/html/cite/<stem>.json   its reference as CSL-JSON
    OUTDIR/html/edition.css, *.js, vendor/   the shared stylesheet and scripts
    OUTDIR/text/<stem>.txt         a plain reading version per document

A document that cannot be read or rendered is reported and left out; the others go on.
"""

from __future__ import annotations

import functools
import locale
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from tei import __version__, atomic
from tei.citation import Citation
from tei.errors import InputError, TeiEditionError
from tei.findings import printable
from tei.limits import first_excess
from tei.namespaces import TEI_NS
from tei.resources import xslt_dir
from tei.safe_parser import safe_parser
from tei.search_index import search_document, search_index_script, snippet_script
from tei.settings import EditionSettings

SITE_NS = "urn:tei-edition:site"

# Untrusted input: no DTD loading, no entity expansion, no network.
_PARSER = safe_parser()


# Pages every site has; a document of the same name would overwrite one of them.
SITE_PAGES = frozenset({"index", "persons"})


class RenderError(TeiEditionError, RuntimeError):
    """A document that could not be rendered; ``str()`` names the file."""


@dataclass
class RenderReport:
    """What a rendering run did: documents rendered, files written, errors per document."""

    documents: int = 0
    rendered: int = 0
    written: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.rendered == self.documents

    def summary(self) -> str:
        return (f"{self.documents} document(s): {self.rendered} rendered, "
                f"{len(self.errors)} error(s)")


@dataclass(frozen=True)
class SourceDocument:
    """A TEI input read safely: its path, output name and serialized root element."""

    path: Path
    stem: str
    root: etree._Element

    @property
    def xml(self) -> str:
        return etree.tostring(self.root, encoding="unicode")


def read_tei(path: Path, stem: str | None = None) -> SourceDocument:
    """Parse a TEI file without loading DTDs, expanding entities or touching the network.

    Raises InputError for a file that is unreadable, not well-formed, not a TEI document,
    or uses entity references (which would otherwise be expanded downstream). ``stem``
    names its pages (``a/report`` for one kept in a subfolder); default: the file's stem."""
    try:
        tree = etree.parse(os.fsencode(path), _PARSER)  # bytes: any file name
    except OSError as exc:
        raise InputError(str(path), f"cannot read the file: {exc}") from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(str(path), f"not well-formed XML: {exc.msg}", line=exc.lineno) from exc
    root = tree.getroot()
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise InputError(str(path), f"the root element is {root.tag}, not a TEI document")
    entity = next(root.iter(etree.Entity), None)
    if entity is not None:
        raise InputError(str(path), f"entity reference {entity.text} is not allowed",
                         "write the character itself", line=entity.sourceline)
    _refuse_what_saxon_cannot_read(path, root)
    # Only the root element goes on: any DOCTYPE and its declarations stay behind.
    return SourceDocument(path=path, stem=stem or path.stem, root=root)


def _refuse_what_saxon_cannot_read(path: Path, root: etree._Element) -> None:
    # Saxon's parser stops at fixed depth and attribute limits, and its error would end
    # the whole site: a document over them is refused here, alone, with its file name.
    excess = first_excess(root)
    if excess is None:
        return
    if excess.rule == "xml-too-deep":
        raise InputError(str(path), f"elements are nested more than {excess.limit} levels "
                         "deep, more than the reading edition renders", "flatten the markup",
                         line=excess.line)
    raise InputError(str(path), f"<{etree.QName(excess.element).localname}> has more than "
                     f"{excess.limit} attributes, more than the reading edition renders",
                     "remove the extra attributes", line=excess.line)


def edition_listing(documents: Sequence[SourceDocument]) -> str:
    """The XML that the site stylesheets read: each document's name, page and TEI."""
    listing = etree.Element(f"{{{SITE_NS}}}edition", nsmap={None: SITE_NS})
    for document in documents:
        entry = etree.SubElement(listing, f"{{{SITE_NS}}}document",
                                 stem=printable(document.stem),
                                 href=quote(os.fsencode(f"{document.stem}.html")))
        entry.append(_copy(document.root))
    return etree.tostring(listing, encoding="unicode")


def _copy(root: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(root), _PARSER)


def _write(path: Path, text: str) -> Path:
    """Write atomically, so a reader never sees half a page."""
    return atomic.write_text(path, text)


class Renderer:
    """The compiled stylesheets, to apply to any number of documents."""

    STYLESHEETS = ("tei-to-html", "tei-to-text", "site-index", "site-register",
                   "site-search", "site-about")
    # The site pages: output file, stylesheet, and its parameters.
    SITE_PAGES: tuple[tuple[str, str, dict[str, str]], ...] = (("index.html", "site-index", {}),
                  ("persons.html", "site-register", {"kind": "person"}),
                  ("places.html", "site-register", {"kind": "place"}),
                  ("organisations.html", "site-register", {"kind": "org"}),
                  ("search.html", "site-search", {}),
                  ("about.html", "site-about", {}))
    # Copied beside the pages as they are: the stylesheet, the scripts and the search
    # library with its licence.
    ASSETS = ("edition.css", "search.js", "facets.js", "cite.js",
              "vendor/minisearch.js", "vendor/minisearch-LICENSE.txt")

    def __init__(self, stylesheets: Path | None = None,
                 settings: EditionSettings | None = None) -> None:
        from saxonche import PySaxonProcessor

        self.stylesheets = stylesheets or xslt_dir()
        self.settings = settings or EditionSettings()
        # Starting Saxon sets the process locale from the environment; xmlschema's XPath
        # then asks for a collation that may not be installed and, on failure, never
        # releases its locale lock, so a later schema load hangs. Keep the locale as it was.
        previous = locale.setlocale(locale.LC_ALL)
        try:
            self._saxon = PySaxonProcessor(license=False)
        finally:
            locale.setlocale(locale.LC_ALL, previous)
        compiler = self._saxon.new_xslt30_processor()
        self._compiled = {
            name: compiler.compile_stylesheet(
                stylesheet_file=str(self.stylesheets / f"{name}.xsl"))
            for name in self.STYLESHEETS
        }

    def _transform(self, stylesheet: str, xml: str | object, **parameters: object) -> str:
        executable = self._compiled[stylesheet]
        executable.clear_parameters()
        if stylesheet != "tei-to-text":
            parameters = {**self._site_parameters(), **parameters}
        for name, value in parameters.items():
            if isinstance(value, str):
                value = self._saxon.make_string_value(value)
            elif isinstance(value, bool):
                value = self._saxon.make_boolean_value(value)
            executable.set_parameter(name, value)
        # A string is parsed here; a node parsed already (the site listing, read by every
        # site page) is used as it is.
        source = self._saxon.parse_xml(xml_text=xml) if isinstance(xml, str) else xml
        result = executable.transform_to_string(xdm_node=source)
        if result is None:
            raise RenderError(f"{stylesheet}.xsl produced no output")
        return result

    def _site_parameters(self) -> dict[str, object]:
        """What every page reads from the edition settings."""
        return {"site-title": self.settings.site_title,
                "site-subtitle": self.settings.site_subtitle,
                "link-mentions": self.settings.link_mentions}

    def html(self, document: SourceDocument, edition: object | None = None) -> str:
        """The reading page; with the parsed edition listing it links to its neighbours,
        the downloads and the cite block. A page in a subfolder reaches the shared pages
        through ``root`` ('../' per level)."""
        depth = document.stem.count("/")
        place = {"root": self._saxon.make_string_value("../" * depth)} if depth else {}
        if edition is None:
            return self._transform("tei-to-html", document.xml, **place)
        citation = Citation.from_tei(document.root, document.stem)
        return self._transform("tei-to-html", document.xml, edition=edition,
                               stem=self._saxon.make_string_value(printable(document.stem)),
                               citation=self._saxon.parse_xml(xml_text=citation.xml()),
                               **place)

    def text(self, document: SourceDocument) -> str:
        return self._transform("tei-to-text", document.xml)

    def render_document(self, tei_path: Path, outdir: Path) -> list[Path]:
        """Write OUTDIR/html/<stem>.html and OUTDIR/text/<stem>.txt for one document,
        without previous/next links; its person links expect the persons.html that
        render_site writes beside it. Raises InputError or RenderError."""
        document = read_tei(Path(tei_path))
        return self._write_document(document, Path(outdir), None)

    def _write_document(self, document: SourceDocument, outdir: Path,
                        edition: object | None) -> list[Path]:
        html, text = self._render(document, edition)
        return [_write(outdir / "html" / f"{document.stem}.html", html),
                _write(outdir / "text" / f"{document.stem}.txt", text)]

    def _render(self, document: SourceDocument, edition: object | None) -> tuple[str, str]:
        try:
            return self.html(document, edition), self.text(document)
        except Exception as exc:  # Saxon reports dynamic errors as its own exception type
            raise RenderError(f"{document.path}: {_message(exc)}") from exc

    def _render_pages(self, documents: list[SourceDocument],
                      report: RenderReport) -> dict[SourceDocument, tuple[str, str]]:
        """HTML and text of each document that renders, linked to its neighbours."""
        edition, documents = self._parse_listing(documents, report)
        pages: dict[SourceDocument, tuple[str, str]] = {}
        for document in documents:
            try:
                pages[document] = self._render(document, edition)
            except RenderError as exc:
                report.errors.append(str(exc))
        if len(pages) < len(documents):
            # Neighbours must be pages that exist: link the survivors again among themselves.
            edition = self._saxon.parse_xml(xml_text=edition_listing(list(pages)))
            for document, (_, text) in pages.items():
                pages[document] = (self.html(document, edition), text)
        return pages

    def _parse_listing(self, documents: list[SourceDocument],
                       report: RenderReport) -> tuple[object, list[SourceDocument]]:
        """The edition listing as Saxon's tree, and the documents in it. Should Saxon refuse
        the listing despite read_tei's checks, the documents it refuses alone are reported
        and left out, so one document never takes the site down with it."""
        try:
            return self._saxon.parse_xml(xml_text=edition_listing(documents)), documents
        except Exception:  # Saxon reports parse errors as its own exception type
            kept = []
            for document in documents:
                try:
                    self._saxon.parse_xml(xml_text=edition_listing([document]))
                except Exception as exc:
                    report.errors.append(f"{document.path}: {_message(exc)}")
                else:
                    kept.append(document)
            return self._saxon.parse_xml(xml_text=edition_listing(kept)), kept

    def render_site(self, tei_paths: Sequence[Path], outdir: Path,
                    names: Sequence[str] | None = None) -> RenderReport:
        """Render every document and the site pages; failures are collected per document.
        ``names`` gives each document's page name (``a/report``: html/a/report.html),
        default: its file's stem."""
        outdir = Path(outdir)
        report = RenderReport(documents=len(tei_paths))
        documents: list[SourceDocument] = []
        stems: dict[str, Path] = {}
        for index, path in enumerate(tei_paths):
            try:
                document = read_tei(Path(path), names[index] if names else None)
            except InputError as exc:
                report.errors.append(str(exc))
                continue
            if document.stem in SITE_PAGES:
                report.errors.append(f"{path}: the page name {document.stem}.html is the "
                                     "site's own page (rename the file)")
                continue
            if document.stem in stems:
                report.errors.append(f"{path}: the page name {document.stem}.html is already "
                                     f"taken by {stems[document.stem]} (rename one file)")
                continue
            stems[document.stem] = document.path
            documents.append(document)

        pages = self._render_pages(documents, report)
        html = outdir / "html"
        for document, (html_page, text) in pages.items():
            report.written.append(_write(html / f"{document.stem}.html", html_page))
            report.written.append(_write(outdir / "text" / f"{document.stem}.txt", text))
            report.written.extend(self._write_downloads(document, text, html))
        report.rendered = len(pages)
        rendered = list(pages)
        listing = self._saxon.parse_xml(xml_text=edition_listing(rendered))
        try:
            for name, stylesheet, parameters in self.SITE_PAGES:
                if stylesheet == "site-about":
                    parameters = {"about-text": self.settings.about,
                                  "tool-version": __version__}
                report.written.append(_write(html / name,
                                             self._transform(stylesheet, listing, **parameters)))
        except Exception as exc:
            report.errors.append(f"site pages: {_message(exc)}")
        searched = [search_document(d.root, quote(f"{d.stem}.html")) for d in rendered]
        report.written.append(_write(html / "search-index.js", search_index_script(searched)))
        for document, texts in zip(rendered, searched, strict=True):
            report.written.append(_write(html / "search" / f"{document.stem}.js",
                                         snippet_script(texts)))
        for asset in self.ASSETS:
            target = html / asset
            target.parent.mkdir(parents=True, exist_ok=True)
            report.written.append(atomic.write_bytes(target,
                                                     (self.stylesheets / asset).read_bytes()))
        return report

    def _write_downloads(self, document: SourceDocument, text: str, html: Path) -> list[Path]:
        """The document's TEI, plain text and CSL-JSON reference inside html/, so that a
        copied html/ folder is complete."""
        citation = Citation.from_tei(document.root, document.stem)
        tei = etree.tostring(document.root, encoding="unicode")
        return [_write(html / "tei" / f"{document.stem}.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?>\n{tei}\n'),
                _write(html / "text" / f"{document.stem}.txt", text),
                _write(html / "cite" / f"{document.stem}.json", citation.csl_json())]


def _message(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


@functools.cache
def default_renderer(settings: EditionSettings | None = None) -> Renderer:
    """One renderer per process and settings, so each stylesheet is compiled once."""
    return Renderer(settings=settings)


def render_paths(paths: Sequence[Path], outdir: Path,
                 settings: EditionSettings | None = None) -> RenderReport:
    """Render TEI files (and folders of .xml files) to OUTDIR; never raises for a bad
    document, which is reported in the result instead."""
    from tei.sources import collect_sources

    try:
        sources = collect_sources((Path(p) for p in paths), ".xml")
    except InputError as exc:
        return RenderReport(documents=len(paths), errors=[str(exc)])
    return default_renderer(settings).render_site([s.path for s in sources], Path(outdir),
                                                  [str(s.name) for s in sources])
