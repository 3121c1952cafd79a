"""Rendering a whole edition: every reading page and the site's own pages, in flat memory.

Two passes over the documents, each in worker processes (``tei.workers``):

1. Each document is read and checked (``render.read_tei``), and sends back its digest and
   a pager record, the little a neighbouring page shows of it (its title and date). The
   pager records go to a file; their order (``xslt/site-order.xsl``) is the reading order.
2. Each document is rendered, given only its neighbours' pager records: its reading page,
   its plain text and downloads, and its site record (``xslt/site-summary.xsl``) with its
   search terms. A page whose key is unchanged since an earlier run is kept and only its
   site record made, or taken from the build's cache (``tei.site_cache``) without reading
   the document at all.

The site records and search terms are spooled to files as they come. Then, each in a
worker process of its own and one after the other, the search index is built from the
terms and the site pages (index, registers, search, about) are made from listings of the
records in the order of the inputs (``tei.site_listing``): a register page's listing
holds the quoted contexts of its own kind of name only. So this process holds, per
document, a few numbers and names, never a document's tree or text, and never starts
Saxon; what a worker holds is given back when it ends.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from tei import __version__
from tei.errors import InputError
from tei.findings import printable
from tei.namespaces import SITE_NS, TEI, TEI_NS
from tei.outputs import SNIPPETS
from tei.render import (
    Renderer,
    RenderError,
    RenderReport,
    SourceDocument,
    page_files,
    read_tei,
    renderer_for,
    reserved_stems,
    write_changed,
)
from tei.search_index import IndexBuilder, IndexEntry, search_document, snippet_script
from tei.settings import EditionSettings
from tei.site_cache import SiteCache, SiteParts
from tei.site_listing import (
    REGISTERS,
    ListingWriter,
    Record,
    RecordSpool,
    Spooled,
    excerpt,
    read_places,
    register_record,
    split_record,
)
from tei.workers import run_batches


def render_site(renderer: Renderer, tei_paths: Sequence[Path], outdir: Path,
                names: Sequence[str] | None, jobs: int,
                progress: Callable[[int], None] | None,
                previous: Mapping[str, str], cache: SiteCache | None = None) -> RenderReport:
    """See :meth:`tei.render.Renderer.render_site`."""
    outdir.mkdir(parents=True, exist_ok=True)
    with _scratch(outdir) as scratch:
        return _Site(renderer, outdir, scratch, jobs, cache).render(tei_paths, names,
                                                                    progress, previous)


@contextmanager
def _scratch(outdir: Path) -> Iterator[Path]:
    """A folder for the run's listings, in the output folder (so workers find it and it is
    on the same disk), removed at the end."""
    folder = Path(tempfile.mkdtemp(prefix=".tei-site-", dir=outdir))
    try:
        yield folder
    finally:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


@dataclass
class _Listed:
    """A document read and named: its input number (its place in the search index), its
    file, page name and input digest, and where its pager record is."""

    number: int
    path: Path
    stem: str
    digest: str
    pager: tuple[int, int]


class _Site:
    def __init__(self, renderer: Renderer, outdir: Path, scratch: Path, jobs: int,
                 cache: SiteCache | None) -> None:
        self.renderer = renderer
        # What a worker that renders or makes site pages starts its renderer from.
        self.renderer_args = (renderer.stylesheets, renderer.settings)
        self.cache = cache
        self.outdir = outdir
        self.jobs = jobs
        self.pagers = scratch / "pagers.xml"
        self.scratch = scratch
        self.spool = RecordSpool(scratch / "records.xml")
        self.records: dict[int, Spooled] = {}
        # Each document's search terms, spooled: the index is built in a worker at the end.
        self.terms = _TermSpool(scratch / "terms.pickle")
        self.snippets: dict[str, str] = {}
        # The files written, as strings until the end: a path object costs twice as much,
        # and this process holds one for each file of every document while the site pages
        # are made.
        self.written: list[str] = []

    def render(self, tei_paths: Sequence[Path], names: Sequence[str] | None,
               progress: Callable[[int], None] | None,
               previous: Mapping[str, str]) -> RenderReport:
        report = RenderReport(documents=len(tei_paths))
        documents = self._read(tei_paths, names, report)
        order = self._order(documents, report)
        rendered = self._render_pages(documents, order, report, progress, previous)
        report.rendered = len(rendered)
        self.terms.close()
        renderer = self.renderer
        # Each part in a process of its own, one after the other: a listing's tree, a
        # page's working memory and the search index are given back when it ends, and
        # none of them is added to what this process holds.
        html = self.outdir / "html"
        (index,) = run_batches(_search_index_batch,
                               [_IndexTask(self.terms.path, tuple(d.number for d in rendered),
                                           html / "search-index.js")],
                               self.jobs, _no_setup, failed=_search_index_died, alone=True)
        report.errors.extend(index.errors)
        made: dict[str, Path] = {}
        for task in self._site_tasks(rendered):
            (pages,) = run_batches(_site_pages_batch, [task], self.jobs, _start_renderer,
                                   self.renderer_args, failed=_site_pages_died, alone=True)
            made.update(pages.written)
            report.errors.extend(pages.errors)
        written = self.written
        written.extend(os.fspath(made[page.name]) for page in renderer.site_pages
                       if page.name in made)  # in the order of the table
        written.extend(map(os.fspath, index.written))
        written.extend(self.snippets[d.stem] for d in rendered)
        for asset in renderer.ASSETS:
            written.append(os.fspath(write_changed(
                html / asset, (renderer.stylesheets / asset).read_bytes())))
        report.written = [Path(file) for file in written]
        self.spool.close()
        if self.cache is not None:
            self.cache.prune({self.cache.key(d.stem, d.digest) for d in documents})
        return report

    def _site_tasks(self, documents: list[_Listed]) -> list[_SiteTask]:
        """The site pages in groups, each group made from one listing of ``documents``: a
        register page's with the contexts of its kind of name, the others' with none."""
        groups: dict[str, list[str]] = {}
        for page in self.renderer.site_pages:
            groups.setdefault(_QUOTED.get(str(page.parameters.get("kind")), ""),
                              []).append(page.name)
        return [_SiteTask(self._listing(documents, name), self.outdir, tuple(pages))
                for name, pages in groups.items()]

    def _read(self, tei_paths: Sequence[Path], names: Sequence[str] | None,
              report: RenderReport) -> list[_Listed]:
        """Pass 1: every document read and checked, its page name taken once."""
        reserved = reserved_stems()
        documents: list[_Listed] = []
        stems: dict[str, Path] = {}
        pagers = ListingWriter(self.pagers)

        def take(found: _Read) -> None:
            if found.error is not None or found.stem is None:
                report.errors.append(found.error or f"{found.path}: not read")
            elif found.stem in reserved:
                report.errors.append(f"{found.path}: the page name {found.stem}.html is the "
                                     "site's own page (rename the file)")
            elif found.stem in stems:
                report.errors.append(f"{found.path}: the page name {found.stem}.html is "
                                     f"already taken by {stems[found.stem]} (rename one file)")
            else:
                stems[found.stem] = found.path
                documents.append(_Listed(found.number, found.path, found.stem, found.digest,
                                         pagers.add(Record(found.pager, ()))))

        tasks = [_ReadTask(number, Path(path), names[number] if names else None, self.cache)
                 for number, path in enumerate(tei_paths)]
        run_batches(_read_batch, tasks, self.jobs, _no_setup, failed=_read_died,
                    consume=take)
        pagers.close()
        return documents

    def _order(self, documents: list[_Listed], report: RenderReport) -> list[str]:
        """The page names in reading order, found by site-order.xsl in a worker process
        (this one holds no Saxon)."""
        task = _OrderTask(self.pagers, tuple((d.path, d.pager) for d in documents))
        (found,) = run_batches(_order_batch, [task], self.jobs, _start_renderer,
                               self.renderer_args, failed=_order_died, alone=True)
        report.errors.extend(found.errors)
        return list(found.stems)

    def _render_pages(self, documents: list[_Listed], order: list[str],
                      report: RenderReport, progress: Callable[[int], None] | None,
                      previous: Mapping[str, str]) -> list[_Listed]:
        """Pass 2: the page and text of each document, linked to its neighbours, and its
        site record; the documents rendered, in the order of the inputs."""
        by_stem = {printable(d.stem): d for d in documents}
        chain = [by_stem[stem] for stem in order if stem in by_stem]
        identity = self.renderer.identity()
        tasks = _page_tasks(chain, identity, self.pagers, self.outdir, previous, report,
                            self.written, self.cache)
        failed = self._run(tasks, progress, report)
        if failed:
            # Neighbours must be pages that exist: link the survivors among themselves and
            # render again those whose neighbours changed.
            survivors = [d for d in chain if d.stem not in failed]
            known = {t.stem: t.key for t in tasks if t.stem not in failed}
            again = [t for t in _page_tasks(survivors, identity, self.pagers, self.outdir,
                                            {}, RenderReport(), [], self.cache)
                     if t.page and known.get(t.stem) != t.key]
            for stem in self._run(again, None, report):
                failed.add(stem)
                report.keys.pop(stem, None)
        return [d for d in documents if d.stem not in failed and d.number in self.records]

    def _run(self, tasks: list[_PageTask], progress: Callable[[int], None] | None,
             report: RenderReport) -> set[str]:
        """Render ``tasks``; the stems that failed."""
        failed: set[str] = set()
        folder, suffix = SNIPPETS

        def take(result: _Rendered) -> None:
            if result.error is not None or result.record is None:
                report.errors.append(result.error or f"{result.stem}: not rendered")
                report.keys.pop(result.stem, None)
                failed.add(result.stem)
                return
            self.written.extend(result.written)
            if result.number in self.records:
                return  # rendered again with other neighbours: the same record
            self.records[result.number] = self.spool.add(result.record)
            if result.index is not None:
                self.terms.add(result.number, result.index)
            self.snippets[result.stem] = os.fspath(write_changed(
                self.outdir / folder / f"{result.stem}{suffix}", result.snippet))

        run_batches(_render_batch, tasks, self.jobs, _start_renderer,
                    self.renderer_args,
                    failed=_render_died, progress=progress, consume=take)
        return failed

    def _listing(self, documents: list[_Listed], quoted: str) -> Path:
        """The site listing of ``documents`` (in input order): their records, then the
        parts they share, each once, in the order of first use. For a register page
        (``quoted``: the name its contexts are of) each record is cut down to what that
        page reads, with its contexts of that name; for the other pages ("") it is
        whole, without contexts."""
        writer = ListingWriter(self.scratch / f"listing-{quoted or 'base'}.xml")
        for document in documents:
            spooled = self.records[document.number]
            record = self.spool.record(spooled)
            if quoted:
                writer.add(register_record(record, quoted), self.spool.contexts(spooled, quoted))
            else:
                writer.add(record)
        return writer.close()


# What a register page quotes, by its kind (the page's `kind` parameter, the element of its
# entries): the name element its contexts are of.
_QUOTED = {entry: name for name, (entry, _) in REGISTERS.items()}


class _TermSpool:
    """Each document's search terms (IndexEntry), pickled one after another."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = open(path, "wb")  # noqa: SIM115  (closed by close())

    def add(self, number: int, entry: IndexEntry) -> None:
        pickle.dump((number, entry), self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def close(self) -> None:
        self._file.close()


# -- the reading order and the site pages, each in one worker -----------------------------

@dataclass(frozen=True)
class _OrderTask:
    pagers: Path
    documents: tuple[tuple[Path, tuple[int, int]], ...]  # file, where its pager record is


@dataclass(frozen=True)
class _Order:
    stems: tuple[str, ...]
    errors: tuple[str, ...] = ()


def _order_batch(tasks: list[_OrderTask]) -> list[_Order]:
    assert _RENDERER is not None, "renderer started without its stylesheets"
    return [_reading_order(_RENDERER, task) for task in tasks]


def _reading_order(renderer: Renderer, task: _OrderTask) -> _Order:
    """Should Saxon refuse the pager records despite read_tei's checks, the documents it
    refuses alone are reported and left out, so one document never takes the site down
    with it."""
    saxon = renderer.saxon
    try:
        return _Order(tuple(renderer.order(saxon.parse_xml(xml_file_name=str(task.pagers)))))
    except Exception:  # Saxon reports parse errors as its own exception type
        kept, errors = [], []
        for path, pager in task.documents:
            try:
                saxon.parse_xml(xml_text=excerpt(task.pagers, [pager]))
            except Exception as exc:
                errors.append(f"{path}: {_message(exc)}")
            else:
                kept.append(pager)
        edition = saxon.parse_xml(xml_text=excerpt(task.pagers, kept))
        return _Order(tuple(renderer.order(edition)), tuple(errors))


def _order_died(task: _OrderTask, reason: str) -> _Order:
    return _Order((), tuple(f"{path}: {reason}" for path, _ in task.documents))


@dataclass(frozen=True)
class _IndexTask:
    terms: Path
    numbers: tuple[int, ...]  # the documents rendered, in the order of the inputs
    path: Path


@dataclass(frozen=True)
class _Index:
    written: tuple[Path, ...]
    errors: tuple[str, ...] = ()


def _search_index_batch(tasks: list[_IndexTask]) -> list[_Index]:
    return [_search_index(task) for task in tasks]


def _search_index(task: _IndexTask) -> _Index:
    """The search index of the documents rendered, from their spooled terms."""
    index = IndexBuilder()
    with open(task.terms, "rb") as terms:
        while True:
            try:
                number, entry = pickle.load(terms)
            except EOFError:
                break
            index.add(number, entry)
    return _Index((write_changed(task.path, index.script(task.numbers)),))


def _search_index_died(task: _IndexTask, reason: str) -> _Index:
    return _Index((), (f"search index: the process making it ended unexpectedly ({reason})",))


@dataclass(frozen=True)
class _SiteTask:
    listing: Path
    outdir: Path
    pages: tuple[str, ...]  # the names of the site pages made from this listing


@dataclass(frozen=True)
class _SitePages:
    written: tuple[tuple[str, Path], ...]  # page name, file
    errors: tuple[str, ...] = ()


def _site_pages_batch(tasks: list[_SiteTask]) -> list[_SitePages]:
    assert _RENDERER is not None, "renderer started without its stylesheets"
    return [_site_pages(_RENDERER, task) for task in tasks]


def _site_pages(renderer: Renderer, task: _SiteTask) -> _SitePages:
    """The site's own pages (index, registers, search, about) from the listing; Saxon
    writes each to its file."""
    # What the site pages may read besides the site settings (the about page does).
    parameters = {"about-text": renderer.settings.about, "tool-version": __version__}
    written: list[tuple[str, Path]] = []
    try:
        listing = renderer.saxon.parse_xml(xml_file_name=str(task.listing))
        for page in (p for p in renderer.site_pages if p.name in task.pages):
            written.append((page.name, renderer.transform_to(
                task.outdir / page.folder / page.file_name(), page.stylesheet, listing,
                **parameters, **page.parameters)))
    except Exception as exc:  # Saxon reports its errors as its own exception type
        return _SitePages(tuple(written), (f"site pages: {_message(exc)}",))
    return _SitePages(tuple(written))


def _site_pages_died(task: _SiteTask, reason: str) -> _SitePages:
    return _SitePages((), (f"site pages: the process making them ended unexpectedly "
                           f"({reason})",))


# -- pass 1: read -----------------------------------------------------------------------

@dataclass(frozen=True)
class _ReadTask:
    number: int
    path: Path
    stem: str | None
    cache: SiteCache | None = None


@dataclass(frozen=True)
class _Read:
    number: int
    path: Path
    stem: str | None = None
    digest: str = ""
    pager: bytes = b""
    error: str | None = None


def _no_setup() -> None:
    """Reading needs nothing loaded."""


def _read_batch(tasks: list[_ReadTask]) -> list[_Read]:
    return [_read(task) for task in tasks]


def _read(task: _ReadTask) -> _Read:
    try:
        data: bytes | None = task.path.read_bytes()
    except OSError:
        data = None  # read_tei says why
    if data is not None and task.cache is not None:
        # A document kept from an earlier build was read and checked then, as it is now.
        stem, digest = task.stem or task.path.stem, hashlib.sha256(data).hexdigest()
        parts = task.cache.load(task.cache.key(stem, digest))
        if parts is not None:
            return _Read(task.number, task.path, stem, digest, parts.pager)
    try:
        document = read_tei(task.path, task.stem)
        digest = hashlib.sha256(task.path.read_bytes() if data is None else data).hexdigest()
    except InputError as exc:
        return _Read(task.number, task.path, error=str(exc))
    except OSError as exc:
        return _Read(task.number, task.path, error=f"{task.path}: cannot read the file: {exc}")
    return _Read(task.number, task.path, document.stem, digest, pager_record(document))


def _read_died(task: _ReadTask, reason: str) -> _Read:
    return _Read(task.number, task.path, error=f"{task.path}: {reason}")


_PAGER_PARTS = (  # what a neighbouring page shows: f:title and f:sort-date read these
    (f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title",
     ("teiHeader", "fileDesc", "titleStmt")),
    (f"{TEI}teiHeader/{TEI}profileDesc/{TEI}creation/{TEI}date",
     ("teiHeader", "profileDesc", "creation")),
    (f"{TEI}text/{TEI}front/{TEI}docTitle/{TEI}titlePart", ("text", "front", "docTitle")),
)


def pager_record(document: SourceDocument) -> bytes:
    """What a reading page reads of its neighbours (the site listing's form, cut down to
    the document's first title and creation date): a few hundred bytes."""
    record = etree.Element(f"{{{SITE_NS}}}document", nsmap={None: SITE_NS},
                           stem=printable(document.stem),
                           href=quote(os.fsencode(f"{document.stem}.html")))
    tei = etree.SubElement(record, f"{TEI}TEI", nsmap={None: TEI_NS})
    for path, holders in _PAGER_PARTS:
        found = document.root.find(path)
        if found is None:
            continue
        holder = tei
        for name in holders:
            child = holder.find(f"{TEI}{name}")
            holder = child if child is not None else etree.SubElement(holder, f"{TEI}{name}")
        part = deepcopy(found)
        part.tail = None
        holder.append(part)
    return etree.tostring(record)


# -- pass 2: render ---------------------------------------------------------------------

@dataclass(frozen=True)
class _PageTask:
    """One document to render: its file, where its pager record and its neighbours' (in
    reading order) are, its page's key, and whether its page is made again (``page``) or
    kept from an earlier run (then only its site record is made)."""

    number: int
    path: Path
    stem: str
    pagers: tuple[tuple[int, int], ...]
    listing: Path
    key: str  # what the page is made from: same key, same page
    outdir: Path
    page: bool
    cache: SiteCache | None = None
    cache_key: str = ""  # the name of the document's parts in the cache


@dataclass(frozen=True)
class _Rendered:
    number: int
    stem: str
    written: tuple[str, ...] = ()  # the files, as strings (see _Site.written)
    record: Record | None = None
    index: IndexEntry | None = None
    snippet: str = ""
    error: str | None = None


def _page_tasks(chain: list[_Listed], identity: str, pagers: Path, outdir: Path,
                previous: Mapping[str, str], report: RenderReport, written: list[str],
                cache: SiteCache | None) -> list[_PageTask]:
    """A task for each document of ``chain`` (in reading order); a page whose key is in
    ``previous`` and whose files are there is kept, its files added to ``written``."""
    tasks = []
    for position, document in enumerate(chain):
        near = [chain[i] for i in (position - 1, position + 1) if 0 <= i < len(chain)]
        key = hashlib.sha256("\0".join(
            [identity, document.stem, document.digest,
             *(f"{n.stem}\0{n.digest}" for n in near)]).encode(
                 "utf-8", "surrogateescape")).hexdigest()
        report.keys[document.stem] = key
        files = page_files(outdir, document.stem)
        kept = previous.get(document.stem) == key and all(p.is_file() for p in files)
        if kept:
            written.extend(map(os.fspath, files))
            report.kept += 1
        tasks.append(_PageTask(document.number, document.path, document.stem,
                               tuple(d.pager for d in (document, *near)), pagers, key,
                               outdir, page=not kept, cache=cache,
                               cache_key=cache.key(document.stem, document.digest)
                               if cache is not None else ""))
    return tasks


_RENDERER: Renderer | None = None


def _start_renderer(stylesheets: Path, settings: EditionSettings) -> None:
    global _RENDERER
    _RENDERER = renderer_for(stylesheets, settings)


def _render_batch(tasks: list[_PageTask]) -> list[_Rendered]:
    assert _RENDERER is not None, "renderer started without its stylesheets"
    return [_render(_RENDERER, task) for task in tasks]


def _render(renderer: Renderer, task: _PageTask) -> _Rendered:
    cached = task.cache.load(task.cache_key) if task.cache is not None else None
    if cached is not None and not task.page:
        # The page is kept and what the site reads of it is known: the document is not read.
        return _Rendered(task.number, task.stem, (), cached.record, cached.index,
                         cached.snippet)
    try:
        document = read_tei(task.path, task.stem)
        source = renderer.parse(document)
        record = split_record(renderer.summary(document, source))
        written: list[str] = []
        if task.page:
            edition = renderer.saxon.parse_xml(xml_text=excerpt(task.listing,
                                                                list(task.pagers)))
            contents = renderer.render_all(document, edition, source)
            written += [os.fspath(write_changed(task.outdir / o.folder / o.file_name(task.stem),
                                                contents[o.name])) for o in renderer.documents]
            written += [os.fspath(write_changed(task.outdir / path, content))
                        for path, content in renderer.downloads(document, contents["text"])]
    except (InputError, RenderError) as exc:
        return _Rendered(task.number, task.stem, error=str(exc))
    except OSError:
        raise  # the output's, not the document's: it ends the run (a full disk, say)
    except Exception as exc:  # Saxon reports its errors as its own exception type
        return _Rendered(task.number, task.stem, error=f"{task.path}: {_message(exc)}")
    searched = search_document(document.root, quote(os.fsencode(f"{document.stem}.html")))
    index, snippet = IndexEntry.of(searched), snippet_script(searched)
    # Written unless a whole entry is there already (the page was made again because a
    # neighbour changed); a missing or damaged one is made.
    if task.cache is not None and cached is None:
        (pager,) = read_places(task.listing, [task.pagers[0]])
        task.cache.save(task.cache_key, SiteParts(pager, record, index, snippet))
    return _Rendered(task.number, task.stem, tuple(written), record, index, snippet)


def _render_died(task: _PageTask, reason: str) -> _Rendered:
    return _Rendered(task.number, task.stem, error=f"{task.path}: {reason}")


def _message(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
