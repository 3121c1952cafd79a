"""``tei build`` as the archivist sees it: findings at the .txt line, each once, the
options of the stages it runs, one rule for -q, a report of the whole build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.test_cli import tei

SEED = CORPUS / "1962-11-12_dobrynin.txt"
ANCHOR = "Your instructions have been carried out."


def corpus_of(root: Path, **texts: str) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for stem, text in texts.items():
        (corpus / f"{stem}.txt").write_text(text, encoding="utf-8")
    (corpus / "persons.xml").write_bytes((CORPUS / "persons.xml").read_bytes())
    return corpus


def seed_with(replacement: str) -> tuple[str, int]:
    text = SEED.read_text(encoding="utf-8")
    assert ANCHOR in text
    text = text.replace(ANCHOR, replacement, 1)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if replacement in t)
    return text, line


def test_validation_warning_points_at_the_source_line(tmp_path):
    text, line = seed_with("Your instructions have been carried out on February 20, 1963.")
    corpus = corpus_of(tmp_path, late=text)
    out = tmp_path / "build"
    run = tei("build", str(corpus), "-o", str(out))
    assert run.returncode == 0, run.stdout + run.stderr
    found = [x for x in run.stderr.splitlines() if "[date-after-document]" in x]
    assert len(found) == 1, run.stderr
    source = corpus / "late.txt"
    assert found[0].startswith(f"{source}:{line}: warning: date 1963-02-20")
    generated = out / "tei" / "late.xml"
    assert f"(in {generated}:" in found[0]
    # The bracketed place is where the date is in the generated TEI.
    place = found[0].rsplit(f"(in {generated}:", 1)[1].rstrip(")")
    gen_line, gen_col = map(int, place.split(":"))
    tei_line = generated.read_text(encoding="utf-8").splitlines()[gen_line - 1]
    assert tei_line[gen_col - 1:].startswith("<date when=\"1963-02-20\"")
    # The TEI itself carries no trace of the mapping.
    assert "<p n=" not in generated.read_text(encoding="utf-8")


def test_a_footnote_marker_is_reported_once(tmp_path):
    text, line = seed_with(ANCHOR + "³")
    corpus = corpus_of(tmp_path, marker=text)
    run = tei("build", str(corpus), "-o", str(tmp_path / "build"))
    assert run.returncode == 0, run.stdout + run.stderr
    about = [x for x in run.stderr.splitlines() if "³" in x]
    assert about == [f"{corpus / 'marker.txt'}:{line}: warning: footnote marker '³' has no "
                     "footnote with that number; kept as text [footnote-marker]"], run.stderr
    assert "1 warning(s)" in run.stdout


def test_totals_per_rule_after_many_findings(tmp_path):
    text, _ = seed_with(ANCHOR + "".join(f" Again on February {20 + n}, 1963."
                                         for n in range(6)))
    corpus = corpus_of(tmp_path, many=text)
    run = tei("build", str(corpus), "-o", str(tmp_path / "build"))
    assert run.returncode == 0, run.stdout + run.stderr
    totals = [x for x in run.stderr.splitlines() if x.startswith("findings by rule: ")]
    assert totals == ["findings by rule: warning: date-after-document 6"], run.stderr
    few = corpus_of(tmp_path / "few", one=seed_with(f"{ANCHOR} On February 20, 1963.")[0])
    run = tei("build", str(few), "-o", str(tmp_path / "few" / "build"))
    assert "findings by rule" not in run.stderr


def test_quiet_prints_errors_only_in_every_command(tmp_path):
    text, _ = seed_with(ANCHOR + "³")
    corpus = corpus_of(tmp_path, marker=text)
    (corpus / "broken.txt").write_bytes(b"\x00\x01")
    build = tei("build", "-q", str(corpus), "-o", str(tmp_path / "build"))
    convert = tei("convert", "-q", str(corpus), "-o", str(tmp_path / "tei"))
    render = tei("render", "-q", str(tmp_path / "tei"), "-o", str(tmp_path / "site"))
    validate = tei("validate", "-q", str(tmp_path / "tei"))
    for run in (build, convert, render, validate):
        assert run.stdout == "", run.args
        assert "warning" not in run.stderr, run.args
    assert build.returncode == convert.returncode == 1
    assert render.returncode == validate.returncode == 0
    for run in (build, convert):
        lines = run.stderr.splitlines()
        assert len(lines) == 1 and "broken.txt" in lines[0] and "error" in lines[0]
    assert render.stderr == validate.stderr == ""


def test_quiet_is_in_every_help():
    for command in ("convert", "validate", "render", "build"):
        run = tei(command, "--help")
        assert "print errors only" in " ".join(run.stdout.split()), command


@pytest.mark.parametrize("option, effect", [
    (["--strict"], "error"),
    (["--ignore", "date-after-document"], "none"),
])
def test_build_takes_the_validation_options(tmp_path, option, effect):
    text, _ = seed_with(f"{ANCHOR} On February 20, 1963.")
    corpus = corpus_of(tmp_path, late=text)
    run = tei("build", str(corpus), "-o", str(tmp_path / "build"), *option)
    rule = [x for x in run.stderr.splitlines() if "[date-after-document]" in x]
    if effect == "error":
        assert run.returncode == 1 and rule and ": error: " in rule[0]
        assert "0 valid, 0 rendered" in run.stdout
    else:
        assert run.returncode == 0 and not rule


def test_build_takes_schema_and_jobs(tmp_path):
    text, _ = seed_with(f"{ANCHOR} On February 20, 1963.")
    corpus = corpus_of(tmp_path, one=SEED.read_text(encoding="utf-8"), late=text)
    run = tei("build", str(corpus), "-o", str(tmp_path / "build"), "-j", "2",
              "--schema", str(tmp_path / "missing.xsd"))
    assert run.returncode == 2
    assert "missing.xsd" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "build" / "tei").exists(), "the schema is checked before converting"
    from tei.resources import project_schema

    run = tei("build", str(corpus), "-o", str(tmp_path / "build"), "-j", "2",
              "--schema", str(project_schema()))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 document(s): 2 converted, 2 valid, 2 rendered" in run.stdout
    assert "[date-after-document]" in run.stderr


def test_build_lists_names_in_no_register(tmp_path):
    corpus = corpus_of(tmp_path, one=SEED.read_text(encoding="utf-8"))
    (corpus / "persons.xml").unlink()
    run = tei("build", str(corpus), "-o", str(tmp_path / "build"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "names in no register: " in run.stdout


def test_build_report_has_every_finding(tmp_path):
    text, line = seed_with(f"{ANCHOR}³ On February 20, 1963.")
    corpus = corpus_of(tmp_path, late=text)
    (corpus / "broken.txt").write_bytes(b"\x00\x01")
    report = tmp_path / "build-report.json"
    run = tei("build", str(corpus), "-o", str(tmp_path / "build"), "--report", str(report))
    assert run.returncode == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["command"] == "build"
    assert data["summary"]["documents"] == 2 and data["summary"]["rendered"] == 1
    rules = {(f["rule"], f["severity"], Path(f["file"]).name, f["line"])
             for f in data["findings"]}
    assert ("footnote-marker", "warning", "late.txt", line) in rules
    assert ("date-after-document", "warning", "late.txt", line) in rules
    assert ("conversion", "error", "broken.txt", None) in rules
    dated = next(f for f in data["findings"] if f["rule"] == "date-after-document")
    assert dated["generated"].startswith(str(tmp_path / "build" / "tei" / "late.xml") + ":")
