"""Run every stage over a corpus: convert, validate, render.

A document that fails a stage is reported and left out of the later stages; the others
go on. The exit status is 1 when any document failed anywhere. Validation findings are
reported at the source line they came from (the generated place in brackets); one that
says what the conversion already said about the same line is reported once.

Builds are incremental: the manifest in the output folder (:mod:`tei.manifest`) records
what each document was built from, and a document whose input and build key are the same
as last time, and whose outputs are all there, is neither converted, validated nor
rendered again (what the build said about it then is said again). The key covers the tool
version, every register, edition.toml, the stylesheets, the schemas, the options and the
conversion date, so a change to any of them builds every document again. A reading page
is made again when its neighbours change; the site pages are written when their content
changed, from what the site reads of each document, kept between builds in
``OUT/.tei-edition-site-cache`` (``tei.site_cache``) so that an unchanged document is not
read again. The output is the same as that of a clean build.

Each stage is a function of the stage before's result (``_convert``, ``_validate``,
``_render``), so a further stage goes after ``_render`` in :func:`build`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

from tei import __version__, manifest, site_cache
from tei.convert import (
    ConvertedFile,
    Finders,
    conversion_date,
    convert_paths,
    default_registers,
    make_finders,
)
from tei.findings import Finding, Severity
from tei.outputs import DOWNLOADS, SNIPPETS, Kind, Use
from tei.outputs import outputs as table_rows
from tei.resources import schemas_dir, xslt_dir
from tei.settings import EditionSettings
from tei.shards import in_shard
from tei.site_cache import SiteCache
from tei.sourcemap import SourceMap
from tei.sources import Source, collect_sources, name_too_long
from tei.validate.issues import Issue


class StageProgress(Protocol):
    def update(self, count: int = 1) -> None: ...


# (label, total) -> a context manager whose value hears the progress of one stage.
ProgressFactory = Callable[[str, int], contextlib.AbstractContextManager[StageProgress]]


@dataclass
class BuildResult:
    documents: int = 0
    converted: int = 0
    valid: int = 0
    rendered: int = 0
    findings: list[Finding] = field(default_factory=list)
    conversions: list[ConvertedFile] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # outputs of sources that are gone
    kept: int = 0  # documents unchanged since the last build, not built again
    stopped: str | None = None  # why the conversion ended early (the disk is full)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]
    registers: list[str] = field(default_factory=list)  # one line per register file read
    register_warnings: list[str] = field(default_factory=list)  # namespace, duplicate persons

    @property
    def ok(self) -> bool:
        return not self.errors and not self.stopped and self.documents == self.rendered

    def summary(self) -> str:
        return (f"{self.documents} document(s): {self.converted} converted, {self.valid} valid, "
                f"{self.rendered} rendered; {len(self.errors)} error(s), "
                f"{len(self.warnings)} warning(s)")


def build_sources(corpus: Path, out: Path) -> list[Source]:
    """The corpus's .txt documents; a build folder inside the corpus (this one, or any
    folder an earlier build wrote its manifest into) holds none: its text/ versions and
    copied files are outputs."""
    builds = {Path(out).resolve()} | {m.parent.resolve() for m in Path(corpus).rglob(manifest.NAME)}
    # A file that is no link is in a build folder when its folder is: asked once a folder.
    inside: dict[Path, bool] = {}

    def in_build(path: Path) -> bool:
        if path.is_symlink():
            target = path.resolve()
            return any(target.is_relative_to(b) for b in builds)
        found = inside.get(path.parent)
        if found is None:
            folder = path.parent.resolve()
            found = inside[path.parent] = any(folder.is_relative_to(b) for b in builds)
        return found

    return [s for s in collect_sources([corpus], ".txt") if not in_build(s.path)]


def build(corpus: Path, out: Path, registers: list[Path] | None = None,
          progress: ProgressFactory | None = None, *, tag_unregistered: bool = False,
          validation: Mapping[str, Any] | None = None, jobs: int = 1,
          force: bool = False, shard: tuple[int, int] | None = None,
          sources: list[Source] | None = None) -> BuildResult:
    """``validation``: keyword arguments for ``validate_paths`` (schema, strict, ignore…);
    ``jobs``: processes per stage; ``force``: build every document even if unchanged;
    ``shard``: (K, N), build only the K-th of N slices of the corpus; ``sources``: what
    ``build_sources(corpus, out)`` gave the caller just before (not listed again)."""
    every_input = build_sources(corpus, out) if sources is None else sources
    inputs = in_shard(every_input, shard)
    finders = make_finders(registers or [], tag_unregistered, default_registers([corpus]))
    settings = EditionSettings.for_inputs([corpus])
    result = BuildResult(documents=len(inputs), registers=list(finders.registers),
                         register_warnings=list(finders.register_warnings))
    inputs = _with_names_that_fit(inputs, out, result)
    run = _Run(out, inputs, _build_key(corpus, finders, validation or {}),
               manifest.load_manifest(out), progress or _no_progress, jobs)
    run.elsewhere = {str(s.name) for s in every_input} - {  # other shards' sources
        str(s.name) for s in in_shard(every_input, shard)}
    run.keep_unchanged(force)

    _convert(run, finders, settings, result)
    if result.stopped:
        return result  # nothing more can be written
    _validate(run, validation or {}, result)
    run.forget_records()
    _render(run, result, force, settings)
    _take_back_stale(run, every_input, result)
    return result


@dataclass
class _Document:
    """One input through the stages of this build."""

    source: Source
    digest: str | None  # sha256 of its bytes; None when unreadable (it fails to convert)
    conversion: ConvertedFile | None = None
    conversion_findings: list[Finding] = field(default_factory=list)
    validation_findings: list[Finding] = field(default_factory=list)
    valid: bool = False
    issues: list[_Placed] | None = None  # None: not validated
    ids: list[tuple] | None = None  # run-level ids: xml:id, line, column, element, lines
    kept: manifest.Entry | None = None  # the last build's entry, when reused as it is

    @property
    def name(self) -> str:
        return str(self.source.name)


class _Run:
    """What the stages of one build share: the documents, the key, the last manifest."""

    def __init__(self, out: Path, inputs: list[Source], key: str,
                 previous: manifest.Manifest, progress: ProgressFactory, jobs: int) -> None:
        self.out = out
        self.key = key
        self.previous = previous
        self.progress = progress
        self.jobs = jobs
        self.documents = [_Document(s, _digest(s.path)) for s in inputs]
        self.pages: dict[str, str | None] = {}
        self.elsewhere: set[str] = set()
        # Files as strings: a build holds some for every document, and with nothing to do,
        # making and hashing path objects for them was most of its time.
        self.rendered_files: list[str] = []
        # Each source's outputs, made once: a build with nothing to do asks for them several
        # times per document.
        self._made = [("tei", ".xml"), *((o.folder, o.suffix)
                                         for o in table_rows(Use.READING, Kind.PER_DOCUMENT))]
        self._kept_files = [*((folder, suffix) for _, folder, suffix in DOWNLOADS), SNIPPETS]
        self._base = os.fspath(out)
        self._outputs: dict[Source, list[str]] = {}

    def outputs(self, source: Source) -> list[str]:
        """The TEI of a source and its file of each per-document reading output of the
        table (tei.outputs: the page, the text, ...), then what the site keeps of it: its
        downloads and the text its search snippets are cut from; each as
        ``str(source.output(out / folder, suffix))`` would give it."""
        found = self._outputs.get(source)
        if found is None:
            folders, leaf = source.name.parts[:-1], source.name.name
            found = self._outputs[source] = [
                os.path.join(self._base, folder, *folders, leaf + suffix)
                for folder, suffix in (*self._made, *self._kept_files)]
        return found

    def relative_outputs(self, source: Source) -> list[str]:
        """The names of ``outputs(source)`` below OUT, as the manifest gives them."""
        name = source.name
        below = "".join(part + "/" for part in name.parts[:-1])
        return [f"{folder}/{below}{name.name}{suffix}"
                for folder, suffix in (*self._made, *self._kept_files)]

    def made(self, source: Source) -> list[str]:
        """The TEI and the per-document outputs: a document is built when all are written."""
        return self.outputs(source)[:len(self._made)]

    def keep_unchanged(self, force: bool) -> None:
        if force or self.previous.key != self.key:
            return
        for document in self.documents:
            entry = self.previous.sources.get(document.name)
            if (entry is not None and entry.built and document.digest is not None
                    and entry.input == document.digest
                    and all(map(os.path.isfile, self.outputs(document.source)))):
                document.kept = entry

    def forget_records(self) -> None:
        """Let go of what the last manifest said about this run's documents: the kept ones
        have taken their findings from it, and the new manifest is made from the documents.
        For a large edition that is most of what the manifest holds (some 70 MB at 10,000
        documents), and the site pages are made after this. Other shards' entries stay."""
        for document in self.documents:
            entry = self.previous.sources.get(document.name)
            if entry is not None:
                entry.record = {}

    @property
    def changed(self) -> list[_Document]:
        return [d for d in self.documents if d.kept is None]


@contextlib.contextmanager
def _no_progress(label: str, total: int) -> Iterator[StageProgress]:
    class _Silent:
        def update(self, count: int = 1) -> None:
            pass
    yield _Silent()


def _convert(run: _Run, finders: Finders, settings: EditionSettings,
             result: BuildResult) -> None:
    for document in run.documents:
        if document.kept is not None:
            record = document.kept.record
            document.conversion = ConvertedFile(
                document.source.path, output=Path(run.outputs(document.source)[0]),
                warnings=_findings(record.get("conversion")),
                unregistered=list(record.get("unregistered") or []),
                persons=list(record.get("persons") or []))
            document.conversion_findings = document.conversion.warnings
    changed = run.changed
    with run.progress("converting", len(changed)) as bar:
        conversion = convert_paths([d.source for d in changed], run.out / "tei", finders,
                                   settings, bar.update, source_lines=True, jobs=run.jobs)
    by_source = {r.source: r for r in conversion.results}
    for document in changed:
        item = by_source.get(document.source.path)
        document.conversion = item
        if item is None:
            continue  # not attempted: the run stopped
        if item.error:
            document.conversion_findings = [Finding(
                str(item.source), None, None, severity="error", rule="conversion",
                message=_without_file(item.error, item.source))]
        else:
            document.conversion_findings = list(item.warnings)
    result.conversions = [d.conversion for d in run.documents if d.conversion is not None]
    for document in run.documents:
        result.findings.extend(document.conversion_findings)
    result.converted = sum(1 for r in result.conversions if not r.error)
    result.kept = sum(1 for d in run.documents if d.kept is not None)
    result.stopped = conversion.stopped


def _validate(run: _Run, validation: Mapping[str, Any], result: BuildResult) -> None:
    """Validate the documents converted in this run; those kept give their findings of the
    last build. Ids shared between files are checked here, over every document of the
    build, kept or not, so the findings are those of a clean build."""
    from tei.validate import validate_paths
    from tei.validate.runner import shared_id_issues

    by_output = {str(d.conversion.output): d for d in run.changed
                 if d.conversion is not None and d.conversion.output}
    ignore = set(validation.get("ignore") or ())
    if by_output:
        ids: dict[str, list[tuple[str, int, int, str]]] = {}
        with run.progress("validating", len(by_output)) as bar:
            report = validate_paths(list(by_output), **{
                **validation, "jobs": run.jobs, "ignore": sorted(ignore | {"duplicate-id"})},
                progress=bar.update, ids=ids)
        for file_report in report.files:
            document = by_output.get(file_report.file)
            if document is None:  # not one of ours: reported as it is
                result.findings.extend(f for i in file_report.issues
                                       if (f := _at_source(i, None)) is not None)
                continue
            lines = document.conversion.lines if document.conversion else None
            document.issues = [_Placed(i, _lookup(lines, i.line, i.col))
                               for i in file_report.issues]
            document.ids = [(*place, _lookup(lines, place[1], place[2]))
                            for place in ids.get(file_report.file, [])]
    for document in run.changed:
        # Every finding is placed: the source maps (a large part of what this process
        # holds for each document) are let go before the pages are rendered.
        if document.conversion is not None:
            document.conversion.lines = None
    for document in run.documents:
        if document.kept is not None:
            document.issues, document.ids = _placed_from(document.kept.record)
    checked = [d for d in run.documents if d.issues is not None]
    shared: dict[str, list] = {}
    if "duplicate-id" not in ignore:
        severity: Severity = "error" if validation.get("strict") else "warning"
        shared = shared_id_issues({_tei(d): [i[:4] for i in d.ids or []] for d in checked},
                                  severity)
    for document in checked:
        places = {(i[1], i[2]): i[4] for i in document.ids or []}
        issues = [*(document.issues or []), *(_Placed(i, places.get((i.line, i.col)))
                                      for i in shared.get(_tei(document), []))]
        issues.sort(key=lambda p: (p.issue.line, p.issue.col, p.issue.rule, p.issue.message))
        document.validation_findings = [
            f for p in issues
            if (f := _at_source(p.issue, document.conversion, p.lines)) is not None]
        document.valid = not any(p.issue.severity == "error" for p in issues)
        document.issues = issues
    for document in run.documents:
        result.findings.extend(document.validation_findings)
    result.valid = sum(1 for d in run.documents if d.valid)


@dataclass(slots=True)
class _Placed:
    """A validation issue in the generated file, with the source lines it came from."""

    issue: Issue
    lines: tuple[int, int] | None


def _tei(document: _Document) -> str:
    assert document.conversion is not None and document.conversion.output is not None
    return str(document.conversion.output)


def _lookup(lines: SourceMap | None, line: int | None,
            col: int | None) -> tuple[int, int] | None:
    # Issues of a generated file carry its line and column (a finding about the whole
    # file is not of a generated file); the type of Issue allows None for those others.
    return lines.lookup(line, col) if lines else None  # type: ignore[arg-type]


def _placed_record(document: _Document) -> dict[str, object]:
    def span(lines: tuple[int, int] | None) -> list[int] | None:
        return list(lines) if lines else None
    return {
        "issues": [[p.issue.line, p.issue.col, p.issue.severity, p.issue.message,
                    p.issue.rule, span(p.lines)] for p in document.issues or []
                   if p.issue.rule != "duplicate-id"],
        "ids": [[value, line, col, element, span(lines)]
                for value, line, col, element, lines in document.ids or []]}


def _placed_from(record: Mapping[str, Any]) -> tuple[list[_Placed], list[tuple]]:
    file = str(record.get("tei", ""))
    issues = [_Placed(Issue(file, line, col, severity, message, rule),
                      tuple(lines) if lines else None)
              for line, col, severity, message, rule, lines in record.get("issues") or []]
    ids = [(value, line, col, element, tuple(lines) if lines else None)
           for value, line, col, element, lines in record.get("ids") or []]
    return issues, ids


def _render(run: _Run, result: BuildResult, force: bool, settings: EditionSettings) -> None:
    from tei.render import default_renderer

    valid = [d for d in run.documents if d.valid]
    same_set = {d.name for d in valid} == {
        name for name, e in run.previous.sources.items()
        if e.built and name not in run.elsewhere}
    if (all(d.kept for d in valid) and same_set and run.previous.key == run.key
            and not force):
        # Nothing the pages are made from has changed: the site stays as it is.
        for document in valid:
            run.pages[document.name] = document.kept.page if document.kept else ""
            run.rendered_files.extend(run.outputs(document.source)[1:])
        result.rendered = len(valid)
        return
    previous = {} if force else {name: e.page for name, e in run.previous.sources.items()
                                 if e.page and run.previous.key == run.key}
    renderer = default_renderer(settings)
    cache = SiteCache(run.out / site_cache.FOLDER, renderer.identity(), reuse=not force)
    with run.progress("rendering", len(valid)) as bar:
        rendered = renderer.render_site(
            [d.source.output(run.out / "tei", ".xml") for d in valid], run.out,
            [d.name for d in valid], jobs=run.jobs, progress=bar.update, previous=previous,
            cache=cache)
    for message in rendered.errors:
        file, _, rest = message.partition(": ")
        result.findings.append(Finding(file, None, None, severity="error", rule="render",
                                       message=rest or message))
    result.rendered = rendered.rendered
    run.pages = dict(rendered.keys)
    run.rendered_files = list(map(os.fspath, rendered.written))


def _findings(records: object) -> list[Finding]:
    if not isinstance(records, list):
        return []
    return [Finding(str(r.get("file")), r.get("line"), r.get("column"),
                    severity=cast(Severity, r.get("severity")), message=str(r.get("message")),
                    rule=str(r.get("rule")), generated=r.get("generated"))
            for r in records if isinstance(r, dict)]


def _record(finding: Finding) -> dict[str, object]:
    return {"file": finding.file, "line": finding.line, "column": finding.column,
            "rule": finding.rule, "severity": finding.severity, "message": finding.message,
            "generated": finding.generated}


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _build_key(corpus: Path, finders: Finders, validation: Mapping[str, Any]) -> str:
    """A digest of everything besides its own input that a document's outputs depend on."""
    digest = hashlib.sha256()

    def add(label: str, value: object) -> None:
        digest.update(f"{label}\0{value}\0".encode("utf-8", "surrogateescape"))

    def add_file(label: str, path: Path) -> None:
        add(label, path)
        add(label, _digest(path) if path.is_file() else "missing")

    add("version", __version__)
    add("date", conversion_date())
    spec = finders.spec
    if spec is not None:
        add("tag-unregistered", spec.tag_unregistered)
        for path in spec.registers:
            add_file("register", path)
        for path in spec.defaults:
            add_file("default-register", path)
    add_file("edition.toml", corpus / "edition.toml")
    for folder in (xslt_dir(), schemas_dir()):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            add_file("resource", path)
    for name, value in sorted(validation.items()):
        if name == "jobs":
            continue  # the output is the same for every -j
        if name in ("schema", "tei_all") and value:
            from tei.validate.runner import tei_all_schema

            path = tei_all_schema(Path(value)) if name == "tei_all" else Path(value)
            add_file(name, path)
        else:
            add(name, sorted(value) if isinstance(value, (set, frozenset)) else value)
    return digest.hexdigest()


def _with_names_that_fit(inputs: list[Source], out: Path, result: BuildResult) -> list[Source]:
    """The sources whose every output name fits the file system; the others are errors
    (a long name would otherwise fail at the last stage)."""
    fitting = []
    for source in inputs:
        name = name_too_long(source, out, dict.fromkeys(
            [".xml", *(o.suffix for o in table_rows(Use.READING, Kind.PER_DOCUMENT))]))
        if name:
            result.findings.append(Finding(
                str(source.path), None, None, severity="error", rule="conversion",
                message=f"the output name {name} is longer than the file system allows: "
                "shorten the file name"))
        else:
            fitting.append(source)
    return fitting


def _without_file(message: str, source: Path) -> str:
    prefix = f"{source}:"
    return message[len(prefix):].lstrip() if message.startswith(prefix) else message


def _at_source(issue: Issue, converted: ConvertedFile | None,
               lines: tuple[int, int] | None = None) -> Finding | None:
    """The validation issue at its source line (``lines``: first and last, as the source
    map of the conversion gives them), or None when the conversion already warned about
    the same thing on that line."""
    generated = Finding(issue.file, issue.line, issue.col, severity=issue.severity,
                        message=issue.message, rule=issue.rule)
    if converted is None or lines is None:
        return generated
    first, last = lines
    if issue.severity == "warning" and any(
            w.rule == issue.rule and w.line is not None and first <= w.line <= last
            for w in converted.warnings):
        return None
    return Finding(str(converted.source), first, None, severity=issue.severity,
                   message=issue.message, rule=issue.rule, generated=generated.where())


def _take_back_stale(run: _Run, every_input: list[Source], result: BuildResult) -> None:
    """Remove what earlier builds wrote for sources that are gone; record this build's.
    A source of another shard is not gone: its entry stays as it was."""
    previous = run.previous.sources
    written = {*(os.fspath(d.conversion.output) for d in run.documents
                 if d.conversion is not None and d.conversion.output), *run.rendered_files}
    current: dict[str, manifest.Entry] = {}
    here = {d.name for d in run.documents}
    for source in every_input:
        name = str(source.name)
        if name not in here and name in previous:
            current[name] = previous[name]
    for document in run.documents:
        name = document.name
        files = [relative for p, relative in zip(run.outputs(document.source),
                                                 run.relative_outputs(document.source),
                                                 strict=True) if p in written]
        entry = manifest.Entry(files, document.digest, run.pages.get(name))
        if all(p in written for p in run.made(document.source)) and document.valid \
                and name in run.pages \
                and document.conversion is not None:
            entry.built = True
            entry.record = {
                "conversion": [_record(f) for f in document.conversion_findings],
                "tei": _tei(document), **_placed_record(document),
                "unregistered": document.conversion.unregistered,
                "persons": document.conversion.persons}
        else:
            # A source that failed this time keeps its earlier outputs on the books.
            old = previous.get(name)
            entry.files = sorted({*files, *(old.files if old else [])})
            entry.page = None
        current[name] = entry
    result.removed = manifest.remove_stale(run.out, {n: e.files for n, e in previous.items()},
                                           current, written)
    manifest.save(run.out, current, run.key)
