"""Shared test settings: reproducible output and the paths every test needs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
TEI_ALL_RNG = SHARED / "tei-p5" / "tei_all.rng"

# Property tests: in CI a fixed, derandomized run, so a failure is never a coin toss and
# reruns reproduce it; locally a random run each time, which explores more over many runs.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# The conversion date in revisionDesc comes from SOURCE_DATE_EPOCH: fix it for every test.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def tei_all():
    """The official tei_all RELAX NG schema, loaded once (about 4 s)."""
    from lxml import etree

    if not TEI_ALL_RNG.exists():
        pytest.skip(f"tei_all.rng not found at {TEI_ALL_RNG}: conformance not checked")
    return etree.RelaxNG(etree.parse(str(TEI_ALL_RNG)))


def require(available: bool, reason: str) -> None:
    """Skip with the reason when a tool is missing; in CI a missing tool is a failure."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: run .ci/install-browser-tools.sh)")
    pytest.skip(f"{reason}; run .ci/install-browser-tools.sh to install it")
