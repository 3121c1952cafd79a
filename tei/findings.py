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


# slots: a build holds every finding of every document, many of them made in a worker
# and unpickled, which without slots gives each its own dict.
@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One finding at ``file:line:col`` (1-based; ``line`` and ``col`` None when it is about
    the whole file, ``col`` None when only the line is known). ``rule`` names what found it:
    a conversion rule (CONVERSION_RULES), a grammar or a check of validation
    (``tei.validate.rules``). Validation's ``Issue`` is this type."""

    file: str
    line: int | None
    col: int | None
    severity: Severity
    message: str
    rule: str
    # Where in a generated file a validation finding was made, when ``file``/``line`` name
    # the source it came from: ``build/tei/x.xml:94:405``.
    generated: str | None = None

    @property
    def column(self) -> int | None:
        return self.col

    def where(self) -> str:
        place = printable(self.file)
        if self.line is not None:
            place += f":{self.line}"
            if self.col is not None:
                place += f":{self.col}"
        return place

    def __str__(self) -> str:
        text = f"{self.where()}: {self.severity}: {self.message} [{self.rule}]"
        if self.generated:
            text += f" (in {printable(self.generated)})"
        return text

    def record(self) -> dict[str, object]:
        return {"file": printable(self.file), "line": self.line, "column": self.col,
                "rule": self.rule, "severity": self.severity, "message": self.message,
                "generated": printable(self.generated) if self.generated else None}


# What converting a document can find, by rule id (docs/report.md has the same table).
CONVERSION_RULES = {
    "conversion": "the file was not converted: not readable, not UTF-8 or UTF-16, not a "
                  "document of this kind, or a character would be lost",
    "layout-no-date-line": "no date line at the top: the document date is not known",
    "layout-date-line": "the date line names no real day: it is kept as text, not as the date",
    "layout-unknown-label": "a header label the layout does not know, kept as metadata",
    "layout-empty-label": "a header label without a value",
    "layout-repeated-section": "a header section given twice; the second is kept",
    "layout-unplaced": "text that fits no part of the layout, kept as a paragraph",
    "layout-page-furniture": "a page number or running header between two paragraphs that "
                             "may be one",
    "bracket": "a bracketed insertion read with a doubt (a [3] that looks like a footnote "
               "marker)",
    "footnote-marker": "a superscript digit with no footnote of that number, kept as text",
    "footnote-unmarked": "a footnote with no marker in the body, kept after the closing",
    "ambiguous-name": "a name that fits more than one register entry, tagged without a link",
    "overlapping-markup": "a name or date that crosses other markup, left untagged",
    "unregistered-name": "a person-like name in no register",
    "render": "a document or the site pages could not be rendered",
}


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
