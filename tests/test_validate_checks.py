"""Editorial checks: warnings by default, errors with strict, each switchable by its id."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei.validate import SWITCHABLE, validate_paths
from tei.validate.checks import is_after

DATA = Path(__file__).parent / "data" / "validate"
EDITORIAL = DATA / "editorial"
EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "example.tei.xml"

# file stem == check id: (line, col, message)
FINDINGS = {
    "persname-ref": (55, 36, 'persName "Keeper Vik" has no @ref: link it to a person of '
                             'particDesc (ref="#id"), or leave the name as plain text'),
    "ref-dangling": (55, 36, '@ref="#vik-b" of persName "Keeper Vik" points to no xml:id in '
                             "this file: add the entry to particDesc/settingDesc, or correct "
                             "the reference"),
    "date-value": (55, 97, 'date "28 February" has no normalised value: add @when in ISO 8601 '
                           "(e.g. 1962-10-27), or @from and @to for a range"),
    "footnote-empty": (55, 140, "footnote 1 is empty: its marker has no note; add the "
                                "footnote's text, or remove the marker"),
    "footnote-marker": (55, 97, 'superscript "¹" looks like a footnote marker without its '
                                'note: encode it as note place="foot" n="1" with its text'),
    "date-after-document": (55, 97, 'date 1958-04-28 ("28 April") is after the document\'s '
                                    "own date 1958-03-02: check the year, or the document date"),
}


# The project schema refuses a dangling name reference itself (ref-resolves); the
# ref-dangling check is for schemas that look at no pointers, like this one.
ANYTHING = Path(__file__).resolve().parent / "data" / "validate" / "schemas" / "anything.rng"


def schema_for(rule: str) -> Path | None:
    return ANYTHING if rule == "ref-dangling" else None


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))


def test_every_document_check_has_a_fixture():
    assert sorted(FINDINGS) == sorted(set(SWITCHABLE) - {"duplicate-id"})
    assert sorted(p.stem for p in EDITORIAL.glob("*.xml")) == sorted(FINDINGS)


@pytest.mark.parametrize("rule", sorted(FINDINGS))
def test_a_finding_is_a_warning_and_the_file_stays_valid(rule):
    report = validate_paths([EDITORIAL / f"{rule}.xml"], schema=schema_for(rule))
    [issue] = report.issues
    assert (issue.line, issue.col, issue.message) == FINDINGS[rule]
    assert (issue.rule, issue.severity) == (rule, "warning")
    assert report.valid


@pytest.mark.parametrize("rule", sorted(FINDINGS))
def test_strict_makes_a_finding_an_error(rule):
    report = validate_paths([EDITORIAL / f"{rule}.xml"], strict=True, schema=schema_for(rule))
    [issue] = report.issues
    assert (issue.rule, issue.severity) == (rule, "error")
    assert not report.valid


@pytest.mark.parametrize("rule", sorted(FINDINGS))
def test_ignore_switches_a_check_off(rule):
    report = validate_paths([EDITORIAL / f"{rule}.xml"], strict=True, ignore=[rule],
                            schema=schema_for(rule))
    assert report.issues == []
    assert report.valid


def test_an_unknown_check_id_is_refused():
    with pytest.raises(ValueError, match="unknown check id"):
        validate_paths([EXAMPLE], ignore=["persname-refs"])


def copy_with_id(tmp_path: Path, name: str, document_id: str, extra: str = "") -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace('xml:id="wcda-110442"',
                                                       f'xml:id="{document_id}"')
    text = text.replace('<p>... but he thought', f'<p>{extra}... but he thought', 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_id_used_by_two_files_of_one_run_is_reported_in_both(tmp_path):
    first = copy_with_id(tmp_path, "a.xml", "doc-same")
    second = copy_with_id(tmp_path, "b.xml", "doc-same")
    third = copy_with_id(tmp_path, "c.xml", "doc-other")
    report = validate_paths([first, second, third], ignore=["ref-dangling"])
    found = {(Path(i.file).name, i.line, i.col, i.rule, i.severity) for i in report.issues}
    assert found == {("a.xml", 4, 1, "duplicate-id", "warning"),
                     ("b.xml", 4, 1, "duplicate-id", "warning")}
    message = next(i.message for i in report.issues if i.file == str(first))
    assert message == (f'xml:id "doc-same" of <TEI> is also used in {second}: ids must be '
                       "unique across the collection")
    assert validate_paths([first, second], strict=True, ignore=["ref-dangling"]).valid is False
    assert validate_paths([first, second], ignore=["ref-dangling", "duplicate-id"]).issues == []


def test_register_copies_and_responsibilities_may_repeat_across_files(tmp_path):
    first = copy_with_id(tmp_path, "a.xml", "doc-a")
    second = copy_with_id(tmp_path, "b.xml", "doc-b")  # same person and respStmt ids
    assert validate_paths([first, second], strict=True, ignore=["ref-dangling"]).issues == []


def test_ids_in_the_text_must_be_unique_across_files(tmp_path):
    anchor = '<pb xml:id="page-2"/>'
    first = copy_with_id(tmp_path, "a.xml", "doc-a", anchor)
    second = copy_with_id(tmp_path, "b.xml", "doc-b", anchor)
    report = validate_paths([first, second], ignore=["ref-dangling"])
    assert [(Path(i.file).name, i.rule) for i in report.issues] == [
        ("a.xml", "duplicate-id"), ("b.xml", "duplicate-id")]


@pytest.mark.parametrize(("value", "reference", "after"), [
    ("1962-11-13", "1962-11-12", True),
    ("1962-11-12", "1962-11-12", False),
    ("1962-11-20", "1962-11", False),  # the same month as a month-precise document date
    ("1962-12", "1962-11-30", True),
    ("1963", "1962-11-12", True),
    ("1962", "1962-11-12", False),
    ("1962-10-27T10:00:00", "1962-10-27", False),
])
def test_after_compares_at_the_shared_precision(value, reference, after):
    assert is_after(value, reference) is after


@pytest.mark.parametrize(("value", "grace", "after"), [
    ("1962-11-15", 3, False), ("1962-11-16", 3, True), ("1962-11-13", 0, True),
    ("1962-12", 60, True),  # month precision: the grace counts days only
])
def test_a_grace_in_days_allows_dates_just_after_the_document(value, grace, after):
    assert is_after(value, "1962-11-12", grace) is after


def test_dates_in_notes_and_within_the_grace_are_not_reported(tmp_path):
    path = tmp_path / "later.xml"
    source = (EDITORIAL / "date-after-document.xml").read_text(encoding="utf-8")
    path.write_text(source.replace(
        "Counted twice.", 'Counted again on <date when="1959-01-01">1 January 1959</date>.'),
        encoding="utf-8")
    found = validate_paths([path]).issues
    assert [(i.rule, i.message.split(" (")[0]) for i in found] == [
        ("date-after-document", "date 1958-04-28")]
    assert validate_paths([path], date_grace_days=57).issues == []
    assert len(validate_paths([path], date_grace_days=56).issues) == 1


def test_the_example_has_no_editorial_findings():
    report = validate_paths([EXAMPLE], strict=True)
    assert report.issues == []
    assert report.valid
