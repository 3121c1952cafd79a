"""The ``--report`` JSON of convert and build: every finding as one record (file, line,
column, rule, severity, message, generated), the files and the names in no register.
Its shape is ``schemas/report.schema.json``; docs/report.md describes it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from tei import atomic
from tei.convert import FileResult
from tei.findings import Finding, printable

VERSION = 1


def unregistered_counts(results: Sequence[FileResult]) -> Counter:
    return Counter(str(u["name"]) for r in results for u in r.unregistered)


def conversion_findings(result: FileResult) -> list[Finding]:
    """The findings of converting one file: its failure or its warnings, and its names in
    no register."""
    file = str(result.source)
    found: list[Finding] = []
    if result.error:
        message = result.error
        if message.startswith(file + ":"):
            message = message[len(file) + 1:].lstrip()
        found.append(Finding(file, None, None, "conversion", "error", message))
    found.extend(result.warnings)
    found.extend(Finding(file, int(u["line"]),  # type: ignore[call-overload]
                         None, "unregistered-name", "info", f"'{u['name']}' is in no register")
                 for u in result.unregistered)
    return found


def write(path: Path, command: str, results: Sequence[FileResult],
          findings: Sequence[Finding], summary: dict[str, int]) -> None:
    """Write the report; raises OSError."""
    document = {
        "version": VERSION,
        "command": command,
        "summary": summary,
        "files": [{"file": printable(str(r.source)),
                   "output": printable(str(r.output)) if r.output else None,
                   "converted": r.error is None,
                   "persons": r.persons} for r in results],
        "findings": [f.record() for f in findings],
        "unregistered": dict(sorted(unregistered_counts(results).items())),
    }
    atomic.write_text(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
