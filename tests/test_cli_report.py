"""The ``--report`` JSON of convert and build: one record shape for every finding,
checked against the JSON Schema the package ships."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tei.resources import report_schema
from tests.conftest import CORPUS
from tests.test_cli import tei

SEED = CORPUS / "1962-11-12_dobrynin.txt"
STARTER = Path(__file__).parent.parent / "docs" / "examples" / "starter-persons.xml"
FIELDS = {"file", "line", "column", "rule", "severity", "message", "generated"}


@pytest.fixture(scope="module")
def schema() -> dict:
    document = json.loads(report_schema().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def mixed_corpus(root: Path) -> Path:
    """A warning, a failure, names in no register and a validation finding."""
    corpus = root / "corpus"
    corpus.mkdir()
    text = SEED.read_text(encoding="utf-8").replace(
        "Your instructions have been carried out.",
        "Your instructions have been carried out.³ On February 20, 1963.", 1)
    (corpus / "marked.txt").write_text(text, encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"\x00\x01")
    return corpus


@pytest.mark.parametrize("command", ["convert", "build"])
def test_report_fits_the_schema(tmp_path, schema, command):
    corpus = mixed_corpus(tmp_path)
    report = tmp_path / "report.json"
    run = tei(command, str(corpus), "-o", str(tmp_path / "out"), "--register", str(STARTER),
              "--report", str(report))
    assert run.returncode == 1, run.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["command"] == command
    severities = {f["severity"] for f in data["findings"]}
    assert severities == {"error", "warning", "info"}
    assert all(set(f) == FIELDS for f in data["findings"])
    assert all(isinstance(f["message"], str) and f["message"] for f in data["findings"])


def test_the_schema_refuses_a_finding_of_another_shape(schema):
    finding = {"file": "a.txt", "line": 3, "column": None, "rule": "layout",
               "severity": "warning", "message": "m", "generated": None}
    document = {"version": 1, "command": "convert", "summary": {}, "files": [],
                "findings": [finding], "unregistered": {}}
    jsonschema.validate(document, schema)
    for broken in ("a.txt:3: warning: m", {**finding, "name": "X"},
                   {k: v for k, v in finding.items() if k != "rule"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**document, "findings": [broken]}, schema)


def test_the_documented_example_fits_the_schema(schema):
    example = Path(__file__).parent.parent / "docs" / "unregistered-names.example.json"
    jsonschema.validate(json.loads(example.read_text(encoding="utf-8")), schema)
