"""What validation finds: issues, per-file results and the report of one run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tei.findings import Finding, Severity

# A validation finding is a finding like any other (convert and build report the same
# record): the name stays for the validator's readers.
Issue = Finding

__all__ = ["Issue", "Report", "Severity", "ValidatedFile"]


@dataclass
class ValidatedFile:
    """The issues of one validated file."""

    file: str
    issues: list[Issue] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Valid when nothing is an error; warnings are allowed."""
        return not any(issue.severity == "error" for issue in self.issues)

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == "warning"]


@dataclass
class Report:
    files: list[ValidatedFile] = field(default_factory=list)
    schemas: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Report:
        """The findings of any stage (a conversion's warnings, a build's) as a report the
        validation reporters write: one file per file named, in first-seen order."""
        by_file: dict[str, ValidatedFile] = {}
        for finding in findings:
            by_file.setdefault(finding.file, ValidatedFile(finding.file)).issues.append(finding)
        return cls(list(by_file.values()))

    @property
    def valid(self) -> bool:
        return all(result.valid for result in self.files)

    @property
    def issues(self) -> list[Issue]:
        return [issue for result in self.files for issue in result.issues]

    def counts(self) -> dict[str, int]:
        issues = self.issues
        return {
            "files": len(self.files),
            "invalid": sum(1 for result in self.files if not result.valid),
            "errors": sum(1 for issue in issues if issue.severity == "error"),
            "warnings": sum(1 for issue in issues if issue.severity == "warning"),
        }
