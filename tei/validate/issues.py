"""What validation finds: issues, per-file results and the report of one run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Issue:
    """One finding at ``file:line:col`` (both 1-based); ``rule`` names the check or grammar."""

    file: str
    line: int
    col: int
    severity: Severity
    message: str
    rule: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.rule}]"


@dataclass
class FileResult:
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
    files: list[FileResult] = field(default_factory=list)
    schemas: list[str] = field(default_factory=list)

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
