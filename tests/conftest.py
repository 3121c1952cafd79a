"""Shared test settings: reproducible output and the paths every test needs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
TEI_ALL_RNG = SHARED / "tei-p5" / "tei_all.rng"

# The conversion date in revisionDesc comes from SOURCE_DATE_EPOCH: fix it for every test.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS
