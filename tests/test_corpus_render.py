"""The corpus through ``tei build``: golden HTML and text (read by eye before commit),
and the text version holds every word of each source body, in order."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tei.parse import read_document
from tests.conftest import CORPUS
from tests.test_corpus_tei import STEMS, tei_command
from tests.test_render_text import first_missing_word, words


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    run = subprocess.run([*tei_command(), "build", str(CORPUS), "-o", str(out)],
                         capture_output=True, text=True,
                         env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert run.returncode == 0, run.stdout + run.stderr
    return out


def source_body_words(stem: str) -> list[str]:
    doc = read_document(CORPUS / f"{stem}.txt")
    text = " ".join([b.text for b in doc.blocks] + [f.text for f in doc.footnotes])
    return words(text)


@pytest.mark.parametrize("stem", STEMS)
def test_text_has_every_source_word_in_order(built, stem):
    expected = source_body_words(stem)
    text = (built / "text" / f"{stem}.txt").read_text(encoding="utf-8")
    missing = first_missing_word(expected, text)
    assert missing is None, (
        f"word {missing} ({expected[missing]!r}) of the source body is missing or out of "
        f"order; it follows {' '.join(expected[max(0, missing - 8):missing])!r}")


@pytest.mark.parametrize("stem", STEMS)
def test_golden_text(built, stem, file_regression):
    file_regression.check((built / "text" / f"{stem}.txt").read_text(encoding="utf-8"),
                          basename=stem, extension=".txt")


@pytest.mark.parametrize("stem", STEMS)
def test_golden_html(built, stem, file_regression):
    file_regression.check((built / "html" / f"{stem}.html").read_text(encoding="utf-8"),
                          basename=stem, extension=".html")
