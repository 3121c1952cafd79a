"""docs/format-coverage.md names every FORMAT.md ID and only parser tests that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COVERAGE = ROOT / "docs" / "format-coverage.md"
FORMAT = ROOT.parent / "shared" / "FORMAT.md"


def _rows() -> dict[str, str]:
    rows = {}
    for line in COVERAGE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| ([A-O][0-9A-Za-z-]*) \|[^|]*\| (.+) \|$", line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


@pytest.mark.skipif(not FORMAT.is_file(), reason=f"FORMAT.md is not present at {FORMAT}")
def test_every_format_id_has_a_row() -> None:
    ids = re.findall(r"^\| ([A-O][0-9A-Za-z-]*) \|", FORMAT.read_text(encoding="utf-8"), re.M)
    assert ids, "no IDs found in FORMAT.md"
    assert sorted(set(ids) - set(_rows())) == []


def test_named_parser_tests_exist() -> None:
    missing = []
    for cell in _rows().values():
        file_name = None
        for ref in re.findall(r"`([^`]+)`", cell):
            if ref.startswith("tests/"):
                file_name, _, name = ref.partition("::")
            elif ref.startswith("::"):
                name = ref[2:]
            else:
                continue
            if not file_name or not file_name.startswith("tests/test_parse_") or not name:
                continue
            source = (ROOT / file_name).read_text(encoding="utf-8")
            if f"def {name.split('[')[0]}(" not in source:
                missing.append(f"{file_name}::{name}")
    assert missing == []
