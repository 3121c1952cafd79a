"""Legal TEI never crashes the validator, and a failure on one file stays that file's error.

The pickle cache matters here: a schema loaded from it (every run after the first) evaluates
its assertions with a re-bound parser, which is where list-valued pointers used to fail.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tei import workers
from tei.validate import runner, schemas, validate_paths
from tei.validate.schemas import load_grammar

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "example.tei.xml"
SCRIPT = Path(sys.executable).parent / "tei"
TWO_PEOPLE = '<persName ref="#kennedy-robert">Robert Kennedy</persName>'


def tei_validate(*args: str, cache: Path) -> subprocess.CompletedProcess:
    assert SCRIPT.exists(), f"install the project first: pip install -e {ROOT}"
    return subprocess.run([str(SCRIPT), "validate", *args], capture_output=True, text=True,
                          env={**os.environ, "TEI_EDITION_CACHE_DIR": str(cache)}, timeout=600)


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if needle in text)


def with_pointer_list(folder: Path, name: str, refs: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        TWO_PEOPLE, f'<persName ref="{refs}">Robert Kennedy</persName>', 1)
    text = text.replace('xml:id="wcda-110442"', f'xml:id="{name}"', 1)
    path = folder / f"{name}.xml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_list_valued_pointer_is_validated_from_a_warm_cache(tmp_path, jobs):
    folder = tmp_path / "docs"
    with_pointer_list(folder, "both-resolve", "#kennedy-robert #kennedy-john")
    dangling = with_pointer_list(folder, "one-dangles", "#kennedy-robert #nobody")
    cache = tmp_path / "cache"
    for _ in range(2):  # the first run compiles and caches, the second loads the pickle
        run = tei_validate(str(folder), "-j", jobs, "--ignore", "persname-ref",
                           "--ignore", "ref-dangling", cache=cache)
        assert "Traceback" not in run.stderr, run.stderr
        assert run.returncode == 1, run.stderr
        assert run.stdout == (f"{dangling}:{line_of(dangling, '#nobody')}:53: error: "
                              "@ref=\"#nobody\" on <persName> points "
                              "to no xml:id in this file: add xml:id=\"nobody\" to the element "
                              "it means, or correct the pointer [ref-resolves]\n")


def test_assertions_loaded_from_the_cache_can_word_their_errors(tmp_path, monkeypatch):
    from xmlschema.validators.assertions import XsdAssert

    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))
    schemas._LOADED.clear()
    load_grammar()
    schemas._LOADED.clear()
    compiled = load_grammar().compiled  # from the pickle
    asserts = [c for c in compiled.maps.iter_components() if isinstance(c, XsdAssert)]
    assert asserts
    assert all(a.parser.source == a.path for a in asserts)
    schemas._LOADED.clear()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crash_on_one_file_is_that_files_error_not_the_runs(tmp_path, monkeypatch, jobs):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", "off")
    good = with_pointer_list(tmp_path, "good", "#kennedy-robert")
    bad = with_pointer_list(tmp_path, "bad", "#kennedy-robert")
    real = runner.grammar_issues

    class Unprintable(Exception):
        def __str__(self) -> str:
            raise AttributeError("no source")

    def failing_on_bad(grammar, tree, locator, file, parts=None):
        if file == str(bad):
            raise Unprintable()
        return real(grammar, tree, locator, file, parts)

    # Workers forked from this process see the patch too (they normally start from a
    # fork server, which would import the module afresh).
    monkeypatch.setattr(workers, "_context", lambda *_: multiprocessing.get_context("fork"))
    monkeypatch.setattr(runner, "grammar_issues", failing_on_bad)
    report = validate_paths([good, bad], jobs=jobs)
    by_file = {result.file: result for result in report.files}
    assert by_file[str(good)].valid
    [issue] = by_file[str(bad)].issues
    assert (issue.severity, issue.rule, issue.line) == ("error", "internal-error", 1)
    assert "Unprintable" in issue.message
