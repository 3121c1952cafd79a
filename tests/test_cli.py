"""The installed ``tei`` command: exit statuses and messages of convert and build."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import CORPUS
from tests.test_corpus_tei import tei_command

SEED = CORPUS / "1962-11-12_dobrynin.txt"


def tei(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*tei_command(), *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})


def test_help_lists_every_command():
    run = tei("--help")
    assert run.returncode == 0
    for command in ("convert", "validate", "render", "build"):
        assert command in run.stdout


def test_no_command_is_a_usage_error():
    assert tei().returncode == 2


def test_convert_ok(tmp_path):
    run = tei("convert", str(SEED), "-o", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "1962-11-12_dobrynin.xml").is_file()
    assert "converted 1 of 1 file(s)" in run.stdout


def test_convert_missing_input_is_status_2(tmp_path):
    run = tei("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"))
    assert run.returncode == 2
    assert "nope.txt: no such file or folder" in run.stderr


def test_convert_without_output_is_status_2():
    run = tei("convert", str(SEED))
    assert run.returncode == 2
    assert "-o/--output" in run.stderr


def test_bad_files_fail_alone(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(SEED.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (inputs / "prose.txt").write_text(
        "We walked along the river in the evening and talked about the harvest.\n\n"
        "Nothing else happened that day.\n", encoding="utf-8")
    (inputs / "latin1.txt").write_bytes(SEED.read_bytes().replace(b"\xc3\xa9", b"\xe9"))
    out = tmp_path / "out"
    run = tei("convert", str(inputs), "-o", str(out), "--register",
              str(CORPUS / "persons.xml"))
    assert run.returncode == 1
    assert sorted(p.name for p in out.glob("*.xml")) == ["good.xml"]
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4, run.stderr
    for name in ("empty.txt", "binary.txt", "prose.txt", "latin1.txt"):
        assert any(name in line for line in errors), f"no message for {name}"
    assert "converted 1 of 5 file(s); 4 failed" in run.stdout


def test_report_lists_unregistered_names(tmp_path):
    import json

    report = tmp_path / "report.json"
    starter = Path(__file__).parent.parent / "docs" / "examples" / "starter-persons.xml"
    run = tei("convert", str(CORPUS), "-o", str(tmp_path / "out"), "--report", str(report),
              "--register", str(starter))
    assert run.returncode == 0, run.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [Path(f["file"]).name for f in data["files"]] == [
        "1962-11-06_kuznetsov-zorin.txt", "1962-11-12_dobrynin.txt"]
    names = [f for f in data["findings"] if f["rule"] == "unregistered-name"]
    assert names
    for finding in names:
        assert isinstance(finding["line"], int) and finding["severity"] == "info"
        assert finding["message"].endswith("is in no register")
    assert sum(data["unregistered"].values()) == len(names)


def test_build_corpus(tmp_path):
    run = tei("build", str(CORPUS), "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 document(s): 2 converted, 2 valid, 2 rendered" in run.stdout


def test_build_goes_on_after_a_failure(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for item in CORPUS.iterdir():
        (corpus / item.name).write_bytes(item.read_bytes())
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02")
    run = tei("build", str(corpus), "-o", str(tmp_path / "out"))
    assert run.returncode == 1
    assert "3 document(s): 2 converted, 2 valid, 2 rendered" in run.stdout
    assert "broken.txt" in run.stderr
    assert len(list((tmp_path / "out" / "html").glob("1962-*.html"))) == 2


def test_build_keeps_a_word_hyphenated_at_a_line_end_valid(tmp_path):
    """A word split across a line end becomes lb[@break='no'], which the schema allows."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for item in CORPUS.iterdir():
        (corpus / item.name).write_bytes(item.read_bytes())
    text = SEED.read_text(encoding="utf-8")
    anchor = "he thought that there"
    assert anchor in text
    (corpus / "hyphen.txt").write_text(
        text.replace(anchor, "he thought that at the begin-\nning there", 1), encoding="utf-8")
    run = tei("build", str(corpus), "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 document(s): 3 converted, 3 valid, 3 rendered" in run.stdout
    assert '<lb break="no"/>' in (tmp_path / "out" / "tei" / "hyphen.xml").read_text()
    assert (tmp_path / "out" / "html" / "hyphen.html").exists()


def test_build_missing_corpus_is_status_2(tmp_path):
    assert tei("build", str(tmp_path / "none"), "-o", str(tmp_path / "out")).returncode == 2


def test_guessed_choices_are_warnings_with_file_and_line(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("Your instructions have been carried out.",
                        "Your instructions have been carried out.³ [3]")
    source = tmp_path / "guessed.txt"
    source.write_text(text, encoding="utf-8")
    run = tei("convert", str(source), "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "carried out.³" in t)
    assert (f"{source}:{line}: warning: footnote marker '³' has no footnote with that number; "
            "kept as text") in run.stderr
    assert (f"{source}:{line}: warning: '[3]' looks like a footnote marker but no footnote "
            "has that number; kept as text") in run.stderr
