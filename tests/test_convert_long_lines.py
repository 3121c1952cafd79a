"""Conversion time grows linearly with the input: a telegram with one 100 KB line of a
pathological kind converts in seconds (each of these took minutes when a stage rescanned
the text per warning, per span or per block, or a pattern backtracked)."""

from __future__ import annotations

import pytest

from tei.convert import convert_document, make_finders
from tei.parse import parse_text
from tei.settings import EditionSettings
from tests.conftest import CORPUS

SEED = (CORPUS / "1962-11-12_dobrynin.txt").read_text(encoding="utf-8")
SIZE = 100_000
KINDS = {
    "open brackets": "[[[[",
    "close brackets": "]]]]",
    "small brackets": "[a] ",
    "digits": "1234 ",
    "numbered": "1.1.1. ",
    "word--word": "word--word ",
    "dashes": "-- ",
    "capitalised names": "Ivan Petrov Smith ",
    "dates": "12 November 1962, ",
    "roman dates": "12.XI.62 ",
    "stars": "** ",
}


def with_long_line(piece: str, where: str) -> str:
    line = (piece * (SIZE // len(piece) + 1))[:SIZE]
    at = {"top": 0, "body": SEED.find("\n\n", len(SEED) // 2)}[where]
    return SEED[:at] + "\n\n" + line + "\n\n" + SEED[at:]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("where", ["top", "body"])
@pytest.mark.parametrize("piece", KINDS.values(), ids=KINDS.keys())
def test_a_100kb_line_converts_in_seconds(piece: str, where: str) -> None:
    text = with_long_line(piece, where)
    doc = parse_text(text, "long.txt")
    finders = make_finders([CORPUS / "persons.xml"])
    data, _ = convert_document(doc, text, finders, EditionSettings(), "2024-01-01")
    assert len(data) > SIZE
