"""The development set of the evaluation (FRUS documents in the archive's layout): every
file converts, is valid against the project schema and tei_all, and the shared scorer's
figures stay at or above the accepted levels."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import SHARED

DEV = SHARED / "eval" / "frus-dev"
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(
    not DEV.is_dir(), reason=f"the development set is not at {DEV}: not measured")


def _convert(out: Path, register_folder: str) -> Path:
    registers = sorted((DEV / register_folder).glob("*.xml"))
    args = [sys.executable, "-m", "tei", "convert", str(DEV / "input"), "-o", str(out), "-q"]
    for register in registers:
        args += ["--register", str(register)]
    run = subprocess.run(args, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    return _convert(tmp_path_factory.mktemp("frus"), "register")


@pytest.fixture(scope="module")
def converted_plain(tmp_path_factory) -> Path:
    """The same persons written as plain names (``<persName>Forename I. Surname</persName>``,
    no markup, no notes); the scorer still resolves ids through the volume's register."""
    return _convert(tmp_path_factory.mktemp("frus-plain"), "register-plain")


def _summary(converted: Path) -> tuple[str, dict[str, str]]:
    run = subprocess.run([sys.executable, str(SCORER), "--gold", str(DEV / "gold"),
                          "--pred", str(converted), "--no-per-doc"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    summary = run.stdout.strip().splitlines()[-1]
    return summary, dict(part.rsplit(" ", 1) for part in summary.split(" | "))


def test_every_document_converts(converted):
    inputs = sorted(p.stem for p in (DEV / "input").glob("*.txt"))
    assert sorted(p.stem for p in converted.glob("*.xml")) == inputs


def test_valid_against_project_schema(converted):
    from tei.validate import validate_paths

    report = validate_paths(sorted(converted.glob("*.xml")))
    errors = [str(i) for f in report.files for i in f.issues if i.severity == "error"]
    assert errors == []


def test_valid_against_tei_all(converted, tei_all):
    for path in sorted(converted.glob("*.xml")):
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        assert tei_all.validate(tree), f"{path.name}: {tei_all.error_log.last_error}"


def test_scores(converted):
    summary, figures = _summary(converted)
    assert "docs 14/14" in summary, summary
    assert float(figures["fidelity"]) == 1.0, summary
    assert float(figures["fn agree"]) == 1.0, summary
    assert float(figures["dateline acc"]) == 1.0, summary
    assert float(figures["persName F1"]) >= 0.85, summary
    assert float(figures["lenient F1"]) >= 0.983, summary
    assert float(figures["ref acc"]) >= 1.0, summary


def test_scores_with_the_plain_register(converted_plain):
    summary, figures = _summary(converted_plain)
    assert "docs 14/14" in summary, summary
    assert float(figures["lenient F1"]) >= 0.95, summary
    assert float(figures["ref acc"]) >= 0.95, summary
    assert float(figures["persName F1"]) >= 0.85, summary


def test_plain_register_output_is_valid(converted_plain, tei_all):
    from tei.validate import validate_paths

    paths = sorted(converted_plain.glob("*.xml"))
    report = validate_paths(paths)
    assert [str(i) for f in report.files for i in f.issues if i.severity == "error"] == []
    for path in paths:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        assert tei_all.validate(tree), f"{path.name}: {tei_all.error_log.last_error}"
