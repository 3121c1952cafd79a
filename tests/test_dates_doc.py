"""docs/dates.md lists every record of DATE_FORMS, in the table's order, with its priority,
examples its pattern matches and a section that exists; it names no record that does not."""

from __future__ import annotations

import re
from pathlib import Path

from tei.annotate.dates_table import DATE_FORMS

DOC = Path(__file__).resolve().parent.parent / "docs" / "dates.md"
_ROW = re.compile(r"^\| `([a-z-]+)` \| `([A-Z]+)` \| (.+?) \| (.+?) \|$")


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            name, priority, examples, section = match.groups()
            rows.append((name, priority, examples, section))
    return rows


def test_record_names_are_unique() -> None:
    names = [form.name for form in DATE_FORMS]
    assert len(names) == len(set(names))


def test_the_doc_lists_every_record_in_the_table_order_and_no_other() -> None:
    assert [row[0] for row in _rows()] == [form.name for form in DATE_FORMS]


def test_each_row_gives_the_record_its_priority() -> None:
    priorities = {form.name: form.priority.name for form in DATE_FORMS}
    assert [(name, priority) for name, priority, _, _ in _rows()
            if priorities.get(name) != priority] == []


def test_each_example_is_matched_by_its_record() -> None:
    forms = {form.name: form for form in DATE_FORMS}
    unmatched = []
    for name, _, cell, _ in _rows():
        examples = re.findall(r"`([^`]+)`", cell)
        assert examples, f"{name}: no example"
        unmatched += [f"{name}: {example}" for example in examples
                      if name in forms and forms[name].pattern.search(example) is None]
    assert unmatched == []


def test_each_row_points_to_a_section_of_the_doc() -> None:
    headings = set(re.findall(r"^###? (.+)$", DOC.read_text(encoding="utf-8"), re.M))
    assert sorted({section for *_, section in _rows()} - headings) == []
