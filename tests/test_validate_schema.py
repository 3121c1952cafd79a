"""The project schema: accepts the contract example and every construct of the profile, and
never more than TEI P5 (each document it accepts is also valid against tei_all, the
session fixture of conftest.py)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei.resources import project_schema
from tei.validate import load_grammar, validate_paths
from tei.validate.schemas import schema_kind

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "validate"
EXAMPLE = ROOT / "docs" / "example.tei.xml"
# The editorial fixtures pass the grammar, all but the dangling name reference, which the
# project schema's ref-resolves assertion refuses (the ref-dangling check reports it for
# schemas that do not look at pointers, tei_all among them).
DANGLING = DATA / "editorial" / "ref-dangling.xml"
ACCEPTED = [EXAMPLE, DATA / "valid" / "maximal.xml",
            *sorted(p for p in (DATA / "editorial").glob("*.xml") if p != DANGLING)]


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_EDITION_CACHE_DIR", str(tmp_path / "cache"))


def project_errors(path: Path) -> list[str]:
    grammar = load_grammar()
    tree = etree.parse(str(path))
    return [error.reason for error in grammar.compiled.iter_errors(tree)]


def test_the_project_schema_is_xsd_11():
    assert schema_kind(project_schema()) == "xsd11"
    assert load_grammar().kind == "xsd11"


def test_the_schema_is_compiled_once_per_process():
    assert load_grammar() is load_grammar(project_schema())


@pytest.mark.parametrize("path", ACCEPTED, ids=lambda p: p.name)
def test_accepted_by_the_project_schema(path):
    assert project_errors(path) == []


@pytest.mark.parametrize("path", ACCEPTED, ids=lambda p: p.name)
def test_everything_the_project_schema_accepts_is_valid_tei(tei_all, path):
    valid = tei_all.validate(etree.parse(str(path)))
    assert valid, [f"{e.line}: {e.message}" for e in tei_all.error_log][:5]


def test_the_example_passes_tei_validate_without_errors():
    report = validate_paths([EXAMPLE])
    assert report.valid
    assert report.files[0].errors == []


def test_the_maximal_document_uses_every_element_the_schema_declares():
    schema_tree = etree.parse(str(project_schema()))
    xs = "{http://www.w3.org/2001/XMLSchema}"
    declared = {e.get("name") for e in schema_tree.iter(f"{xs}element") if e.get("name")}
    used = {etree.QName(e).localname for e in etree.parse(str(DATA / "valid" / "maximal.xml")
                                                          ).iter() if isinstance(e.tag, str)}
    assert declared - used == set()


@pytest.mark.parametrize("fragment", [
    '<note xmlns="http://www.tei-c.org/ns/1.0" place="foot" n="1">alone</note>',
    '<p xmlns="http://www.tei-c.org/ns/1.0">alone</p>',
    '<teiHeader xmlns="http://www.tei-c.org/ns/1.0"/>',
])
def test_only_tei_is_a_document(fragment):
    grammar = load_grammar()
    assert not grammar.compiled.is_valid(etree.ElementTree(etree.fromstring(fragment)))


def test_an_undated_document_may_leave_its_date_empty(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        '<date when="1962-11-12">November 12, 1962</date>\n      </creation>',
        "<date/>\n      </creation>")
    assert "<date/>" in text
    path = tmp_path / "undated.xml"
    path.write_text(text, encoding="utf-8")
    assert project_errors(path) == []


# -- never wider than TEI: random edits of the maximal document ---------------------------

EDITS = ("drop", "double", "swap")


def edited(tree: etree._ElementTree, edits: list[tuple[str, int]]) -> etree._ElementTree:
    """The document with elements dropped (keeping their tail text), doubled or swapped with
    their next sibling; indexes count the elements below the root in document order."""
    result = copy.deepcopy(tree)
    for edit, index in edits:
        elements = [e for e in result.getroot().iter() if isinstance(e.tag, str)][1:]
        if not elements:
            break
        element = elements[index % len(elements)]
        parent = element.getparent()
        if edit == "drop":
            previous = element.getprevious()
            if element.tail:
                if previous is not None:
                    previous.tail = (previous.tail or "") + element.tail
                else:
                    parent.text = (parent.text or "") + element.tail
            parent.remove(element)
        elif edit == "double":
            twin = copy.deepcopy(element)
            twin.tail = None
            twin.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
            for inner in twin.iter():
                inner.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
            element.addnext(twin)
        else:
            following = element.getnext()
            if following is not None:
                following.addnext(element)
    return result


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000)), min_size=1,
                max_size=3))
def test_an_edited_document_the_project_accepts_is_valid_tei(tei_all, edits):
    tree = edited(etree.parse(str(DATA / "valid" / "maximal.xml")), edits)
    if load_grammar().compiled.is_valid(tree):
        assert tei_all.validate(tree), (edits, [e.message for e in tei_all.error_log][:3])


@pytest.mark.parametrize(("when", "accepted"), [
    ("1962", True), ("1962-10", True), ("1962-10-27", True), ("0001", True),
    ("1960-02-29", True), ("1962-10-27T10:00:00", True), ("1962-10-27T10:00:00+14:00", True),
    ("0000", False), ("1962-02-29", False), ("1962-13", False), ("62-10-27", False),
    ("1962-10-27T10:00", False), ("1962-10-27Z", False), ("-1962", False), ("19620", False),
])
def test_date_values_accepted_here_are_valid_tei(tei_all, when, accepted):
    text = EXAMPLE.read_text(encoding="utf-8").replace('<date when="1962-10-27">',
                                                       f'<date when="{when}">')
    tree = etree.ElementTree(etree.fromstring(text.encode("utf-8")))
    assert load_grammar().compiled.is_valid(tree) is accepted
    if accepted:
        assert tei_all.validate(tree)


@pytest.mark.parametrize(("target", "accepted"), [
    ("https://licence.example.org/terms", True), ("#ed", True), ("HTTPS://x.example/", True),
    ("http://x/?a=b&amp;c=d", True), ("x/a:b", True), ("http://ü.example/", True),
    ("http://x/%7e", True), ("x.html#a", True),
    # Schemes other than http(s) are valid TEI, but would be links on the reading site.
    ("urn:a:b", False), ("mailto:a@b", False), ("javascript:alert(1)", False),
    ("data:,x", False), ("vbscript:x", False), ("https:x", False),
    ("http://x/[y]", False), ("a#b#c", False), ("1:x", False), ("x%", False),
    ("http://x/a%2", False), ("{x}", False), ("http://[::1]/", False),
])
def test_pointer_values_accepted_here_are_valid_tei(tei_all, target, accepted):
    text = (DATA / "valid" / "maximal.xml").read_text(encoding="utf-8").replace(
        'target="https://licence.example.org/terms"', f'target="{target}"')
    tree = etree.ElementTree(etree.fromstring(text.encode("utf-8")))
    assert load_grammar().compiled.is_valid(tree) is accepted
    if accepted:
        assert tei_all.validate(tree)


def test_a_dangling_name_reference_is_a_schema_error():
    report = validate_paths([DANGLING])
    errors = [(i.line, i.col, i.rule, i.message) for i in report.issues
              if i.severity == "error"]
    assert errors == [(55, 36, "ref-resolves",
                       '@ref="#vik-b" on <persName> points to no xml:id in this file: add '
                       'xml:id="vik-b" to the element it means, or correct the pointer')]
    assert report.valid is False
