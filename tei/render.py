"""Render TEI documents to the reading edition: an HTML site and plain text.

The stylesheets in ``xslt/`` do all the work; this module reads the inputs safely, hands
them to Saxon (each stylesheet compiled once per process) and writes the results:

    OUTDIR/html/<stem>.html   a reading page per document (with its TEI, text and
                              reference for download in html/tei/, html/text/, html/cite/)
    OUTDIR/html/index.html    the documents in chronological order, with filters
    OUTDIR/html/persons.html, places.html, organisations.html   the registers
    OUTDIR/html/search.html, about.html   search (with its index) and how it was made
    OUTDIR/html/edition.css   the shared stylesheet, and the scripts
    OUTDIR/text/<stem>.txt    a plain reading version per document

Which stylesheet makes which file is the table of :mod:`tei.outputs` (its reading rows):
each per-document row is rendered for every document, each per-site row once from the
edition listing.

A document that cannot be read or rendered is reported and left out; the others go on.
"""

from __future__ import annotations

import filecmp
import functools
import hashlib
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from lxml import etree

from tei import atomic
from tei.citation import Citation
from tei.errors import InputError, TeiEditionError
from tei.findings import printable
from tei.limits import first_excess
from tei.namespaces import SITE_NS, TEI_NS
from tei.outputs import DOWNLOADS, Kind, Output, Use, outputs
from tei.resources import xslt_dir
from tei.safe_parser import safe_parser
from tei.saxon import start_saxon
from tei.settings import EditionSettings

if TYPE_CHECKING:
    from tei.site_cache import SiteCache

# Untrusted input: no DTD loading, no entity expansion, no network.
_PARSER = safe_parser()


class RenderError(TeiEditionError, RuntimeError):
    """A document that could not be rendered; ``str()`` names the file."""


@dataclass
class RenderReport:
    """What a rendering run did: documents rendered, files written, errors per document."""

    documents: int = 0
    rendered: int = 0
    written: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # page name -> what it is made from
    kept: int = 0  # pages not rendered again: unchanged since the run of ``previous``

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

    # Made once: Saxon parses the text and the TEI download is the same text, and the
    # page's cite block and the CSL-JSON download read the same citation.
    @functools.cached_property
    def xml(self) -> str:
        return etree.tostring(self.root, encoding="unicode")

    @functools.cached_property
    def citation(self) -> Citation:
        return Citation.from_tei(self.root, printable(self.stem))


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

    # The reading pages' order (a list of stems) and a document's site record, which
    # have no output of their own; the stylesheets of the outputs come from the table.
    ORDER = "site-order"
    SUMMARY = "site-summary"
    # Copied beside the pages as they are: the stylesheet, the scripts and the search
    # library with its licence.
    ASSETS = ("edition.css", "search.js", "facets.js", "cite.js",
              "vendor/minisearch.js", "vendor/minisearch-LICENSE.txt")

    def __init__(self, stylesheets: Path | None = None,
                 settings: EditionSettings | None = None) -> None:
        self.stylesheets = stylesheets or xslt_dir()
        self.settings = settings or EditionSettings()
        self._stylesheet_digest: str | None = None
        # The table as it is now: a renderer made after a row is added renders it too.
        self.documents = outputs(Use.READING, Kind.PER_DOCUMENT)
        self.site_pages = outputs(Use.READING, Kind.PER_SITE)
        # Saxon is started, and each stylesheet compiled, when first needed: a process that
        # only plans the work (the main process of a parallel run) never holds Saxon's heap,
        # and a worker holds only the stylesheets of its own part.
        self._saxon: Any = None
        self._compiler: Any = None
        self._compiled: dict[str, Any] = {}
        self._site_values: tuple[EditionSettings, dict[str, object]] | None = None

    @property
    def saxon(self) -> Any:
        """This renderer's Saxon processor, started on first use."""
        if self._saxon is None:
            self._saxon = start_saxon()
        return self._saxon

    def compiled(self, stylesheet: str) -> Any:
        """``stylesheet`` (a name in the stylesheets folder, without .xsl), compiled once."""
        executable = self._compiled.get(stylesheet)
        if executable is None:
            if self._compiler is None:
                self._compiler = self.saxon.new_xslt30_processor()
            executable = self._compiled[stylesheet] = self._compiler.compile_stylesheet(
                stylesheet_file=str(self.stylesheets / f"{stylesheet}.xsl"))
        return executable

    def transform(self, stylesheet: str, xml: str | object, **parameters: object) -> str:
        executable = self._prepared(stylesheet, parameters)
        # A string is parsed here; a node parsed already (the site listing, read by every
        # site page) is used as it is.
        source = self.saxon.parse_xml(xml_text=xml) if isinstance(xml, str) else xml
        result = executable.transform_to_string(xdm_node=source)
        if result is None:
            raise RenderError(f"{stylesheet}.xsl produced no output")
        return result

    def transform_to(self, path: Path, stylesheet: str, source: object,
                     **parameters: object) -> Path:
        """Apply ``stylesheet`` to a parsed ``source`` and write the result to ``path``
        unless it holds that already (see write_changed). Saxon writes the file itself, so
        a large site page is never held as a string here."""
        executable = self._prepared(stylesheet, parameters)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".tei-", dir=path.parent)
        os.close(handle)
        made = Path(name)
        try:
            executable.transform_to_file(xdm_node=source, output_file=str(made))
            if path.is_file() and filecmp.cmp(made, path, shallow=False):
                return path
            os.chmod(made, atomic.file_mode())
            os.replace(made, path)
            return path
        finally:
            made.unlink(missing_ok=True)

    def _prepared(self, stylesheet: str, parameters: Mapping[str, object]) -> Any:
        """The compiled ``stylesheet`` with the site settings and ``parameters`` set."""
        executable = self.compiled(stylesheet)
        executable.clear_parameters()
        # Every stylesheet is given the site settings; one that declares none ignores them.
        for name, value in {**self._site_parameters(), **parameters}.items():
            executable.set_parameter(name, self._value(value))
        return executable

    def _value(self, value: object) -> Any:
        """``value`` as Saxon's: a string or boolean made one, a Saxon value as it is."""
        if isinstance(value, str):
            return self.saxon.make_string_value(value)
        if isinstance(value, bool):
            return self.saxon.make_boolean_value(value)
        return value

    def _site_parameters(self) -> dict[str, object]:
        """What every page reads from the edition settings, as Saxon's values: made once
        for the settings, not again for every stylesheet applied."""
        settings = self.settings
        if self._site_values is None or self._site_values[0] is not settings:
            values = {"site-title": settings.site_title,
                      "site-subtitle": settings.site_subtitle,
                      "link-mentions": settings.link_mentions}
            self._site_values = (settings, {name: self._value(value)
                                            for name, value in values.items()})
        return self._site_values[1]

    def parse(self, document: SourceDocument) -> object:
        """``document`` as Saxon's tree, to give every stylesheet that reads it."""
        return self.saxon.parse_xml(xml_text=document.xml)

    def render_output(self, output: Output, document: SourceDocument,
                      edition: object | None = None,
                      parameters: Mapping[str, object] | None = None,
                      source: object | None = None) -> str:
        """One per-document output of ``document``; ``parameters``: those of
        :meth:`document_parameters`, made here when not given; ``source``: the document
        parsed already by :meth:`parse`."""
        if parameters is None:
            parameters = self.document_parameters(document, edition)
        return self.transform(output.stylesheet, source or document.xml,
                              **{**output.parameters, **parameters})

    def document_parameters(self, document: SourceDocument,
                            edition: object | None) -> dict[str, object]:
        """What every per-document stylesheet is given (one that declares a parameter
        reads it, the others ignore it): with the parsed edition listing, the listing
        (the reading page then links to its neighbours, the downloads and the cite
        block), the document's ``stem`` and its ``citation``; for a document in a
        subfolder, ``root`` ('../' per level), the way to the shared pages."""
        depth = document.stem.count("/")
        place: dict[str, object] = (
            {"root": self.saxon.make_string_value("../" * depth)} if depth else {})
        if edition is None:
            return place
        return {"edition": edition,
                "stem": self.saxon.make_string_value(printable(document.stem)),
                "citation": self.saxon.parse_xml(xml_text=document.citation.xml()), **place}

    def html(self, document: SourceDocument, edition: object | None = None) -> str:
        """The reading page (the table's row ``html``)."""
        return self.render_output(_row(self.documents, "html"), document, edition)

    def text(self, document: SourceDocument) -> str:
        """The plain reading version (the table's row ``text``), without the listing."""
        return self.render_output(_row(self.documents, "text"), document)

    def render_document(self, tei_path: Path, outdir: Path) -> list[Path]:
        """Write the per-document outputs of one document (OUTDIR/html/<stem>.html,
        OUTDIR/text/<stem>.txt, ...), without previous/next links; its person links
        expect the persons.html that render_site writes beside it. Raises InputError or
        RenderError."""
        document = read_tei(Path(tei_path))
        return self._write_document(document, Path(outdir), None)

    def _write_document(self, document: SourceDocument, outdir: Path,
                        edition: object | None) -> list[Path]:
        contents = self.render_all(document, edition)
        return [_write(outdir / o.folder / o.file_name(document.stem), contents[o.name])
                for o in self.documents]

    def render_all(self, document: SourceDocument, edition: object | None,
                   source: object | None = None) -> dict[str, str]:
        """Every per-document output of ``document``, by the name of its row; ``source``:
        the document parsed already by :meth:`parse`. Raises RenderError."""
        try:
            parameters = self.document_parameters(document, edition)
            source = source or self.parse(document)
            return {o.name: self.render_output(o, document, edition, parameters, source)
                    for o in self.documents}
        except Exception as exc:  # Saxon reports dynamic errors as its own exception type
            raise RenderError(f"{document.path}: {_message(exc)}") from exc

    def summary(self, document: SourceDocument, source: object | None = None) -> str:
        """The document's site record: what the site pages read of it (site-summary.xsl).
        ``source``: the document parsed already by :meth:`parse`."""
        return self.transform(self.SUMMARY, source or document.xml,
                               stem=printable(document.stem),
                               href=quote(os.fsencode(f"{document.stem}.html")))

    def order(self, edition: object) -> list[str]:
        """The stems of the parsed edition listing, in the order of the reading pages."""
        executable = self.compiled(self.ORDER)
        text = executable.transform_to_string(xdm_node=edition) or ""
        return text.split("\n") if text else []

    def render_site(self, tei_paths: Sequence[Path], outdir: Path,
                    names: Sequence[str] | None = None, *, jobs: int = 1,
                    progress: Callable[[int], None] | None = None,
                    previous: Mapping[str, str] | None = None,
                    cache: SiteCache | None = None) -> RenderReport:
        """Render every document and the site pages; failures are collected per document.
        ``names`` gives each document's page name (``a/report``: html/a/report.html),
        default: its file's stem. The pages are rendered in ``jobs`` processes, each
        given only its page's neighbours, and are the same for every ``jobs``.
        ``previous`` maps page names to the keys of an earlier run (``report.keys``): a
        page whose key is unchanged and whose files are there is not rendered again.
        ``cache``: where what the site pages read of each document is kept between runs
        (``tei.site_cache``), so an unchanged document is not read again.
        Memory does not grow with the documents' texts (see :mod:`tei.site_run`)."""
        from tei.site_run import render_site

        global _RENDERER
        _RENDERER = self  # used as it is when the pages are rendered in this process
        return render_site(self, tei_paths, Path(outdir), names, jobs, progress,
                           previous or {}, cache)

    def downloads(self, document: SourceDocument, text: str) -> list[tuple[Path, str]]:
        """The document's TEI, plain text and CSL-JSON reference (``outputs.DOWNLOADS``),
        as paths below the output folder and their contents, so that a copied html/
        folder is complete."""
        contents = {"tei": f'<?xml version="1.0" encoding="UTF-8"?>\n{document.xml}\n',
                    "text": text, "cite": document.citation.csl_json()}
        return [(Path(folder) / f"{document.stem}{suffix}", contents[name])
                for name, folder, suffix in DOWNLOADS]

    def identity(self) -> str:
        """A digest of the stylesheets: a page made by other stylesheets is made again."""
        if self._stylesheet_digest is None:
            digest = hashlib.sha256(repr(self.settings).encode())
            digest.update(repr(self.documents).encode())
            # Below the top folder too: the shared layers are in common/ and html/.
            for path in sorted(self.stylesheets.rglob("*")):
                if path.is_file():
                    name = path.relative_to(self.stylesheets).as_posix()
                    digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
            self._stylesheet_digest = digest.hexdigest()
        return self._stylesheet_digest


def reserved_stems() -> frozenset[str]:
    """Names of the site's own files that a document's file of the same folder and suffix
    would overwrite (index, persons, ...): no document may be called so."""
    documents = {(o.folder, o.suffix) for o in outputs(Use.READING, Kind.PER_DOCUMENT)}
    return frozenset(o.name for o in outputs(Use.READING, Kind.PER_SITE)
                     if (o.folder, o.suffix) in documents)


def _row(rows: Sequence[Output], name: str) -> Output:
    return next(o for o in rows if o.name == name)


def page_files(outdir: Path, stem: str) -> list[Path]:
    """A document's files: one per per-document reading row of the table (its page, its
    text, ...), then the downloads the page links to."""
    return [*(outdir / o.folder / o.file_name(stem)
              for o in outputs(Use.READING, Kind.PER_DOCUMENT)),
            *(outdir / folder / f"{stem}{suffix}" for _, folder, suffix in DOWNLOADS)]


_RENDERER: Renderer | None = None


def renderer_for(stylesheets: Path, settings: EditionSettings) -> Renderer:
    """This process's renderer for ``stylesheets`` and ``settings``, made once."""
    global _RENDERER
    if (_RENDERER is None or _RENDERER.stylesheets != stylesheets
            or _RENDERER.settings != settings):
        _RENDERER = (default_renderer(settings) if stylesheets == xslt_dir()
                     else Renderer(stylesheets, settings))
    return _RENDERER


def write_changed(path: Path, content: str | bytes) -> Path:
    """Write ``path`` unless it already holds ``content`` (a page that is the same keeps
    its time, so an unchanged site stays unchanged)."""
    data = content if isinstance(content, bytes) else content.encode("utf-8",
                                                                     "backslashreplace")
    try:
        if path.read_bytes() == data:
            return path
    except OSError:
        pass
    return atomic.write_bytes(path, data)


def _message(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


@functools.cache
def default_renderer(settings: EditionSettings | None = None) -> Renderer:
    """One renderer per process and settings, so each stylesheet is compiled once."""
    return Renderer(settings=settings)


def render_paths(paths: Sequence[Path], outdir: Path,
                 settings: EditionSettings | None = None, *, jobs: int = 1,
                 progress: Callable[[int], None] | None = None) -> RenderReport:
    """Render TEI files (and folders of .xml files) to OUTDIR; never raises for a bad
    document, which is reported in the result instead."""
    from tei.sources import collect_sources

    try:
        sources = collect_sources((Path(p) for p in paths), ".xml")
    except InputError as exc:
        return RenderReport(documents=len(paths), errors=[str(exc)])
    return default_renderer(settings).render_site([s.path for s in sources], Path(outdir),
                                                  [str(s.name) for s in sources], jobs=jobs,
                                                  progress=progress)
