"""Run every stage over a corpus: convert, validate, render.

A document that fails a stage is reported and left out of the later stages; the others
go on. The exit status is 1 when any document failed anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tei import manifest
from tei.convert import convert_paths, default_registers, make_finders
from tei.settings import EditionSettings
from tei.sources import Source, collect_sources


@dataclass
class BuildResult:
    documents: int = 0
    converted: int = 0
    valid: int = 0
    rendered: int = 0
    # Lines ready to print, each naming its file and whether it is an error or a warning.
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # outputs of sources that are gone

    @property
    def ok(self) -> bool:
        return not self.errors and self.documents == self.rendered

    def summary(self) -> str:
        return (f"{self.documents} document(s): {self.converted} converted, {self.valid} valid, "
                f"{self.rendered} rendered; {len(self.errors)} error(s), "
                f"{len(self.warnings)} warning(s)")


def build(corpus: Path, out: Path, registers: list[Path] | None = None,
          progress: Callable[[str], None] | None = None) -> BuildResult:
    from tei.render import default_renderer
    from tei.validate import validate_paths

    inputs = collect_sources([corpus], ".txt")
    registers = registers if registers is not None else default_registers([corpus])
    finders = make_finders(registers)
    settings = EditionSettings.for_inputs([corpus])
    result = BuildResult(documents=len(inputs))

    conversion = convert_paths(inputs, out / "tei", finders, settings, progress)
    converted = []
    names: dict[str, str] = {}  # output file -> its page name (the source's place)
    for source, item in zip(inputs, conversion.results, strict=True):
        result.warnings.extend(item.warnings)
        if item.error:
            result.errors.append(f"error: {item.error}")
        else:
            converted.append(item.output)
            names[str(item.output)] = str(source.name)
    result.converted = len(converted)

    report = validate_paths(converted)
    valid: list[Path] = []
    for file_report in report.files:
        for issue in file_report.issues:
            # str(issue) is "file:line:col: error|warning: message [rule]" already.
            (result.errors if issue.severity == "error" else result.warnings).append(str(issue))
        if file_report.valid:
            valid.append(Path(file_report.file))
    result.valid = len(valid)

    rendered = default_renderer().render_site(valid, out, [names[str(p)] for p in valid])
    result.errors.extend(f"error: {message}" for message in rendered.errors)
    result.rendered = rendered.rendered
    _take_back_stale(out, inputs, [r.output for r in conversion.results if r.output],
                     rendered.written, result)
    return result


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
