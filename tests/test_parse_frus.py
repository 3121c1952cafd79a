"""The FRUS-derived development documents parse with nothing lost and the expected shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.parse import overlaps, read_document, uncovered

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
FRUS_INPUT = SHARED / "eval" / "frus-dev" / "input"
FILES = sorted(FRUS_INPUT.glob("*.txt")) if FRUS_INPUT.is_dir() else []

needs_frus = pytest.mark.skipif(
    not FILES, reason=f"the FRUS development set is not present at {FRUS_INPUT}"
)


@needs_frus
def test_all_fourteen_are_present() -> None:
    assert len(FILES) == 14


@needs_frus
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_frus_document_loses_nothing(path: Path) -> None:
    doc = read_document(path)
    assert uncovered(doc) == []
    assert overlaps(doc) == []
    assert doc.warnings == []
    h = doc.header
    assert h.date_line is not None and h.title is not None
    assert h.url is not None and h.url.startswith("https://history.state.gov/")
    assert [c.text for c in h.contents] == ["Transcript - English"]
    assert h.source is not None
    assert any(b.kind == "p" for b in doc.blocks)
    # The FRUS dateline opens the body (place, date and often a time of day).
    openers = [b for b in doc.blocks if b.section == "opener"]
    assert openers and openers[0].kind == "dateline"
    assert doc.footnotes == [] or [n.n for n in doc.footnotes] == [
        str(k) for k in range(1, len(doc.footnotes) + 1)
    ]


@needs_frus
@pytest.mark.parametrize(
    ("stem", "signer", "notes"),
    [
        ("frus1961-63v15_d226", "Kohler", 2),
        ("frus1961-63v15_d227", "DR", 0),
        ("frus1961-63v15_d229", "Rusk", 1),
        ("frus1961-63v15_d230", "McG. B.", 1),
        ("frus1961-63v15_d231", "DK WYS", 1),
        ("frus1961-63v15_d224", None, 5),
    ],
)
def test_frus_signer_and_footnotes(stem: str, signer: str | None, notes: int) -> None:
    doc = read_document(FRUS_INPUT / f"{stem}.txt")
    signed = [b.text for b in doc.blocks if b.kind == "signed"]
    assert signed == ([signer] if signer else [])
    assert len(doc.footnotes) == notes


@needs_frus
def test_frus_memcon_heading_lists() -> None:
    doc = read_document(FRUS_INPUT / "frus1961-63v15_d231.txt")
    opener = [(b.attrs.get("type"), b.text) for b in doc.blocks if b.section == "opener"]
    assert opener[1:3] == [("heading", "SUBJECT"), ("field", opener[2][1])]
    assert opener[2][1].startswith("Meeting with the President, Monday, October 21")
    assert ("heading", "PARTICIPANTS") in opener
    assert ("field", "Lt Colonel W. Y. Smith") in opener
    first_p = next(b for b in doc.blocks if b.kind == "p")
    assert first_p.text.startswith("After discussion on the recent convoy problems")


@needs_frus
def test_frus_numbered_paragraphs_are_not_footnotes() -> None:
    doc = read_document(FRUS_INPUT / "frus1961-63v15_d229.txt")
    labels = [b.text[: b.labels[0][1]] for b in doc.blocks if b.labels]
    assert labels == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "a.", "b.", "c.", "9.", "10."]
    assert [n.n for n in doc.footnotes] == ["1"]
