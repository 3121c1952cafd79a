"""Run every stage over a corpus: convert, validate, render.

A document that fails a stage is reported and left out of the later stages; the others
go on. The exit status is 1 when any document failed anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tei.convert import collect_inputs, convert_paths, default_registers, make_finders
from tei.settings import EditionSettings


@dataclass
class BuildResult:
    documents: int = 0
    converted: int = 0
    valid: int = 0
    rendered: int = 0
    # Lines ready to print, each naming its file and whether it is an error or a warning.
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.documents == self.rendered

    def summary(self) -> str:
        return (f"{self.documents} document(s): {self.converted} converted, {self.valid} valid, "
                f"{self.rendered} rendered; {len(self.errors)} error(s), "
                f"{len(self.warnings)} warning(s)")


def build(corpus: Path, out: Path, registers: list[Path] | None = None,
          progress: Callable[[str], None] | None = None) -> BuildResult:
    from tei.render import render_paths
    from tei.validate import validate_paths

    inputs = collect_inputs([corpus], ".txt")
    registers = registers if registers is not None else default_registers([corpus])
    finders = make_finders(registers)
    settings = EditionSettings.for_inputs([corpus])
    result = BuildResult(documents=len(inputs))

    conversion = convert_paths(inputs, out / "tei", finders, settings, progress)
    converted = []
    for item in conversion.results:
        result.warnings.extend(item.warnings)
        if item.error:
            result.errors.append(f"error: {item.error}")
        else:
            converted.append(item.output)
    result.converted = len(converted)

    report = validate_paths(converted)
    valid = []
    for file_report in report.files:
        for issue in file_report.issues:
            # str(issue) is "file:line:col: error|warning: message [rule]" already.
            (result.errors if issue.severity == "error" else result.warnings).append(str(issue))
        if file_report.valid:
            valid.append(Path(file_report.file))
    result.valid = len(valid)

    rendered = render_paths(valid, out, settings)
    result.errors.extend(f"error: {message}" for message in rendered.errors)
    result.rendered = rendered.rendered
    return result
