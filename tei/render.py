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

import functools
import hashlib
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from tei import __version__, atomic
from tei.citation import Citation
from tei.errors import InputError, TeiEditionError
from tei.findings import printable
from tei.limits import first_excess
from tei.namespaces import SITE_NS, TEI_NS
from tei.outputs import DOWNLOADS, SNIPPETS, Kind, Output, Use, outputs
from tei.resources import xslt_dir
from tei.safe_parser import safe_parser
from tei.saxon import start_saxon
from tei.search_index import IndexBuilder, IndexEntry, search_document, snippet_script
from tei.settings import EditionSettings
from tei.site_listing import ListingWriter, Record, excerpt, split_record
from tei.workers import run_batches

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
        self._saxon = start_saxon()
        compiler = self._saxon.new_xslt30_processor()
        # The table as it is now: a renderer made after a row is added renders it too.
        self.documents = outputs(Use.READING, Kind.PER_DOCUMENT)
        self.site_pages = outputs(Use.READING, Kind.PER_SITE)
        names = dict.fromkeys([*(o.stylesheet for o in self.documents + self.site_pages),
                               self.ORDER, self.SUMMARY])
        self._compiled = {
            name: compiler.compile_stylesheet(
                stylesheet_file=str(self.stylesheets / f"{name}.xsl"))
            for name in names
        }

    def _transform(self, stylesheet: str, xml: str | object, **parameters: object) -> str:
        executable = self._compiled[stylesheet]
        executable.clear_parameters()
        # Every stylesheet is given the site settings; one that declares none ignores them.
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

    def render_output(self, output: Output, document: SourceDocument,
                      edition: object | None = None,
                      parameters: Mapping[str, object] | None = None) -> str:
        """One per-document output of ``document``; ``parameters``: those of
        :meth:`document_parameters`, made here when not given."""
        if parameters is None:
            parameters = self.document_parameters(document, edition)
        return self._transform(output.stylesheet, document.xml,
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
            {"root": self._saxon.make_string_value("../" * depth)} if depth else {})
        if edition is None:
            return place
        citation = Citation.from_tei(document.root, printable(document.stem))
        return {"edition": edition,
                "stem": self._saxon.make_string_value(printable(document.stem)),
                "citation": self._saxon.parse_xml(xml_text=citation.xml()), **place}

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
        contents = self._render(document, edition)
        return [_write(outdir / o.folder / o.file_name(document.stem), contents[o.name])
                for o in self.documents]

    def _render(self, document: SourceDocument, edition: object | None) -> dict[str, str]:
        """Every per-document output of ``document``, by the name of its row."""
        try:
            parameters = self.document_parameters(document, edition)
            return {o.name: self.render_output(o, document, edition, parameters)
                    for o in self.documents}
        except Exception as exc:  # Saxon reports dynamic errors as its own exception type
            raise RenderError(f"{document.path}: {_message(exc)}") from exc

    def summary(self, document: SourceDocument) -> str:
        """The document's site record: what the site pages read of it (site-summary.xsl)."""
        return self._transform(self.SUMMARY, document.xml, stem=printable(document.stem),
                               href=quote(os.fsencode(f"{document.stem}.html")))

    def order(self, edition: object) -> list[str]:
        """The stems of the parsed edition listing, in the order of the reading pages."""
        executable = self._compiled["site-order"]
        text = executable.transform_to_string(xdm_node=edition) or ""
        return text.split("\n") if text else []

    def render_site(self, tei_paths: Sequence[Path], outdir: Path,
                    names: Sequence[str] | None = None, *, jobs: int = 1,
                    progress: Callable[[int], None] | None = None,
                    previous: Mapping[str, str] | None = None) -> RenderReport:
        """Render every document and the site pages; failures are collected per document.
        ``names`` gives each document's page name (``a/report``: html/a/report.html),
        default: its file's stem. The pages are rendered in ``jobs`` processes, each
        given only its page's neighbours, and are the same for every ``jobs``.
        ``previous`` maps page names to the keys of an earlier run (``report.keys``): a
        page whose key is unchanged and whose files are there is not rendered again.

        Memory stays flat as the edition grows: each document is read in a worker, which
        sends back only its site record and its search terms; the records go to a listing
        file (tei.site_listing) that the site pages are made from."""
        outdir = Path(outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".tei-listing-", suffix=".xml", dir=outdir)
        os.close(handle)
        listing = Path(name)
        try:
            return self._render_site(tei_paths, outdir, names, jobs, progress,
                                     previous or {}, listing)
        finally:
            listing.unlink(missing_ok=True)
            listing.with_name(listing.name + ".kept").unlink(missing_ok=True)

    def _render_site(self, tei_paths: Sequence[Path], outdir: Path,
                     names: Sequence[str] | None, jobs: int,
                     progress: Callable[[int], None] | None,
                     previous: Mapping[str, str], listing: Path) -> RenderReport:
        report = RenderReport(documents=len(tei_paths))
        html = outdir / "html"
        reserved = reserved_stems()
        writer = ListingWriter(listing)
        documents: list[_Listed] = []
        stems: dict[str, Path] = {}
        index = IndexBuilder()
        snippets: dict[str, Path] = {}

        def take(found: _Surveyed) -> None:
            if found.error is not None or found.stem is None or found.record is None:
                report.errors.append(found.error or f"{found.path}: not read")
                return
            if found.stem in reserved:
                report.errors.append(f"{found.path}: the page name {found.stem}.html is the "
                                     "site's own page (rename the file)")
                return
            if found.stem in stems:
                report.errors.append(f"{found.path}: the page name {found.stem}.html is "
                                     f"already taken by {stems[found.stem]} (rename one file)")
                return
            stems[found.stem] = found.path
            place = writer.add(found.record)
            documents.append(_Listed(found.number, found.path, found.stem, found.digest or "",
                                     place, tuple(k for k, _ in found.record.shared)))
            if found.index is not None:
                index.add(found.number, found.index)
            folder, suffix = SNIPPETS
            snippets[found.stem] = _write_changed(outdir / folder / f"{found.stem}{suffix}",
                                                  found.snippet)

        tasks = [_SurveyTask(number, Path(path), names[number] if names else None)
                 for number, path in enumerate(tei_paths)]
        run_batches(_survey_batch, tasks, jobs, _start_renderer,
                    (self.stylesheets, self.settings), failed=_survey_died, consume=take)
        writer.close()

        edition, documents = self._parse_listing(listing, writer, documents, report)
        rendered = self._render_pages(documents, self.order(edition), listing, outdir,
                                      report, jobs, progress, previous)
        report.rendered = len(rendered)
        if len(rendered) < len(documents):
            # The site pages list only the documents with a page.
            edition = self._saxon.parse_xml(xml_file_name=str(
                _relist(listing, writer, rendered)))
        # What the site pages may read besides the site settings (the about page does).
        edition_parameters = {"about-text": self.settings.about, "tool-version": __version__}
        try:
            for page in self.site_pages:
                report.written.append(_write_changed(
                    outdir / page.folder / page.file_name(),
                    self._transform(page.stylesheet, edition, **edition_parameters,
                                    **page.parameters)))
        except Exception as exc:
            report.errors.append(f"site pages: {_message(exc)}")
        report.written.append(_write_changed(html / "search-index.js",
                                             index.script(d.number for d in rendered)))
        report.written.extend(snippets[d.stem] for d in rendered)
        for asset in self.ASSETS:
            report.written.append(_write_changed(html / asset,
                                                 (self.stylesheets / asset).read_bytes()))
        return report

    def _parse_listing(self, listing: Path, writer: ListingWriter, documents: list[_Listed],
                       report: RenderReport) -> tuple[object, list[_Listed]]:
        """The edition listing as Saxon's tree, and the documents in it. Should Saxon refuse
        the listing despite read_tei's checks, the documents it refuses alone are reported
        and left out, so one document never takes the site down with it."""
        try:
            return self._saxon.parse_xml(xml_file_name=str(listing)), documents
        except Exception:  # Saxon reports parse errors as its own exception type
            kept = []
            for document in documents:
                try:
                    self._saxon.parse_xml(xml_text=excerpt(listing, [document.place]))
                except Exception as exc:
                    report.errors.append(f"{document.path}: {_message(exc)}")
                else:
                    kept.append(document)
            return self._saxon.parse_xml(xml_file_name=str(
                _relist(listing, writer, kept))), kept

    def downloads(self, document: SourceDocument, text: str) -> list[tuple[Path, str]]:
        """The document's TEI, plain text and CSL-JSON reference (``outputs.DOWNLOADS``),
        as paths below the output folder and their contents, so that a copied html/
        folder is complete."""
        citation = Citation.from_tei(document.root, printable(document.stem))
        tei = etree.tostring(document.root, encoding="unicode")
        contents = {"tei": f'<?xml version="1.0" encoding="UTF-8"?>\n{tei}\n', "text": text,
                    "cite": citation.csl_json()}
        return [(Path(folder) / f"{document.stem}{suffix}", contents[name])
                for name, folder, suffix in DOWNLOADS]

    def _render_pages(self, documents: list[_Listed], order: list[str], listing: Path,
                      outdir: Path, report: RenderReport, jobs: int,
                      progress: Callable[[int], None] | None,
                      previous: Mapping[str, str]) -> list[_Listed]:
        """Write the page and text of each document, linked to its neighbours; the
        documents rendered, in the order given."""
        by_stem = {printable(d.stem): d for d in documents}
        chain = [by_stem[stem] for stem in order if stem in by_stem]
        tasks = _page_tasks(chain, self._identity(), listing, outdir, previous, report)
        failed = self._run_tasks(tasks, jobs, progress, report)
        if failed:
            # Neighbours must be pages that exist: link the survivors among themselves and
            # render again those whose neighbours changed.
            survivors = [d for d in chain if d.stem not in failed]
            known = {t.stem: t.key for t in tasks if t.stem not in failed}
            again = [t for t in _page_tasks(survivors, self._identity(), listing, outdir,
                                            {}, RenderReport())
                     if known.get(t.stem) != t.key]
            for stem in self._run_tasks(again, jobs, None, report):
                failed.add(stem)
                report.keys.pop(stem, None)
        return [d for d in documents if d.stem not in failed]

    def _run_tasks(self, tasks: list[PageTask], jobs: int,
                   progress: Callable[[int], None] | None, report: RenderReport) -> set[str]:
        """Render the pages of ``tasks``; the stems that failed."""
        global _RENDERER
        _RENDERER = self  # used as it is when the pages are rendered in this process
        failed: set[str] = set()

        def take(result: tuple[str, list[Path], str | None]) -> None:
            stem, written, error = result
            if error:
                report.errors.append(error)
                report.keys.pop(stem, None)
                failed.add(stem)
            else:
                report.written.extend(written)

        run_batches(_render_batch, tasks, jobs, _start_renderer,
                    (self.stylesheets, self.settings), failed=_page_died,
                    progress=progress, consume=take)
        return failed

    def _identity(self) -> str:
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


@dataclass(frozen=True)
class _Listed:
    """A document read and in the listing: its input number (its place in the search
    index), file, page name, input digest, where its record is in the listing file, and
    the keys of the shared parts its record points to."""

    number: int
    path: Path
    stem: str
    digest: str
    place: tuple[int, int]
    shared: tuple[str, ...]


def _relist(listing: Path, writer: ListingWriter, documents: list[_Listed]) -> Path:
    """A listing of ``documents`` only, beside ``listing``, with their places in it."""
    kept = listing.with_name(listing.name + ".kept")
    shorter = ListingWriter(kept)
    for document in documents:
        xml = excerpt(listing, [document.place])
        body = xml[xml.index(">") + 1:xml.rindex("<")].encode("utf-8")
        place = shorter.add(Record(body, tuple((k, writer.shared[k])
                                               for k in document.shared)))
        object.__setattr__(document, "place", place)
    shorter.close()
    os.replace(kept, listing)
    return listing


@dataclass(frozen=True)
class _SurveyTask:
    number: int
    path: Path
    stem: str | None


@dataclass(frozen=True)
class _Surveyed:
    """What a worker sends back of a document it read: its site record, search terms and
    snippet text, or why it could not be read."""

    number: int
    path: Path
    stem: str | None = None
    digest: str | None = None
    record: Record | None = None
    index: IndexEntry | None = None
    snippet: str = ""
    error: str | None = None


def _survey_batch(tasks: list[_SurveyTask]) -> list[_Surveyed]:
    assert _RENDERER is not None, "renderer started without its stylesheets"
    return [_survey(_RENDERER, task) for task in tasks]


def _survey(renderer: Renderer, task: _SurveyTask) -> _Surveyed:
    try:
        document = read_tei(task.path, task.stem)
        digest = hashlib.sha256(task.path.read_bytes()).hexdigest()
    except InputError as exc:
        return _Surveyed(task.number, task.path, error=str(exc))
    except OSError as exc:
        return _Surveyed(task.number, task.path, error=f"{task.path}: cannot read the file: {exc}")
    try:
        record = split_record(renderer.summary(document))
    except Exception as exc:  # Saxon reports its errors as its own exception type
        return _Surveyed(task.number, task.path, error=f"{task.path}: {_message(exc)}")
    searched = search_document(document.root, quote(os.fsencode(f"{document.stem}.html")))
    return _Surveyed(task.number, task.path, document.stem, digest, record,
                     IndexEntry.of(searched), snippet_script(searched))


def _survey_died(task: _SurveyTask, reason: str) -> _Surveyed:
    return _Surveyed(task.number, task.path, error=f"{task.path}: {reason}")


@dataclass(frozen=True)
class PageTask:
    """One reading page to render: its document, where its record and its neighbours'
    (in reading order) are in the listing file, and its key."""

    path: Path
    stem: str
    records: tuple[tuple[int, int], ...]
    listing: Path
    key: str  # what the page is made from: same key, same page
    outdir: Path


def _page_tasks(chain: list[_Listed], identity: str, listing: Path, outdir: Path,
                previous: Mapping[str, str], report: RenderReport) -> list[PageTask]:
    """The pages of ``chain`` (documents in reading order) to render; a page whose key is
    in ``previous`` and whose files are there is kept and recorded as written."""
    tasks = []
    for position, document in enumerate(chain):
        near = [chain[i] for i in (position - 1, position + 1) if 0 <= i < len(chain)]
        key = hashlib.sha256("\0".join(
            [identity, document.stem, document.digest,
             *(f"{n.stem}\0{n.digest}" for n in near)]).encode(
                 "utf-8", "surrogateescape")).hexdigest()
        report.keys[document.stem] = key
        files = page_files(outdir, document.stem)
        if previous.get(document.stem) == key and all(p.is_file() for p in files):
            report.written.extend(files)
            report.kept += 1
            continue
        tasks.append(PageTask(document.path, document.stem,
                              tuple(d.place for d in (document, *near)), listing, key, outdir))
    return tasks


def page_files(outdir: Path, stem: str) -> list[Path]:
    """A document's files: one per per-document reading row of the table (its page, its
    text, ...), then the downloads the page links to."""
    return [*(outdir / o.folder / o.file_name(stem)
              for o in outputs(Use.READING, Kind.PER_DOCUMENT)),
            *(outdir / folder / f"{stem}{suffix}" for _, folder, suffix in DOWNLOADS)]


_RENDERER: Renderer | None = None


def _start_renderer(stylesheets: Path, settings: EditionSettings) -> None:
    global _RENDERER
    if (_RENDERER is None or _RENDERER.stylesheets != stylesheets
            or _RENDERER.settings != settings):
        _RENDERER = (default_renderer(settings) if stylesheets == xslt_dir()
                     else Renderer(stylesheets, settings))


def _render_batch(tasks: list[PageTask]) -> list[tuple[str, list[Path], str | None]]:
    assert _RENDERER is not None, "renderer started without its stylesheets"
    return [(task.stem, *_render_task(_RENDERER, task)) for task in tasks]


def _render_task(renderer: Renderer, task: PageTask) -> tuple[list[Path], str | None]:
    try:
        document = read_tei(task.path, task.stem)
        # The page reads of its neighbours only what their records hold (title, date).
        edition = renderer._saxon.parse_xml(xml_text=excerpt(task.listing,
                                                             list(task.records)))
        contents = renderer._render(document, edition)
        written = [_write_changed(task.outdir / o.folder / o.file_name(task.stem),
                                  contents[o.name]) for o in renderer.documents]
        written += [_write_changed(task.outdir / path, content)
                    for path, content in renderer.downloads(document, contents["text"])]
        return written, None
    except (InputError, RenderError) as exc:
        return [], str(exc)
    except OSError:
        raise  # the output's, not the document's: it ends the run (a full disk, say)
    except Exception as exc:  # Saxon reports its errors as its own exception type
        return [], f"{task.path}: {_message(exc)}"


def _page_died(task: PageTask, reason: str) -> tuple[str, list[Path], str | None]:
    return task.stem, [], f"{task.path}: {reason}"


def _write_changed(path: Path, content: str | bytes) -> Path:
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
