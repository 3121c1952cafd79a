"""One model of findings: conversion, validation and build report the same record."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tei.convert import ConvertedFile, Finders, convert_document
from tei.findings import CONVERSION_RULES, Finding
from tei.parse import read_document
from tei.settings import EditionSettings
from tei.validate import FORMATS, Issue, Report, ValidatedFile

DOCS = Path(__file__).resolve().parent.parent / "docs"

ODD = """Feb 30, 1962

**Note from the Keeper**

Summary:

A note.

Shelf:

B-12

The keeper wrote.
"""


def test_a_validation_issue_is_a_finding():
    assert Issue is Finding
    issue = Issue("a.xml", 3, 7, "error", "bad", "xsd-content")
    assert str(issue) == "a.xml:3:7: error: bad [xsd-content]"
    assert issue.record()["column"] == 7
    assert ConvertedFile.__name__ != ValidatedFile.__name__


def test_conversion_warnings_carry_rule_ids_documented_in_the_report_page(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text(ODD, encoding="utf-8")
    _, result = convert_document(read_document(path), ODD, Finders(), EditionSettings(),
                                 "2024-01-01")
    rules = [w.rule for w in result.warnings]
    assert "layout-date-line" in rules and "layout-unknown-label" in rules
    assert set(rules) <= set(CONVERSION_RULES)
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", (DOCS / "report.md").read_text(
        encoding="utf-8"), re.MULTILINE))
    assert set(CONVERSION_RULES) - {"render"} <= documented


def test_validation_reporters_write_conversion_findings(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text(ODD, encoding="utf-8")
    _, result = convert_document(read_document(path), ODD, Finders(), EditionSettings(),
                                 "2024-01-01")
    whole_file = Finding(str(path), None, None, "error", "not converted", "conversion")
    report = Report.of([*result.warnings, whole_file])
    assert [f.file for f in report.files] == [str(path)]
    sarif = json.loads(FORMATS["sarif"](report))
    run = sarif["runs"][0]
    described = {r["id"]: r["shortDescription"]["text"] for r in run["tool"]["driver"]["rules"]}
    assert described["layout-date-line"] == CONVERSION_RULES["layout-date-line"]
    assert "region" not in run["results"][-1]["locations"][0]["physicalLocation"]
    github = FORMATS["github"](report)
    assert "::error file=" in github
    assert "line=None" not in github
