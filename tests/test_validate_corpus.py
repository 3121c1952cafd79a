"""The sample corpus as a new user meets it: it builds clean and its folder validates."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SCRIPT = Path(sys.executable).parent / "tei"


def tei(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    assert SCRIPT.exists(), f"install the project first: pip install -e {ROOT}"
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "TEI_EDITION_CACHE_DIR": "off"}, timeout=600)


def test_the_sample_corpus_builds_without_a_warning(tmp_path):
    # Its telegram of 6 November announces departures "on 6 and 7 November" and a removal
    # "no later than 10 November": dates ahead, not wrong years.
    run = tei("build", str(CORPUS), "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "warning" not in run.stderr, run.stderr
    assert "0 error(s), 0 warning(s)" in run.stdout


def test_dates_a_month_after_the_document_are_still_reported(tmp_path):
    out = tmp_path / "out"
    assert tei("convert", str(CORPUS), "-o", str(out)).returncode == 0
    tei_file = out / "1962-11-06_kuznetsov-zorin.xml"
    text = tei_file.read_text(encoding="utf-8")
    assert 'when="1962-11-10"' in text
    tei_file.write_text(text.replace('when="1962-11-10"', 'when="1962-12-08"', 1),
                        encoding="utf-8")
    run = tei("validate", str(tei_file))
    assert run.returncode == 0
    assert "date 1962-12-08" in run.stdout and "[date-after-document]" in run.stdout
    strict = tei("validate", "--date-grace", "0", str(out / "1962-11-06_kuznetsov-zorin.xml"))
    assert strict.stdout.count("[date-after-document]") >= 2


def test_the_corpus_folder_validates_documents_and_registers_together(tmp_path):
    out = tmp_path / "corpus"
    assert tei("convert", str(CORPUS), "-o", str(out)).returncode == 0
    for register in ("persons.xml", "places.xml"):
        (out / register).write_bytes((CORPUS / register).read_bytes())
    for folder in (CORPUS, out):  # the registers alone, and beside their documents
        run = tei("validate", str(folder))
        assert run.returncode == 0, run.stdout + run.stderr
        assert run.stdout == ""


def test_the_hook_examples_in_the_guide_are_valid_pre_commit_settings():
    import re

    import yaml

    guide = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", guide, re.S)]
    hooks = [hook for block in blocks if isinstance(block, list) for hook in block]
    [narrowed] = [hook for hook in hooks if "exclude" in hook]
    assert narrowed["id"] == "tei-validate"
    files, exclude = re.compile(narrowed["files"]), re.compile(narrowed["exclude"])
    chosen = [path for path in ("corpus/persons.xml", "corpus/1962-11-12.xml",
                                "corpus/drafts/new.xml", "xslt/common.xsl", "build/tei/a.xml")
              if files.search(path) and not exclude.search(path)]
    assert chosen == ["corpus/persons.xml", "corpus/1962-11-12.xml"]
