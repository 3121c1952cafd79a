"""docs/format-coverage.md names every FORMAT.md ID, the rule that reads it and only parser
tests that exist; docs/layouts.md describes the same ids; the parser's rule tables, the
two pages agree."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from tei.parse.document import RULE_TABLES

ROOT = Path(__file__).resolve().parent.parent
COVERAGE = ROOT / "docs" / "format-coverage.md"
LAYOUTS = ROOT / "docs" / "layouts.md"
FORMAT = ROOT.parent / "shared" / "FORMAT.md"
_ID = r"[A-O](?:[0-9]+[a-z]?|-[A-Z]+)"  # "B1a", "C-OLD"; not the header cell "ID"
_ROW = re.compile(rf"\| ({_ID}) \| (.*?) \| (.*?) \| (.+) \|$")
_TABLE_REF = re.compile(r"`([a-z-]+):([a-z-]+)`")


def _table_rows() -> list[re.Match[str]]:
    return [m for line in COVERAGE.read_text(encoding="utf-8").splitlines()
            if (m := _ROW.match(line))]


def _rows() -> dict[str, str]:
    """The Test cell of each id."""
    return {m.group(1): m.group(4) for m in _table_rows()}


def _rules() -> dict[str, str]:
    """The Rule cell of each id."""
    return {m.group(1): m.group(3) for m in _table_rows()}


def _described() -> list[str]:
    return re.findall(rf"^\| ({_ID}) \| \S", LAYOUTS.read_text(encoding="utf-8"), re.M)


def test_layouts_and_coverage_name_the_same_ids_once_each() -> None:
    described, covered = _described(), [m.group(1) for m in _table_rows()]
    assert len(described) == len(set(described))
    assert len(covered) == len(set(covered))
    assert set(described) == set(covered)


def test_every_rule_table_entry_is_described_and_named_in_its_row() -> None:
    described, rules = set(_described()), _rules()
    missing = []
    for table, entries in RULE_TABLES.items():
        names = [entry.name for entry in entries]
        assert len(names) == len(set(names)), f"{table}: names repeat"
        for entry in entries:
            if entry.layout not in described:
                missing.append(f"{entry.layout} ({table}:{entry.name}) not in docs/layouts.md")
            if f"`{table}:{entry.name}`" not in rules.get(entry.layout, ""):
                missing.append(f"{table}:{entry.name} not in the row of {entry.layout}")
    assert missing == []


def test_every_rule_named_in_the_coverage_table_exists() -> None:
    entries = {f"{table}:{entry.name}" for table, rows in RULE_TABLES.items() for entry in rows}
    wrong = []
    for layout, cell in _rules().items():
        refs = re.findall(r"`([^`]+)`", cell)
        if not refs:
            wrong.append(f"{layout}: no rule named")
        for ref in refs:
            if _TABLE_REF.fullmatch(f"`{ref}`"):
                ok = ref in entries
            elif ref.startswith("tei/"):
                ok = (ROOT / ref).is_file()
            else:
                module, _, name = ref.partition(".")
                ok = hasattr(importlib.import_module(f"tei.parse.{module}"), name)
            if not ok:
                wrong.append(f"{layout}: {ref}")
    assert wrong == []


@pytest.mark.skipif(not FORMAT.is_file(), reason=f"FORMAT.md is not present at {FORMAT}")
def test_every_format_id_has_a_row() -> None:
    ids = re.findall(rf"^\| ({_ID}) \|", FORMAT.read_text(encoding="utf-8"), re.M)
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
