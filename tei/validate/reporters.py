"""Reports CI tools read: text, json, junit, github annotations, SARIF 2.1.0.

Every format is a pure function of the report, so the same run gives the same bytes.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from lxml import etree

from tei import __version__
from tei.findings import printable
from tei.validate.issues import Issue, Report
from tei.validate.rules import describe

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def text(report: Report) -> str:
    return "".join(f"{issue}\n" for issue in report.issues)


def summary(report: Report) -> str:
    c = report.counts()
    return (f"{c['files']} file{'s' if c['files'] != 1 else ''} checked: {c['invalid']} invalid, "
            f"{c['errors']} error{'s' if c['errors'] != 1 else ''}, "
            f"{c['warnings']} warning{'s' if c['warnings'] != 1 else ''}")


def as_json(report: Report) -> str:
    document = {
        "valid": report.valid,
        "summary": report.counts(),
        "schemas": report.schemas,
        "files": [
            {"file": result.file, "valid": result.valid,
             "issues": [{"line": i.line, "col": i.col, "severity": i.severity,
                         "message": i.message, "rule": i.rule} for i in result.issues]}
            for result in report.files
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def junit(report: Report) -> str:
    """One testcase per file; a failure carries the file's errors, system-out its warnings."""
    counts = report.counts()
    suites = etree.Element("testsuites", name="tei validate", tests=str(counts["files"]),
                           failures=str(counts["invalid"]), errors="0")
    suite = etree.SubElement(suites, "testsuite", name="tei validate",
                             tests=str(counts["files"]), failures=str(counts["invalid"]),
                             errors="0", skipped="0")
    for result in report.files:
        # XML holds neither control characters nor bytes that are not UTF-8, which file
        # names may have: those are written as escapes.
        name = printable(result.file)
        case = etree.SubElement(suite, "testcase", classname="tei.validate", name=name,
                                file=name)
        errors = result.errors
        if errors:
            first = errors[0]
            failure = etree.SubElement(
                case, "failure", type="validation",
                message=printable(f"{len(errors)} error{'s' if len(errors) != 1 else ''}: "
                                  f"line {first.line}: {first.message}"))
            failure.text = "".join(f"{printable(str(issue))}\n" for issue in errors)
        if result.warnings:
            out = etree.SubElement(case, "system-out")
            out.text = "".join(f"{printable(str(issue))}\n" for issue in result.warnings)
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8",
                          pretty_print=True).decode("utf-8")


def escape_data(value: str) -> str:
    """Workflow-command message escaping."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Workflow-command property escaping: as data, plus ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


# GitHub shows this many annotations of each severity per step (and 50 in all per job);
# the others are accepted and silently dropped.
GITHUB_SHOWN_PER_STEP = 10


def by_priority(report: Report) -> list[Issue]:
    """Issues in the order most worth seeing when only the first few are shown: errors before
    warnings; within each, every file's first finding before any file's second, and so on
    (files in run order, each file's findings in line order)."""
    ranked = []
    for file_index, result in enumerate(report.files):
        seen = {"error": 0, "warning": 0}
        for issue in result.issues:
            ranked.append(((issue.severity != "error", seen[issue.severity], file_index),
                           issue))
            seen[issue.severity] += 1
    return [issue for _, issue in sorted(ranked, key=lambda pair: pair[0])]


def github(report: Report) -> str:
    """Workflow commands: one annotation per finding, the most useful first (GitHub shows
    only the first few of each severity), then a notice with the counts."""
    lines = []
    for issue in by_priority(report):
        # A conversion finding may name no line or column: the file is then the place.
        properties = ",".join((f"file={escape_property(issue.file)}",
                               *([f"line={issue.line}"] if issue.line is not None else []),
                               *([f"col={issue.col}"] if issue.col is not None else []),
                               f"title={escape_property(issue.rule)}"))
        lines.append(f"::{issue.severity} {properties}::{escape_data(issue.message)}\n")
    counts = report.counts()
    notice = summary(report)
    if max(counts["errors"], counts["warnings"]) > GITHUB_SHOWN_PER_STEP:
        notice += (f"; GitHub shows {GITHUB_SHOWN_PER_STEP} errors and "
                   f"{GITHUB_SHOWN_PER_STEP} warnings per step (one per file first): the "
                   "step summary lists every finding")
    lines.append(f"::notice title=tei validate::{escape_data(notice)}\n")
    return "".join(lines)


# The step summary is capped by GitHub at 1 MiB; a few thousand rows stay far below it.
SUMMARY_ROWS = 2000
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_text(value: str) -> str:
    """Literal text in Markdown (GitHub Flavored): every ASCII punctuation mark escaped, so
    nothing in a message or a file name becomes markup, HTML or a table cell break."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(value.split()))


def github_step_summary(report: Report) -> str:
    """A Markdown summary for $GITHUB_STEP_SUMMARY: the counts, then every finding (up to
    SUMMARY_ROWS) in the order of the annotations."""
    lines = ["## tei validate", "", markdown_text(summary(report)), ""]
    issues = by_priority(report)
    if issues:
        lines += ["| file | line | col | severity | rule | message |",
                  "|---|---:|---:|---|---|---|"]
        for issue in issues[:SUMMARY_ROWS]:
            lines.append(f"| {markdown_text(issue.file)} | {issue.line} | {issue.col} | "
                         f"{issue.severity} | {markdown_text(issue.rule)} | "
                         f"{markdown_text(issue.message)} |")
        if len(issues) > SUMMARY_ROWS:
            lines += ["", markdown_text(f"… and {len(issues) - SUMMARY_ROWS} more findings: "
                                        "run tei validate locally, or use --format sarif")]
    return "\n".join(lines) + "\n"


def artifact_uri(file: str) -> str:
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    # The file name's own bytes, so a name that is not UTF-8 is still its URI.
    return quote(os.fsencode(PurePosixPath(*path.parts).as_posix()), safe="/")


def sarif(report: Report) -> str:
    used = sorted({issue.rule for issue in report.issues})
    index = {rule: n for n, rule in enumerate(used)}
    results = [_sarif_result(issue, index[issue.rule]) for issue in report.issues]
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "tei-edition",
                "version": __version__,
                "rules": [{"id": rule, "shortDescription": {"text": describe(rule)}}
                          for rule in used],
            }},
            "artifacts": [{"location": {"uri": artifact_uri(result.file)}}
                          for result in report.files],
            "results": results,
        }],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _sarif_result(issue: Issue, rule_index: int) -> dict:
    location: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(issue.file)}}
    if issue.line is not None:
        location["region"] = {"startLine": issue.line,
                              **({"startColumn": issue.col} if issue.col is not None else {})}
    return {
        "ruleId": issue.rule,
        "ruleIndex": rule_index,
        "level": "note" if issue.severity == "info" else issue.severity,
        "message": {"text": issue.message},
        "locations": [{"physicalLocation": location}],
    }


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text,
    "json": as_json,
    "junit": junit,
    "github": github,
    "sarif": sarif,
}
