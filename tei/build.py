"""Run every stage over a corpus: convert, validate, render.

A document that fails a stage is reported and left out of the later stages; the others
go on. The exit status is 1 when any document failed anywhere. Validation findings are
reported at the source line they came from (the generated place in brackets); one that
says what the conversion already said about the same line is reported once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tei import manifest
from tei.convert import FileResult, convert_paths, default_registers, make_finders
from tei.findings import Finding
from tei.settings import EditionSettings
from tei.sources import Source, collect_sources, name_too_long


@dataclass
class BuildResult:
    documents: int = 0
    converted: int = 0
    valid: int = 0
    rendered: int = 0
    findings: list[Finding] = field(default_factory=list)
    conversions: list[FileResult] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # outputs of sources that are gone
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
    """The corpus's .txt documents; a build folder inside the corpus holds none (its
    text/ versions are outputs)."""
    inside = Path(out).resolve()
    return [s for s in collect_sources([corpus], ".txt")
            if not s.path.resolve().is_relative_to(inside)]


def build(corpus: Path, out: Path, registers: list[Path] | None = None,
          progress: Callable[[str], None] | None = None, *, tag_unregistered: bool = False,
          validation: Mapping[str, Any] | None = None) -> BuildResult:
    """``validation``: keyword arguments for ``validate_paths`` (schema, strict, ignore…)."""
    from tei.render import default_renderer
    from tei.validate import validate_paths

    inputs = build_sources(corpus, out)
    finders = make_finders(registers or [], tag_unregistered, default_registers([corpus]))
    settings = EditionSettings.for_inputs([corpus])
    result = BuildResult(documents=len(inputs), registers=list(finders.registers),
                         register_warnings=list(finders.register_warnings))

    inputs = _with_names_that_fit(inputs, out, result)
    conversion = convert_paths(inputs, out / "tei", finders, settings, progress,
                               source_lines=True)
    result.conversions = conversion.results
    result.stopped = conversion.stopped
    by_output: dict[str, tuple[Source, FileResult]] = {}
    for source, item in zip(inputs, conversion.results, strict=False):
        if item.error:
            result.findings.append(Finding(str(item.source), None, None, "conversion",
                                           "error", _without_file(item.error, item.source)))
        else:
            result.findings.extend(item.warnings)
            by_output[str(item.output)] = (source, item)
    result.converted = len(by_output)
    if conversion.stopped:
        return result  # nothing more can be written

    report = validate_paths([item.output for _, item in by_output.values()],  # type: ignore[misc]
                            **(validation or {}))
    valid: list[Path] = []
    for file_report in report.files:
        converted = by_output.get(file_report.file)
        for issue in file_report.issues:
            finding = _at_source(issue, converted[1] if converted else None)
            if finding is not None:
                result.findings.append(finding)
        if file_report.valid:
            valid.append(Path(file_report.file))
    result.valid = len(valid)

    names = [str(by_output[str(p)][0].name) for p in valid]
    rendered = default_renderer(settings).render_site(valid, out, names)
    for message in rendered.errors:
        file, _, rest = message.partition(": ")
        result.findings.append(Finding(file, None, None, "render", "error", rest or message))
    result.rendered = rendered.rendered
    _take_back_stale(out, inputs, [r.output for r in conversion.results if r.output],
                     rendered.written, result)
    return result


def _with_names_that_fit(inputs: list[Source], out: Path, result: BuildResult) -> list[Source]:
    """The sources whose every output name fits the file system; the others are errors
    (a long name would otherwise fail at the last stage)."""
    fitting = []
    for source in inputs:
        name = name_too_long(source, out, (".xml", ".html", ".txt"))
        if name:
            result.findings.append(Finding(
                str(source.path), None, None, "conversion", "error",
                f"the output name {name} is longer than the file system allows: shorten the "
                "file name"))
        else:
            fitting.append(source)
    return fitting


def _without_file(message: str, source: Path) -> str:
    prefix = f"{source}:"
    return message[len(prefix):].lstrip() if message.startswith(prefix) else message


def _at_source(issue, converted: FileResult | None) -> Finding | None:
    """The validation issue at its source line, or None when the conversion already
    warned about the same thing on that line."""
    generated = Finding(issue.file, issue.line, issue.col, issue.rule, issue.severity,
                        issue.message)
    lines = converted.lines.lookup(issue.line, issue.col) if converted and converted.lines \
        else None
    if converted is None or lines is None:
        return generated
    first, last = lines
    if issue.severity == "warning" and any(
            w.rule == issue.rule and w.line is not None and first <= w.line <= last
            for w in converted.warnings):
        return None
    return Finding(str(converted.source), first, None, issue.rule, issue.severity,
                   issue.message, generated=generated.where())


def _take_back_stale(out: Path, inputs: list[Source], converted: list[Path],
                     rendered: list[Path], result: BuildResult) -> None:
    """Remove what earlier builds wrote for sources that are gone; record this build's."""
    previous = manifest.load(out)
    written = {*converted, *rendered}
    current: dict[str, list[str]] = {}
    for source in inputs:
        name = str(source.name)
        mine = [source.output(out / "tei", ".xml"), source.output(out / "html", ".html"),
                source.output(out / "text", ".txt")]
        files = [p.relative_to(out).as_posix() for p in mine if p in written]
        # A source that failed this time keeps its earlier outputs on the books.
        current[name] = sorted({*files, *previous.get(name, [])}) if len(files) < 3 else files
    result.removed = manifest.remove_stale(out, previous, current, written)
    manifest.save(out, current)
