"""One record for everything a command finds: conversion failures and warnings, names in
no register, validation issues. The terminal line and the ``--report`` JSON are both made
from it (the JSON shape is ``schemas/report.schema.json``, described in docs/report.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]


def printable(text: str) -> str:
    """``text`` with bytes that are not UTF-8 (a file name read with surrogateescape) and
    control characters shown as escapes, so it can be printed and written as JSON."""
    if not any(ch < " " or "\ud800" <= ch <= "\udfff" or ch == "\x7f" for ch in text):
        return text
    raw = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch >= " " and ch != "\x7f" else f"\\x{ord(ch):02x}" for ch in raw)


@dataclass(frozen=True)
class Finding:
    file: str
    line: int | None
    column: int | None
    rule: str
    severity: Severity
    message: str
    # Where in a generated file a validation finding was made, when ``file``/``line`` name
    # the source it came from: ``build/tei/x.xml:94:405``.
    generated: str | None = None

    def where(self) -> str:
        place = printable(self.file)
        if self.line:
            place += f":{self.line}"
            if self.column:
                place += f":{self.column}"
        return place

    def __str__(self) -> str:
        text = f"{self.where()}: {self.severity}: {self.message} [{self.rule}]"
        if self.generated:
            text += f" (in {printable(self.generated)})"
        return text

    def record(self) -> dict[str, object]:
        return {"file": printable(self.file), "line": self.line, "column": self.column,
                "rule": self.rule, "severity": self.severity, "message": self.message,
                "generated": printable(self.generated) if self.generated else None}


def totals_by_rule(findings: Sequence[Finding]) -> str:
    """``warning: footnote-marker 12, ambiguous-name 3; error: xsd-content 1``."""
    parts = []
    for severity in ("error", "warning", "info"):
        counts = Counter(f.rule for f in findings if f.severity == severity)
        if counts:
            parts.append(f"{severity}: " + ", ".join(
                f"{rule} {count}" for rule, count in sorted(
                    counts.items(), key=lambda item: (-item[1], item[0]))))
    return "; ".join(parts)
